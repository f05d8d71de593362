// Optimizer hints added to a statement's text: MAX_EXECUTION_TIME, placed by the lexer (comments,
// strings and an existing hint comment respected). Used by the Limit Execution Time command.
import { Lexer, type Trivia } from './lexer';

export interface TextEdit {
  /** offsets into the statement text */
  start: number;
  end: number;
  text: string;
}

/**
 * The edit that limits a SELECT to `ms` milliseconds with the MAX_EXECUTION_TIME hint, placed after
 * the statement's first SELECT keyword (MySQL: "must appear after the first SELECT"; TiDB reads
 * optimizer hints in a /*+ … *\/ comment right after the keyword). An existing hint comment there
 * gets the hint added, or its MAX_EXECUTION_TIME replaced. Undefined when the statement is not a
 * query (INSERT … SELECT, UPDATE and DDL are not limited by this hint).
 */
export function maxExecutionTimeEdit(statement: string, ms: number): TextEdit | undefined {
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`The limit must be a positive whole number of milliseconds, not ${ms}`);
  const hints: Trivia[] = [];
  const lx = new Lexer(statement, 0, statement.length, (t) => {
    if (t.kind === 'hint') hints.push(t);
  });
  let first: string | undefined;
  while (lx.scan()) {
    const t = lx.token();
    if (t.kind === 'delimiter') break;
    if (first === undefined) {
      if (t.kind === 'op' && t.value === '(') continue;
      first = t.kind === 'word' ? t.value : '';
      if (first !== 'SELECT' && first !== 'WITH' && first !== 'TABLE') return undefined;
    }
    if (t.kind === 'word' && t.value === 'SELECT') {
      // a hint comment right after the keyword (only whitespace between): the lexer reports the
      // comments before a token as it reads that token
      lx.scan();
      const next = hints.find((h) => h.start >= t.end && statement.slice(t.end, h.start).trim() === '');
      const hint = `MAX_EXECUTION_TIME(${ms})`;
      if (!next) return { start: t.end, end: t.end, text: ` /*+ ${hint} */` };
      const body = statement.slice(next.start, next.end);
      const existing = /MAX_EXECUTION_TIME\s*\(\s*\d+\s*\)/i.exec(body);
      if (existing) return { start: next.start + existing.index, end: next.start + existing.index + existing[0].length, text: hint };
      const open = next.start + 3;
      const inner = body.slice(3, -2);
      // `/*+ A() */` -> `/*+ MAX_EXECUTION_TIME(n), A() */`; `/*+A()*/` -> `/*+ MAX_EXECUTION_TIME(n), A()*/`; `/*+ */` -> `/*+ MAX_EXECUTION_TIME(n) */`
      const text = !inner.trim() ? ` ${hint}` : /^\s/.test(inner) ? ` ${hint},` : ` ${hint}, `;
      return { start: open, end: open, text };
    }
    if (first === 'TABLE') return undefined;
  }
  return undefined;
}

export function applyEdit(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}
