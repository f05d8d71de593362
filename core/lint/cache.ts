// The engine's memory between runs over one document: per-statement results keyed
// by the statement's text (valid while the session state and every schema fact its
// rules read are unchanged), and the previous run's statements so the next run only
// lexes around an edit (incremental.ts). Typed end to end: no casts back from unknown.
import type { Trivia } from '../sql/lexer';
import type { AlterTable, CreateTable } from '../sql/ddl';
import type { SchemaLookup } from '../sql/schema';
import type { DelimiterDirective, LexProblem, SplitState } from '../sql/splitter';
import type { Stmt } from '../sql/statement';
import type { DeferredReport } from './context';
import type { Finding } from './finding';
import type { Severity } from './rule';

/** What one run remembers of a statement for the next. */
export interface StatementMemo {
  begin: SplitState;
  resume: SplitState;
  start: number;
  end: number;
  kind: string;
  /** the statement's text: the result cache key */
  key: string;
  /** the cached results (variants) found under `key` last time: saves hashing the text again */
  results?: Variants;
  /** tokens, kept for statements the engine must replay (DDL, USE, SET, transactions) */
  stmt?: Stmt;
  /** whether the engine replays it (STATEFUL_KINDS) */
  stateful: boolean;
  /** the cached result that held last time, and the findings it produced at `start` (reused as they are when nothing moved) */
  hit?: CachedStatement;
  findings?: Finding[];
}

export interface RunMemo {
  text: string;
  statements: StatementMemo[];
  trivia: Trivia[];
  directives: DelimiterDirective[];
  problems: LexProblem[];
}

/**
 * Per-document memory of statement results, so re-linting after an edit only
 * runs the rules on statements whose text (or the file state before them)
 * changed. A statement's key is its text's hash plus a hash of every
 * state-changing statement before it (DDL, USE, SET, transactions), so a reused
 * result is exactly what the rules would have said.
 */
/** The cached results for one statement text, and the run that last used them. */
export type Variants = CachedStatement[] & { gen?: number };

export class LintCache {
  /** statement key -> results (one per schema variant), with offsets relative to the statement start */
  entries = new Map<string, Variants>();
  /** counts runs; keys unused for a while are dropped */
  generation = 0;
  /** the previous run's statements, so the next run only lexes around the edit */
  memo?: RunMemo;
  /** parsed CREATE/ALTER TABLE of kept statements */
  parsed = new WeakMap<Stmt, { ct?: CreateTable; at?: AlterTable }>();
  /** the configuration the entries were computed under */
  configKey = '';
  /** statements reused / analysed on the last run (for tests and the bench) */
  reused = 0;
  analysed = 0;

  clear(): void {
    this.entries.clear();
    this.memo = undefined;
  }

  /** Drops results no run has used lately, keeping the map near the document's size. */
  sweep(statements: number): void {
    if (this.entries.size <= statements * 2 + 64 && this.generation % 32 !== 0) return;
    for (const [k, v] of this.entries) if ((v.gen ?? 0) < this.generation - 8) this.entries.delete(k);
  }
}

export interface CachedStatement {
  findings: Finding[];
  deferred: Array<{ ruleId: string; severity: Severity; report: DeferredReport }>;
  /** the session state (USE, transactions, SET) it was computed under */
  session: number;
  /** schema lookups the rules made, with the fingerprint of each answer */
  deps: SchemaLookup[];
}

/** Variants a statement text keeps (different schema or session around it). */
const MAX_VARIANTS = 4;

/** Records a variant under its key, marks the key used in this run, and returns the key's variant list. */
export function addVariant(cache: LintCache, key: string, entry: CachedStatement, known?: Variants): Variants {
  // `known`: the list the statement used on the previous run, so still under `key` (a sweep drops
  // only lists no run used for 8 runs): saves hashing the statement's text again
  let list = known ?? cache.entries.get(key);
  if (!list) cache.entries.set(key, (list = [entry]));
  else if (!list.includes(entry)) {
    list.push(entry);
    if (list.length > MAX_VARIANTS) list.shift();
  }
  list.gen = cache.generation;
  return list;
}

/** FNV-1a over a slice of the text: a statement's identity for the cache. */
export function hashText(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function hashString(s: string): number {
  return hashText(s, 0, s.length);
}

export function shift(f: Finding, by: number): Finding {
  const out: Finding = { ...f, start: f.start + by, end: f.end + by };
  if (f.fix) out.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return out;
}

/** A copy with shifted offsets and its own exemption map (runs mutate it). */
export function shiftDeferred(r: DeferredReport, by: number): DeferredReport {
  return { ...r, at: { start: r.at.start + by, end: r.at.end + by }, exemptIfCreatedLater: new Map(r.exemptIfCreatedLater) };
}
