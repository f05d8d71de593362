import type { Stmt } from '../../../sql/statement';
import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

/** Index of the CTE name when a WITH clause starts at i (WITH [RECURSIVE] name [(cols)] AS (...)), else -1. */
function cteAt(s: Stmt, i: number): number {
  let j = i + 1;
  if (s.is(j, 'RECURSIVE')) j++;
  const nameAt = j;
  if (s.ident(nameAt) === undefined || s.tokens[nameAt].kind === 'string') return -1;
  j++;
  if (s.op(j) === '(') {
    const close = s.match(j);
    if (close === -1) return -1;
    j = close + 1;
  }
  return s.is(j, 'AS') && s.op(j + 1) === '(' ? nameAt : -1;
}

export default defineRule({
  id: 'cte-version',
  category: 'incompatible',
  severity: 'error',
  versions: '< v5.1.0',
  until: '5.1',
  explanation: 'Common table expressions were added in v5.1.',
  fix: 'Upgrade or inline the subquery.',
  source: 'pingcap/docs: basic-features.md',
  quote: 'Common Table Expressions (CTE) | Y | Y | N | N  (5.2 5.1 5.0 4.0)',
  quoteStatus: 'verified',
  words: ['WITH'],
  examples: {
    flagged: [
      'WITH c AS (SELECT 1) SELECT * FROM c;',
      'WITH point (x) AS (SELECT 1) SELECT x FROM point;',
      'CREATE VIEW v AS WITH c AS (SELECT 1 AS a) SELECT a FROM c;',
    ],
    clean: ['SELECT a, COUNT(*) FROM t GROUP BY a WITH ROLLUP;', "GRANT SELECT ON db.* TO 'u'@'%' WITH GRANT OPTION;"],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    for (let i = 0; i < n; i++) {
      if (s.word(i) !== 'WITH') continue;
      const nameAt = cteAt(s, i);
      if (nameAt === -1) continue;
      ctx.report(
        [i, nameAt],
        l10n.t(
          'TiDB {0} does not support common table expressions (WITH ... AS was added in v5.1), so this statement fails. Upgrade to v5.1 or later, or inline {1} as a derived table.',
          String(ctx.target),
          s.ident(nameAt)!,
        ),
      );
    }
  },
});
