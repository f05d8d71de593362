import * as l10n from '@vscode/l10n';
import { DOCS, defineRule, fmt } from './define';
import { filtersMostLookups, lookupCounts } from '../lookups';

export default defineRule({
  id: 'index-lookup-double-read',
  severity: 'warning',
  title: 'IndexLookUp with many table lookups',
  explanation:
    'An IndexLookUp reads many rows back from the table by handle (double read): the count is the rows the TableRowIDScan looked up, not what a filter after it kept. A covering or more selective index would avoid it.',
  examples: {
    flagged: ['fixtures/index_join', 'fixtures/apply_decorrelated'],
    clean: ['fixtures/analyze_index_join_lookup'],
  },
  docsUrl: `${DOCS}sql-tuning-best-practice`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const c = lookupCounts(node);
      // when the filter after the lookup throws most rows away, wrong-index says what to do
      if (!c || c.lookups < 10_000 || filtersMostLookups(c)) return [];
      return [
        {
          nodeId: node.id,
          message: l10n.t(
            '{0} looks up {1} rows in the table after reading the index: each is an extra read (a "double read").',
            node.id,
            fmt(c.lookups),
          ),
          fix: l10n.t(
            'Make the index covering (add the selected columns) or more selective (a composite index with the filtered columns); if a full scan is cheaper, compare with IGNORE_INDEX.',
          ),
          impact: 35 + Math.min(25, Math.log10(c.lookups) * 4),
        },
      ];
    }),
});
