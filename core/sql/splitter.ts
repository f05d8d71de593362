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
const FULL_VALUES_TOKENS = 64;

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
  const cur = new StatementInProgress(src, lexer, from ?? { at: 0, delimiter: ';', inExec: false });
  for (;;) {
    // the bulk of a huge VALUES body: skimmed without tokens
    if (cur.sparseFrom !== -1 && cur.pendingStart === -1) {
      cur.sparseParen = lexer.skimLiterals(cur.sparseParen);
      if (lexer.skimmedTo !== -1) cur.lastEnd = lexer.skimmedTo;
    }
    if (!lexer.scan()) break;
    const kind = lexer.tokKind;
    if (lexer.unterminated) {
      const start = lexer.tokStart;
      problems.push(unterminatedProblem(src, kind, start));
      // Resume on the next line, as if the statement had ended with the opener's line.
      lexer.pos = lineEnd(src, start);
      lexer.inExec = false;
      const st = cur.finish();
      if (st) yield st;
      continue;
    }
    if (kind === 'delimiter') {
      const text = src.slice(lexer.tokStart, lexer.tokEnd);
      if (cur.routine && cur.depth > 0 && text === ';') {
        // A ';' inside a routine body written without DELIMITER.
        cur.tokens.push({ kind: 'op', start: lexer.tokStart, end: lexer.tokEnd, value: ';' });
        continue;
      }
      const st = cur.finish({ start: lexer.tokStart, end: lexer.tokEnd, text });
      if (st) yield st;
      continue;
    }
    // DELIMITER client command: only at the start of a statement.
    if (cur.tokens.length === 0 && kind === 'word' && readDelimiterDirective(src, lexer, directives)) continue;
    cur.lastEnd = lexer.tokEnd;
    if (cur.sparseFrom !== -1) cur.skim(kind);
    else cur.keep(kind);
  }
  const last = cur.finish();
  if (last) yield last;
}

/** The statement being read: its tokens, and what the splitter tracks to end it at the right delimiter. */
class StatementInProgress {
  tokens: Token[] = [];
  sparseFrom = -1;
  /** token index of VALUES in an INSERT/REPLACE */
  private valuesSeenAt = -1;
  private isInsert = false;
  /** undefined = not decided yet */
  routine: boolean | undefined;
  /** BEGIN/CASE ... END nesting inside a routine */
  depth = 0;
  private parenDepth = 0;
  /** end of the last scanned token, kept or skimmed */
  lastEnd = 0;
  // skimming state: a word not yet known to be a call, and the paren depth inside the skimmed body
  pendingStart = -1;
  private pendingEnd = -1;
  private pendingInValues = false;
  sparseParen = 0;
  private index = 0;

  constructor(
    private readonly src: string,
    private readonly lexer: Lexer,
    private begin: SplitState,
  ) {}

  /** Ends the statement (at a delimiter, a lexical problem or the end of the text); undefined when it has no tokens. */
  finish(delim?: { start: number; end: number; text: string }): Statement | undefined {
    if (this.pendingStart !== -1) {
      if (!this.pendingInValues) this.tokens.push(wordToken(this.src, this.pendingStart, this.pendingEnd, false));
      this.pendingStart = -1;
    }
    this.sparseParen = 0;
    let st: Statement | undefined;
    const tokens = this.tokens;
    if (tokens.length > 0) {
      const resume: SplitState = { at: this.lexer.pos, delimiter: this.lexer.delimiter, inExec: this.lexer.inExec };
      st = {
        index: this.index++,
        start: tokens[0].start,
        end: Math.max(this.lastEnd, tokens[tokens.length - 1].end),
        delimiter: delim,
        tokens,
        sparseFrom: this.sparseFrom,
        begin: this.begin,
        resume,
      };
      this.begin = resume;
    }
    this.tokens = [];
    this.sparseFrom = -1;
    this.valuesSeenAt = -1;
    this.isInsert = false;
    this.routine = undefined;
    this.depth = 0;
    this.parenDepth = 0;
    return st;
  }

  /**
   * Skimming a huge VALUES body: keeps only function calls (a word and the '(' right after it),
   * and words after the body (ON DUPLICATE KEY UPDATE ...). Nothing is allocated for the rest.
   */
  skim(kind: Token['kind']): void {
    const { lexer, src } = this;
    if (kind === 'word') {
      if (this.pendingStart !== -1 && !this.pendingInValues)
        this.tokens.push(wordToken(src, this.pendingStart, this.pendingEnd, lexer.inExec));
      this.pendingStart = lexer.tokStart;
      this.pendingEnd = lexer.tokEnd;
      this.pendingInValues = this.sparseParen > 0;
      return;
    }
    if (this.pendingStart !== -1) {
      const open = lexer.tokEnd - lexer.tokStart === 1 && src.charCodeAt(lexer.tokStart) === 40;
      if (open) {
        this.tokens.push(wordToken(src, this.pendingStart, this.pendingEnd, lexer.inExec));
        this.tokens.push(lexer.token());
      } else if (!this.pendingInValues) {
        this.tokens.push(wordToken(src, this.pendingStart, this.pendingEnd, lexer.inExec));
      }
      this.pendingStart = -1;
    }
    if (kind === 'op') {
      const ch = src.charCodeAt(lexer.tokStart);
      if (ch === 40) this.sparseParen++;
      else if (ch === 41) this.sparseParen--;
    }
  }

  /** Keeps a token and tracks parens, INSERT ... VALUES (to start skimming) and routine BEGIN/END nesting. */
  keep(kind: Token['kind']): void {
    const tok = this.lexer.token();
    const tokens = this.tokens;
    tokens.push(tok);
    if (kind === 'op') {
      if (tok.value === '(') this.parenDepth++;
      else if (tok.value === ')') this.parenDepth--;
    } else if (kind === 'word') {
      const v = tok.value;
      if (tokens.length === 1) {
        this.isInsert = v === 'INSERT' || v === 'REPLACE';
      } else if (this.isInsert && this.valuesSeenAt === -1 && this.parenDepth === 0 && (v === 'VALUES' || v === 'VALUE')) {
        this.valuesSeenAt = tokens.length;
      }
      if (this.routine === undefined && tokens.length <= 16) {
        if (tokens[0].value !== 'CREATE') this.routine = false;
        else if (ROUTINE_KINDS.has(v)) this.routine = true;
        else if (v === 'TABLE' || v === 'VIEW' || v === 'INDEX' || v === 'DATABASE' || v === 'SCHEMA' || v === 'USER') this.routine = false;
      }
      if (this.routine) {
        if (v === 'BEGIN' || v === 'CASE') {
          this.depth++;
        } else if (v === 'END') {
          // END IF / END LOOP / END WHILE / END REPEAT close blocks that were never counted.
          const nx = peekWord(this.src, tok.end);
          if (nx !== 'IF' && nx !== 'LOOP' && nx !== 'WHILE' && nx !== 'REPEAT') this.depth = Math.max(0, this.depth - 1);
        }
      }
    }
    if (this.valuesSeenAt !== -1 && tokens.length - this.valuesSeenAt > FULL_VALUES_TOKENS) {
      this.sparseFrom = tokens.length;
      this.sparseParen = this.parenDepth;
    }
  }
}

function unterminatedProblem(src: string, kind: Token['kind'], start: number): LexProblem {
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
  return {
    start,
    end: Math.min(lineEnd(src, start), start + 200),
    message: `Unterminated ${what}: it runs to the end of the file. The rest of this line is skipped so the remainder of the file can still be checked; close the ${what}.`,
  };
}

/** A `DELIMITER x` client command at the lexer's word: recorded, applied, and the line skipped. False when it is not one. */
function readDelimiterDirective(src: string, lexer: Lexer, directives: DelimiterDirective[]): boolean {
  if (lexer.tokEnd - lexer.tokStart !== 9 || lexer.inExec || src.slice(lexer.tokStart, lexer.tokEnd).toUpperCase() !== 'DELIMITER')
    return false;
  const eol = lineEnd(src, lexer.tokEnd);
  const m = /^[ \t]+(\S+)/.exec(src.slice(lexer.tokEnd, eol));
  if (!m) return false;
  directives.push({ start: lexer.tokStart, end: eol, delimiter: m[1] });
  lexer.setDelimiter(m[1]);
  lexer.pos = eol;
  return true;
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
