import * as l10n from '@vscode/l10n';
import { DOCS, defineRule, fmt } from './define';
import { filtersMostLookups, lookupCounts } from '../lookups';

const HEAD = '| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n';

export default defineRule({
  id: 'wrong-index',
  severity: 'warning',
  title: 'Index that is not selective for the query',
  explanation:
    'An IndexLookUp reads many rows through the index and looks each up in the table, then a filter on columns the index does not hold throws most of them away: a composite index with those columns (or a covering one) reads only the rows that qualify.',
  examples: {
    flagged: [
      {
        plan:
          HEAD +
          '| IndexLookUp_10 | 200.00 | 180 | root | | time:1.8s, loops:2, index_task: {total_time: 300ms}, table_task: {total_time: 1.5s, num: 30} | | 4 MB | N/A |\n' +
          '| ├─IndexRangeScan_7(Build) | 120000.00 | 125000 | cop[tikv] | table:orders, index:idx_status(status) | tikv_task:{time:80ms, loops:130} | range:["PAID","PAID"], keep order:false | N/A | N/A |\n' +
          '| └─Selection_9(Probe) | 200.00 | 180 | cop[tikv] | | tikv_task:{time:1.4s, loops:130} | eq(shop.orders.user_id, 42) | N/A | N/A |\n' +
          '|   └─TableRowIDScan_8 | 120000.00 | 125000 | cop[tikv] | table:orders | tikv_task:{time:1.3s, loops:130} | keep order:false | N/A | N/A |',
        note: 'hand-made in the EXPLAIN ANALYZE format of sql-statement-explain-analyze.md: 125k lookups to keep 180',
      },
    ],
    clean: ['fixtures/analyze_index_join_lookup'],
  },
  docsUrl: `${DOCS}wrong-index-solution`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const c = lookupCounts(node);
      if (!c || !filtersMostLookups(c)) return [];
      const index = /index:([^,\s]+(?:\([^)]*\))?)/.exec(c.index?.accessObject ?? c.index?.operatorInfo ?? '')?.[1] ?? l10n.t('the index');
      const cond = (c.filter?.operatorInfo ?? '').slice(0, 100);
      return [
        {
          nodeId: node.id,
          message: l10n.t(
            '{0} reads {1} rows through {2} and looks each up in the table, then {3} keeps {4} of them: the index does not hold the columns this query filters on.',
            node.id,
            fmt(c.lookups),
            index,
            c.filter!.id,
            fmt(c.kept!),
          ),
          fix: cond
            ? l10n.t(
                "Add a composite index that starts with the index's equality columns and adds the columns of {0} (include the selected columns to make it covering), or point the query at a better index with USE_INDEX; check the choice with EXPLAIN after ANALYZE TABLE.",
                cond,
              )
            : l10n.t(
                "Add a composite index that starts with the index's equality columns and adds the columns of the filter (include the selected columns to make it covering), or point the query at a better index with USE_INDEX; check the choice with EXPLAIN after ANALYZE TABLE.",
              ),
          impact: 45 + Math.min(25, Math.log10(c.lookups / Math.max(c.kept!, 1)) * 8),
        },
      ];
    }),
});
