import { DOCS, defineRule } from './define';

export default defineRule({
  id: 'no-partition-pruning',
  severity: 'warning',
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
