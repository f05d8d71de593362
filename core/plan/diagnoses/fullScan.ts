import * as l10n from '@vscode/l10n';
import { DOCS, defineRule, fmt, onTikv } from './define';
import { rowsOf } from '../metrics';

export default defineRule({
  id: 'full-scan-selective-filter',
  severity: 'warning',
  title: 'Full scan behind a selective filter',
  explanation: 'A TableFullScan on TiKV reads the whole table while a Selection above it keeps a small part; or a very large full scan.',
  examples: {
    flagged: ['fixtures/analyze_table_full_scan_walkthrough', 'fixtures/table_full_scan_stats_pseudo_walkthrough'],
    clean: ['fixtures/legacy_v2_v3_point_get_count'],
  },
  docsUrl: `${DOCS}sql-tuning-best-practice`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node, parent }) => {
      if (node.operator !== 'TableFullScan' && node.operator !== 'TableScan') return [];
      if (!onTikv(node)) return [];
      if (node.operator === 'TableScan' && !/range:\[-inf,\+inf\]/.test(node.operatorInfo ?? '')) return [];
      const table = /table:([^,\s]+)/.exec(`${node.accessObject ?? ''} ${node.operatorInfo ?? ''}`)?.[1] ?? l10n.t('the table');
      const scanned = rowsOf(node) ?? 0;
      // without actual rows, pseudo statistics give default counts (10,000 rows) that say nothing of the table: no numbers
      if (node.actRows === undefined && /stats:pseudo/.test(node.operatorInfo ?? '')) {
        if (parent?.operator !== 'Selection') return [];
        return [
          {
            nodeId: node.id,
            severity: 'info' as const,
            message: l10n.t(
              "{0} reads the whole of {1} and {2} filters it; the row counts shown are pseudo-statistics defaults, not the table's size.",
              node.id,
              table,
              parent.id,
            ),
            fix: l10n.t(
              "Run ANALYZE TABLE and EXPLAIN again to see real counts; if the filter is selective, an index on the columns in {0}'s condition ({1}) avoids the full scan.",
              parent.id,
              (parent.operatorInfo ?? '').slice(0, 80),
            ),
            impact: 25,
          },
        ];
      }
      if (scanned < 10_000) return [];
      const kept = parent && parent.operator === 'Selection' ? rowsOf(parent) : undefined;
      // an index would still look up this many rows one by one: a columnar scan is the answer
      if (kept !== undefined && kept <= scanned * 0.1 && (kept >= 100_000 || (scanned >= 1e8 && kept >= scanned * 0.001))) {
        return [
          {
            nodeId: node.id,
            message: l10n.t(
              "{0} reads all of {1} ({2} rows) and {3} keeps {4}: too many rows for an index to fetch one by one, and too large a scan for TiKV's row store.",
              node.id,
              table,
              fmt(scanned),
              parent!.id,
              fmt(kept),
            ),
            fix: l10n.t(
              'This is an analytical query: add a TiFlash replica (ALTER TABLE … SET TIFLASH REPLICA 1) so the optimizer can scan the columns it needs with MPP; an index would turn the scan into as many table lookups as rows kept.',
            ),
            impact: 45 + Math.min(25, Math.log10(scanned) * 2),
          },
        ];
      }
      if (kept !== undefined && kept <= scanned * 0.1) {
        return [
          {
            nodeId: node.id,
            message: l10n.t(
              '{0} reads all of {1} ({2} rows) to keep {3} after the filter in {4}: an index on the filtered columns would read only those.',
              node.id,
              table,
              fmt(scanned),
              fmt(kept),
              parent!.id,
            ),
            fix: l10n.t(
              "Add an index on the columns in {0}'s condition ({1}), or make the predicate sargable.",
              parent!.id,
              (parent!.operatorInfo ?? '').slice(0, 80),
            ),
            impact: 45 + Math.min(25, Math.log10(scanned / Math.max(kept, 1)) * 6),
          },
        ];
      }
      if (scanned >= 1_000_000) {
        return [
          {
            nodeId: node.id,
            severity: 'info' as const,
            message: l10n.t('{0} reads all {1} rows of {2} on TiKV.', node.id, fmt(scanned), table),
            fix:
              scanned >= 1e8
                ? l10n.t(
                    'For analytical scans this large, add a TiFlash replica (ALTER TABLE … SET TIFLASH REPLICA 1) and let the optimizer use MPP.',
                  )
                : l10n.t('If the query filters or sorts, an index on those columns avoids the full scan.'),
            impact: 20 + Math.min(20, Math.log10(scanned)),
          },
        ];
      }
      return [];
    }),
});
