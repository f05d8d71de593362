import { splitStatements, type SplitSideOutput, type SplitState, type Statement } from '../sql/splitter';
import { Stmt } from '../sql/statement';
import type { RunMemo, StatementMemo, Variants } from './cache';

/** A statement of the new version: fresh, or carried over from the previous run. */
export interface PlannedStatement {
  start: number;
  end: number;
  kind: string;
  key: string;
  /** for carried statements: the cached result variants they had */
  results?: Variants;
  /** the previous run's memo, when the statement did not move */
  memo?: StatementMemo;
  /** known for carried statements */
  stateful?: boolean;
  begin: SplitState;
  resume: SplitState;
  /** the tokens; a carried-over Stmt has the previous text's offsets (start - stmt().start apart) */
  stmt(): Stmt;
  /** set when stmt() is available without lexing */
  known?: Stmt;
}

/** Statements whose effect on the file state the engine replays on every run. */
export const STATEFUL_KINDS = /^(CREATE|ALTER|DROP|RENAME|TRUNCATE|USE|SET|BEGIN|START|COMMIT|ROLLBACK)\b/;

/** A safety margin for the lexer's look-ahead past a statement's end. */
const MARGIN = 32;

// (no object spread: this runs for every statement after an edit, on every keystroke)
const shiftState = (s: SplitState, by: number): SplitState => ({ at: s.at + by, delimiter: s.delimiter, inExec: s.inExec });

/**
 * Plans the statements of `text` given the previous run. Fills `side` with the
 * trivia, DELIMITER lines and lexical problems of the whole new text.
 */
export function* planStatements(text: string, prev: RunMemo | undefined, side: SplitSideOutput): Generator<PlannedStatement> {
  const fresh = (st: Statement): PlannedStatement => {
    const s = new Stmt(text, st);
    return {
      start: st.start,
      end: st.end,
      kind: s.kind,
      key: ownCopy(text, st.start, st.end),
      begin: st.begin,
      resume: st.resume,
      stmt: () => s,
      known: s,
    };
  };
  if (!prev) {
    for (const st of splitStatements(text, side)) yield fresh(st);
    return;
  }
  const old = prev.text;
  const olds = prev.statements;
  // common prefix and suffix of the two versions (whole chunks compared natively first)
  const max = Math.min(old.length, text.length);
  const CHUNK = 4096;
  let p = 0;
  while (p + CHUNK <= max && old.slice(p, p + CHUNK) === text.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let q = 0;
  while (q + CHUNK <= max - p && old.slice(old.length - q - CHUNK, old.length - q) === text.slice(text.length - q - CHUNK, text.length - q))
    q += CHUNK;
  while (q < max - p && old.charCodeAt(old.length - 1 - q) === text.charCodeAt(text.length - 1 - q)) q++;
  const delta = text.length - old.length;
  const editEndNew = text.length - q;

  // 1. statements that end (delimiter included) safely before the first change. An unterminated
  //    quote or comment depends on all the text after it, so reuse stops before the first one.
  let limit = p - MARGIN;
  for (const x of prev.problems) limit = Math.min(limit, x.start);
  let k = 0;
  while (k < olds.length && olds[k].resume.at <= limit) k++;
  const resumeFrom = k > 0 ? olds[k - 1].resume : undefined;
  const cut = resumeFrom?.at ?? 0;
  for (const t of prev.trivia) if (t.end <= cut) side.trivia.push(t);
  for (const d of prev.directives) if (d.end <= cut) side.directives.push(d);
  for (const x of prev.problems) if (x.end <= cut) side.problems.push(x);
  for (let i = 0; i < k; i++) yield carried(olds[i], 0, text, prev);

  // 2. split afresh from there until a statement boundary lines up with one of the previous run
  let aligned = -1;
  for (const st of splitStatements(text, side, resumeFrom)) {
    yield fresh(st);
    const r = st.resume;
    if (r.at >= editEndNew + MARGIN) {
      const j = findBegin(olds, k, r.at - delta);
      if (j !== -1 && olds[j].begin.delimiter === r.delimiter && olds[j].begin.inExec === r.inExec) {
        aligned = j;
        break;
      }
    }
  }
  if (aligned === -1) return;

  // 3. the rest of the previous run, shifted
  const from = olds[aligned].begin.at;
  for (const t of prev.trivia) if (t.start >= from) side.trivia.push({ ...t, start: t.start + delta, end: t.end + delta });
  for (const d of prev.directives) if (d.start >= from) side.directives.push({ ...d, start: d.start + delta, end: d.end + delta });
  for (const x of prev.problems) if (x.start >= from) side.problems.push({ ...x, start: x.start + delta, end: x.end + delta });
  for (let i = aligned; i < olds.length; i++) yield carried(olds[i], delta, text, prev);
}

/**
 * The statement's text as a string of its own. A plain slice would keep the whole
 * document version alive for as long as the cache holds the key; slicing a
 * concatenation makes V8 copy just this part.
 */
function ownCopy(text: string, start: number, end: number): string {
  return (' ' + text.slice(start, end)).slice(1);
}

/** The index of the statement (from `from` on) that begins at `at`, by binary search; -1 if none. */
function findBegin(olds: StatementMemo[], from: number, at: number): number {
  let lo = from;
  let hi = olds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = olds[mid].begin.at;
    if (b === at) return mid;
    if (b < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function carried(m: StatementMemo, delta: number, text: string, prev: RunMemo): PlannedStatement {
  let lexed: Stmt | undefined = m.stmt;
  const begin = delta === 0 ? m.begin : shiftState(m.begin, delta);
  return {
    start: m.start + delta,
    end: m.end + delta,
    kind: m.kind,
    key: m.key,
    results: m.results,
    begin,
    resume: delta === 0 ? m.resume : shiftState(m.resume, delta),
    known: lexed,
    memo: delta === 0 ? m : undefined,
    stateful: m.stateful,
    stmt: () => {
      if (!lexed) {
        // Lex just this statement again, from where it begins in the new text.
        const it = splitStatements(text, { trivia: [], directives: [], problems: [] }, begin).next();
        if (it.done) throw new Error(`statement at ${m.start + delta} vanished while re-lexing (previous text length ${prev.text.length})`);
        lexed = new Stmt(text, it.value);
      }
      return lexed;
    },
  };
}
