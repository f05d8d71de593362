import { cteNames, SYSTEM_SCHEMAS, tableFactors } from '../../../sql/queryRefs';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'select-star-without-limit',
  category: 'risky',
  severity: 'info',
  versions: 'all',
  explanation: 'Full table scan shipped to the client; on a distributed store this fans out to every Region.',
  fix: 'Select needed columns and add WHERE/LIMIT or paginate by key.',
  source: 'pingcap/docs: develop/dev-guide-optimize-sql-best-practices.md',
  quote: 'If you do not need data from all columns, do not use `SELECT *` to return all columns data.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: [
      'SELECT * FROM `order`;',
      'WITH x AS (SELECT id FROM t WHERE id > 1) SELECT * FROM users FOR UPDATE;',
      'SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id;',
    ],
    clean: ['SELECT * FROM dual;', 'SELECT COUNT(*) FROM users;', 'USE mysql;\nSELECT * FROM user;'],
  },
  kinds: ['SELECT', 'WITH', '('],
  check(ctx) {
    const s = ctx.s;
    let ctes: Set<string> | undefined;
    for (const b of s.queryBlocks()) {
      if (!b.topLevel) continue;
      const from = b.clauses.get('FROM');
      const fromAt = b.clauseAt.get('FROM');
      if (!from || fromAt === undefined || b.clauses.has('WHERE') || b.clauses.has('LIMIT')) continue;
      // FETCH FIRST|NEXT n ROWS ONLY (TiDB's standard spelling of LIMIT)
      if (s.find(['FETCH', 'FIRST|NEXT'], fromAt, b.end, b.depth) !== -1) continue;
      // a LIMIT (or FETCH) after the block that applies to the whole set-operation result
      if (s.find(['LIMIT'], b.end, s.sparseFrom, 0) !== -1 || s.find(['FETCH', 'FIRST|NEXT'], b.end, s.sparseFrom, 0) !== -1) continue;
      const intoAt = b.clauseAt.get('INTO');
      const star = starItem(s, b.select + 1, intoAt !== undefined && intoAt < fromAt ? intoAt : fromAt, b.depth);
      if (star === undefined) continue;
      ctes ??= cteNames(s);
      const cur = (ctx.session.db ?? ctx.schema.currentDb)?.toLowerCase();
      const user = tableFactors(s, from[0], from[1]).find((t) => {
        const db = t.db?.toLowerCase() ?? cur;
        if (db !== undefined && SYSTEM_SCHEMAS.has(db)) return false;
        if (t.db === undefined && (ctes!.has(t.name.toLowerCase()) || t.name.toUpperCase() === 'DUAL')) return false;
        return true;
      });
      if (!user) continue;
      ctx.report(
        star,
        l10n.t(
          'SELECT {0} from {1} with neither WHERE nor LIMIT ships the whole table to the client and fans out to every Region. Select the needed columns and add a WHERE or LIMIT (or paginate by key).',
          s.text(star[0], star[1]),
          user.name,
        ),
      );
    }
  },
});

/** Select modifiers that may precede the first select item (SELECT DISTINCT *, SELECT SQL_NO_CACHE *). */
const SELECT_MODIFIERS = new Set([
  'ALL',
  'DISTINCT',
  'DISTINCTROW',
  'HIGH_PRIORITY',
  'STRAIGHT_JOIN',
  'SQL_SMALL_RESULT',
  'SQL_BIG_RESULT',
  'SQL_BUFFER_RESULT',
  'SQL_CACHE',
  'SQL_NO_CACHE',
  'SQL_CALC_FOUND_ROWS',
]);

/** The first `*` or `t.*` item of the select list [from, to), as a token range. */
function starItem(s: import('../../../sql/statement').Stmt, from: number, to: number, depth: number): [number, number] | undefined {
  while (from < to && SELECT_MODIFIERS.has(s.word(from))) from++;
  for (const [a, e] of s.splitCommas(from, to)) {
    if (s.depth(a) !== depth) continue;
    if (e - a === 1 && s.op(a) === '*') return [a, a];
    if (s.op(e - 1) === '*' && s.op(e - 2) === '.' && (e - a === 3 || e - a === 5)) return [a, e - 1];
  }
  return undefined;
}
