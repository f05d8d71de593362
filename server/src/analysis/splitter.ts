// Splits a file into statements with mysql-client semantics: DELIMITER lines,
// executable comments as code, and routine bodies kept inside their CREATE
// PROCEDURE/FUNCTION/TRIGGER/EVENT statement even when the delimiter is ';'.
import { Lexer, type Token, type Trivia } from './lexer';

export interface Statement {
  index: number;
  /** offset of the first code token */
  start: number;
  /** offset just past the last code token (the delimiter excluded) */
  end: number;
  /** the terminating delimiter, when there is one */
  delimiter?: { start: number; end: number; text: string };
  tokens: Token[];
  /**
   * Index into `tokens` from which only words (and a '(' right after a word)
   * were kept: the rest of a huge INSERT ... VALUES body. -1 when all tokens are kept.
   */
  sparseFrom: number;
}

export interface DelimiterDirective {
  start: number;
  end: number;
  delimiter: string;
}

export interface LexProblem {
  start: number;
  end: number;
  message: string;
}

export interface SplitResult {
  statements: Statement[];
  trivia: Trivia[];
  directives: DelimiterDirective[];
  problems: LexProblem[];
}

/** Tokens of an INSERT ... VALUES body kept in full before the rest is skimmed. */
const FULL_VALUES_TOKENS = 2000;

const ROUTINE_KINDS = new Set(['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT']);

export function split(src: string): SplitResult {
  const trivia: Trivia[] = [];
  const lexer = new Lexer(src, 0, src.length, (t) => trivia.push(t));
  const statements: Statement[] = [];
  const directives: DelimiterDirective[] = [];
  const problems: LexProblem[] = [];

  let tokens: Token[] = [];
  let sparseFrom = -1;
  let valuesSeenAt = -1; // token index of VALUES in an INSERT/REPLACE
  let isInsert = false;
  let routine: boolean | undefined; // undefined = not decided yet
  let depth = 0; // BEGIN/CASE ... END nesting inside a routine
  let parenDepth = 0;
  let prevWasWord = false;
  let lastEnd = 0; // end of the last scanned token, kept or skimmed

  const finish = (delim?: { start: number; end: number; text: string }) => {
    if (tokens.length > 0) {
      statements.push({
        index: statements.length,
        start: tokens[0].start,
        end: Math.max(lastEnd, tokens[tokens.length - 1].end),
        delimiter: delim,
        tokens,
        sparseFrom,
      });
    }
    tokens = [];
    sparseFrom = -1;
    valuesSeenAt = -1;
    isInsert = false;
    routine = undefined;
    depth = 0;
    parenDepth = 0;
    prevWasWord = false;
  };

  while (lexer.scan()) {
    const kind = lexer.tokKind;
    if (lexer.unterminated) {
      const start = lexer.tokStart;
      const what = kind === 'string' ? 'string literal' : kind === 'qident' ? 'quoted identifier' : kind === 'var' ? 'quoted variable name' : kind === 'hex' ? 'literal' : 'comment';
      problems.push({
        start,
        end: Math.min(lineEndOf(src, start), start + 200),
        message: `Unterminated ${what}: it runs to the end of the file. The rest of this line is skipped so the remainder of the file can still be checked; close the ${what}.`,
      });
      // Resume on the next line, as if the statement had ended with the opener's line.
      lexer.pos = lineEndOf(src, start);
      lexer.inExec = false;
      finish();
      continue;
    }

    if (kind === 'delimiter') {
      const text = src.slice(lexer.tokStart, lexer.tokEnd);
      if (routine && depth > 0 && text === ';') {
        // A ';' inside a routine body written without DELIMITER.
        tokens.push({ kind: 'op', start: lexer.tokStart, end: lexer.tokEnd, value: ';' });
        prevWasWord = false;
        continue;
      }
      finish({ start: lexer.tokStart, end: lexer.tokEnd, text });
      continue;
    }

    // DELIMITER client command: only at the start of a statement.
    if (tokens.length === 0 && kind === 'word' && lexer.tokEnd - lexer.tokStart === 9 && !lexer.inExec &&
        src.slice(lexer.tokStart, lexer.tokEnd).toUpperCase() === 'DELIMITER') {
      const lineEnd = lineEndOf(src, lexer.tokEnd);
      const rest = src.slice(lexer.tokEnd, lineEnd);
      const m = /^[ \t]+(\S+)/.exec(rest);
      if (m) {
        directives.push({ start: lexer.tokStart, end: lineEnd, delimiter: m[1] });
        lexer.setDelimiter(m[1]);
        lexer.pos = lineEnd;
        continue;
      }
    }

    lastEnd = lexer.tokEnd;
    if (sparseFrom !== -1) {
      // Skimming a huge VALUES body: keep words, and '(' right after a word (function calls).
      if (kind === 'word') {
        tokens.push(lexer.token());
        prevWasWord = true;
      } else {
        if (prevWasWord && lexer.tokEnd - lexer.tokStart === 1 && src.charCodeAt(lexer.tokStart) === 40) {
          tokens.push(lexer.token());
        }
        prevWasWord = false;
      }
      continue;
    }

    const tok = lexer.token();
    tokens.push(tok);
    prevWasWord = kind === 'word';

    if (kind === 'op') {
      if (tok.value === '(') parenDepth++;
      else if (tok.value === ')') parenDepth--;
    } else if (kind === 'word') {
      const v = tok.value;
      if (tokens.length === 1) {
        isInsert = v === 'INSERT' || v === 'REPLACE';
      } else if (isInsert && valuesSeenAt === -1 && parenDepth === 0 && (v === 'VALUES' || v === 'VALUE')) {
        valuesSeenAt = tokens.length;
      }
      if (routine === undefined && tokens.length <= 16) {
        if (tokens[0].value !== 'CREATE') routine = false;
        else if (ROUTINE_KINDS.has(v)) routine = true;
        else if (v === 'TABLE' || v === 'VIEW' || v === 'INDEX' || v === 'DATABASE' || v === 'SCHEMA' || v === 'USER') routine = false;
      }
      if (routine) {
        if (v === 'BEGIN' || v === 'CASE') {
          depth++;
        } else if (v === 'END') {
          // END IF / END LOOP / END WHILE / END REPEAT close blocks that were never counted.
          const nx = peekWord(src, tok.end);
          if (nx !== 'IF' && nx !== 'LOOP' && nx !== 'WHILE' && nx !== 'REPEAT') depth = Math.max(0, depth - 1);
        }
      }
    }
    if (valuesSeenAt !== -1 && tokens.length - valuesSeenAt > FULL_VALUES_TOKENS) sparseFrom = tokens.length;
  }
  finish();
  return { statements, trivia, directives, problems };
}

function lineEndOf(src: string, i: number): number {
  const e = src.indexOf('\n', i);
  return e === -1 ? src.length : e;
}

function peekWord(src: string, i: number): string {
  const m = /^\s*([A-Za-z]+)/.exec(src.slice(i, i + 24));
  return m ? m[1].toUpperCase() : '';
}
