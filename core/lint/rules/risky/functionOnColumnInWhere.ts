import type { Stmt } from '../../../sql/statement';
import { literalAt, whereRanges } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export const INDEX_BLOCKING_FUNCTIONS: ReadonlySet<string> = new Set([
  'DATE',
  'YEAR',
  'MONTH',
  'DAY',
  'LOWER',
  'UPPER',
  'LEFT',
  'SUBSTRING',
  'SUBSTR',
  'DATE_FORMAT',
  'TRIM',
  'IFNULL',
  'COALESCE',
  'CONCAT',
  'UNIX_TIMESTAMP',
  'TO_DAYS',
  'ABS',
  'ROUND',
  'FROM_UNIXTIME',
]);

const CMP = new Set(['=', '<>', '!=', '<', '<=', '>', '>=', '<=>']);

/** Words that may appear inside a constant call's arguments (units, cast types, keywords of built-ins). */
const CONST_WORDS = new Set([
  'INTERVAL',
  'MICROSECOND',
  'SECOND',
  'MINUTE',
  'HOUR',
  'DAY',
  'WEEK',
  'MONTH',
  'QUARTER',
  'YEAR',
  'SECOND_MICROSECOND',
  'MINUTE_SECOND',
  'HOUR_MINUTE',
  'DAY_HOUR',
  'YEAR_MONTH',
  'DAY_MINUTE',
  'DAY_SECOND',
  'HOUR_SECOND',
  'AS',
  'CHAR',
  'SIGNED',
  'UNSIGNED',
  'DATE',
  'DATETIME',
  'TIME',
  'DECIMAL',
  'BINARY',
  'USING',
  'AND',
  'OR',
  'NOT',
]);

/** Constants written as bare words. */
const NILADIC = new Set([
  'NULL',
  'TRUE',
  'FALSE',
  'CURRENT_DATE',
  'CURRENT_TIME',
  'CURRENT_TIMESTAMP',
  'LOCALTIME',
  'LOCALTIMESTAMP',
  'UTC_DATE',
  'UTC_TIME',
  'UTC_TIMESTAMP',
  'CURRENT_USER',
]);

/** A constant operand starting at i (literal, ?, @var, @@var, or a call over constants). Index after it, or -1. */
function constantAt(s: Stmt, i: number): number {
  const lit = literalAt(s, i);
  if (lit !== -1) return lit;
  const t = s.tokens[i];
  if (!t) return -1;
  if (t.kind === 'param' || t.kind === 'var' || t.kind === 'sysvar') return i + 1;
  if (t.kind === 'word' && s.is(i, 'DATE', 'TIME', 'TIMESTAMP') && s.tokens[i + 1]?.kind === 'string') return i + 2;
  if (t.kind === 'word' && NILADIC.has(t.value) && s.op(i + 1) !== '(' && s.op(i + 1) !== '.') return i + 1;
  if (t.kind === 'word' && s.op(i + 1) === '(') {
    const close = s.match(i + 1);
    if (close === -1) return -1;
    for (let j = i + 2; j < close; j++) {
      const k = s.tokens[j];
      if (k.kind === 'qident') return -1;
      if (k.kind === 'word' && s.op(j + 1) !== '(' && !CONST_WORDS.has(k.value) && !NILADIC.has(k.value)) return -1;
      if (k.kind === 'word' && s.is(j, 'SELECT')) return -1;
    }
    return close + 1;
  }
  return -1;
}

/** A (possibly qualified) column reference at i: returns the index after it, or -1. */
function columnAt(s: Stmt, i: number): number {
  const t = s.tokens[i];
  if (!t || (t.kind !== 'word' && t.kind !== 'qident')) return -1;
  if (t.kind === 'word' && (NILADIC.has(t.value) || t.value === 'INTERVAL' || t.value === 'DISTINCT' || s.op(i + 1) === '(')) return -1;
  let j = i + 1;
  while (s.op(j) === '.' && (s.tokens[j + 1]?.kind === 'word' || s.tokens[j + 1]?.kind === 'qident') && j < i + 5) j += 2;
  return j;
}

/** The column [start, end) that is the first argument of the call whose '(' is at open (looking through nested calls). */
function firstArgColumn(s: Stmt, open: number, nesting: number): [number, number] | undefined {
  const close = s.match(open);
  if (close === -1) return undefined;
  let a = open + 1;
  // TRIM([LEADING|TRAILING|BOTH] [remstr] FROM col): the column follows FROM
  if (s.is(open - 1, 'TRIM')) {
    const from = s.find(['FROM'], a, close, s.depth(a));
    if (from !== -1) a = from + 1;
  }
  const col = columnAt(s, a);
  // SUBSTRING(col FROM 2 FOR 3) as well as f(col, ...)
  if (col !== -1)
    return s.op(col) === ',' || col === close || (s.is(col, 'FROM') && s.is(open - 1, 'SUBSTRING', 'SUBSTR')) ? [a, col] : undefined;
  if (nesting < 3 && s.tokens[a]?.kind === 'word' && s.op(a + 1) === '(') {
    const inner = s.match(a + 1);
    if (inner === -1 || (s.op(inner + 1) !== ',' && inner + 1 !== close)) return undefined;
    return firstArgColumn(s, a + 1, nesting + 1);
  }
  return undefined;
}

/**
 * The ranges not inside another one. WHERE ranges nest (a subquery's WHERE inside its
 * outer WHERE); an outer range accepts whatever an inner one would (its bounds are
 * wider), so scanning each token once, in the outermost range, finds the same calls
 * without the quadratic rescans of deeply nested subqueries.
 */
function outermost(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  let reach = -1;
  for (const r of sorted) {
    if (r[1] <= reach) continue;
    out.push(r);
    reach = Math.max(reach, r[1]);
  }
  return out;
}

export default defineRule({
  id: 'function-on-column-in-where',
  category: 'risky',
  severity: 'info',
  versions: 'all',
  explanation: 'Wrapping the column in a function prevents index range scans (unless a matching expression index exists).',
  fix: "Rewrite as a range on the bare column (e.g. created_at >= '2024-01-01' AND created_at < '2024-01-02') or add an expression index (GA since v6.5 for the functions in tidb_allow_function_for_expression_index).",
  source: 'pingcap/docs: develop/dev-guide-index-best-practice.md',
  quote:
    'When using an index column as a condition in a query, do not use calculation, function, or type conversion on it, which will prevent the TiDB optimizer from using the index.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  words: [...INDEX_BLOCKING_FUNCTIONS],
  examples: {
    flagged: [
      "SELECT id FROM t WHERE lower(email) LIKE 'ab%';",
      'UPDATE t SET x = 1 WHERE IFNULL(deleted, 0) = 0;',
      "SELECT id, total FROM invoices WHERE DATE_FORMAT(issued_at, '%Y-%m') = '2024-05' LIMIT 200;",
    ],
    clean: [
      'SELECT id FROM t WHERE LENGTH(name) = 3;',
      'SELECT DATE(created_at) AS d FROM orders WHERE id = 5;',
      "SELECT a.id FROM a JOIN b ON DATE(b.ts) = '2024-01-01' WHERE a.id = 1;",
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const seen = new Set<number>();
    for (const [from, to] of outermost(whereRanges(s))) {
      for (let i = from; i < to; i++) {
        if (seen.has(i) || !INDEX_BLOCKING_FUNCTIONS.has(s.word(i)) || s.op(i + 1) !== '(') continue;
        if (s.op(i - 1) === '.') continue;
        const close = s.match(i + 1);
        if (close === -1 || close >= to) continue;
        // f(col, ...) or f(g(col), ...): the first argument is a column, possibly wrapped in another call
        const arg = firstArgColumn(s, i + 1, 0);
        if (!arg) continue;
        const [colStart, col] = arg;
        // f(col) <op> constant, or constant <op> f(col)
        let ok = false;
        const op = s.op(close + 1);
        if (CMP.has(op)) ok = constantAt(s, close + 2) !== -1;
        else if (s.is(close + 1, 'LIKE', 'IN', 'BETWEEN') || (s.is(close + 1, 'NOT') && s.is(close + 2, 'LIKE', 'IN', 'BETWEEN'))) {
          const k = s.is(close + 1, 'NOT') ? close + 3 : close + 2;
          ok = s.op(k) === '(' ? s.tokens[k + 1]?.kind !== 'word' || !s.is(k + 1, 'SELECT') : constantAt(s, k) !== -1;
        }
        if (!ok && CMP.has(s.op(i - 1))) {
          // constant <op> f(col): find the start of the left operand
          let k = i - 2;
          if (s.op(k) === ')') k = s.match(k) - 1;
          for (let a = Math.max(from, k - 1); a <= k && !ok; a++) ok = a >= from && constantAt(s, a) === i - 1;
        }
        if (!ok) continue;
        seen.add(i);
        const colText = s.text(colStart, col - 1);
        const call = close - i <= 12 ? s.text(i, close) : `${s.text(i)}(...)`;
        ctx.report(
          [i, close],
          l10n.t(
            '{0} in WHERE wraps the column {1} in a function, so TiDB cannot use an index range on {1} (unless a matching expression index exists). Rewrite it as a range on the bare column, or add an expression index.',
            call,
            colText,
          ),
        );
      }
    }
  },
});
