import { DOCS, defineRule } from './define';

export default defineRule({
  id: 'no-partition-pruning',
  severity: 'warning',
  title: 'Every partition read',
  explanation: 'A partitioned table is read in all its partitions: the predicate is not on the partition key or cannot be pruned.',
  examples: {
    flagged: ['fixtures/mpp_partition_dynamic_tiflash', 'fixtures/partition_index_join_dynamic'],
    clean: ['fixtures_all/docs2025__tiflash__tiflash-supported-pushdown-calculations__L103'],
  },
  docsUrl: `${DOCS}partition-pruning`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const all = /partition:all\b/.test(node.accessObject ?? '') || /partition:all\b/.test(node.operatorInfo ?? '');
      const union = node.operator === 'PartitionUnion' && node.children.length >= 4;
      return all || union
        ? [
            {
              nodeId: node.id,
              message: `${node.id} reads ${all ? 'every partition' : `${node.children.length} partitions`}: the predicate does not prune partitions.`,
              fix: 'Filter on the partition key with a prunable condition (equality, range, IN on the bare column).',
              impact: 30,
            },
          ]
        : [];
    }),
});
