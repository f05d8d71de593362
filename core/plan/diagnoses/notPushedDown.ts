import * as l10n from '@vscode/l10n';
import { rowsOf } from '../metrics';
import type { PlanNode } from '../model';
import { DOCS, defineRule, fmt, isReader, isScan } from './define';

/** An aggregation in TiDB whose input is every row of a plain scan (through Projections): nothing was aggregated in storage. */
function aggregationInTidb(node: PlanNode) {
  let below = node.children.length === 1 ? node.children[0] : undefined;
  while (below && below.operator === 'Projection' && below.children.length === 1) below = below.children[0];
  if (!below || !isReader(below) || below.children.length !== 1 || !isScan(below.children[0])) return [];
  const rows = rowsOf(below) ?? 0;
  if (rows < 100_000) return [];
  const distinct = /distinct/i.test(node.operatorInfo ?? '');
  const store = /tiflash/.test(below.children[0].task ?? '') ? 'TiFlash' : 'TiKV';
  return [
    {
      nodeId: node.id,
      message: l10n.t(
        '{0} aggregates in TiDB all {1} rows {2} brought back: the aggregation was not pushed down to {3}.',
        node.id,
        fmt(rows),
        below.id,
        store,
      ),
      fix: distinct
        ? l10n.t(
            'A DISTINCT aggregate is kept in TiDB by default: SET tidb_opt_distinct_agg_push_down = ON lets TiKV/TiFlash pre-aggregate it.',
          )
        : l10n.t(
            'A function, a cast or a Projection between the aggregation and the reader keeps it in TiDB: rewrite the expression, or check mysql.expr_pushdown_blacklist.',
          ),
      impact: 35,
    },
  ];
}

export default defineRule({
  id: 'not-pushed-down',
  severity: 'warning',
  title: 'Work not pushed down to storage',
  explanation: 'A Selection, aggregation or TopN runs in TiDB (root) over a plain scan that TiKV or TiFlash could have filtered.',
  examples: {
    flagged: ['fixtures/maxonerow_scalar_subquery', 'fixtures_all/docs2025__predicate-push-down__L121'],
    clean: ['fixtures_all/docs2025__ddl_embedded_analyze__L32'],
  },
  docsUrl: `${DOCS}predicate-push-down`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      if (node.task === 'root' && /^(HashAgg|StreamAgg)$/.test(node.operator)) return aggregationInTidb(node);
      if (node.task !== 'root' || !/^(Selection|TopN|Limit)$/.test(node.operator)) return [];
      const reader = node.children.length === 1 ? node.children[0] : undefined;
      if (!reader || !isReader(reader) || reader.children.length !== 1 || !isScan(reader.children[0])) return [];
      const store = /tiflash/.test(reader.children[0].task ?? '') ? 'TiFlash' : 'TiKV';
      return [
        {
          nodeId: node.id,
          message:
            node.operator === 'Selection'
              ? l10n.t(
                  '{0} runs the filter {1} in TiDB after {2} brought every row back: it was not pushed down to {3}.',
                  node.id,
                  (node.operatorInfo ?? '').slice(0, 80),
                  reader.id,
                  store,
                )
              : l10n.t(
                  '{0} runs {1} in TiDB after {2} brought every row back: it was not pushed down to {3}.',
                  node.id,
                  node.operator,
                  reader.id,
                  store,
                ),
          fix: l10n.t(
            'A function or cast the storage layer cannot evaluate keeps it in TiDB: rewrite the expression, or check mysql.expr_pushdown_blacklist.',
          ),
          impact: 30,
        },
      ];
    }),
});
