import * as l10n from '@vscode/l10n';
import { get } from '../execInfo';
import { parseDurationNs } from '../units';
import { DOCS, defineRule, fmt } from './define';

export default defineRule({
  id: 'cop-task-skew',
  severity: 'warning',
  title: 'Coprocessor task skew',
  explanation:
    'The slowest cop task (or the most keys one processed) is far above the 95th percentile: data or load is unevenly spread over Regions.',
  examples: {
    flagged: ['fixtures_all/docs2025__tiflash__tune-tiflash-performance__L185'],
    clean: ['fixtures_all/docs2025__develop__dev-guide-create-table__L312'],
  },
  docsUrl: `${DOCS}sql-statement-explain-analyze`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const e = node.executionInfo;
      if (!e) return [];
      const out: Array<{ nodeId: string; message: string; fix: string; impact: number }> = [];
      const max = parseDurationNs(get(e, 'cop_task', 'max'));
      const p95 = parseDurationNs(get(e, 'cop_task', 'p95'));
      const num = Number(get(e, 'cop_task', 'num') ?? 0);
      if (max !== undefined && p95 !== undefined && num >= 4 && max >= 100e6 && max > 4 * Math.max(p95, 1)) {
        out.push({
          nodeId: node.id,
          message: l10n.t(
            '{0}: the slowest of {1} cop tasks took {2} ms against a p95 of {3} ms — one region is much slower than the rest.',
            node.id,
            num,
            (max / 1e6).toFixed(0),
            (p95 / 1e6).toFixed(1),
          ),
          fix: l10n.t(
            'Look for a hotspot or an uneven data distribution (SHOW TABLE … REGIONS); a busy TiKV store shows in the TiKV dashboards.',
          ),
          impact: 35,
        });
      }
      const keys = Number(get(e, 'cop_task', 'max_proc_keys') ?? NaN);
      const p95keys = Number(get(e, 'cop_task', 'p95_proc_keys') ?? NaN);
      if (num >= 4 && keys >= 10_000 && keys > 4 * Math.max(p95keys, 1)) {
        out.push({
          nodeId: node.id,
          message: l10n.t(
            '{0}: one cop task processed {1} keys against a p95 of {2}: the data is unevenly spread over regions.',
            node.id,
            fmt(keys),
            fmt(p95keys),
          ),
          fix: l10n.t('Check region distribution of the table and index (SHOW TABLE … REGIONS); split hot regions.'),
          impact: 30,
        });
      }
      return out;
    }),
});
