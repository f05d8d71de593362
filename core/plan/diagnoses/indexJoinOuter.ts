import * as l10n from '@vscode/l10n';
import { get } from '../execInfo';
import { DOCS, defineRule, fmt } from './define';
import { rowsOf } from '../metrics';

export default defineRule({
  id: 'index-join-large-outer',
  severity: 'warning',
  title: 'Index join with a large outer side',
  explanation:
    'An IndexJoin/IndexHashJoin looks up the inner side once per outer row, and the outer side is large: a hash join is usually cheaper.',
  examples: {
    flagged: ['fixtures/analyze_tiflash_index_hash_join_tikv'],
    // the docs' plan after the statistics fix: 158k outer rows, 1.96 s, the plan the docs recommend
    clean: ['fixtures_all/docs2025__sql-tuning-best-practice__L512', 'fixtures/analyze_after_stats_fix_index_join'],
  },
  docsUrl: `${DOCS}explain-joins`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      if (!/^Index(Hash|Merge)?Join$/.test(node.operator)) return [];
      const tasks = Number(get(node.executionInfo, 'inner', 'task') ?? NaN);
      const outer = node.children.find((c) => c.label === 'Build') ?? node.children[0];
      const outerRows = outer ? (rowsOf(outer) ?? 0) : 0;
      // lookups are batched and de-duplicated: a few hundred thousand outer rows are what TiDB's cost
      // model picks an index join for (the docs' fixed plan in sql-tuning-best-practice has 158k);
      // millions of outer rows, or tens of thousands of lookup tasks, are where a hash join wins
      if (!(tasks > 10_000) && outerRows < 1_000_000) return [];
      return [
        {
          nodeId: node.id,
          message:
            tasks > 10_000
              ? l10n.t(
                  '{0} drives {1} inner lookup tasks into index lookups: an index join pays off only for a small outer side.',
                  node.id,
                  fmt(tasks),
                )
              : l10n.t(
                  '{0} drives {1} outer rows into index lookups: an index join pays off only for a small outer side.',
                  node.id,
                  fmt(outerRows),
                ),
          fix: l10n.t('Try a hash join (HASH_JOIN hint) and compare, or filter the outer side first.'),
          impact: 35,
        },
      ];
    }),
});
