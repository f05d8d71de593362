import type { Stmt } from '../../../sql/statement';
import type { Version } from '../../../sql/version';
import { columnSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const NOW = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP']);
const DATE_FORMATS = new Set(['%Y-%m', '%Y-%m-%d', '%Y-%m-%d %H.%i.%s', '%Y-%m-%d %H:%i:%s']);

/** [first, end) without redundant outer parentheses. */
function strip(s: Stmt, a: number, b: number): [number, number] {
  while (b - a >= 2 && s.op(a) === '(' && s.match(a) === b - 1) {
    a++;
    b--;
  }
  return [a, b];
}

function isLiteral(s: Stmt, a: number, b: number): boolean {
  [a, b] = strip(s, a, b);
  if (b - a === 2 && (s.op(a) === '-' || s.op(a) === '+') && s.tokens[a + 1].kind === 'number') return true;
  // _utf8mb4'x' introducer
  if (b - a === 2 && s.word(a).startsWith('_') && s.tokens[a + 1].kind === 'string') return true;
  if (b - a !== 1) return false;
  const t = s.tokens[a];
  return t.kind === 'string' || t.kind === 'number' || t.kind === 'hex' || s.is(a, 'NULL', 'TRUE', 'FALSE');
}

interface Call {
  name: string;
  args: Array<[number, number]>;
}

/** A function call spanning exactly [a, b), or a bare niladic keyword (CURRENT_TIMESTAMP). */
function call(s: Stmt, a: number, b: number): Call | undefined {
  [a, b] = strip(s, a, b);
  const name = s.word(a);
  if (!name) return undefined;
  if (b - a === 1) return { name, args: [] };
  if (s.op(a + 1) !== '(' || s.match(a + 1) !== b - 1) return undefined;
  const args = b - 1 > a + 2 ? s.splitCommas(a + 2, b - 1) : [];
  return { name, args };
}

function isCall(s: Stmt, r: [number, number], names: Set<string> | string[], argc = 0): boolean {
  const c = call(s, r[0], r[1]);
  if (!c) return false;
  const ok = Array.isArray(names) ? names.includes(c.name) : names.has(c.name);
  return ok && c.args.length <= argc && c.args.every((x) => isLiteral(s, x[0], x[1]));
}

/** Whether TiDB accepts DEFAULT (expression in [a, b)). */
function allowed(s: Stmt, a: number, b: number, target: Version): boolean {
  if (isLiteral(s, a, b)) return true;
  [a, b] = strip(s, a, b);
  if (s.is(a, 'NEXT') && s.is(a + 1, 'VALUE') && s.is(a + 2, 'FOR')) return true;
  const c = call(s, a, b);
  if (!c) return false;
  const lits = () => c.args.every((x) => isLiteral(s, x[0], x[1]));
  // accepted on every version
  if (NOW.has(c.name)) return c.args.length <= 1 && lits();
  if (c.name === 'RAND') return c.args.length <= 1 && lits();
  if (c.name === 'UUID') return c.args.length === 0;
  // NEXTVAL(seq) is the function form of NEXT VALUE FOR seq
  if (c.name === 'NEXTVAL') return c.args.length === 1;
  if (c.name === 'UUID_TO_BIN') {
    return (
      c.args.length >= 1 &&
      c.args.length <= 2 &&
      (isCall(s, c.args[0], ['UUID']) || isLiteral(s, c.args[0][0], c.args[0][1])) &&
      (c.args.length === 1 || isLiteral(s, c.args[1][0], c.args[1][1]))
    );
  }
  if (target.lt('8.0')) return false;
  switch (c.name) {
    case 'CURRENT_DATE':
    case 'CURDATE':
      return c.args.length === 0;
    case 'JSON_OBJECT':
    case 'JSON_ARRAY':
    case 'JSON_QUOTE':
    case 'VEC_FROM_TEXT':
    case 'STR_TO_DATE':
      return lits();
    case 'DATE_FORMAT': {
      if (c.args.length !== 2 || !isCall(s, c.args[0], NOW, 1)) return false;
      const f = s.str(strip(s, c.args[1][0], c.args[1][1])[0]);
      return f !== undefined && DATE_FORMATS.has(f);
    }
    case 'UPPER': {
      // UPPER(SUBSTRING_INDEX(USER(), '@', 1))
      if (c.args.length !== 1) return false;
      const sub = call(s, c.args[0][0], c.args[0][1]);
      return (
        !!sub &&
        sub.name === 'SUBSTRING_INDEX' &&
        sub.args.length === 3 &&
        isCall(s, sub.args[0], ['USER', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER']) &&
        isLiteral(s, sub.args[1][0], sub.args[1][1]) &&
        isLiteral(s, sub.args[2][0], sub.args[2][1])
      );
    }
    case 'REPLACE':
      // REPLACE(UPPER(UUID()), '-', '')
      if (c.args.length !== 3) return false;
      {
        const up = call(s, c.args[0][0], c.args[0][1]);
        return (
          !!up &&
          up.name === 'UPPER' &&
          up.args.length === 1 &&
          isCall(s, up.args[0], ['UUID']) &&
          isLiteral(s, c.args[1][0], c.args[1][1]) &&
          isLiteral(s, c.args[2][0], c.args[2][1])
        );
      }
    default:
      return false;
  }
}

export default defineRule({
  id: 'expression-default-unsupported',
  category: 'incompatible',
  severity: 'error',
  versions:
    'v8.0.0+ supports a fixed list (shipped experimental in v8.0.0); earlier versions only CURRENT_TIMESTAMP family, NEXT VALUE FOR, RAND(), UUID(), UUID_TO_BIN()',
  explanation: 'MySQL 8.0.13 accepts arbitrary expression defaults; TiDB only a short list.',
  fix: 'Compute the value in the application or via a generated column.',
  source: 'pingcap/docs: data-type-default-values.md (release-8.1 and master); releases/release-8.0.0.md',
  quote:
    'Starting from v8.0.0, TiDB additionally supports assigning default values to `BLOB`, `TEXT`, and `JSON` data types. However, you can only use expressions to set the default values for these data types.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE t ALTER COLUMN exp SET DEFAULT (DATE_ADD(CURRENT_DATE, INTERVAL 30 DAY));',
      "CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, m VARCHAR(10) DEFAULT (DATE_FORMAT(NOW(), '%d/%m/%Y')));",
      'CREATE TABLE invoices (id BIGINT AUTO_RANDOM PRIMARY KEY, issued_on DATE NOT NULL, due_on DATE DEFAULT (DATE_ADD(CURRENT_DATE, INTERVAL 30 DAY)));',
    ],
    clean: ['CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, d DATE DEFAULT (CURRENT_DATE));'],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const check = (kw: number, open: number, colName: string) => {
      const close = s.match(open);
      if (close <= open) return;
      if (allowed(s, open + 1, close, ctx.target)) return;
      ctx.report(
        [kw, close],
        ctx.target.lt('8.0')
          ? l10n.t(
              'TiDB rejects the default expression of column {0}: before v8.0 only CURRENT_TIMESTAMP/NOW(), NEXT VALUE FOR (NEXTVAL()), RAND(), UUID() and UUID_TO_BIN() are accepted. Compute the value in the application or use a generated column.',
              colName,
            )
          : l10n.t(
              "TiDB rejects the default expression of column {0}: it accepts only a short list (CURRENT_TIMESTAMP(), CURRENT_DATE(), RAND(), UUID(), UUID_TO_BIN(), NEXTVAL(), JSON_OBJECT(), JSON_ARRAY(), JSON_QUOTE(), DATE_FORMAT(NOW(), fixed formats), STR_TO_DATE(), UPPER(SUBSTRING_INDEX(USER(), '@', 1)), REPLACE(UPPER(UUID()), '-', '')). Compute the value in the application or use a generated column.",
              colName,
            ),
      );
    };
    for (const { col } of columnSites(ctx)) {
      const d = col.default;
      if (!d || s.op(d.start) !== '(') continue;
      check(d.tok, d.start, col.name);
    }
    // ALTER TABLE t ALTER [COLUMN] c SET DEFAULT (expr)
    const at = ctx.alterTable();
    if (at) {
      for (const spec of at.specs) {
        if (spec.verb !== 'ALTER' || spec.target !== 'COLUMN' || spec.nameTok === undefined) continue;
        const k = spec.nameTok + 1;
        if (s.is(k, 'SET') && s.is(k + 1, 'DEFAULT') && s.op(k + 2) === '(') check(k, k + 2, spec.name ?? '');
      }
    }
  },
});
