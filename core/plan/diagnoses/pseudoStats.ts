import * as l10n from '@vscode/l10n';
import type { PlanNode } from '../model';
import { DOCS, defineRule, fmt } from './define';

/** A read of the whole table or index (no range to narrow it). */
const wholeRead = (n: PlanNode) =>
  /^(TableFullScan|IndexFullScan)$/.test(n.operator) ||
  (/^(TableScan|IndexScan|TableRangeScan|IndexRangeScan)$/.test(n.operator) && /range:\[(-inf|NULL),\+inf\]/.test(n.operatorInfo ?? ''));

function pseudoMessage(node: PlanNode, table: string | undefined): string {
  if (node.actRows !== undefined && node.estRows !== undefined && node.actRows !== node.estRows) {
    const est = fmt(node.estRows);
    const act = fmt(node.actRows);
    return table !== undefined
      ? l10n.t(
          '{0} uses pseudo statistics for table {1}: the row estimates are guesses (estimated {2}, actually {3}), so the join order and index choice may be wrong.',
          node.id,
          table,
          est,
          act,
        )
      : l10n.t(
          '{0} uses pseudo statistics: the row estimates are guesses (estimated {1}, actually {2}), so the join order and index choice may be wrong.',
          node.id,
          est,
          act,
        );
  }
  return table !== undefined
    ? l10n.t(
        '{0} uses pseudo statistics for table {1}: the row estimates are guesses, so the join order and index choice may be wrong.',
        node.id,
        table,
      )
    : l10n.t('{0} uses pseudo statistics: the row estimates are guesses, so the join order and index choice may be wrong.', node.id);
}

export default defineRule({
  id: 'pseudo-stats',
  severity: 'warning',
  title: 'Pseudo statistics',
  explanation: 'A scan estimated with stats:pseudo: the table has no (or outdated) statistics, so every estimate above it is a guess.',
  examples: {
    flagged: ['fixtures/legacy_v3_analyze_count_execinfo_rows', 'fixtures/legacy_v2_v3_explain_count_cop'],
    clean: ['fixtures/legacy_v2_v3_point_get_count'],
  },
  docsUrl: `${DOCS}explain-overview`,
  check: ({ nodes, metrics }) => {
    // one diagnosis per table, on its first scan
    const seen = new Set<string>();
    const found = nodes
      .filter(({ node }) => /stats:pseudo/.test(node.operatorInfo ?? ''))
      .flatMap(({ node }) => {
        const table = /table:([^,\s]+)/.exec(`${node.accessObject ?? ''} ${node.operatorInfo ?? ''}`)?.[1] ?? node.id;
        if (seen.has(table)) return [];
        seen.add(table);
        return [
          {
            nodeId: node.id,
            message: pseudoMessage(node, table !== node.id ? table : undefined),
            fix:
              table !== node.id
                ? l10n.t(
                    'Run ANALYZE TABLE {0} (and check SHOW STATS_HEALTHY); consider tidb_enable_pseudo_for_outdated_stats = OFF.',
                    table,
                  )
                : l10n.t('Run ANALYZE TABLE <table> (and check SHOW STATS_HEALTHY); consider tidb_enable_pseudo_for_outdated_stats = OFF.'),
            // a guess matters where it picks a plan: a whole-table read, or an estimate the run proved far off;
            // a narrow index range read on pseudo statistics is usually the right plan anyway
            // on TiFlash a whole read is the access path anyway
            severity:
              (wholeRead(node) && !/tiflash/.test(node.task ?? '')) || (metrics(node).misestimate?.factor ?? 1) >= 10
                ? undefined
                : ('info' as const),
            impact: 40,
          },
        ];
      });
    if (found.length || nodes.some(({ node }) => /stats:/.test(node.operatorInfo ?? ''))) return found;
    // TiDB before v2.1 did not mark pseudo statistics (pingcap/tidb#7038): 10,000 rows on a whole-table read is its default
    const old = nodes.find(({ node }) => wholeRead(node) && node.estRows === 10_000 && node.actRows === undefined)?.node;
    return old
      ? [
          {
            nodeId: old.id,
            severity: 'info' as const,
            message: l10n.t(
              "{0} is estimated at exactly 10,000 rows, TiDB's default for a table without statistics; this TiDB version does not say whether the statistics are pseudo.",
              old.id,
            ),
            fix: l10n.t('If the table was never analyzed, run ANALYZE TABLE and EXPLAIN again.'),
            impact: 20,
          },
        ]
      : [];
  },
});
