import * as l10n from '@vscode/l10n';
import { DOCS, defineRule, fmt } from './define';
import { rowsOf } from '../metrics';

export default defineRule({
  id: 'apply-correlated-subquery',
  severity: 'warning',
  title: 'Correlated subquery run per row (Apply)',
  explanation: 'An Apply operator runs a subquery once per outer row: the subquery was not decorrelated.',
  examples: {
    flagged: ['fixtures/cte_apply_semi_join_recursive', 'fixtures/apply_partition_pruning'],
    clean: ['fixtures/cte_recursive'],
  },
  docsUrl: `${DOCS}correlated-subquery-optimization`,
  check: ({ nodes }) =>
    nodes
      .filter(({ node }) => node.operator === 'Apply')
      .map(({ node }) => {
        const outer = node.children.find((c) => c.label === 'Build') ?? node.children[0];
        const n = outer ? rowsOf(outer) : undefined;
        return {
          nodeId: node.id,
          message:
            n !== undefined
              ? l10n.t('{0} runs the correlated subquery once per outer row ({1} rows): it was not turned into a join.', node.id, fmt(n))
              : l10n.t('{0} runs the correlated subquery once per outer row: it was not turned into a join.', node.id),
          fix: l10n.t('Rewrite the subquery as a join, or remove a NO_DECORRELATE hint so the optimizer can decorrelate it.'),
          impact: 30 + (n ? Math.min(20, Math.log10(Math.max(n, 1)) * 4) : 0),
        };
      }),
});
