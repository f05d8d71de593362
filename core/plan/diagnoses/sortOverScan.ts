import { DOCS, defineRule, isReader } from './define';
import { rowsOf } from '../metrics';

export default defineRule({
  id: 'sort-without-index',
  severity: 'info',
  title: 'Sort an index could provide',
  explanation:
    'A Sort or TopN in TiDB over a full scan: an index on the ORDER BY columns lets TiKV return rows in order and push the limit down.',
  examples: {
    flagged: ['fixtures/topn_pushdown_full_scan', 'fixtures/stream_agg_with_sort'],
    clean: ['fixtures_all/docs2025__topn-limit-push-down__L110'],
  },
  docsUrl: `${DOCS}topn-limit-push-down`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      if (node.task !== 'root' || !/^(Sort|TopN)$/.test(node.operator)) return [];
      const reader = node.children.find(isReader);
      const scan =
        reader?.children.find((c) => /FullScan/.test(c.operator)) ?? reader?.children[0]?.children.find((c) => /FullScan/.test(c.operator));
      if (!scan || (rowsOf(scan) ?? 0) < 10_000 || !/keep order:false/.test(scan.operatorInfo ?? '')) return [];
      return [
        {
          nodeId: node.id,
          message: `${node.id} sorts rows from a full scan of ${scan.accessObject ?? 'the table'}: an index in ORDER BY order would return them sorted (keep order:true) and let a LIMIT stop early.`,
          fix: 'Add an index on the ORDER BY columns (after the equality-filtered ones).',
          impact: 20,
        },
      ];
    }),
});
