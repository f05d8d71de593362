// MySQL lexical rules, as the mysql client and TiDB's parser apply them.
// The lexer never throws: anything it does not understand becomes an `op` token
// or, for unterminated quotes and comments, a token flagged `unterminated`.

export type TokenKind =
  | 'word' //     unquoted identifier or keyword; `value` is upper-cased
  | 'qident' //   `backquoted` identifier; `value` is the unescaped name
  | 'string' //   '...' or "..." (also N'..', _charset'..' is a word then a string)
  | 'number' //   123, 1.5e3, .5
  | 'hex' //      0x1F, X'1F', 0b101, B'101'
  | 'var' //      @name, @'name', @`name`
  | 'sysvar' //   @@name, @@global.name
  | 'param' //    ?
  | 'op' //       operators and other punctuation: ( ) , . = <= := -> ...
  | 'delimiter'; // the statement terminator in force (';' or a DELIMITER string)

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** words: upper-cased text; qident: unescaped name; op: the operator; others: raw text */
  value: string;
  /** Set when the token sits inside a /*! ... *\/ or /*T! ... *\/ executable comment. */
  exec?: boolean;
  unterminated?: boolean;
}

export type TriviaKind = 'line-comment' | 'block-comment' | 'hint' | 'exec-open' | 'exec-close';

export interface Trivia {
  kind: TriviaKind;
  start: number;
  end: number;
}

const enum C {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  BANG = 33,
  DQUOTE = 34,
  HASH = 35,
  DOLLAR = 36,
  SQUOTE = 39,
  STAR = 42,
  PLUS = 43,
  MINUS = 45,
  DOT = 46,
  SLASH = 47,
  D0 = 48,
  D9 = 57,
  AT = 64,
  UA = 65,
  UZ = 90,
  BACKSLASH = 92,
  UNDERSCORE = 95,
  BACKTICK = 96,
  LA = 97,
  LZ = 122,
  UT = 84,
  QMARK = 63,
}

export function isIdentChar(c: number): boolean {
  return (
    (c >= C.LA && c <= C.LZ) || (c >= C.UA && c <= C.UZ) || (c >= C.D0 && c <= C.D9) || c === C.UNDERSCORE || c === C.DOLLAR || c >= 0x80
  );
}

function isDigit(c: number): boolean {
  return c >= C.D0 && c <= C.D9;
}

function isSpace(c: number): boolean {
  // U+FEFF: a byte-order mark an editor left in the text reads as space, so the first statement is still analysed
  return c === C.SPACE || c === C.TAB || c === C.LF || c === C.CR || c === 11 || c === 12 || c === 0xfeff;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

const THREE_CHAR_OPS = ['<=>', '->>'];
const TWO_CHAR_OPS = ['<=', '>=', '<>', '!=', ':=', '||', '&&', '<<', '>>', '->'];

/**
 * A cursor over `src`. `scan()` advances to the next code token and leaves its
 * extent in `tokStart`/`tokEnd` without allocating, so callers that only skim
 * (huge INSERT bodies) pay nothing for tokens they drop. Comments are reported
 * through `onTrivia`.
 */
export class Lexer {
  pos: number;
  tokStart = 0;
  tokEnd = 0;
  tokKind: TokenKind = 'op';
  unterminated = false;
  /** inside a /*! or /*T! executable comment */
  inExec = false;
  private delim = ';';
  private delimIsSemicolon = true;
  private delimFirstIsIdent = false;

  constructor(
    readonly src: string,
    pos = 0,
    readonly limit = src.length,
    readonly onTrivia?: (t: Trivia) => void,
  ) {
    this.pos = pos;
  }

  setDelimiter(d: string): void {
    this.delim = d;
    this.delimIsSemicolon = d === ';';
    this.delimFirstIsIdent = isIdentChar(d.charCodeAt(0));
  }

  get delimiter(): string {
    return this.delim;
  }

  private atDelimiter(i: number): boolean {
    return this.delimIsSemicolon ? this.src.charCodeAt(i) === 59 : this.src.startsWith(this.delim, i);
  }

  /** Skips whitespace and comments. Returns false at end of input. */
  skipTrivia(): boolean {
    const s = this.src;
    const n = this.limit;
    let i = this.pos;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (!this.delimIsSemicolon && s.startsWith(this.delim, i)) break;
      if (c === C.HASH) {
        const e = lineEnd(s, i, n);
        this.onTrivia?.({ kind: 'line-comment', start: i, end: e });
        i = e;
        continue;
      }
      if (c === C.MINUS && s.charCodeAt(i + 1) === C.MINUS) {
        const c2 = i + 2 < n ? s.charCodeAt(i + 2) : -1;
        // `--` starts a comment only when followed by whitespace, a control character or the end.
        if (c2 === -1 || c2 <= C.SPACE) {
          const e = lineEnd(s, i, n);
          this.onTrivia?.({ kind: 'line-comment', start: i, end: e });
          i = e;
          continue;
        }
        break;
      }
      if (c === C.SLASH && s.charCodeAt(i + 1) === C.STAR) {
        const c2 = s.charCodeAt(i + 2);
        if (!this.inExec && c2 === C.BANG) {
          // /*!NNNNN ... */ : the contents are code.
          let j = i + 3;
          while (j < n && isDigit(s.charCodeAt(j))) j++;
          this.onTrivia?.({ kind: 'exec-open', start: i, end: j });
          this.inExec = true;
          i = j;
          continue;
        }
        if (!this.inExec && c2 === C.UT && s.charCodeAt(i + 3) === C.BANG) {
          // /*T![feature] ... */ or /*T! ... */ : TiDB comments, the contents are code.
          let j = i + 4;
          if (s.charCodeAt(j) === 91 /* [ */) {
            const close = s.indexOf(']', j);
            if (close !== -1 && close < n && close - j < 64) j = close + 1;
          }
          this.onTrivia?.({ kind: 'exec-open', start: i, end: j });
          this.inExec = true;
          i = j;
          continue;
        }
        const close = s.indexOf('*/', i + 2);
        if (close === -1 || close + 2 > n) {
          // Unterminated block comment: surfaced as a token so the splitter can report it.
          this.pos = i;
          return true;
        }
        this.onTrivia?.({ kind: c2 === C.PLUS ? 'hint' : 'block-comment', start: i, end: close + 2 });
        i = close + 2;
        continue;
      }
      if (this.inExec && c === C.STAR && s.charCodeAt(i + 1) === C.SLASH) {
        this.onTrivia?.({ kind: 'exec-close', start: i, end: i + 2 });
        this.inExec = false;
        i += 2;
        continue;
      }
      break;
    }
    this.pos = i;
    return i < n;
  }

  /** Off only in the test that compares skimLiterals with skimming token by token. */
  static fastSkim = true;

  /** Set by skimLiterals: the end of the last character it consumed that was not whitespace (-1: none). */
  skimmedTo = -1;

  /**
   * Skims a huge INSERT ... VALUES body faster than token by token: literals, operators, commas,
   * whitespace and words not followed by '(' inside parentheses, none of which a skimming splitter
   * keeps. Tracks the paren depth, and stops before anything the tokens need: the delimiter, a
   * comment, a word followed by '(' (a function call), a word outside parentheses (ON DUPLICATE KEY
   * UPDATE), a variable, an unterminated quote. Only with ';' as the delimiter and outside executable
   * comments. Returns the paren depth.
   */
  skimLiterals(depth: number): number {
    this.skimmedTo = -1;
    if (!this.delimIsSemicolon || this.inExec || !Lexer.fastSkim) return depth;
    const s = this.src;
    const n = this.limit;
    let i = this.pos;
    let last = -1;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (c === C.SQUOTE || c === C.DQUOTE || c === C.BACKTICK) {
        const q = quotedEnd(s, i, n, c);
        if (q.unterminated) break;
        i = q.end;
        last = i;
        continue;
      }
      if (c === 40) {
        depth++;
      } else if (c === 41) {
        depth--;
      } else if (c === 59 || c === C.HASH || c === C.AT || c === C.QMARK) {
        break;
      } else if (c === C.MINUS && s.charCodeAt(i + 1) === C.MINUS) {
        break;
      } else if (c === C.SLASH && s.charCodeAt(i + 1) === C.STAR) {
        break;
      } else if (isIdentChar(c) && !isDigit(c)) {
        if (depth <= 0) break;
        const e = this.identEnd(i);
        let k = e;
        while (k < n && isSpace(s.charCodeAt(k))) k++;
        // X'..' / N'..' literals and _charset introducers read on as strings; a call goes to the tokens
        if (s.charCodeAt(k) === 40) break;
        i = e;
        last = i;
        continue;
      } else if (isDigit(c)) {
        // numbers, 0x.., 1e5, and identifiers that start with digits: all dropped alike
        let j = i + 1;
        while (j < n && isIdentChar(s.charCodeAt(j))) j++;
        if (s.charCodeAt(j) === 40) break;
        i = j;
        last = i;
        continue;
      }
      i++;
      last = i;
    }
    this.pos = i;
    this.skimmedTo = last;
    return depth;
  }

  /** Advances to the next token. Returns false at end of input. */
  scan(): boolean {
    if (!this.skipTrivia()) return false;
    const s = this.src;
    const n = this.limit;
    const i = this.pos;
    const c = s.charCodeAt(i);
    this.tokStart = i;
    this.unterminated = false;

    if (this.atDelimiter(i)) {
      return this.emit('delimiter', i + this.delim.length);
    }
    if (c === C.SLASH && s.charCodeAt(i + 1) === C.STAR) {
      // Only reached for an unterminated block comment.
      this.unterminated = true;
      return this.emit('op', n);
    }
    if (c === C.SQUOTE || c === C.DQUOTE) return this.emitQuoted('string', c, i);
    if (c === C.BACKTICK) return this.emitQuoted('qident', c, i);
    if (isDigit(c) || (c === C.DOT && isDigit(s.charCodeAt(i + 1)) && !isIdentChar(s.charCodeAt(i - 1)))) {
      return this.scanNumber(i);
    }
    if (isIdentChar(c)) {
      // X'..' / B'..' / N'..' literals
      const c1 = s.charCodeAt(i + 1);
      if (c1 === C.SQUOTE && (c === 88 || c === 120 || c === 66 || c === 98)) {
        this.emitQuoted('hex', C.SQUOTE, i + 1);
        this.tokStart = i;
        return true;
      }
      if (c1 === C.SQUOTE && (c === 78 || c === 110)) {
        this.emitQuoted('string', C.SQUOTE, i + 1);
        this.tokStart = i;
        return true;
      }
      return this.emit('word', this.identEnd(i));
    }
    if (c === C.AT) {
      if (s.charCodeAt(i + 1) === C.AT) {
        let j = i + 2;
        for (;;) {
          const cj = s.charCodeAt(j);
          if (cj === C.BACKTICK) {
            j = quotedEnd(s, j, n, C.BACKTICK).end;
          } else {
            j = this.identEnd(j);
          }
          // @@global.x, @@session.x
          if (s.charCodeAt(j) === C.DOT && (isIdentChar(s.charCodeAt(j + 1)) || s.charCodeAt(j + 1) === C.BACKTICK)) {
            j++;
            continue;
          }
          break;
        }
        return this.emit('sysvar', j);
      }
      const c1 = s.charCodeAt(i + 1);
      if (c1 === C.SQUOTE || c1 === C.DQUOTE || c1 === C.BACKTICK) {
        const q = quotedEnd(s, i + 1, n, c1);
        this.unterminated = q.unterminated;
        return this.emit('var', q.end);
      }
      let j = i + 1;
      while (j < n) {
        const cj = s.charCodeAt(j);
        if (isIdentChar(cj) || cj === C.DOT) j++;
        else break;
      }
      return this.emit('var', j);
    }
    if (c === C.QMARK) return this.emit('param', i + 1);
    // the common single-character punctuation first: ( ) , ;
    if (c === 40 || c === 41 || c === 44 || c === 59) return this.emit('op', i + 1);
    for (const op of THREE_CHAR_OPS) if (s.startsWith(op, i)) return this.emit('op', i + 3);
    for (const op of TWO_CHAR_OPS) if (s.startsWith(op, i)) return this.emit('op', i + 2);
    return this.emit('op', i + 1);
  }

  private emit(kind: TokenKind, end: number): true {
    // Every token consumes at least one character, whatever the input.
    if (end <= this.tokStart) {
      end = this.tokStart + 1;
      kind = 'op';
    }
    this.tokKind = kind;
    this.tokEnd = end;
    this.pos = end;
    return true;
  }

  private emitQuoted(kind: TokenKind, quote: number, i: number): true {
    const q = quotedEnd(this.src, i, this.limit, quote);
    this.unterminated = q.unterminated;
    return this.emit(kind, q.end);
  }

  private identEnd(i: number): number {
    const s = this.src;
    const n = this.limit;
    let j = i;
    if (this.delimFirstIsIdent) {
      while (j < n && isIdentChar(s.charCodeAt(j)) && !s.startsWith(this.delim, j)) j++;
    } else {
      while (j < n && isIdentChar(s.charCodeAt(j))) j++;
    }
    return j;
  }

  private scanNumber(i: number): true {
    const s = this.src;
    const n = this.limit;
    const c1 = s.charCodeAt(i + 1);
    if (s.charCodeAt(i) === C.D0 && (c1 === 120 || c1 === 98)) {
      // 0x.. / 0b..
      let j = i + 2;
      const isHex = c1 === 120;
      while (j < n && (isHex ? isHexDigit(s.charCodeAt(j)) : s.charCodeAt(j) === 48 || s.charCodeAt(j) === 49)) j++;
      if (j > i + 2 && !isIdentChar(s.charCodeAt(j))) return this.emit('hex', j);
      return this.emit('word', this.identEnd(i));
    }
    let j = i;
    while (j < n && isDigit(s.charCodeAt(j))) j++;
    let isNumber = true;
    if (s.charCodeAt(j) === C.DOT) {
      j++;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
    }
    const e = s.charCodeAt(j);
    if (e === 101 || e === 69) {
      let k = j + 1;
      const sign = s.charCodeAt(k);
      if (sign === C.PLUS || sign === C.MINUS) k++;
      if (isDigit(s.charCodeAt(k))) {
        while (k < n && isDigit(s.charCodeAt(k))) k++;
        j = k;
      }
    }
    // MySQL identifiers may start with a digit: 1abc is a word.
    if (j < n && isIdentChar(s.charCodeAt(j)) && s.charCodeAt(j - 1) !== C.DOT && s.charCodeAt(i) !== C.DOT) isNumber = false;
    if (!isNumber) return this.emit('word', this.identEnd(i));
    return this.emit('number', j);
  }

  /** The current token as an object. */
  token(): Token {
    const kind = this.tokKind;
    const raw = this.src.slice(this.tokStart, this.tokEnd);
    let value: string;
    if (kind === 'word') value = raw.toUpperCase();
    else if (kind === 'qident') value = unquoteIdent(raw);
    else value = raw;
    const t: Token = { kind, start: this.tokStart, end: this.tokEnd, value };
    if (this.inExec) t.exec = true;
    if (this.unterminated) t.unterminated = true;
    return t;
  }
}

/** Where the line at i ends: the next \n or \r (a lone \r ends a line too), or n. */
export function lineEnd(s: string, i: number, n: number = s.length): number {
  for (let k = i; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c === 10 || c === 13) return k;
  }
  return n;
}

function quotedEnd(s: string, i: number, n: number, quote: number): { end: number; unterminated: boolean } {
  // i is at the opening quote. Backslash escapes apply to strings, not to backquoted names.
  const backslash = quote !== C.BACKTICK;
  let j = i + 1;
  const q = String.fromCharCode(quote);
  for (;;) {
    const next = s.indexOf(q, j);
    if (next === -1 || next >= n) return { end: n, unterminated: true };
    if (backslash) {
      // count preceding backslashes
      let k = next - 1;
      let bs = 0;
      while (k >= j && s.charCodeAt(k) === C.BACKSLASH) {
        k--;
        bs++;
      }
      if (bs % 2 === 1) {
        j = next + 1;
        continue;
      }
    }
    if (s.charCodeAt(next + 1) === quote && next + 1 < n) {
      j = next + 2; // doubled quote
      continue;
    }
    return { end: next + 1, unterminated: false };
  }
}

export function unquoteIdent(raw: string): string {
  if (raw.length >= 2 && raw.charCodeAt(0) === C.BACKTICK && raw.charCodeAt(raw.length - 1) === C.BACKTICK) {
    return raw.slice(1, -1).replace(/``/g, '`');
  }
  return raw.replace(/^`/, '');
}

const ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/** The value of a string token ('..', "..", N'..'), with escapes and doubled quotes resolved. */
export function stringValue(raw: string): string {
  let body = raw;
  if (body[0] === 'N' || body[0] === 'n') body = body.slice(1);
  const q = body[0];
  if (q !== "'" && q !== '"') return raw;
  body = body.endsWith(q) && body.length >= 2 ? body.slice(1, -1) : body.slice(1);
  if (body.indexOf('\\') === -1 && body.indexOf(q + q) === -1) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      const nx = body[++i];
      // \% and \_ keep the backslash (LIKE patterns)
      out += nx === '%' || nx === '_' ? '\\' + nx : (ESCAPES[nx] ?? nx);
    } else if (ch === q && body[i + 1] === q) {
      out += q;
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}
