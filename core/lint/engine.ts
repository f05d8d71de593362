// Runs the rules over a file: split, walk the statements in order while
// keeping the file's schema and session state, apply configuration and
// suppressions. Pure logic: no LSP, no VS Code, no file system.
import * as l10n from '@vscode/l10n';
import type { RuleDefinition, Severity } from './rule';
import type { LintConfig, RuleSetting } from './config';
import { RuleContext, type DeferredReport, type SessionState } from './context';
import { parseAlterTable, parseCreateTable, type AlterTable, type CreateTable } from '../sql/ddl';
import { LineIndex } from '../sql/lines';
import { FileSchema, type SchemaProvider } from '../sql/schema';
import type { Trivia } from '../sql/lexer';
import { planStatements, STATEFUL_KINDS, type PlannedStatement } from './incremental';
import { splitStatements, type DelimiterDirective, type SplitSideOutput } from '../sql/splitter';
import { Stmt } from '../sql/statement';
import { parseSuppressions } from './suppress';
import { DEFAULT_TARGET_VERSION, Version } from '../sql/version';

import { addVariant, type CachedStatement, type LintCache, shift, shiftDeferred, type StatementMemo } from './cache';
import { foldGroups, META_RULES, type Finding } from './finding';
import { applyStatement, newSession, SESSION_KINDS, sessionHash } from './fileState';

export { LintCache } from './cache';
export { META_RULES, type Finding } from './finding';

export interface LintOptions {
  config?: LintConfig;
  /** where the config came from, for messages about it */
  configFile?: string;
  /** schema facts beyond the file, e.g. from a connected database */
  schema?: SchemaProvider;
  /** run every rule on every statement of its kinds, ignoring `words` (tests compare the two) */
  ungated?: boolean;
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
  // the clock is read every 16 statements, or sooner after big ones: most statements of an edited
  // file take a microsecond, a dump's INSERT a millisecond
  let n = 0;
  let chars = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    chars += r.value;
    if ((++n & 15) !== 0 && chars < 65536) continue;
    chars = 0;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (isCancelled()) return undefined;
      sliceStart = performance.now();
    }
  }
}

/** The engine proper: yields after each statement, the number of characters it spans. */
function* lintSteps(
  text: string,
  rules: readonly RuleDefinition[],
  options: LintOptions & { cache?: LintCache },
): Generator<number, LintResult> {
  const config = options.config ?? {};
  const settings = config.rules ?? {};
  const target = new Version(config.targetVersion ?? DEFAULT_TARGET_VERSION);
  const knownIds = new Set<string>([...rules.map((r) => r.meta.id), ...Object.keys(META_RULES)]);
  const findings: Finding[] = unknownRuleSettings(settings, knownIds, options.configFile);
  const active = activeRules(rules, settings, target);
  const cache = options.cache;
  if (cache) startRun(cache, JSON.stringify([config.targetVersion ?? DEFAULT_TARGET_VERSION, settings, rules.length]));

  const walk: Walk = {
    target,
    settings,
    schema: new FileSchema(options.schema),
    session: newSession(),
    sessionKey: 0,
    pending: [],
    rulesFor: rulesByKind(active, !!options.ungated),
    gate: wordGate(active, !!options.ungated),
    seen: new Uint32Array(active.length),
    stamp: 0,
    findings,
  };
  // Statements are produced and dropped one at a time: memory holds one statement's tokens.
  const side: SplitSideOutput = { trivia: [], directives: [], problems: [] };
  let statements = 0;
  // Statements come fresh from the splitter, or (with a cache) carried over from the previous run
  // where the text around them did not change, so only the edited region is lexed again.
  const plan = cache ? planStatements(text, cache.memo, side) : freshStatements(text, side);
  const memos: StatementMemo[] = [];
  for (const ps of plan) {
    statements++;
    const memo = lintStatement(walk, ps, text, cache);
    if (memo) memos.push(memo);
    yield ps.end - ps.start;
  }
  if (cache) {
    cache.memo = { text, statements: memos, trivia: side.trivia, directives: side.directives, problems: side.problems };
    cache.sweep(statements);
  }
  findings.push(...deferredFindings(walk.pending));
  for (const p of side.problems) {
    findings.push({ ruleId: 'syntax-error', severity: 'error', message: p.message, start: p.start, end: p.end });
  }
  const lines = new LineIndex(text);
  return {
    findings: foldGroups(suppressed(findings, text, side.trivia, lines, knownIds), (o) => lines.lineAt(o)),
    statements,
    lines,
    trivia: side.trivia,
    directives: side.directives,
  };
}

/** What the walk over a file carries from one statement to the next. */
interface Walk {
  target: Version;
  settings: Record<string, RuleSetting>;
  schema: FileSchema;
  session: SessionState;
  /** what rules can read of the session (USE, transactions, SET): part of every cache key */
  sessionKey: number;
  /** findings that depend on later statements (DROP TABLE IF EXISTS x … CREATE TABLE x) */
  pending: Pending[];
  rulesFor(kind: string): readonly ActiveRule[];
  /** word -> the rules (by index in the active list) that need it */
  gate: Map<string, number[]>;
  /** `seen[k] === stamp`: the current statement holds a word rule k needs */
  seen: Uint32Array;
  stamp: number;
  findings: Finding[];
}

/** A rule that runs, with its index in the active list when it needs one of its `words` (else -1). */
interface ActiveRule {
  rule: RuleDefinition;
  gated: number;
}

/** A finding for every rule id in the configuration that no rule has. */
function unknownRuleSettings(
  settings: Record<string, RuleSetting>,
  knownIds: ReadonlySet<string>,
  configFile: string | undefined,
): Finding[] {
  return Object.keys(settings)
    .filter((id) => !knownIds.has(id))
    .map((id) => ({
      ruleId: 'unknown-rule',
      severity: 'warning' as const,
      message: configFile
        ? l10n.t("Unknown rule id '{0}' in {1}; it has no effect. Check the spelling against the rule list.", id, configFile)
        : l10n.t("Unknown rule id '{0}' in the configuration; it has no effect. Check the spelling against the rule list.", id),
      start: 0,
      end: 0,
    }));
}

/** The rules that run: not turned off, and made for the target version. */
function activeRules(rules: readonly RuleDefinition[], settings: Record<string, RuleSetting>, target: Version): RuleDefinition[] {
  return rules.filter((r) => {
    if (settings[r.meta.id] === 'off') return false;
    if (r.since && target.lt(r.since)) return false;
    if (r.until && !target.lt(r.until)) return false;
    return true;
  });
}

/** The rules that look at each statement kind, computed once per kind. */
function rulesByKind(active: readonly RuleDefinition[], ungated: boolean): (kind: string) => readonly ActiveRule[] {
  const byKind = new Map<string, ActiveRule[]>();
  const all = active.map((rule, k) => ({ rule, gated: rule.words && !ungated ? k : -1 }));
  return (kind) => {
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = all.filter((a) => !a.rule.kinds || (a.rule.kinds as readonly string[]).includes(kind))));
    return list;
  };
}

/** For each word some rule needs, the indexes of those rules. */
function wordGate(active: readonly RuleDefinition[], ungated: boolean): Map<string, number[]> {
  const gate = new Map<string, number[]>();
  if (ungated) return gate;
  active.forEach((r, k) => {
    for (const w of r.words ?? []) {
      const list = gate.get(w);
      if (list) list.push(k);
      else gate.set(w, [k]);
    }
  });
  return gate;
}

/** A new run over the cache: a different configuration invalidates everything. */
function startRun(cache: LintCache, configKey: string): void {
  if (cache.configKey !== configKey) {
    cache.clear();
    cache.configKey = configKey;
  }
  cache.generation++;
  cache.reused = 0;
  cache.analysed = 0;
}

/**
 * One statement: its findings from the cache when its text, the session and every schema fact
 * its rules read are unchanged, else from the rules; then its effect on the file state.
 * Returns what the next run remembers of it (with a cache).
 */
function lintStatement(walk: Walk, ps: PlannedStatement, text: string, cache: LintCache | undefined): StatementMemo | undefined {
  const kind = ps.kind;
  const stateful = ps.stateful ?? STATEFUL_KINDS.test(kind);
  // the tokens, when the statement must be replayed or is new; a carried Stmt may have older offsets
  let s: Stmt | undefined = ps.known ?? (stateful ? ps.stmt() : undefined);
  const memoParse = ps.known && cache ? cache.parsed.get(ps.known) : undefined;
  const ct = memoParse?.ct ?? (kind === 'CREATE TABLE' && s ? safe(() => parseCreateTable(s!)) : undefined);
  const at = memoParse?.at ?? (kind === 'ALTER TABLE' && s ? safe(() => parseAlterTable(s!)) : undefined);
  // A CREATE TABLE/VIEW lifts earlier deferred findings about that name.
  if (walk.pending.length > 0 && s && (kind === 'CREATE TABLE' || kind === 'CREATE VIEW' || kind === 'CREATE DATABASE')) {
    const created = createdName(s);
    if (created) liftPending(walk.pending, created);
  }
  // a dump's `/*!40000 ALTER TABLE t DISABLE KEYS */` after `LOCK TABLES t WRITE` marks that lock as the dump's
  if (walk.pending.length > 0 && s && kind === 'ALTER TABLE' && s.is(s.length - 2, 'DISABLE') && s.is(s.length - 1, 'KEYS')) {
    const q = s.qname(2);
    if (q) liftPending(walk.pending, `keys of ${q.name.toLowerCase()}`);
  }
  // The statement's own text is the key (a slice shares the document's memory); the
  // session and the schema facts its rules read decide which cached variant still holds.
  const key = ps.key;
  const valid = (c: CachedStatement) => c.session === walk.sessionKey && c.deps.every((d) => walk.schema.replay(d) === d[3]);
  let mineAbs: Finding[];
  let variants = ps.results;
  if (cache && !variants) variants = cache.entries.get(key);
  const hit = variants?.find(valid);
  if (hit) {
    cache!.reused++;
    variants = variants!.gen === cache!.generation ? variants! : addVariant(cache!, key, hit, variants);
    // a statement that did not move and found the same result keeps last run's Finding objects
    if (ps.memo && ps.memo.hit === hit && ps.memo.findings) mineAbs = ps.memo.findings;
    else mineAbs = hit.findings.map((f) => shift(f, ps.start));
    for (const f of mineAbs) walk.findings.push(f);
    for (const d of hit.deferred) walk.pending.push({ ruleId: d.ruleId, severity: d.severity, report: shiftDeferred(d.report, ps.start) });
  } else {
    if (cache) cache.analysed++;
    if (!s) s = ps.stmt();
    // findings come in the Stmt's own offsets; `off` moves them to this text
    const base = s.start;
    if (cache) walk.schema.lookups = new Map();
    const { mine, deferred } = checkStatement(walk, s, kind, ct, at);
    const off = ps.start - base;
    mineAbs = off === 0 ? mine : mine.map((f) => shift(f, off));
    for (const f of mineAbs) walk.findings.push(f);
    for (const d of deferred) walk.pending.push({ ...d, report: shiftDeferred(d.report, off) });
    if (cache) {
      variants = addVariant(cache, key, {
        findings: mine.map((f) => shift(f, -base)),
        deferred: deferred.map((d) => ({ ...d, report: shiftDeferred(d.report, -base) })),
        session: walk.sessionKey,
        deps: [...walk.schema.lookups!.values()],
      });
      walk.schema.lookups = undefined;
    }
  }
  if (stateful && s) {
    const wasInTransaction = walk.session.inTransaction;
    safe(() => applyStatement(s!, ct, at, walk.schema, walk.session));
    if (cache && (SESSION_KINDS.test(kind) || walk.session.inTransaction !== wasInTransaction)) walk.sessionKey = sessionHash(walk.session);
  }
  if (!cache) return undefined;
  // Kept tokens must not pin this whole document version in memory: re-home fresh ones on their own text.
  const keep = stateful && s ? (s.src === text ? ownStmt(s, ps.begin.delimiter) : s) : undefined;
  if (keep && (ct || at) && !cache.parsed.has(keep)) cache.parsed.set(keep, { ct, at });
  const hitNow = hit ?? variants?.[variants.length - 1];
  const m = ps.memo;
  if (m && m.stmt === keep && m.results === variants && m.hit === hitNow) return m;
  return {
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
  };
}

/** Runs the rules for the statement's kind; a rule that throws becomes an internal-error finding and the others still run. */
function checkStatement(
  walk: Walk,
  s: Stmt,
  kind: string,
  ct: CreateTable | undefined,
  at: AlterTable | undefined,
): { mine: Finding[]; deferred: CachedStatement['deferred'] } {
  const base = s.start;
  const ctx = new RuleContext(s, walk.target, walk.schema, walk.session);
  ctx.seed(ct, at);
  const mine: Finding[] = [];
  const deferred: CachedStatement['deferred'] = [];
  // one pass over the words marks the rules whose words the statement holds
  const stamp = ++walk.stamp;
  const { gate, seen } = walk;
  if (gate.size > 0)
    for (const t of s.tokens) {
      if (t.kind !== 'word') continue;
      const ks = gate.get(t.value);
      if (ks) for (const k of ks) seen[k] = stamp;
    }
  // A statement that starts with neither a keyword nor '(' (e.g. Liquibase's `--changeset x` glued to
  // the next statement, since `--` without a space is an operator) is a syntax error everywhere: no rule runs.
  for (const { rule, gated } of kind === '' ? [] : walk.rulesFor(kind)) {
    if (gated !== -1 && seen[gated] !== stamp) continue;
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
        message: l10n.t(
          "Rule '{0}' failed on this statement ({1}); its result is missing here, the other rules still ran. Please report this with the statement.",
          rule.meta.id,
          (e as Error)?.message ?? String(e),
        ),
        start: base,
        end: Math.min(s.end, base + 80),
      });
      continue;
    }
    const severity = (walk.settings[rule.meta.id] as Severity | undefined) ?? rule.meta.severity;
    for (let k = before; k < ctx.reports.length; k++) {
      const r = ctx.reports[k];
      // a severity the rule derived from the facts (live row counts) applies unless the user set the rule's severity
      const sev = r.severity && !walk.settings[rule.meta.id] ? r.severity : severity;
      mine.push({
        ruleId: rule.meta.id,
        severity: sev,
        message: r.message,
        start: r.range.start,
        end: r.range.end,
        fix: r.fix,
        group: r.group,
      });
    }
    for (let k = deferredBefore; k < ctx.deferred.length; k++) deferred.push({ ruleId: rule.meta.id, severity, report: ctx.deferred[k] });
  }
  if (kind === 'PREPARE') {
    const prepared = preparedStatements(s);
    for (const inner of prepared?.statements ?? []) {
      const ict = inner.kind === 'CREATE TABLE' ? safe(() => parseCreateTable(inner)) : undefined;
      const iat = inner.kind === 'ALTER TABLE' ? safe(() => parseAlterTable(inner)) : undefined;
      for (const f of checkStatement(walk, inner, inner.kind, ict, iat).mine) mine.push(shift(f, prepared!.at));
    }
  }
  return { mine, deferred };
}

/**
 * The statements a PREPARE name FROM '<literal>' prepares, when the literal is a constant with no
 * escapes: lexed from the literal's own text, so their offsets add `at` to point into the literal.
 * A PREPARE FROM @variable is not followed.
 */
function preparedStatements(s: Stmt): { statements: Stmt[]; at: number } | undefined {
  const from = s.find(['FROM']);
  const lit = from >= 0 && from + 1 === s.length - 1 ? s.tokens[from + 1] : undefined;
  if (lit?.kind !== 'string') return undefined;
  const raw = s.src.slice(lit.start, lit.end);
  const q = raw[0];
  if ((q !== "'" && q !== '"') || raw.length < 3 || raw.includes('\\') || raw.slice(1, -1).includes(q)) return undefined;
  const inner = raw.slice(1, -1);
  const statements: Stmt[] = [];
  for (const st of splitStatements(inner, { trivia: [], directives: [], problems: [] })) statements.push(new Stmt(inner, st));
  return { statements, at: lit.start + 1 };
}

/** The deferred findings no later statement lifted. */
function deferredFindings(pending: Pending[]): Finding[] {
  const out: Finding[] = [];
  for (const p of pending) {
    const names = [...p.report.always, ...p.report.exemptIfCreatedLater.values()];
    if (names.length === 0) continue;
    out.push({
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.report.message(names),
      start: p.report.at.start,
      end: p.report.at.end,
      fix: p.report.fix,
    });
  }
  return out;
}

/** Drops what inline comments suppress (reporting unknown ids in them) and orders the rest by position. */
function suppressed(findings: Finding[], text: string, trivia: Trivia[], lines: LineIndex, knownIds: ReadonlySet<string>): Finding[] {
  const sup = parseSuppressions(text, trivia, lines, knownIds);
  for (const u of sup.unknown) {
    findings.push({
      ruleId: 'unknown-rule',
      severity: 'warning',
      message: l10n.t("Unknown rule id '{0}' in a suppression comment; nothing is suppressed for it.", u.id),
      start: u.start,
      end: u.end,
    });
  }
  const kept = findings.filter((f) => f.ruleId === 'unknown-rule' || f.ruleId === 'internal-error' || !sup.isSuppressed(f.ruleId, f.start));
  kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return kept;
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

/** The lower-cased, unqualified name a CREATE TABLE / CREATE VIEW creates; `database x` for CREATE DATABASE x. */
function createdName(s: Stmt): string | undefined {
  if (s.kind === 'CREATE DATABASE') {
    let i = 2;
    if (s.seq(i, 'IF', 'NOT', 'EXISTS') !== -1) i += 3;
    const name = s.ident(i);
    return name === undefined ? undefined : `database ${name.toLowerCase()}`;
  }
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
