import * as l10n from '@vscode/l10n';
import { DOCS, defineRule, fmt } from './define';
import { rowsOf } from '../metrics';

export default defineRule({
  id: 'hash-join-build-side',
  severity: 'warning',
  title: 'Hash join built on the larger side',
  explanation:
    'The Build side of a HashJoin holds far more rows than the Probe side, usually after an underestimate: memory grows and may spill.',
  examples: {
    flagged: ['fixtures/analyze_verbose_estcost_misestimate', 'fixtures/analyze_tiflash_mpp_tpch_q4'],
    clean: ['fixtures_all/docs2025__sql-tuning-best-practice__L540'],
  },
  docsUrl: `${DOCS}explain-joins`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      if (node.operator !== 'HashJoin') return [];
      const build = node.children.find((c) => c.label === 'Build');
      const probe = node.children.find((c) => c.label === 'Probe');
      if (!build || !probe) return [];
      const b = rowsOf(build) ?? 0;
      const p = rowsOf(probe) ?? 0;
      if (b < 10_000 || b < 10 * Math.max(p, 1)) return [];
      return [
        {
          // in MPP the hash table is split over the TiFlash nodes, and the cost model weighs the exchange too
          severity: /mpp|batchCop/.test(node.task ?? '') ? ('info' as const) : undefined,
          nodeId: node.id,
          message: l10n.t(
            '{0} builds its hash table from {1} ({2} rows) although {3} has only {4}: the smaller input should be the build side.',
            node.id,
            build.id,
            fmt(b),
            probe.id,
            fmt(p),
          ),
          fix: l10n.t('Fix the statistics that misled the optimizer, or hint HASH_JOIN_BUILD(<table of {0}>).', probe.id),
          impact: 35,
        },
      ];
    }),
});
