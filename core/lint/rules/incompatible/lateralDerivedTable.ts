import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'lateral-derived-table',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'Lateral derived tables (MySQL 8.0.14+) are not supported.',
  fix: 'Rewrite as a correlated scalar subquery or a window function.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'Lateral derived tables [#40328]',
  quoteStatus: 'verified',
  words: ['LATERAL'],
  examples: {
    flagged: [
      'SELECT * FROM t1, LATERAL (SELECT t1.a + 1 AS b) d LIMIT 5;',
      'SELECT * FROM t1 JOIN LATERAL (SELECT 1) d ON TRUE;',
      'SELECT t.id FROM t JOIN LATERAL (SELECT 1 AS one) x ON TRUE WHERE t.id = 1;',
    ],
    clean: ["SELECT 'JOIN LATERAL (x)' AS s;", 'SELECT lateral FROM t WHERE id = 1;'],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    for (let i = 1; i < n; i++) {
      if (s.word(i) !== 'LATERAL' || s.op(i + 1) !== '(') continue;
      if (!s.is(i - 1, 'JOIN', 'STRAIGHT_JOIN', 'FROM') && s.op(i - 1) !== ',') continue;
      ctx.report(
        i,
        l10n.t(
          'TiDB does not support lateral derived tables, so JOIN LATERAL (...) fails with a syntax error. Rewrite it as a correlated scalar subquery, a window function (ROW_NUMBER() ... = 1) or a join on a grouped derived table.',
        ),
      );
    }
  },
});
