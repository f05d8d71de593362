// Splits a file into statements with mysql-client semantics: DELIMITER lines,
// executable comments as code, and routine bodies kept inside their CREATE
// PROCEDURE/FUNCTION/TRIGGER/EVENT statement even when the delimiter is ';'.
import { Lexer, lineEnd, type Token, type Trivia } from './lexer';

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
  /** where a splitter must start to produce this statement (just after the previous one) */
  begin: SplitState;
  /** where a splitter must start to produce the statements after this one */
  resume: SplitState;
}

/** A point between statements, with the lexer state there. */
export interface SplitState {
  at: number;
  delimiter: string;
  inExec: boolean;
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

/** Splits the whole text at once. */
export function split(src: string): SplitResult {
  const side: SplitSideOutput = { trivia: [], directives: [], problems: [] };
  const statements = [...splitStatements(src, side)];
  return { statements, ...side };
}

export interface SplitSideOutput {
  trivia: Trivia[];
  directives: DelimiterDirective[];
  problems: LexProblem[];
}

/**
 * Yields statements one at a time, so a caller that does not keep them holds
 * only one statement's tokens in memory. Comments, DELIMITER lines and lexical
 * problems are appended to `side` as they are met.
 */
export function* splitStatements(src: string, side: SplitSideOutput, from?: SplitState): Generator<Statement> {
  const { trivia, directives, problems } = side;
  const lexer = new Lexer(src, from?.at ?? 0, src.length, (t) => trivia.push(t));
  if (from) {
    lexer.setDelimiter(from.delimiter);
    lexer.inExec = from.inExec;
  }
  let begin: SplitState = from ?? { at: 0, delimiter: ';', inExec: false };
  let index = 0;

  let tokens: Token[] = [];
  let sparseFrom = -1;
  let valuesSeenAt = -1; // token index of VALUES in an INSERT/REPLACE
  let isInsert = false;
  let routine: boolean | undefined; // undefined = not decided yet
  let depth = 0; // BEGIN/CASE ... END nesting inside a routine
  let parenDepth = 0;
  let lastEnd = 0; // end of the last scanned token, kept or skimmed
  // skimming state: a word not yet known to be a call, and the paren depth inside the skimmed body
  let pendingStart = -1;
  let pendingEnd = -1;
  let pendingInValues = false;
  let sparseParen = 0;

  const finish = (delim?: { start: number; end: number; text: string }): Statement | undefined => {
    if (pendingStart !== -1) {
      if (!pendingInValues) tokens.push(wordToken(src, pendingStart, pendingEnd, false));
      pendingStart = -1;
    }
    sparseParen = 0;
    let st: Statement | undefined;
    if (tokens.length > 0) {
      const resume: SplitState = { at: lexer.pos, delimiter: lexer.delimiter, inExec: lexer.inExec };
      st = {
        index: index++,
        start: tokens[0].start,
        end: Math.max(lastEnd, tokens[tokens.length - 1].end),
        delimiter: delim,
        tokens,
        sparseFrom,
        begin,
        resume,
      };
      begin = resume;
    }
    tokens = [];
    sparseFrom = -1;
    valuesSeenAt = -1;
    isInsert = false;
    routine = undefined;
    depth = 0;
    parenDepth = 0;
    return st;
  };

  while (lexer.scan()) {
    const kind = lexer.tokKind;
    if (lexer.unterminated) {
      const start = lexer.tokStart;
      const what =
        kind === 'string'
          ? 'string literal'
          : kind === 'qident'
            ? 'quoted identifier'
            : kind === 'var'
              ? 'quoted variable name'
              : kind === 'hex'
                ? 'literal'
                : 'comment';
      problems.push({
        start,
        end: Math.min(lineEnd(src, start), start + 200),
        message: `Unterminated ${what}: it runs to the end of the file. The rest of this line is skipped so the remainder of the file can still be checked; close the ${what}.`,
      });
      // Resume on the next line, as if the statement had ended with the opener's line.
      lexer.pos = lineEnd(src, start);
      lexer.inExec = false;
      const st = finish();
      if (st) yield st;
      continue;
    }

    if (kind === 'delimiter') {
      const text = src.slice(lexer.tokStart, lexer.tokEnd);
      if (routine && depth > 0 && text === ';') {
        // A ';' inside a routine body written without DELIMITER.
        tokens.push({ kind: 'op', start: lexer.tokStart, end: lexer.tokEnd, value: ';' });
        continue;
      }
      const st = finish({ start: lexer.tokStart, end: lexer.tokEnd, text });
      if (st) yield st;
      continue;
    }

    // DELIMITER client command: only at the start of a statement.
    if (
      tokens.length === 0 &&
      kind === 'word' &&
      lexer.tokEnd - lexer.tokStart === 9 &&
      !lexer.inExec &&
      src.slice(lexer.tokStart, lexer.tokEnd).toUpperCase() === 'DELIMITER'
    ) {
      const eol = lineEnd(src, lexer.tokEnd);
      const rest = src.slice(lexer.tokEnd, eol);
      const m = /^[ \t]+(\S+)/.exec(rest);
      if (m) {
        directives.push({ start: lexer.tokStart, end: eol, delimiter: m[1] });
        lexer.setDelimiter(m[1]);
        lexer.pos = eol;
        continue;
      }
    }

    lastEnd = lexer.tokEnd;
    if (sparseFrom !== -1) {
      // Skimming a huge VALUES body: keep only function calls (a word and the '(' right after it),
      // and words after the body (ON DUPLICATE KEY UPDATE ...). Nothing is allocated for the rest.
      if (kind === 'word') {
        if (pendingStart !== -1 && !pendingInValues) tokens.push(wordToken(src, pendingStart, pendingEnd, lexer.inExec));
        pendingStart = lexer.tokStart;
        pendingEnd = lexer.tokEnd;
        pendingInValues = sparseParen > 0;
      } else {
        if (pendingStart !== -1) {
          const open = lexer.tokEnd - lexer.tokStart === 1 && src.charCodeAt(lexer.tokStart) === 40;
          if (open) {
            tokens.push(wordToken(src, pendingStart, pendingEnd, lexer.inExec));
            tokens.push(lexer.token());
          } else if (!pendingInValues) {
            tokens.push(wordToken(src, pendingStart, pendingEnd, lexer.inExec));
          }
          pendingStart = -1;
        }
        if (kind === 'op') {
          const ch = src.charCodeAt(lexer.tokStart);
          if (ch === 40) sparseParen++;
          else if (ch === 41) sparseParen--;
        }
      }
      continue;
    }

    const tok = lexer.token();
    tokens.push(tok);

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
    if (valuesSeenAt !== -1 && tokens.length - valuesSeenAt > FULL_VALUES_TOKENS) {
      sparseFrom = tokens.length;
      sparseParen = parenDepth;
    }
  }
  const last = finish();
  if (last) yield last;
}

function wordToken(src: string, start: number, end: number, exec: boolean): Token {
  const t: Token = { kind: 'word', start, end, value: src.slice(start, end).toUpperCase() };
  if (exec) t.exec = true;
  return t;
}

function peekWord(src: string, i: number): string {
  const m = /^\s*([A-Za-z]+)/.exec(src.slice(i, i + 24));
  return m ? m[1].toUpperCase() : '';
}
