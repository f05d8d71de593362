import { DOCS, defineRule } from './define';

export default defineRule({
  id: 'pseudo-stats',
  severity: 'warning',
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
            message: `${node.id} uses pseudo statistics${table !== node.id ? ` for table ${table}` : ''}: the row estimates are guesses, so the join order and index choice may be wrong.`,
            fix: `Run ANALYZE TABLE ${table !== node.id ? table : '<table>'} (and check SHOW STATS_HEALTHY); consider tidb_enable_pseudo_for_outdated_stats = OFF.`,
            impact: 40,
          },
        ];
      });
  },
});
