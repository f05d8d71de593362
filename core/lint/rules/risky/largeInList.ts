import { literalAt } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import type { Stmt } from '../../../sql/statement';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** More than this many literal items in one IN (...) list is flagged. */
export const LARGE_IN_LIST = 1000;

export default defineRule({
  id: 'large-in-list',
  category: 'risky',
  severity: 'warning',
  versions: 'all',
  explanation:
    'Very large IN lists inflate parse/plan time, defeat the plan cache and can exceed tidb_opt_range_max_size (v6.4+), falling back to full range scans.',
  fix: 'Load the keys into a temporary table and JOIN, or batch the list.',
  source: 'pingcap/docs: develop/dev-guide-index-best-practice.md; system-variables.md#tidb_opt_range_max_size-new-in-v640',
  quote:
    'When using the `IN` expression in a query condition, it is recommended that the number of value matched after it does not exceed 300, otherwise the execution efficiency will be poor.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  words: ['IN'],
  examples: {
    flagged: [
      {
        sql: `SELECT id, status FROM orders WHERE id IN (${Array.from({ length: 1001 }, (_, i) => 1000 + i).join(', ')});`,
        display: 'SELECT id, status FROM orders WHERE id IN (1000, 1001, 1002, /* … 1001 literals in all … */ 2000);',
      },
    ],
    clean: [
      'SELECT a FROM t WHERE id IN (SELECT id FROM u WHERE x = 1) LIMIT 5;',
      {
        sql: `SELECT id, status FROM orders WHERE id IN (${Array.from({ length: 1000 }, (_, i) => 1000 + i).join(', ')});`,
        display: 'SELECT id, status FROM orders WHERE id IN (1000, 1001, 1002, /* … 1000 literals in all … */ 1999);',
      },
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    // cheap pre-check: a statement this short cannot hold such a list
    if (n < LARGE_IN_LIST * 2) return;
    for (let i = 0; i + 1 < n; i++) {
      if (!s.is(i, 'IN') || s.op(i + 1) !== '(') continue;
      // IN (SELECT …) is a subquery, not a list: no need to walk it (nested ones made this quadratic)
      if (s.is(i + 2, 'SELECT', 'WITH', 'TABLE', 'VALUES') || (s.op(i + 2) === '(' && s.is(i + 3, 'SELECT', 'WITH'))) continue;
      const close = s.match(i + 1);
      if (close === -1 || close - i < LARGE_IN_LIST * 2) continue;
      let count = 0;
      for (const [a, e] of s.splitCommas(i + 2, close)) {
        if (isLiteralItem(s, a, e)) count++;
      }
      if (count <= LARGE_IN_LIST) continue;
      const first = s.is(i - 1, 'NOT') ? i - 1 : i;
      ctx.report(
        [first, i + 1],
        l10n.t(
          'This IN list has {0} literal items (more than {1}): it inflates parse and plan time, defeats the plan cache and can exceed tidb_opt_range_max_size, falling back to a full range scan. Load the keys into a temporary table and JOIN, or split the list into batches.',
          count,
          LARGE_IN_LIST,
        ),
      );
      i = close;
    }
  },
});

/** A literal, a ? placeholder, or a row of them: (1, 'a'). */
function isLiteralItem(s: Stmt, a: number, e: number): boolean {
  if (literalAt(s, a) === e || (s.tokens[a]?.kind === 'param' && e === a + 1)) return true;
  if (s.op(a) !== '(' || s.match(a) !== e - 1) return false;
  for (const [x, y] of s.splitCommas(a + 1, e - 1)) {
    if (literalAt(s, x) !== y && !(s.tokens[x]?.kind === 'param' && y === x + 1)) return false;
  }
  return true;
}
