import { DOCS, defineRule, fmt } from './define';

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
  check: ({ nodes }) => {
    // one diagnosis per table, on its first scan
    const seen = new Set<string>();
    return nodes
      .filter(({ node }) => /stats:pseudo/.test(node.operatorInfo ?? ''))
      .flatMap(({ node }) => {
        const table = /table:([^,\s]+)/.exec(`${node.accessObject ?? ''} ${node.operatorInfo ?? ''}`)?.[1] ?? node.id;
        if (seen.has(table)) return [];
        seen.add(table);
        return [
          {
            nodeId: node.id,
            message: `${node.id} uses pseudo statistics${table !== node.id ? ` for table ${table}` : ''}: the row estimates are guesses${
              node.actRows !== undefined && node.estRows !== undefined && node.actRows !== node.estRows
                ? ` (estimated ${fmt(node.estRows)}, actually ${fmt(node.actRows)})`
                : ''
            }, so the join order and index choice may be wrong.`,
            fix: `Run ANALYZE TABLE ${table !== node.id ? table : '<table>'} (and check SHOW STATS_HEALTHY); consider tidb_enable_pseudo_for_outdated_stats = OFF.`,
            impact: 40,
          },
        ];
      });
  },
});
