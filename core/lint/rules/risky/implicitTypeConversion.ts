import type { RuleContext } from '../../context';
import { allTableRefs, joinOnRanges, whereRanges } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import type { ColumnInfo, TableInfo } from '../../../sql/schema';
import type { Stmt } from '../../../sql/statement';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const STRING_TYPES = new Set(['CHAR', 'CHARACTER', 'VARCHAR', 'TEXT', 'TINYTEXT', 'MEDIUMTEXT', 'LONGTEXT', 'NCHAR', 'NVARCHAR']);
const CMP = new Set(['=', '<>', '!=', '<', '<=', '>', '>=', '<=>']);

/** A numeric literal (optionally signed) at i: index after it, or -1. */
function numberAt(s: Stmt, i: number): number {
  const t = s.tokens[i];
  if (t?.kind === 'number') return i + 1;
  if (t?.kind === 'op' && (t.value === '-' || t.value === '+') && s.tokens[i + 1]?.kind === 'number') return i + 2;
  return -1;
}

export default defineRule({
  id: 'implicit-type-conversion',
  category: 'risky',
  severity: 'warning',
  versions: 'all',
  explanation:
    "The column is cast to DOUBLE for every row, so the index on it is unusable and results can be wrong for values like '0123'.",
  fix: "Quote the literal: phone = '13800138000'.",
  source: 'pingcap/docs: develop/dev-guide-implicit-type-conversion.md',
  quote:
    'In the following case, `account_id` is the primary key and its data type is `varchar`. In the execution plan, this SQL statement has an implicit type conversion and cannot use the index.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  words: ['WHERE', 'ON'],
  examples: {
    flagged: [
      'CREATE TABLE t (id INT PRIMARY KEY, a CHARACTER(5));\nSELECT id FROM t WHERE a = 1;',
      'CREATE TABLE legacy_customers (cust_no CHAR(10) NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL);\nSELECT name FROM legacy_customers WHERE cust_no = 1001;',
      'CREATE TABLE members (\n  id BIGINT AUTO_RANDOM PRIMARY KEY,\n  phone VARCHAR(20) NOT NULL,\n  points INT NOT NULL DEFAULT 0,\n  KEY idx_phone (phone)\n);\nSELECT id FROM members WHERE phone = 13800138000;',
    ],
    clean: ['DELETE FROM m WHERE body = 0;', "SELECT id FROM m WHERE n = '100';", 'UPDATE m SET n = 1 WHERE 5 = code;'],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const ranges: Array<[number, number]> = whereRanges(s);
    for (const r of joinOnRanges(s)) ranges.push([r.start, r.end]);
    if (ranges.length === 0) return;
    // tables of the statement that the file defines, by alias and by name
    const byName = new Map<string, TableInfo>();
    const tables: TableInfo[] = [];
    // an alias hides its table's name (FROM a b JOIN b x: b.col is a's column)
    const aliases = new Set<string>();
    const refs = allTableRefs(s);
    for (const ref of refs) if (ref.alias) aliases.add(ref.alias.toLowerCase());
    for (const ref of refs) {
      const info = ctx.schema.table(ref.db, ref.name);
      if (!info) continue;
      tables.push(info);
      if (ref.alias) byName.set(ref.alias.toLowerCase(), info);
      else if (!aliases.has(ref.name.toLowerCase())) byName.set(ref.name.toLowerCase(), info);
    }
    if (tables.length === 0) return;
    const seen = new Set<number>();
    for (const [from, to] of ranges) {
      for (let i = from; i < to; i++) {
        if (seen.has(i)) continue;
        const col = columnRef(s, i, byName, tables);
        if (!col) continue;
        const { info, last } = col;
        if (!STRING_TYPES.has(info.type)) continue;
        // col <op> number | col [NOT] IN (..., number, ...) | col [NOT] BETWEEN number AND ...
        let end = -1;
        if (CMP.has(s.op(last + 1))) end = numberAt(s, last + 2) - 1;
        else {
          const k = s.is(last + 1, 'NOT') ? last + 2 : last + 1;
          if (s.is(k, 'IN') && s.op(k + 1) === '(') {
            const close = s.match(k + 1);
            if (close !== -1 && !s.is(k + 2, 'SELECT')) {
              for (const [a, e] of s.splitCommas(k + 2, close)) if (numberAt(s, a) === e) end = close;
            }
          } else if (s.is(k, 'BETWEEN') && numberAt(s, k + 1) !== -1) end = numberAt(s, k + 1) - 1;
        }
        let start = i;
        if (end < 0 && CMP.has(s.op(i - 1))) {
          // number <op> col
          const b =
            s.tokens[i - 2]?.kind === 'number'
              ? (s.op(i - 3) === '-' || s.op(i - 3) === '+') && !isOperand(s, i - 4)
                ? i - 3
                : i - 2
              : -1;
          if (b >= from) {
            start = b;
            end = last;
          }
        }
        if (end < 0) continue;
        seen.add(i);
        report(ctx, start, end, s.text(i, last), info);
      }
    }
  },
});

function isOperand(s: Stmt, i: number): boolean {
  const t = s.tokens[i];
  return (
    !!t &&
    (t.kind === 'number' ||
      t.kind === 'string' ||
      t.kind === 'qident' ||
      (t.kind === 'op' && t.value === ')') ||
      (t.kind === 'word' && !['AND', 'OR', 'NOT', 'WHERE', 'ON'].includes(t.value)))
  );
}

/** A column reference at i whose table the file defines. */
function columnRef(
  s: Stmt,
  i: number,
  byName: Map<string, TableInfo>,
  tables: TableInfo[],
): { info: ColumnInfo; last: number } | undefined {
  const t = s.tokens[i];
  if (!t || (t.kind !== 'word' && t.kind !== 'qident')) return undefined;
  if (s.op(i - 1) === '.' || s.op(i + 1) === '(') return undefined;
  if (s.op(i + 1) === '.') {
    // tbl.col or db.tbl.col
    let q = i;
    let c = i + 2;
    if (s.op(i + 3) === '.') {
      q = i + 2;
      c = i + 4;
    }
    const table = byName.get((s.ident(q) ?? '').toLowerCase());
    const name = s.ident(c);
    if (!table || name === undefined || s.tokens[c].kind === 'string') return undefined;
    const info = table.columns.get(name.toLowerCase());
    return info ? { info, last: c } : undefined;
  }
  const name = (s.ident(i) ?? '').toLowerCase();
  const hits = tables.filter((x) => x.columns.has(name));
  if (hits.length === 0) return undefined;
  const infos = hits.map((h) => h.columns.get(name)!);
  // ambiguous across tables: only when every candidate agrees on being a string column
  if (infos.some((x) => !STRING_TYPES.has(x.type))) return undefined;
  return { info: infos[0], last: i };
}

function report(ctx: RuleContext, start: number, end: number, colText: string, info: ColumnInfo): void {
  const type = info.type + (info.args.length ? `(${info.args.join(',')})` : '');
  ctx.report(
    [start, end],
    l10n.t(
      "{0} is {1}, compared with a number: TiDB casts the column to DOUBLE for every row, so its index is unusable and values such as '0123' can match unexpectedly. Quote the literal so it is compared as a string.",
      colText,
      type,
    ),
  );
}
