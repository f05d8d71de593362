import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'group-by-implicit-order',
  category: 'behaviour-differs',
  severity: 'hint',
  versions: 'all',
  explanation:
    'MySQL 5.7 sorted GROUP BY results implicitly; TiDB (like MySQL 8.0) returns groups in arbitrary order, which breaks code written against 5.7.',
  fix: 'Add an explicit ORDER BY.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: '`SELECT .. GROUP BY expr` does not imply `GROUP BY expr ORDER BY expr` as it does in MySQL 5.7.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'SELECT a, COUNT(*) FROM t GROUP BY a WITH ROLLUP;',
      'with r as (select a from t where x = 1) select a, count(*) from r group by a;',
      "-- reporting script\nSET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nSELECT region, SUM(amount) AS total FROM payments WHERE paid_at >= '2024-01-01' GROUP BY region;\nSELECT * FROM payments;",
    ],
    clean: [
      'CREATE VIEW v AS SELECT a, COUNT(*) AS n FROM t GROUP BY a;',
      'SELECT a, COUNT(*) FROM t WHERE x = 1 GROUP BY a ORDER BY a;',
      'INSERT INTO s (a, n) SELECT a, COUNT(*) FROM t WHERE x = 1 GROUP BY a;',
    ],
  },
  kinds: ['SELECT', 'WITH', '(', 'TABLE'],
  check(ctx) {
    const s = ctx.s;
    for (const b of s.queryBlocks()) {
      if (!b.topLevel) continue;
      const g = b.clauseAt.get('GROUP BY');
      if (g === undefined || b.clauses.has('ORDER BY')) continue;
      // an ORDER BY outside the block that sorts the whole (set-operation) result
      if (s.find(['ORDER', 'BY'], b.end, s.sparseFrom, 0) !== -1) continue;
      ctx.report(
        [g, g + 1],
        l10n.t(
          'TiDB (like MySQL 8.0) does not sort GROUP BY results: groups come back in arbitrary order, unlike MySQL 5.7. Add an explicit ORDER BY if the caller relies on the order.',
        ),
      );
    }
  },
});
