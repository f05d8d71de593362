// A token-level view of one statement with the helpers rules need: keyword
// sequences, paren matching, qualified names and SELECT query blocks.
import { stringValue, type Token } from './lexer';
import type { Statement } from './splitter';

export interface QualifiedName {
  /** database (schema) part, as written, or undefined */
  db?: string;
  name: string;
  /** token index of the first and last token of the name */
  first: number;
  last: number;
}

export interface QueryBlock {
  /** token index of SELECT */
  select: number;
  /** token index one past the block's last token */
  end: number;
  /** paren depth of the SELECT keyword */
  depth: number;
  /** false for subqueries, INSERT ... SELECT, CREATE ... AS SELECT and routine bodies */
  topLevel: boolean;
  /** clause keyword -> [first token index after the keyword(s), end index) */
  clauses: Map<Clause, [number, number]>;
  /** token index of each clause keyword */
  clauseAt: Map<Clause, number>;
}

export type Clause = 'FROM' | 'WHERE' | 'GROUP BY' | 'HAVING' | 'WINDOW' | 'ORDER BY' | 'LIMIT' | 'INTO' | 'LOCK';

const SET_OPS = new Set(['UNION', 'EXCEPT', 'INTERSECT']);

/** Statements that carry a stored-routine body; the body is not linted as separate statements. */
export const ROUTINE_KINDS: ReadonlySet<string> = new Set([
  'CREATE PROCEDURE',
  'CREATE FUNCTION',
  'CREATE TRIGGER',
  'CREATE EVENT',
  'ALTER EVENT',
]);

export class Stmt {
  readonly tokens: Token[];
  private _match?: Int32Array;
  private _depth?: Int32Array;
  private _blocks?: QueryBlock[];
  private _kind?: string;

  constructor(
    readonly src: string,
    readonly stmt: Statement,
  ) {
    this.tokens = stmt.tokens;
  }

  get index(): number {
    return this.stmt.index;
  }
  get start(): number {
    return this.stmt.start;
  }
  get end(): number {
    return this.stmt.end;
  }
  get length(): number {
    return this.tokens.length;
  }
  /** Tokens from this index on were skimmed (huge INSERT bodies). */
  get sparseFrom(): number {
    return this.stmt.sparseFrom === -1 ? this.tokens.length : this.stmt.sparseFrom;
  }

  /** Upper-cased value of the token at i if it is a word, else ''. */
  word(i: number): string {
    const t = this.tokens[i];
    return t && t.kind === 'word' ? t.value : '';
  }

  /** The operator at i, or ''. */
  op(i: number): string {
    const t = this.tokens[i];
    return t && t.kind === 'op' ? t.value : '';
  }

  /** Token i is a word equal to one of `words`. */
  is(i: number, ...words: string[]): boolean {
    const w = this.word(i);
    return w !== '' && words.includes(w);
  }

  /**
   * Tokens from i match `seq`; each element is a word (upper case), an operator,
   * or alternatives separated by '|'. Returns the index after the match, or -1.
   */
  seq(i: number, ...seq: string[]): number {
    let j = i;
    for (const want of seq) {
      const t = this.tokens[j];
      if (!t) return -1;
      const v = t.kind === 'word' || t.kind === 'op' ? t.value : undefined;
      if (v === undefined) return -1;
      const alts = want.length > 1 && want !== '||' && want.includes('|');
      if (alts ? !want.split('|').includes(v) : v !== want) return -1;
      j++;
    }
    return j;
  }

  /** Index of the first position >= from where `seq` matches, optionally only at a paren depth. */
  find(seq: string[], from = 0, to = this.tokens.length, depth?: number): number {
    for (let i = from; i < to; i++) {
      if (depth !== undefined && this.depth(i) !== depth) continue;
      if (this.seq(i, ...seq) !== -1) return i;
    }
    return -1;
  }

  /** All indexes where `seq` matches. */
  findAll(seq: string[], from = 0, to = this.tokens.length): number[] {
    const out: number[] = [];
    for (let i = from; i < to; i++) if (this.seq(i, ...seq) !== -1) out.push(i);
    return out;
  }

  /** Index of the matching ')' for a '(' at i (or of the '(' for a ')'); -1 when unbalanced. */
  match(i: number): number {
    this.computeParens();
    return this._match![i];
  }

  /** Paren depth at token i (a '(' has the depth outside it). */
  depth(i: number): number {
    this.computeParens();
    return this._depth![i];
  }

  private computeParens(): void {
    if (this._match) return;
    const n = this.tokens.length;
    const match = new Int32Array(n).fill(-1);
    const depth = new Int32Array(n);
    const stack: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = this.tokens[i];
      if (t.kind === 'op' && t.value === '(') {
        depth[i] = stack.length;
        stack.push(i);
      } else if (t.kind === 'op' && t.value === ')') {
        const open = stack.pop();
        depth[i] = stack.length;
        if (open !== undefined) {
          match[open] = i;
          match[i] = open;
        }
      } else {
        depth[i] = stack.length;
      }
    }
    this._match = match;
    this._depth = depth;
  }

  /** Source text from token i to token j (inclusive). */
  text(i: number, j = i): string {
    return this.src.slice(this.tokens[i].start, this.tokens[j].end);
  }

  /** The identifier at i (word or `quoted`), as written (unquoted), or undefined. */
  ident(i: number): string | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'qident') return t.value;
    if (t.kind === 'word') return this.src.slice(t.start, t.end);
    if (t.kind === 'string') return stringValue(this.src.slice(t.start, t.end));
    return undefined;
  }

  /** A possibly qualified name starting at i: db.tbl or tbl. */
  qname(i: number): QualifiedName | undefined {
    const first = this.ident(i);
    if (first === undefined || this.tokens[i].kind === 'string') return undefined;
    if (this.op(i + 1) === '.' && this.ident(i + 2) !== undefined) {
      return { db: first, name: this.ident(i + 2)!, first: i, last: i + 2 };
    }
    return { name: first, first: i, last: i };
  }

  /** The string value of a string token at i, or undefined. */
  str(i: number): string | undefined {
    const t = this.tokens[i];
    return t && t.kind === 'string' ? stringValue(this.src.slice(t.start, t.end)) : undefined;
  }

  /** Numeric value of a number token at i (with an optional leading '-'), or undefined. */
  num(i: number): number | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'number') return Number(t.value);
    if (t.kind === 'op' && t.value === '-' && this.tokens[i + 1]?.kind === 'number') return -Number(this.tokens[i + 1].value);
    return undefined;
  }

  /** Splits [from, to) at top-level commas (relative to the depth at `from`). Returns [start, end) pairs. */
  splitCommas(from: number, to: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (from >= to) return out;
    const base = this.depth(from);
    let s = from;
    for (let i = from; i < to; i++) {
      if (this.op(i) === ',' && this.depth(i) === base) {
        out.push([s, i]);
        s = i + 1;
      }
    }
    out.push([s, to]);
    return out;
  }

  /**
   * A coarse classification from the leading keywords: 'SELECT', 'INSERT',
   * 'CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX', 'CREATE VIEW', 'DROP TABLE', ...
   */
  get kind(): string {
    if (this._kind !== undefined) return this._kind;
    return (this._kind = classify(this));
  }

  /** The statement carries a stored-routine body (CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT, ALTER EVENT). */
  get isRoutine(): boolean {
    return ROUTINE_KINDS.has(this.kind);
  }

  /** Index of the first token after CREATE's modifiers (OR REPLACE, DEFINER=.., ALGORITHM=.., ...). */
  afterCreateModifiers(): number {
    let i = 1;
    for (;;) {
      if (this.is(i, 'OR') && this.is(i + 1, 'REPLACE')) i += 2;
      else if (this.is(i, 'TEMPORARY', 'GLOBAL', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'AGGREGATE', 'ONLINE', 'OFFLINE', 'UNDO', 'LOCAL')) i++;
      else if (this.is(i, 'ALGORITHM') && this.op(i + 1) === '=') i += 3;
      else if (this.is(i, 'DEFINER') && this.op(i + 1) === '=') {
        i += 2;
        // user, 'user'@'host', `u`@`h`, CURRENT_USER[()]
        i++;
        if (this.tokens[i]?.kind === 'var') i++;
        if (this.op(i) === '(' && this.op(i + 1) === ')') i += 2;
      } else if (this.is(i, 'SQL') && this.is(i + 1, 'SECURITY')) i += 3;
      else return i;
    }
  }

  /**
   * Every SELECT query block in the statement, in order. One pass over the tokens with
   * a stack of open blocks (nested subqueries made this quadratic: 20,000 of them took 12 s).
   * A block ends at the enclosing ')' or at a set operator or ';' at its own depth.
   */
  queryBlocks(): QueryBlock[] {
    if (this._blocks) return this._blocks;
    type Open = { block: QueryBlock; current?: Clause; currentStart: number };
    const blocks: QueryBlock[] = [];
    const open: Open[] = [];
    const n = this.sparseFrom;
    const routine = this.isRoutine;
    /** the clause in progress ends at j */
    const closeClause = (o: Open, j: number) => {
      if (o.current && !o.block.clauses.has(o.current)) o.block.clauses.set(o.current, [o.currentStart, j]);
    };
    const finish = (o: Open, j: number) => {
      closeClause(o, j);
      o.block.end = j;
    };
    for (let j = 0; j < n; j++) {
      const dj = this.depth(j);
      // a ')' has the depth outside it: blocks inside it end here
      while (open.length && open[open.length - 1].block.depth > dj) finish(open.pop()!, j);
      const w = this.word(j);
      if (open.length && open[open.length - 1].block.depth === dj && (SET_OPS.has(w) || this.op(j) === ';')) {
        while (open.length && open[open.length - 1].block.depth === dj) finish(open.pop()!, j);
      } else {
        let c: Clause | undefined;
        let len = 1;
        if (w === 'FROM' || w === 'WHERE' || w === 'HAVING' || w === 'WINDOW' || w === 'LIMIT' || w === 'INTO') c = w;
        else if ((w === 'GROUP' || w === 'ORDER') && this.is(j + 1, 'BY')) {
          c = w === 'GROUP' ? 'GROUP BY' : 'ORDER BY';
          len = 2;
        } else if ((w === 'FOR' && this.is(j + 1, 'UPDATE', 'SHARE')) || (w === 'LOCK' && this.is(j + 1, 'IN'))) c = 'LOCK';
        if (c) {
          for (let k = open.length - 1; k >= 0 && open[k].block.depth === dj; k--) {
            const o = open[k];
            if (o.block.clauseAt.has(c)) continue;
            closeClause(o, j);
            o.current = c;
            o.currentStart = j + len;
            o.block.clauseAt.set(c, j);
          }
        }
      }
      if (w === 'SELECT') {
        const block: QueryBlock = {
          select: j,
          end: n,
          depth: dj,
          topLevel: !routine && this.isTopLevelSelect(j, dj),
          clauses: new Map(),
          clauseAt: new Map(),
        };
        blocks.push(block);
        open.push({ block, currentStart: 0 });
      }
    }
    while (open.length) finish(open.pop()!, n);
    return (this._blocks = blocks);
  }

  private isTopLevelSelect(i: number, d: number): boolean {
    const k = this.kind;
    if (k !== 'SELECT' && k !== 'WITH' && k !== 'TABLE' && k !== '(') return false;
    // WITH cte AS (...) INSERT/REPLACE/UPDATE/DELETE ...: the statement is DML, not a SELECT
    if (k === 'WITH') {
      for (let j = 1; j < i; j++) {
        if (this.depth(j) === 0 && this.is(j, 'INSERT', 'REPLACE', 'UPDATE', 'DELETE')) return false;
      }
    }
    if (d === 0) {
      // WITH cte AS (...) SELECT: the final SELECT is at depth 0.
      return true;
    }
    // (SELECT ...) UNION (SELECT ...) at top level
    for (let j = i - 1; j >= 0; j--) {
      if (this.depth(j) < d && this.op(j) === '(') {
        if (this.depth(j) !== 0) return false;
        const prev = j > 0 ? this.tokens[j - 1] : undefined;
        return !prev || (prev.kind === 'word' && SET_OPS.has(prev.value)) || this.word(j - 1) === 'ALL' || this.word(j - 1) === 'DISTINCT';
      }
    }
    return false;
  }
}

/**
 * The statement kinds a rule can filter on (`Stmt.kind`): the first keyword, or for
 * CREATE/ALTER/DROP the keyword and the object (SCHEMA reads as DATABASE). A rule's
 * `kinds` is typed with this union, so a misspelt kind fails the typecheck instead
 * of silently turning the rule off; `test/unit/statement.test.ts` checks that
 * classify() produces every one of them.
 */
export const STATEMENT_KINDS = [
  '(',
  'WITH',
  'SELECT',
  'TABLE',
  'VALUES',
  'INSERT',
  'REPLACE',
  'UPDATE',
  'DELETE',
  'LOAD',
  'CALL',
  'DO',
  'HANDLER',
  'SET',
  'START',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'XA',
  'LOCK',
  'UNLOCK',
  'FLUSH',
  'RESET',
  'PURGE',
  'CHANGE',
  'STOP',
  'GRANT',
  'REVOKE',
  'CHECK',
  'CHECKSUM',
  'OPTIMIZE',
  'REPAIR',
  'ANALYZE',
  'TRUNCATE',
  'RENAME',
  'USE',
  'CREATE TABLE',
  'CREATE VIEW',
  'CREATE INDEX',
  'CREATE DATABASE',
  'CREATE PROCEDURE',
  'CREATE FUNCTION',
  'CREATE TRIGGER',
  'CREATE EVENT',
  'CREATE TABLESPACE',
  'CREATE SEQUENCE',
  'CREATE USER',
  'CREATE ROLE',
  'ALTER TABLE',
  'ALTER VIEW',
  'ALTER DATABASE',
  'ALTER PROCEDURE',
  'ALTER FUNCTION',
  'ALTER EVENT',
  'ALTER TABLESPACE',
  'DROP TABLE',
  'DROP TABLES',
  'DROP VIEW',
  'DROP INDEX',
  'DROP DATABASE',
  'DROP PROCEDURE',
  'DROP FUNCTION',
  'DROP TRIGGER',
  'DROP EVENT',
  'DROP TABLESPACE',
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

function classify(s: Stmt): string {
  const w0 = s.word(0);
  if (w0 === '') return s.op(0) === '(' ? '(' : '';
  switch (w0) {
    case 'CREATE': {
      const i = s.afterCreateModifiers();
      const w = s.word(i);
      if (
        w === 'TABLE' ||
        w === 'VIEW' ||
        w === 'INDEX' ||
        w === 'DATABASE' ||
        w === 'SCHEMA' ||
        w === 'PROCEDURE' ||
        w === 'FUNCTION' ||
        w === 'TRIGGER' ||
        w === 'EVENT' ||
        w === 'TABLESPACE' ||
        w === 'SEQUENCE' ||
        w === 'USER' ||
        w === 'ROLE' ||
        w === 'PLACEMENT' ||
        w === 'RESOURCE' ||
        w === 'BINDING' ||
        w === 'SERVER' ||
        w === 'LOGFILE'
      ) {
        return 'CREATE ' + (w === 'SCHEMA' ? 'DATABASE' : w);
      }
      return 'CREATE';
    }
    case 'ALTER':
    case 'DROP': {
      let i = 1;
      while (s.is(i, 'ONLINE', 'OFFLINE', 'IGNORE', 'TEMPORARY', 'UNDO')) i++;
      if (w0 === 'ALTER') {
        const j = s.afterCreateModifiers();
        if (s.is(j, 'VIEW')) return 'ALTER VIEW';
        // ALTER DEFINER = user EVENT e ...
        if (j > 1 && s.is(j, 'EVENT')) return 'ALTER EVENT';
      }
      const w = s.word(i);
      return w ? `${w0} ${w === 'SCHEMA' ? 'DATABASE' : w}` : w0;
    }
    default:
      return w0;
  }
}
