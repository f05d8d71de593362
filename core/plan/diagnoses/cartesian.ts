import * as l10n from '@vscode/l10n';
import { rowsOf } from '../metrics';
import { DOCS, defineRule } from './define';

// Apply is always a per-row join (its own rule); a side that is one row by construction
// (a LIMIT 1, MAX/MIN elimination, a scalar aggregate) costs nothing.
const ONE_ROW = /^(Limit|TopN|MaxOneRow|TableDual|StreamAgg|HashAgg|Projection)$/;

export default defineRule({
  id: 'cartesian-join',
  severity: 'error',
  title: 'Cartesian join',
  explanation: 'A join with no join condition (operator info starts with CARTESIAN): every row of one side meets every row of the other.',
  examples: {
    flagged: ['fixtures/cte_two_refs_cartesian_multi_root', 'fixtures/cte_nested_two_defs'],
    clean: ['fixtures/cte_recursive'],
  },
  docsUrl: `${DOCS}explain-subqueries`,
  check: ({ nodes }) =>
    nodes
      .filter(
        ({ node }) =>
          /CARTESIAN/i.test(node.operatorInfo ?? '') &&
          node.operator !== 'Apply' &&
          !node.children.some((c) => ONE_ROW.test(c.operator) && (rowsOf(c) ?? 2) <= 1),
      )
      .map(({ node }) => ({
        nodeId: node.id,
        message: l10n.t('{0} is a Cartesian join: every row of one side meets every row of the other.', node.id),
        fix: /null-aware|anti/i.test(node.operatorInfo ?? '')
          ? l10n.t('A NOT IN over a nullable column becomes a null-aware anti semi join: use NOT EXISTS, or declare the columns NOT NULL.')
          : /semi/i.test(node.operatorInfo ?? '')
            ? l10n.t(
                "The IN / EXISTS subquery's comparison could not become a join key: compare columns of the same type and collation, without functions on them, so TiDB can join on equality.",
              )
            : l10n.t('Add the missing join condition (an equality between the two tables).'),
        impact: 60,
      })),
});
