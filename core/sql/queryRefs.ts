// Token-level helpers for rules that look inside queries: function calls,
// table references (FROM/JOIN/UPDATE/INTO/DELETE targets) with their aliases,
// WHERE and JOIN ... ON condition ranges. Everything here tolerates truncated SQL.
import type { Stmt } from './statement';

export interface Call {
  /** upper-cased function name */
  name: string;
  /** token index of the name */
  at: number;
  /** token index of '(' */
  open: number;
}

/** Words before a `name (` that make `name` an object name (table, index, view, CTE, routine), not a function. */
const OBJECT_NAME_BEFORE = new Set([
  'INTO',
  'TABLE',
  'UPDATE',
  'REFERENCES',
  'INSERT',
  'REPLACE',
  'IGNORE',
  'LOW_PRIORITY',
  'DELAYED',
  'HIGH_PRIORITY',
  'KEY',
  'INDEX',
  'VIEW',
  'PROCEDURE',
  'FUNCTION',
  'TRIGGER',
  'EVENT',
  'CALL',
  'EXISTS',
  'CONSTRAINT',
  'WITH',
  'RECURSIVE',
  'PARTITION',
  'SUBPARTITION',
  'TABLES',
  'UNIQUE',
  'FULLTEXT',
  'SPATIAL',
  'PRIMARY',
  'FOREIGN',
  'COLUMN',
  'SEQUENCE',
  'DATABASE',
  'SCHEMA',
  'USER',
  'ROLE',
  'DESCRIBE',
  'DESC',
  'EXPLAIN',
]);

const DDL_KINDS = new Set(['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX']);

const cache = new WeakMap<Stmt, Call[]>();

/**
 * Every function call in the statement: an unquoted word immediately followed by '('
 * (the next token), not qualified (db.f), and not an object name in a position such
 * as INSERT INTO t (...), CREATE INDEX i ON t (...), KEY k (...), WITH cte (...) AS.
 * Calls inside skimmed INSERT ... VALUES bodies are included.
 */
export function functionCalls(s: Stmt): Call[] {
  const hit = cache.get(s);
  if (hit) return hit;
  const out: Call[] = [];
  const t = s.tokens;
  const dense = s.sparseFrom;
  const ddl = DDL_KINDS.has(s.kind);
  for (let i = 0; i + 1 < t.length; i++) {
    if (t[i].kind !== 'word' || s.op(i + 1) !== '(') continue;
    const prev = i > 0 ? t[i - 1] : undefined;
    if (prev && prev.kind === 'op' && prev.value === '.') continue;
    if (prev && prev.kind === 'word' && OBJECT_NAME_BEFORE.has(prev.value)) continue;
    if (i < dense) {
      if (prev && prev.kind === 'word' && prev.value === 'ON' && (s.kind === 'CREATE INDEX' || s.kind === 'CREATE FULLTEXT')) continue;
      const close = s.match(i + 1);
      // WITH a (x) AS (...), b (y) AS (...): a CTE name with a column list
      if (close !== -1 && s.is(close + 1, 'AS') && s.op(close + 2) === '(') continue;
      // KEY k (col(10)): a prefix length in an index key part
      if (ddl && close === i + 3 && t[i + 2].kind === 'number' && prev && prev.kind === 'op' && (prev.value === '(' || prev.value === ','))
        continue;
    }
    out.push({ name: t[i].value, at: i, open: i + 1 });
  }
  cache.set(s, out);
  return out;
}

export interface TableRef {
  db?: string;
  name: string;
  /** token range of the (qualified) name */
  first: number;
  last: number;
  alias?: string;
}

/** Words that end a table factor (never an alias). */
const NOT_ALIAS = new Set([
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'CROSS',
  'NATURAL',
  'STRAIGHT_JOIN',
  'FULL',
  'OUTER',
  'ON',
  'USING',
  'WHERE',
  'GROUP',
  'ORDER',
  'LIMIT',
  'HAVING',
  'WINDOW',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'FOR',
  'LOCK',
  'INTO',
  'SET',
  'USE',
  'FORCE',
  'IGNORE',
  'PARTITION',
  'TABLESAMPLE',
  'VALUES',
  'VALUE',
  'SELECT',
  'RETURNING',
  'AS',
  'OF',
  'FETCH',
  'OFFSET',
  'WITH',
  'DEFAULT',
  'ROW',
  'TABLE',
  'ORDER',
  'READ',
  'WRITE',
  'LOW_PRIORITY',
  'PROCEDURE',
]);

/**
 * Table references in a table list [from, to): FROM a, b JOIN c ON ... / UPDATE a JOIN b.
 * Derived tables are skipped (their own SELECT blocks are separate). Aliases are read.
 */
export function tableFactors(s: Stmt, from: number, to: number): TableRef[] {
  const out: TableRef[] = [];
  const end = Math.min(to, s.sparseFrom);
  let expect = true;
  let i = from;
  while (i < end) {
    const op = s.op(i);
    if (expect) {
      if (op === '(') {
        if (s.is(i + 1, 'SELECT', 'WITH', 'VALUES', 'TABLE') || (s.op(i + 1) === '(' && s.is(i + 2, 'SELECT'))) {
          const m = s.match(i);
          if (m === -1) break;
          i = m + 1;
          i = skipAlias(s, i, end).next;
          expect = false;
          continue;
        }
        i++; // a parenthesized join list
        continue;
      }
      if (s.is(i, 'LATERAL')) {
        i++;
        continue;
      }
      if (s.word(i) === 'JSON_TABLE' && s.op(i + 1) === '(') {
        const m = s.match(i + 1);
        if (m === -1) break;
        i = skipAlias(s, m + 1, end).next;
        expect = false;
        continue;
      }
      const q = s.qname(i);
      if (q && (s.tokens[i].kind === 'qident' || !NOT_ALIAS.has(s.word(i)))) {
        const ref: TableRef = { db: q.db, name: q.name, first: q.first, last: q.last };
        const a = skipAlias(s, q.last + 1, end);
        ref.alias = a.alias;
        out.push(ref);
        i = a.next;
        expect = false;
        continue;
      }
      expect = false;
      continue;
    }
    if (op === '(') {
      const m = s.match(i);
      if (m === -1) break;
      i = m + 1;
      continue;
    }
    if (op === ',' || s.is(i, 'JOIN', 'STRAIGHT_JOIN')) expect = true;
    i++;
  }
  return out;
}

function skipAlias(s: Stmt, i: number, end: number): { next: number; alias?: string } {
  // PARTITION (p0, p1)
  if (s.is(i, 'PARTITION') && s.op(i + 1) === '(') {
    const m = s.match(i + 1);
    if (m !== -1) i = m + 1;
  }
  let alias: string | undefined;
  if (i < end && s.is(i, 'AS') && s.ident(i + 1) !== undefined) {
    alias = s.ident(i + 1);
    i += 2;
  } else if (i < end && (s.tokens[i]?.kind === 'qident' || (s.tokens[i]?.kind === 'word' && !NOT_ALIAS.has(s.word(i))))) {
    alias = s.ident(i);
    i++;
  }
  // derived table column list: AS d (a, b)
  if (alias !== undefined && s.op(i) === '(' && !s.is(i + 1, 'SELECT')) {
    const m = s.match(i);
    if (m !== -1) i = m + 1;
  }
  return { next: i, alias };
}

/** Names defined by WITH clauses (lower-cased). */
export function cteNames(s: Stmt): Set<string> {
  return new Set(cteBodies(s).keys());
}

/** WITH [RECURSIVE] name [(cols)] AS (body), ...: lower-cased name -> token indexes of the body's parens. */
export function cteBodies(s: Stmt): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const n = s.sparseFrom;
  for (let i = 0; i < n; i++) {
    if (!s.is(i, 'WITH')) continue;
    if (
      i > 0 &&
      s.op(i - 1) !== '(' &&
      !s.is(i - 1, 'INTO') &&
      s.tokens[i - 1]?.kind !== 'word' &&
      s.tokens[i - 1]?.kind !== 'qident' &&
      s.op(i - 1) !== ')'
    )
      continue;
    let j = i + 1;
    if (s.is(j, 'RECURSIVE')) j++;
    for (;;) {
      const name = s.ident(j);
      if (name === undefined || s.tokens[j].kind === 'string') break;
      j++;
      if (s.op(j) === '(') {
        const m = s.match(j);
        if (m === -1) break;
        j = m + 1;
      }
      if (!s.is(j, 'AS') || s.op(j + 1) !== '(') break;
      const m = s.match(j + 1);
      if (m === -1) break;
      out.set(name.toLowerCase(), [j + 1, m]);
      j = m + 1;
      if (s.op(j) !== ',') break;
      j++;
    }
  }
  return out;
}

/**
 * Every table reference of the statement: FROM clauses of all SELECT blocks and
 * the targets of INSERT/REPLACE, UPDATE and DELETE (multi-table forms included).
 */
export function allTableRefs(s: Stmt): TableRef[] {
  const out: TableRef[] = [];
  for (const b of s.queryBlocks()) {
    const r = b.clauses.get('FROM');
    if (r) out.push(...tableFactors(s, r[0], r[1]));
  }
  const main = mainVerb(s);
  if (main === -1) return out;
  const w = s.word(main);
  if (w === 'UPDATE') {
    let i = main + 1;
    while (s.is(i, 'LOW_PRIORITY', 'IGNORE')) i++;
    const set = findAtDepth(s, ['SET'], i, s.depth(main));
    out.push(...tableFactors(s, i, set === -1 ? s.sparseFrom : set));
  } else if (w === 'DELETE') {
    out.push(...deleteTables(s, main).refs);
  } else if (w === 'INSERT' || w === 'REPLACE') {
    const t = insertTarget(s, main);
    if (t) out.push(t);
  }
  return out;
}

/** Index of the DML verb of the statement (0, or after a WITH clause), or -1. */
export function mainVerb(s: Stmt): number {
  const w0 = s.word(0);
  if (w0 === 'UPDATE' || w0 === 'DELETE' || w0 === 'INSERT' || w0 === 'REPLACE') return 0;
  if (w0 === 'WITH') {
    const n = s.sparseFrom;
    for (let i = 1; i < n; i++) {
      if (s.depth(i) === 0 && s.is(i, 'UPDATE', 'DELETE', 'SELECT', 'INSERT', 'REPLACE')) return s.is(i, 'SELECT') ? -1 : i;
    }
  }
  return -1;
}

/** First index in [from, sparseFrom) where seq matches at paren depth `depth`, or -1. */
export function findAtDepth(s: Stmt, seq: string[], from: number, depth: number): number {
  const n = s.sparseFrom;
  for (let i = from; i < n; i++) {
    const d = s.depth(i);
    if (d < depth) return -1;
    if (d === depth && s.seq(i, ...seq) !== -1) return i;
  }
  return -1;
}

/** INSERT [IGNORE] [INTO] t: the target table. */
export function insertTarget(s: Stmt, verb: number): TableRef | undefined {
  let i = verb + 1;
  while (s.is(i, 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE')) i++;
  if (s.is(i, 'INTO')) i++;
  const q = s.qname(i);
  if (!q) return undefined;
  return { db: q.db, name: q.name, first: q.first, last: q.last };
}

/**
 * DELETE forms: DELETE FROM t ...; DELETE t1, t2 FROM t1 JOIN t2 ...; DELETE FROM t1, t2 USING t1 JOIN t2 ....
 * `targets` are the names rows are deleted from (aliases resolved where possible), `refs` all table references.
 */
export function deleteTables(s: Stmt, verb: number): { targets: TableRef[]; refs: TableRef[] } {
  let i = verb + 1;
  while (s.is(i, 'LOW_PRIORITY', 'QUICK', 'IGNORE')) i++;
  const d = s.depth(verb);
  const stop = (from: number) => {
    const w = findAtDepth(s, ['WHERE|ORDER|LIMIT|RETURNING'], from, d);
    return w === -1 ? s.sparseFrom : w;
  };
  if (s.is(i, 'FROM')) {
    const using = findAtDepth(s, ['USING'], i + 1, d);
    if (using !== -1) {
      const targets = targetList(s, i + 1, using);
      const refs = tableFactors(s, using + 1, stop(using + 1));
      return { targets: resolveTargets(targets, refs), refs };
    }
    const refs = tableFactors(s, i + 1, stop(i + 1));
    return { targets: refs.slice(0, 1), refs };
  }
  const from = findAtDepth(s, ['FROM'], i, d);
  if (from === -1) return { targets: [], refs: [] };
  const targets = targetList(s, i, from);
  const refs = tableFactors(s, from + 1, stop(from + 1));
  return { targets: resolveTargets(targets, refs), refs };
}

function targetList(s: Stmt, from: number, to: number): TableRef[] {
  const out: TableRef[] = [];
  for (const [a, b] of s.splitCommas(from, to)) {
    const q = s.qname(a);
    if (!q || q.last >= b) continue;
    out.push({ db: q.db, name: q.name, first: q.first, last: q.last });
  }
  return out;
}

function resolveTargets(targets: TableRef[], refs: TableRef[]): TableRef[] {
  return targets.map((t) => {
    if (t.db === undefined) {
      const r = refs.find((x) => x.alias !== undefined && x.alias.toLowerCase() === t.name.toLowerCase());
      if (r) return { ...r, first: t.first, last: t.last };
    }
    return t;
  });
}

/** WHERE condition ranges [start, end) of every SELECT block and of a top-level UPDATE/DELETE. */
export function whereRanges(s: Stmt): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const b of s.queryBlocks()) {
    const r = b.clauses.get('WHERE');
    if (r) out.push(r);
  }
  const main = mainVerb(s);
  if (main !== -1 && s.is(main, 'UPDATE', 'DELETE')) {
    const d = s.depth(main);
    const w = findAtDepth(s, ['WHERE'], main + 1, d);
    if (w !== -1) {
      const e = findAtDepth(s, ['ORDER|LIMIT|RETURNING'], w + 1, d);
      out.push([w + 1, e === -1 ? s.sparseFrom : e]);
    }
  }
  return out;
}

const JOIN_STOP = new Set([
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'CROSS',
  'STRAIGHT_JOIN',
  'NATURAL',
  'FULL',
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'WINDOW',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'SET',
  'FOR',
  'LOCK',
  'INTO',
  'RETURNING',
  'ON',
  'USING',
  'SELECT',
  'VALUES',
]);
const JOIN_BACK_STOP = new Set([
  'ON',
  'USING',
  'FROM',
  'WHERE',
  'SELECT',
  'SET',
  'CREATE',
  'GRANT',
  'REVOKE',
  'TRIGGER',
  'EVENT',
  'BATCH',
  'DUPLICATE',
  'ALTER',
  'INDEX',
]);

/** JOIN ... ON condition ranges: [index of ON, start, end). */
export function joinOnRanges(s: Stmt): Array<{ on: number; start: number; end: number }> {
  const out: Array<{ on: number; start: number; end: number }> = [];
  const n = s.sparseFrom;
  for (let i = 0; i < n; i++) {
    if (!s.is(i, 'ON')) continue;
    if (s.is(i + 1, 'DUPLICATE', 'DELETE', 'UPDATE', 'SCHEDULE', 'COMPLETION')) continue;
    const d = s.depth(i);
    let isJoin = false;
    for (let j = i - 1, k = 0; j >= 0 && k < 200; j--, k++) {
      const dj = s.depth(j);
      if (dj < d) break;
      if (dj > d || s.op(j) === ')') continue;
      const w = s.word(j);
      if (w === 'JOIN' || w === 'STRAIGHT_JOIN') {
        isJoin = true;
        break;
      }
      if (JOIN_BACK_STOP.has(w) && !(w === 'INDEX' && s.is(j - 1, 'USE', 'FORCE', 'IGNORE'))) break;
      if (s.op(j) === ';' || s.op(j) === ',') break;
    }
    if (!isJoin) continue;
    let e = i + 1;
    for (; e < n; e++) {
      const de = s.depth(e);
      if (de < d) break;
      if (de > d) continue;
      const w = s.word(e);
      if (w && JOIN_STOP.has(w) && s.op(e + 1) !== '(') break;
      if (s.op(e) === ',' || s.op(e) === ';' || s.op(e) === ')') break;
    }
    out.push({ on: i, start: i + 1, end: e });
  }
  return out;
}

/** A literal token at i: string, number, hex, NULL/TRUE/FALSE, or -number. Returns the index after it, or -1. */
export function literalAt(s: Stmt, i: number): number {
  const t = s.tokens[i];
  if (!t) return -1;
  if (t.kind === 'string' || t.kind === 'number' || t.kind === 'hex') return i + 1;
  if (t.kind === 'word' && (t.value === 'NULL' || t.value === 'TRUE' || t.value === 'FALSE')) return i + 1;
  // _utf8mb4'x', N'x' introducers
  if (t.kind === 'word' && t.value.startsWith('_') && s.tokens[i + 1]?.kind === 'string') return i + 2;
  if (t.kind === 'op' && (t.value === '-' || t.value === '+') && s.tokens[i + 1]?.kind === 'number') return i + 2;
  return -1;
}

export const SYSTEM_SCHEMAS: ReadonlySet<string> = new Set(['information_schema', 'performance_schema', 'mysql', 'sys', 'metrics_schema']);
