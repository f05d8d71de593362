import * as l10n from '@vscode/l10n';
import { DOCS, defineRule } from './define';

const FUNC =
  /\b(year|month|day|date|date_format|lower|upper|substr|substring|left|right|cast|concat|ifnull|coalesce|abs|round|floor|to_days|unix_timestamp)\(/i;

export default defineRule({
  id: 'unsargable-predicate',
  severity: 'info',
  title: 'Function on a filtered column',
  explanation: 'A filter applies a function to a column (YEAR(d), LOWER(c), …) so no index range or partition pruning can use it.',
  examples: {
    flagged: ['fixtures/partition_union_all_partitions', 'fixtures_all/docs2025__predicate-push-down__L79'],
    clean: ['fixtures/partition_pruning_single'],
  },
  docsUrl: `${DOCS}explain-overview`,
  check: ({ nodes }) => {
    // the same filter repeated per partition is reported once
    const seen = new Set<string>();
    return nodes.flatMap(({ node }) => {
      if (node.operator !== 'Selection' || !FUNC.test(node.operatorInfo ?? '') || seen.has(node.operatorInfo!)) return [];
      const scan =
        node.children.find((c) => /FullScan|TableScan/.test(c.operator)) ??
        node.children[0]?.children.find((c) => /FullScan/.test(c.operator));
      if (!scan || !/FullScan|TableScan/.test(scan.operator)) return [];
      seen.add(node.operatorInfo!);
      const fn = FUNC.exec(node.operatorInfo ?? '')![1];
      return [
        {
          nodeId: node.id,
          message: l10n.t(
            '{0} filters with {1}() on a column over a full scan: a function on the column stops an index from being used.',
            node.id,
            fn,
          ),
          fix: l10n.t(
            "Rewrite as a range on the bare column (e.g. YEAR(d) = 2024 → d >= '2024-01-01' AND d < '2025-01-01'), or index the expression.",
          ),
          impact: 25,
        },
      ];
    });
  },
});
