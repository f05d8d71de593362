import * as l10n from '@vscode/l10n';
import type { PlanNode } from '../model';
import { DOCS, defineRule } from './define';

export default defineRule({
  id: 'no-partition-pruning',
  severity: 'warning',
  title: 'Every partition read',
  explanation: 'A partitioned table is read in all its partitions: the predicate is not on the partition key or cannot be pruned.',
  examples: {
    flagged: [
      'fixtures/partition_index_join_dynamic',
      {
        plan:
          '| id | estRows | task | access object | operator info |\n' +
          '| TableReader_7 | 10.00 | root | partition:all | data:Selection_6 |\n' +
          '| └─Selection_6 | 10.00 | cop[tikv] | | eq(test.orders.customer_id, 42) |\n' +
          '|   └─TableFullScan_5 | 1000000.00 | cop[tikv] | table:orders | keep order:false |',
        note: 'hand-made in the layout of partition-pruning.md: orders partitioned by date, filtered by customer only',
      },
    ],
    // a count over the whole table needs every partition (use-tiflash-mpp-mode.md's plan after the fix)
    clean: ['fixtures_all/docs2025__tiflash__tiflash-supported-pushdown-calculations__L103', 'fixtures/mpp_partition_dynamic_tiflash'],
  },
  docsUrl: `${DOCS}partition-pruning`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const all = /partition:all\b/.test(node.accessObject ?? '') || /partition:all\b/.test(node.operatorInfo ?? '');
      const union = node.operator === 'PartitionUnion' && node.children.length >= 4;
      if (!all && !union) return [];
      // with no filter at all every partition is needed; through an index range each partition is one probe
      const below = [
        ...(function* w(n: PlanNode): Generator<PlanNode> {
          yield n;
          for (const c of n.children) yield* w(c);
        })(node),
      ];
      const filtered = below.some((n) => n.operator === 'Selection');
      const ranged = below.some((n) => /Range/.test(n.operator) || /range:(?!\[-inf,\+inf\]|\[NULL,\+inf\])/.test(n.operatorInfo ?? ''));
      if (!filtered && !ranged) return [];
      return all || union
        ? [
            {
              severity: filtered && !ranged ? undefined : ('info' as const),
              nodeId: node.id,
              message: all
                ? l10n.t('{0} reads every partition: the predicate does not prune partitions.', node.id)
                : l10n.t('{0} reads {1} partitions: the predicate does not prune partitions.', node.id, node.children.length),
              fix: l10n.t('Filter on the partition key with a prunable condition (equality, range, IN on the bare column).'),
              impact: 30,
            },
          ]
        : [];
    }),
});
