import { DOCS, defineRule, fmt } from './define';
import { rowsOf } from '../metrics';

export default defineRule({
  id: 'index-lookup-double-read',
  severity: 'warning',
  title: 'IndexLookUp with many table lookups',
  explanation:
    'An IndexLookUp reads many rows back from the table by handle (double read): a covering or more selective index would avoid it.',
  examples: {
    flagged: ['fixtures/index_join', 'fixtures/apply_decorrelated'],
    clean: ['fixtures/analyze_index_join_lookup'],
  },
  docsUrl: `${DOCS}sql-tuning-best-practice`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      if (node.operator !== 'IndexLookUp') return [];
      const build = node.children.find((c) => c.label === 'Build') ?? node.children[0];
      const probe = node.children.find((c) => c.label === 'Probe') ?? node.children[1];
      if (!build || !probe) return [];
      const lookups = rowsOf(probe) ?? 0;
      if (lookups < 10_000) return [];
      return [
        {
          nodeId: node.id,
          message: `${node.id} looks up ${fmt(lookups)} rows in the table after reading the index: each is an extra read (a "double read").`,
          fix: 'Make the index covering (add the selected columns) or more selective (a composite index with the filtered columns); if a full scan is cheaper, compare with IGNORE_INDEX.',
          impact: 35 + Math.min(25, Math.log10(lookups) * 4),
        },
      ];
    }),
});
