import * as l10n from '@vscode/l10n';
import { rowsOf } from '../metrics';
import type { PlanNode } from '../model';
import { DOCS, defineRule, fmt } from './define';

const HEAD = '| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n';

/** The IndexLookUp a Limit reads through Projections and Selections, if any. */
function lookupBelow(n: PlanNode): PlanNode | undefined {
  let cur: PlanNode | undefined = n.children[0];
  while (cur && /^(Projection|Selection)$/.test(cur.operator) && cur.children.length === 1) cur = cur.children[0];
  return cur?.operator === 'IndexLookUp' ? cur : undefined;
}

export default defineRule({
  id: 'limit-not-pushed',
  severity: 'warning',
  title: 'Limit not pushed into the index read',
  explanation:
    'A Limit sits above an IndexLookUp that has no limit of its own (no Limit on its index side, no "limit embedded"): TiDB reads and looks up far more rows than the Limit returns, because a filter on columns outside the index has to run after the table lookup.',
  examples: {
    flagged: [
      {
        plan:
          HEAD +
          '| Limit_9 | 10.00 | 10 | root | | time:2.1s, loops:2 | offset:0, count:10 | N/A | N/A |\n' +
          '| └─IndexLookUp_14 | 10.00 | 10 | root | | time:2.1s, loops:1, index_task: {total_time: 400ms}, table_task: {total_time: 1.7s, num: 12} | | 9 MB | N/A |\n' +
          '|   ├─IndexFullScan_11(Build) | 2000.00 | 240000 | cop[tikv] | table:posts, index:idx_created(created_at) | tikv_task:{time:300ms, loops:240} | keep order:true, desc | N/A | N/A |\n' +
          '|   └─Selection_13(Probe) | 10.00 | 10 | cop[tikv] | | tikv_task:{time:1.5s, loops:240} | eq(blog.posts.author_id, 7) | N/A | N/A |\n' +
          '|     └─TableRowIDScan_12 | 2000.00 | 240000 | cop[tikv] | table:posts | tikv_task:{time:1.4s, loops:240} | keep order:false | N/A | N/A |',
        note: 'hand-made in the EXPLAIN ANALYZE format of sql-statement-explain-analyze.md: ORDER BY created_at DESC LIMIT 10 with a filter on author_id',
      },
    ],
    clean: ['fixtures/analyze_index_lookup_bad_order_limit'],
  },
  docsUrl: `${DOCS}explain-indexes`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      if (node.operator !== 'Limit' || node.task !== 'root') return [];
      const count = Number(/count:\s*(\d+)/.exec(node.operatorInfo ?? '')?.[1] ?? NaN);
      const lookup = lookupBelow(node);
      if (!lookup || !Number.isFinite(count) || /limit embedded/i.test(lookup.operatorInfo ?? '')) return [];
      const build = lookup.children.find((c) => c.label === 'Build') ?? lookup.children[0];
      if (!build || build.actRows === undefined || build.operator === 'Limit') return [];
      const read = rowsOf(build) ?? 0;
      if (read < Math.max(1000, count * 100)) return [];
      const filter = lookup.children.find((c) => c.label === 'Probe' && c.operator === 'Selection');
      return [
        {
          nodeId: node.id,
          message: filter
            ? l10n.t(
                '{0} returns {1} rows, but {2} read {3} index entries and looked them up in the table to find them: the limit could not be pushed into the index read, because {4} filters on columns the index does not have.',
                node.id,
                fmt(count),
                lookup.id,
                fmt(read),
                filter.id,
              )
            : l10n.t(
                '{0} returns {1} rows, but {2} read {3} index entries and looked them up in the table to find them: the limit could not be pushed into the index read.',
                node.id,
                fmt(count),
                lookup.id,
                fmt(read),
              ),
          fix:
            filter?.operatorInfo !== undefined
              ? l10n.t(
                  'Add the filtered columns to the index ({0}), after the equality columns and before the ORDER BY columns, so the filter and the Limit run on the index side.',
                  filter.operatorInfo.slice(0, 80),
                )
              : l10n.t(
                  'Add the filtered columns to the index (the filter), after the equality columns and before the ORDER BY columns, so the filter and the Limit run on the index side.',
                ),
          impact: 40 + Math.min(25, Math.log10(read / Math.max(count, 1)) * 6),
        },
      ];
    }),
});
