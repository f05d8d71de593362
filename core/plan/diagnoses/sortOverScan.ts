import * as l10n from '@vscode/l10n';
import type { PlanNode } from '../model';
import { DOCS, defineRule, fmt, isReader } from './define';

/** A Sort/TopN over an index read that does not keep order: the index's column order is not the ORDER BY's. */
function indexOutOfOrder(node: PlanNode, reader: PlanNode) {
  let index: PlanNode | undefined = reader.children.find((c) => c.label === 'Build') ?? reader.children[0];
  while (index && !/Index(Range|Full)?Scan$/.test(index.operator) && index.children.length === 1) index = index.children[0];
  const sorted = rowsOf(reader) ?? 0;
  if (!index || sorted < 1000 || !/keep order:false/.test(index.operatorInfo ?? '')) return [];
  const name = /index:([^,\s]+(?:\([^)]*\))?)/.exec(index.accessObject ?? index.operatorInfo ?? '')?.[1] ?? l10n.t('the index');
  return [
    {
      nodeId: node.id,
      message: l10n.t(
        '{0} sorts the {1} rows {2} read through {3}, which does not return them in ORDER BY order.',
        node.id,
        fmt(sorted),
        reader.id,
        name,
      ),
      fix: l10n.t(
        'Extend the index with the ORDER BY columns after its equality columns: it then returns rows in order (keep order:true) and a LIMIT stops the read early.',
      ),
      impact: 25,
    },
  ];
}
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
      if (reader && /^(IndexLookUp|IndexReader)$/.test(reader.operator)) return indexOutOfOrder(node, reader);
      const scan =
        reader?.children.find((c) => /FullScan/.test(c.operator)) ?? reader?.children[0]?.children.find((c) => /FullScan/.test(c.operator));
      if (!scan || (rowsOf(scan) ?? 0) < 10_000 || !/keep order:false/.test(scan.operatorInfo ?? '')) return [];
      return [
        {
          nodeId: node.id,
          message: l10n.t(
            '{0} sorts rows from a full scan of {1}: an index in ORDER BY order would return them sorted (keep order:true) and let a LIMIT stop early.',
            node.id,
            scan.accessObject ?? l10n.t('the table'),
          ),
          fix: l10n.t('Add an index on the ORDER BY columns (after the equality-filtered ones).'),
          impact: 20,
        },
      ];
    }),
});
