// Runs the rules over a file: split, walk the statements in order while
// keeping the file's schema and session state, apply configuration and
// suppressions. Pure logic: no LSP, no VS Code, no file system.
import type { RuleDefinition, Severity } from './rule';
import type { LintConfig } from './config';
import { RuleContext, type DeferredReport, type Fix, type SessionState } from './context';
import { parseAlterTable, parseCreateTable, readCharset, readCollate, type AlterTable, type CreateTable } from '../sql/ddl';
import { LineIndex } from '../sql/lines';
import {
  columnInfo,
  FileSchema,
  tableChanged,
  type SchemaLookup,
  partitionInfo,
  tableInfoFromCreate,
  type SchemaProvider,
} from '../sql/schema';
import { isOff, isOn, readSetAssignments } from '../sql/setStatement';
import type { Trivia } from '../sql/lexer';
import { planStatements, STATEFUL_KINDS, type PlannedStatement, type RunMemo, type StatementMemo } from './incremental';
import { splitStatements, type DelimiterDirective, type SplitSideOutput } from '../sql/splitter';
import { Stmt } from '../sql/statement';
import { parseSuppressions } from './suppress';
import { DEFAULT_TARGET_VERSION, Version } from '../sql/version';

/** Findings that are not rules of the catalogue. */
export const META_RULES = {
  'syntax-error': 'error',
  'internal-error': 'error',
  'unknown-rule': 'warning',
} as const satisfies Record<string, Severity>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
}

export interface LintOptions {
  config?: LintConfig;
  /** where the config came from, for messages about it */
  configFile?: string;
  /** schema facts beyond the file, e.g. from a connected database */
  schema?: SchemaProvider;
}

export interface LintResult {
  findings: Finding[];
  statements: number;
  lines: LineIndex;
  /** comments and hints (for suppression quick fixes, folding, completion context) */
  trivia: Trivia[];
  /** DELIMITER lines */
  directives: DelimiterDirective[];
}

/**
 * Per-document memory of statement results, so re-linting after an edit only
 * runs the rules on statements whose text (or the file state before them)
 * changed. A statement's key is its text's hash plus a hash of every
 * state-changing statement before it (DDL, USE, SET, transactions), so a reused
 * result is exactly what the rules would have said.
 */
/** The cached results for one statement text, and the run that last used them. */
type Variants = CachedStatement[] & { gen?: number };

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

interface CachedStatement {
  findings: Finding[];
  deferred: Array<{ ruleId: string; severity: Severity; report: DeferredReport }>;
  /** the session state (USE, transactions, SET) it was computed under */
  session: number;
  /** schema lookups the rules made, with the fingerprint of each answer */
  deps: SchemaLookup[];
}

export function lintText(text: string, rules: readonly RuleDefinition[], options: LintOptions & { cache?: LintCache } = {}): LintResult {
  const steps = lintSteps(text, rules, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same as lintText, yielding to the event loop every `sliceMs` so an
 * editor's server stays responsive on huge files. Resolves to undefined when
 * `isCancelled` turns true (a newer document version arrived).
 */
export async function lintTextAsync(
  text: string,
  rules: readonly RuleDefinition[],
  options: LintOptions & { cache?: LintCache },
  isCancelled: () => boolean = () => false,
  sliceMs = 8,
): Promise<LintResult | undefined> {
  const steps = lintSteps(text, rules, options);
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (isCancelled()) return undefined;
      sliceStart = performance.now();
    }
  }
}

/** The engine proper: yields after each statement. */
function* lintSteps(
  text: string,
  rules: readonly RuleDefinition[],
  options: LintOptions & { cache?: LintCache },
): Generator<void, LintResult> {
  const config = options.config ?? {};
  const target = new Version(config.targetVersion ?? DEFAULT_TARGET_VERSION);
  const knownIds = new Set<string>([...rules.map((r) => r.meta.id), ...Object.keys(META_RULES)]);
  const findings: Finding[] = [];

  const settings = config.rules ?? {};
  for (const id of Object.keys(settings)) {
    if (!knownIds.has(id)) {
      findings.push({
        ruleId: 'unknown-rule',
        severity: 'warning',
        message: `Unknown rule id '${id}' in ${options.configFile ?? 'the configuration'}; it has no effect. Check the spelling against the rule list.`,
        start: 0,
        end: 0,
      });
    }
  }

  const active = rules.filter((r) => {
    if (settings[r.meta.id] === 'off') return false;
    if (r.since && target.lt(r.since)) return false;
    if (r.until && !target.lt(r.until)) return false;
    return true;
  });

  const cache = options.cache;

  if (cache) {
    const configKey = JSON.stringify([config.targetVersion ?? DEFAULT_TARGET_VERSION, settings, rules.length]);
    if (cache.configKey !== configKey) {
      cache.clear();
      cache.configKey = configKey;
    }
    cache.generation++;
    cache.reused = 0;
    cache.analysed = 0;
  }

  const schema = new FileSchema(options.schema);
  const session: SessionState = { inTransaction: false, globals: new Map(), vars: new Map() };
  // Statements are produced and dropped one at a time: memory holds one statement's tokens.
  const side: SplitSideOutput = { trivia: [], directives: [], problems: [] };
  let statements = 0;
  // what rules can read of the session (USE, transactions, SET): part of every cache key
  let sessionHash = 0;

  const pending: Pending[] = [];
  // The rules that look at each statement kind, computed once per kind.
  const byKind = new Map<string, RuleDefinition[]>();
  const rulesFor = (kind: string) => {
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = active.filter((r) => !r.kinds || (r.kinds as readonly string[]).includes(kind))));
    return list;
  };

  // Statements come fresh from the splitter, or (with a cache) carried over from the previous run
  // where the text around them did not change, so only the edited region is lexed again.
  const plan = cache ? planStatements(text, cache.memo, side) : freshStatements(text, side);
  const memos: StatementMemo[] = [];
  for (const ps of plan) {
    statements++;
    const kind = ps.kind;
    const stateful = ps.stateful ?? STATEFUL_KINDS.test(kind);
    // the tokens, when the statement must be replayed or is new; a carried Stmt may have older offsets
    let s: Stmt | undefined = ps.known ?? (stateful ? ps.stmt() : undefined);
    const memoParse = ps.known && cache ? cache.parsed.get(ps.known) : undefined;
    const ct = memoParse?.ct ?? (kind === 'CREATE TABLE' && s ? safe(() => parseCreateTable(s!)) : undefined);
    const at = memoParse?.at ?? (kind === 'ALTER TABLE' && s ? safe(() => parseAlterTable(s!)) : undefined);
    // A CREATE TABLE/VIEW lifts earlier deferred findings about that name.
    if (pending.length > 0 && s && (kind === 'CREATE TABLE' || kind === 'CREATE VIEW')) {
      const created = createdName(s);
      if (created) liftPending(pending, created);
    }
    // The statement's own text is the key (a slice shares the document's memory); the
    // session and the schema facts its rules read decide which cached variant still holds.
    const key = ps.key;
    const valid = (c: CachedStatement) => c.session === sessionHash && c.deps.every((d) => schema.replay(d) === d[3]);
    let mineAbs: Finding[] = [];
    let variants = ps.results as Variants | undefined;
    if (cache && !variants) variants = cache.entries.get(key);
    const hit = variants?.find(valid);
    if (hit) {
      cache!.reused++;
      variants = addVariant(cache!, key, hit);
      // a statement that did not move and found the same result keeps last run's Finding objects
      if (ps.memo && ps.memo.hit === hit && ps.memo.findings) mineAbs = ps.memo.findings as Finding[];
      else mineAbs = hit.findings.map((f) => shift(f, ps.start));
      for (const f of mineAbs) findings.push(f);
      for (const d of hit.deferred) pending.push({ ruleId: d.ruleId, severity: d.severity, report: shiftDeferred(d.report, ps.start) });
    } else {
      if (cache) cache.analysed++;
      if (!s) s = ps.stmt();
      // findings come in the Stmt's own offsets; `off` moves them to this text
      const base = s.start;
      const ctx = new RuleContext(s, target, schema, session);
      ctx.seed(ct, at);
      const mine: Finding[] = [];
      const myDeferred: CachedStatement['deferred'] = [];
      if (cache) schema.lookups = new Map();
      // A statement that starts with neither a keyword nor '(' (e.g. Liquibase's `--changeset x` glued to
      // the next statement, since `--` without a space is an operator) is a syntax error everywhere: no rule runs.
      for (const rule of kind === '' ? [] : rulesFor(kind)) {
        const before = ctx.reports.length;
        const deferredBefore = ctx.deferred.length;
        try {
          rule.check(ctx);
        } catch (e) {
          ctx.reports.length = before;
          ctx.deferred.length = deferredBefore;
          mine.push({
            ruleId: 'internal-error',
            severity: 'error',
            message: `Rule '${rule.meta.id}' failed on this statement (${(e as Error)?.message ?? String(e)}); its result is missing here, the other rules still ran. Please report this with the statement.`,
            start: base,
            end: Math.min(s.end, base + 80),
          });
          continue;
        }
        const severity = (settings[rule.meta.id] as Severity | undefined) ?? rule.meta.severity;
        for (let k = before; k < ctx.reports.length; k++) {
          const r = ctx.reports[k];
          mine.push({ ruleId: rule.meta.id, severity, message: r.message, start: r.range.start, end: r.range.end, fix: r.fix });
        }
        for (let k = deferredBefore; k < ctx.deferred.length; k++)
          myDeferred.push({ ruleId: rule.meta.id, severity, report: ctx.deferred[k] });
      }
      const off = ps.start - base;
      mineAbs = off === 0 ? mine : mine.map((f) => shift(f, off));
      for (const f of mineAbs) findings.push(f);
      for (const d of myDeferred) pending.push({ ...d, report: shiftDeferred(d.report, off) });
      if (cache) {
        variants = addVariant(cache, key, {
          findings: mine.map((f) => shift(f, -base)),
          deferred: myDeferred.map((d) => ({ ...d, report: shiftDeferred(d.report, -base) })),
          session: sessionHash,
          deps: [...schema.lookups!.values()],
        });
        schema.lookups = undefined;
      }
    }
    if (stateful && s) {
      const wasInTransaction = session.inTransaction;
      safe(() => applyStatement(s!, ct, at, schema, session));
      if (cache && (SESSION_KINDS.test(kind) || session.inTransaction !== wasInTransaction)) {
        sessionHash = hashString(JSON.stringify([session, [...session.globals], [...session.vars]]));
      }
    }
    if (cache) {
      // Kept tokens must not pin this whole document version in memory: re-home fresh ones on their own text.
      const keep = stateful && s ? (s.src === text ? ownStmt(s, ps.begin.delimiter) : s) : undefined;
      if (keep && (ct || at) && !cache.parsed.has(keep)) cache.parsed.set(keep, { ct, at });
      const hitNow = hit ?? variants?.[variants.length - 1];
      const m = ps.memo;
      if (m && m.stmt === keep && m.results === variants && m.hit === hitNow) memos.push(m);
      else
        memos.push({
          begin: ps.begin,
          resume: ps.resume,
          start: ps.start,
          end: ps.end,
          kind,
          key,
          stateful,
          stmt: keep,
          results: variants,
          hit: hitNow,
          findings: mineAbs,
        });
    }
    yield;
  }
  if (cache) {
    cache.memo = { text, statements: memos, trivia: side.trivia, directives: side.directives, problems: side.problems };
    cache.sweep(statements);
  }
  for (const p of pending) {
    const names = [...p.report.always, ...p.report.exemptIfCreatedLater.values()];
    if (names.length === 0) continue;
    findings.push({
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.report.message(names),
      start: p.report.at.start,
      end: p.report.at.end,
      fix: p.report.fix,
    });
  }

  for (const p of side.problems) {
    findings.push({ ruleId: 'syntax-error', severity: 'error', message: p.message, start: p.start, end: p.end });
  }

  const lines = new LineIndex(text);
  const sup = parseSuppressions(text, side.trivia, lines, knownIds);
  for (const u of sup.unknown) {
    findings.push({
      ruleId: 'unknown-rule',
      severity: 'warning',
      message: `Unknown rule id '${u.id}' in a suppression comment; nothing is suppressed for it.`,
      start: u.start,
      end: u.end,
    });
  }
  const kept = findings.filter((f) => f.ruleId === 'unknown-rule' || f.ruleId === 'internal-error' || !sup.isSuppressed(f.ruleId, f.start));
  kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { findings: kept, statements, lines, trivia: side.trivia, directives: side.directives };
}

/** The same statement lexed from a copy of its own text (token offsets start at 0). */
function ownStmt(s: Stmt, delimiter: string): Stmt {
  const copy = (' ' + s.src.slice(s.start, s.end)).slice(1);
  const it = splitStatements(
    copy,
    { trivia: [], directives: [], problems: [] },
    { at: 0, delimiter, inExec: s.tokens[0]?.exec ?? false },
  ).next();
  if (it.done || it.value.tokens.length !== s.tokens.length) return s; // should not happen; keep the original
  return new Stmt(copy, it.value);
}

function* freshStatements(text: string, side: SplitSideOutput): Generator<PlannedStatement> {
  for (const st of splitStatements(text, side)) {
    const s = new Stmt(text, st);
    yield { start: st.start, end: st.end, kind: s.kind, key: '', begin: st.begin, resume: st.resume, stmt: () => s, known: s };
  }
}

/** Statements that can change the session state rules read (DDL only through its implicit commit). */
const SESSION_KINDS = /^(USE|SET|BEGIN|START|COMMIT|ROLLBACK|XA|LOCK|UNLOCK)\b/;

function hashString(s: string): number {
  return hashText(s, 0, s.length);
}

/** Variants a statement text keeps (different schema or session around it). */
const MAX_VARIANTS = 4;

/** Records a variant under its key, marks the key used in this run, and returns the key's variant list. */
function addVariant(cache: LintCache, key: string, entry: CachedStatement): Variants {
  let list = cache.entries.get(key);
  if (!list) cache.entries.set(key, (list = [entry]));
  else if (!list.includes(entry)) {
    list.push(entry);
    if (list.length > MAX_VARIANTS) list.shift();
  }
  list.gen = cache.generation;
  return list;
}

/** FNV-1a over a slice of the text: a statement's identity for the cache. */
function hashText(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shift(f: Finding, by: number): Finding {
  const out: Finding = { ...f, start: f.start + by, end: f.end + by };
  if (f.fix) out.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return out;
}

/** A copy with shifted offsets and its own exemption map (runs mutate it). */
function shiftDeferred(r: DeferredReport, by: number): DeferredReport {
  return { ...r, at: { start: r.at.start + by, end: r.at.end + by }, exemptIfCreatedLater: new Map(r.exemptIfCreatedLater) };
}

interface Pending {
  ruleId: string;
  severity: Severity;
  report: DeferredReport;
}

function liftPending(pending: Pending[], name: string): void {
  for (let i = pending.length - 1; i >= 0; i--) {
    const r = pending[i].report;
    if (!r.exemptIfCreatedLater.delete(name)) continue;
    if (r.exemptIfCreatedLater.size === 0 && r.always.length === 0) pending.splice(i, 1);
  }
}

/** The lower-cased, unqualified name a CREATE TABLE / CREATE VIEW creates. */
function createdName(s: Stmt): string | undefined {
  let i = s.find([s.kind === 'CREATE TABLE' ? 'TABLE' : 'VIEW']) + 1;
  if (i <= 0) return undefined;
  if (s.seq(i, 'IF', 'NOT', 'EXISTS') !== -1) i += 3;
  return s.qname(i)?.name.toLowerCase();
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** Updates the file's schema and session state after a statement ran. */
function applyStatement(s: Stmt, ct: CreateTable | undefined, at: AlterTable | undefined, schema: FileSchema, session: SessionState): void {
  const k = s.kind;
  // DDL commits the open transaction implicitly (with autocommit=0 the next statement opens a new one).
  if (/^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b/.test(k) && !session.autocommitOff) session.inTransaction = false;
  switch (k) {
    case 'USE': {
      const db = s.ident(1);
      if (db !== undefined) {
        session.db = db;
        schema.currentDb = db;
      }
      return;
    }
    case 'CREATE DATABASE': {
      let i = s.afterCreateModifiers() + 1;
      if (s.seq(i, 'IF', 'NOT', 'EXISTS') !== -1) i += 3;
      const name = s.ident(i);
      if (name === undefined) return;
      let charset: string | undefined;
      let collation: string | undefined;
      for (let j = i + 1; j < s.length; j++) {
        const cs = readCharset(s, j);
        if (cs) charset = cs.ref.name;
        const co = readCollate(s, j);
        if (co) collation = co.ref.name;
      }
      schema.addDatabase({ name, charset, collation });
      return;
    }
    case 'DROP DATABASE': {
      let i = 2;
      if (s.seq(i, 'IF', 'EXISTS') !== -1) i += 2;
      const name = s.ident(i);
      if (name !== undefined) schema.dropDatabase(name);
      return;
    }
    case 'CREATE TABLE': {
      if (!ct?.name) return;
      const like = ct.like ? schema.table(ct.like.db, ct.like.name) : undefined;
      const info = tableInfoFromCreate(s, ct, like);
      if (info) schema.addTable(info);
      return;
    }
    case 'CREATE VIEW': {
      const i = s.find(['VIEW']) + 1;
      const q = s.qname(i);
      if (q) schema.addView(q.db, q.name);
      return;
    }
    case 'DROP TABLE':
    case 'DROP VIEW': {
      let i = s.find([k === 'DROP TABLE' ? 'TABLE' : 'VIEW']) + 1;
      if (s.seq(i, 'IF', 'EXISTS') !== -1) i += 2;
      for (const [a] of s.splitCommas(i, s.length)) {
        const q = s.qname(a);
        if (!q) continue;
        if (k === 'DROP TABLE') schema.dropTable(q.db, q.name);
        else schema.dropView(q.db, q.name);
      }
      return;
    }
    case 'RENAME': {
      // RENAME TABLE a TO b, c TO d (classify() gives the kind 'RENAME'); it renames views too
      if (!s.is(1, 'TABLE', 'TABLES')) return;
      for (const [a, b] of s.splitCommas(2, s.length)) {
        const from = s.qname(a);
        const to = from && s.is(from.last + 1, 'TO') ? s.qname(from.last + 2) : undefined;
        if (!from || !to || to.last >= b) continue;
        if (schema.isView(from.db, from.name)) {
          schema.dropView(from.db, from.name);
          schema.addView(to.db, to.name);
          continue;
        }
        const t = schema.table(from.db, from.name);
        if (!t) continue;
        schema.dropTable(from.db, from.name);
        schema.addTable({ ...t, db: to.db, name: to.name });
      }
      return;
    }
    case 'ALTER TABLE': {
      if (!at?.name) return;
      const t = schema.table(at.name.db, at.name.name);
      if (!t) return;
      tableChanged(t);
      for (const spec of at.specs) {
        if (spec.verb === 'ADD' && spec.target === 'COLUMN') {
          for (const c of spec.columns) {
            t.columns.set(c.name.toLowerCase(), columnInfo(s, c));
            // TiDB cannot add a clustered PK to an existing table: a PK added by ALTER is NONCLUSTERED.
            if (c.primaryKey !== undefined) t.primaryKey = { columns: [c.name], clustered: 'NONCLUSTERED' };
          }
        } else if ((spec.verb === 'MODIFY' || spec.verb === 'CHANGE') && spec.columns[0]) {
          if (spec.oldName) t.columns.delete(spec.oldName.toLowerCase());
          const c = spec.columns[0];
          t.columns.set(c.name.toLowerCase(), columnInfo(s, c));
        } else if (spec.verb === 'DROP' && spec.target === 'COLUMN' && spec.name) {
          t.columns.delete(spec.name.toLowerCase());
        } else if (spec.verb === 'DROP' && spec.target === 'PRIMARY KEY') {
          t.primaryKey = undefined;
        } else if (spec.verb === 'ADD' && spec.index) {
          if (spec.index.kind === 'PRIMARY') {
            // A PK added by ALTER is NONCLUSTERED (adding a CLUSTERED one fails).
            t.primaryKey = { columns: spec.index.parts.map((p) => p.column ?? '').filter(Boolean), clustered: 'NONCLUSTERED' };
          }
          if (spec.index.name) t.indexes.add(spec.index.name.toLowerCase());
        } else if (spec.verb === 'DROP' && spec.target === 'INDEX' && spec.name) {
          t.indexes.delete(spec.name.toLowerCase());
        } else if (spec.verb === 'RENAME' && spec.target === 'COLUMN' && spec.name && spec.newName) {
          const c = t.columns.get(spec.name.toLowerCase());
          if (c) {
            t.columns.delete(spec.name.toLowerCase());
            t.columns.set(spec.newName.toLowerCase(), { ...c, name: spec.newName });
          }
        } else if (spec.verb === 'RENAME' && spec.target === 'TABLE' && spec.newName) {
          schema.dropTable(at.name.db, at.name.name);
          schema.addTable({ ...t, name: spec.newName });
        } else if (spec.verb === 'CONVERT' && spec.convertCharset) {
          t.charset = spec.convertCharset.name;
          t.collation = spec.convertCollate?.name;
          for (const [n, c] of t.columns) {
            // new objects: a CREATE TABLE ... LIKE copy shares its ColumnInfo objects with the original
            if (c.charset || TEXT_COLUMN_TYPES.has(c.type))
              t.columns.set(n, { ...c, charset: spec.convertCharset.name, collation: spec.convertCollate?.name });
          }
        } else if (spec.verb === 'OPTION') {
          // A new table default charset applies to columns added later; existing text columns keep the charset they had.
          if (!t.copiedFromUnknown && spec.options.some((o) => o.name === 'CHARSET' || o.name === 'COLLATE')) {
            const csOf = (coll?: string) => (coll?.includes('_') ? coll.slice(0, coll.indexOf('_')) : undefined);
            const dbName = t.db ?? schema.currentDb;
            const db = dbName !== undefined ? schema.database(dbName) : undefined;
            const had = t.charset ?? csOf(t.collation) ?? db?.charset ?? csOf(db?.collation) ?? 'utf8mb4';
            for (const [n, c] of t.columns) {
              if (!c.charset && !c.collation && TEXT_COLUMN_TYPES.has(c.type)) t.columns.set(n, { ...c, charset: had });
            }
          }
          for (const o of spec.options) {
            if (o.name === 'CHARSET') t.charset = o.value.toLowerCase();
            if (o.name === 'COLLATE') t.collation = o.value.toLowerCase();
          }
        } else if (spec.verb === 'PARTITION' && spec.partitionOp === 'BY') {
          const i = s.find(['PARTITION', 'BY'], spec.first, spec.end);
          if (i !== -1) {
            const p = parseCreatePartition(s, i, spec.end);
            if (p) t.partition = p;
          }
        } else if (spec.verb === 'PARTITION' && spec.partitionOp === 'REMOVE') {
          t.partition = undefined;
        }
      }
      return;
    }
    case 'BEGIN':
      if (s.length === 1 || s.is(1, 'WORK', 'PESSIMISTIC', 'OPTIMISTIC')) session.inTransaction = true;
      return;
    case 'START':
      if (s.is(1, 'TRANSACTION')) session.inTransaction = true;
      return;
    case 'COMMIT':
      session.inTransaction = false;
      return;
    case 'ROLLBACK':
      if (!s.is(1, 'TO') && !s.is(2, 'TO')) session.inTransaction = false;
      return;
    case 'SET':
      for (const a of readSetAssignments(s)) {
        // SET GLOBAL autocommit does not change this session; an unknown value (@saved) leaves the state as it was.
        if (a.name === 'autocommit' && a.scope !== 'USER' && a.scope !== 'GLOBAL') {
          if (isOff(a.value)) session.inTransaction = session.autocommitOff = true;
          else if (isOn(a.value) || a.value === 'DEFAULT') session.inTransaction = session.autocommitOff = false;
        }
        if (a.scope === 'GLOBAL') session.globals.set(a.name, a.value);
        if (a.scope !== 'USER') session.vars.set(a.name, a.value);
      }
      return;
  }
}

const TEXT_COLUMN_TYPES = new Set([
  'CHAR',
  'VARCHAR',
  'TEXT',
  'TINYTEXT',
  'MEDIUMTEXT',
  'LONGTEXT',
  'ENUM',
  'SET',
  'CHARACTER',
  'NCHAR',
  'NVARCHAR',
]);

function parseCreatePartition(s: Stmt, i: number, end: number) {
  const w = s.word(i + 2) === 'LINEAR' ? s.word(i + 3) : s.word(i + 2);
  if (!w) return undefined;
  return partitionInfo({ tok: i, type: w, linear: s.is(i + 2, 'LINEAR') ? i + 2 : undefined, columns: false, columnCount: 0, end });
}
