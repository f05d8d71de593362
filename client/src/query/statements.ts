// Which SQL to run: the statements of a document (the language server's own
// splitter, so DELIMITER blocks and routine bodies split as the linter sees them),
// the statement at the cursor, and whether a statement changes data or schema
// (a production connection asks before running those). No VS Code imports.
import { split } from '../../../core/sql/splitter';
import { Stmt } from '../../../core/sql/statement';

export interface SqlStatement {
  start: number;
  end: number;
  text: string;
  /** the engine's statement kind: SELECT, INSERT, CREATE TABLE, ... */
  kind: string;
  /** false for reads (SELECT, SHOW, EXPLAIN, ...), true for anything that may change data, schema or server state */
  writes: boolean;
}

const READ_ONLY = new Set(['SELECT', 'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'USE', 'HELP', 'TABLE', 'VALUES', '(', 'TRACE', 'PLAN']);
const WRITE_WORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'INTO']);

function writes(s: Stmt): boolean {
  const k = s.kind;
  if (k === 'EXPLAIN' || k === 'DESCRIBE' || k === 'DESC') {
    // EXPLAIN ANALYZE executes the statement it explains
    let i = 1;
    while (s.word(i) === 'FORMAT' || s.op(i) === '=' || (i > 1 && s.word(i - 1) === 'FORMAT')) i++;
    if (s.word(1) !== 'ANALYZE' && s.word(i) !== 'ANALYZE') return false;
    for (let j = 2; j < s.length; j++) if (WRITE_WORDS.has(s.word(j)) && s.word(j) !== 'INTO') return true;
    return false;
  }
  if (k === 'SELECT' || k === 'WITH' || k === '(' || k === 'TABLE' || k === 'VALUES') {
    // WITH ... UPDATE/DELETE, SELECT ... INTO OUTFILE, SELECT ... FOR UPDATE (takes locks: harmless to data)
    for (let j = 1; j < s.length; j++) {
      const w = s.word(j);
      if (w === 'OUTFILE' || w === 'DUMPFILE') return true;
      if (k === 'WITH' && (w === 'UPDATE' || w === 'DELETE' || w === 'INSERT' || w === 'REPLACE') && s.word(j - 1) !== 'FOR') return true;
    }
    return false;
  }
  if (k === 'SET') {
    // session variables only change this session; GLOBAL/PERSIST change the server
    for (let j = 1; j < s.length; j++) if (['GLOBAL', 'PERSIST', 'PERSIST_ONLY', 'PASSWORD'].includes(s.word(j))) return true;
    return s.tokens.some((t) => t.kind === 'sysvar' && /^@@(global|persist)/i.test(s.src.slice(t.start, t.end)));
  }
  return !READ_ONLY.has(k);
}

export function statementsOf(text: string): SqlStatement[] {
  return withDelimiters(text).map(({ stmt }) => stmt);
}

function withDelimiters(text: string): Array<{ stmt: SqlStatement; delimEnd: number }> {
  return split(text).statements.map((st) => {
    const s = new Stmt(text, st);
    return {
      stmt: { start: st.start, end: st.end, text: text.slice(st.start, st.end), kind: s.kind, writes: writes(s) },
      delimEnd: st.delimiter?.end ?? st.end,
    };
  });
}

/**
 * The statement at `offset`: the one it falls in (delimiter included); in the gap
 * between two statements, the one that ends on the cursor's line, else the next one.
 */
export function statementAt(text: string, offset: number): SqlStatement | undefined {
  const found = withDelimiters(text);
  if (found.length === 0) return undefined;
  const all = found.map((f) => f.stmt);
  for (const { stmt, delimEnd } of found) if (offset >= stmt.start && offset <= delimEnd) return stmt;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = [...all].reverse().find((s) => s.end <= offset);
  if (before && before.end >= lineStart) return before;
  return all.find((s) => s.start >= offset) ?? before;
}

/** A statement's first line, shortened, for titles and confirmations. */
export function summary(sql: string, max = 80): string {
  const one = sql.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}
