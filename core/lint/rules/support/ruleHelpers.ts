// Helpers shared by rules about transactions, locking, SET and administrative
// statements: which SET assignments each rule reports (so set-global-persisted
// can stay quiet on those), routine detection, case-preserving fixes.
import type { RuleContext } from '../../context';
import { isOn, type SetAssignment } from '../../../sql/setStatement';
import type { Stmt } from '../../../sql/statement';
import * as l10n from '@vscode/l10n';

/**
 * Statements whose contents token-scanning rules skip: routine bodies, and statements that do not start
 * with a keyword or '(' (e.g. Liquibase's `--changeset a:1` glued to the front of the next statement),
 * which MySQL and TiDB both reject as syntax errors.
 */
export function notLinted(s: Stmt): boolean {
  return s.kind === '' || s.isRoutine;
}

/** `replacement` written in lower case when the text it replaces is all lower case. */
export function matchCase(original: string, replacement: string): string {
  return /[A-Z]/.test(original) || !/[a-z]/.test(original) ? replacement : replacement.toLowerCase();
}

/** ON / 1 / TRUE / any non-zero number. */
export function isTruthy(value: string): boolean {
  if (isOn(value)) return true;
  return /^[+-]?\d+(\.\d+)?$/.test(value) && Number(value) !== 0;
}

/** First token of an assignment including its scope keyword (SET GLOBAL x = 1 -> GLOBAL). */
export function assignmentStart(s: Stmt, a: SetAssignment): number {
  return a.nameTok > 1 && s.is(a.nameTok - 1, 'GLOBAL', 'SESSION', 'LOCAL', 'PERSIST', 'PERSIST_ONLY') ? a.nameTok - 1 : a.nameTok;
}

/** Token range [first, last] of one assignment (scope keyword, name, '=', value). */
export function assignmentRange(s: Stmt, a: SetAssignment): [number, number] {
  return [assignmentStart(s, a), Math.max(a.nameTok, a.valueEnd - 1)];
}

// ---- predicates of the SET rules (set-global-persisted skips what they report)

export const READ_ONLY_SYSVARS = new Set(['read_only', 'super_read_only', 'offline_mode', 'sql_auto_is_null']);
export const TX_READ_ONLY_VARS = new Set(['tx_read_only', 'transaction_read_only']);
export const ISOLATION_VARS = new Set(['tx_isolation', 'transaction_isolation']);

/** read-only-sysvar-set: read_only / super_read_only / offline_mode / sql_auto_is_null set to ON. */
export function setsReadOnlySysvar(a: SetAssignment): boolean {
  return a.scope !== 'USER' && READ_ONLY_SYSVARS.has(a.name) && isTruthy(a.value);
}

/** read-only-transaction: tx_read_only / transaction_read_only set to ON. */
export function setsTxReadOnly(a: SetAssignment): boolean {
  return a.scope !== 'USER' && TX_READ_ONLY_VARS.has(a.name) && isTruthy(a.value);
}

/** The isolation level named by a value ('SERIALIZABLE', 'READ-UNCOMMITTED', ...) when TiDB rejects it. */
export function unsupportedIsolation(value: string): string | undefined {
  const v = value.toUpperCase().replace(/[\s_]+/g, '-');
  if (v === 'SERIALIZABLE') return 'SERIALIZABLE';
  if (v === 'READ-UNCOMMITTED') return 'READ UNCOMMITTED';
  return undefined;
}

/** unsupported-isolation-level: transaction_isolation / tx_isolation set to SERIALIZABLE or READ-UNCOMMITTED. */
export function setsUnsupportedIsolation(a: SetAssignment): boolean {
  return a.scope !== 'USER' && ISOLATION_VARS.has(a.name) && unsupportedIsolation(a.value) !== undefined;
}

/** optimizer-trace: optimizer_trace and its companion optimizer_trace_* variables. */
export function setsOptimizerTrace(a: SetAssignment): boolean {
  return a.scope !== 'USER' && (a.name === 'optimizer_trace' || a.name.startsWith('optimizer_trace_'));
}

/** optimizer-switch-ignored. */
export function setsOptimizerSwitch(a: SetAssignment): boolean {
  return a.scope !== 'USER' && a.name === 'optimizer_switch';
}

/**
 * The value an earlier SET in the file gave to a system variable (any scope but
 * user variables), upper-cased; undefined when the file never sets it.
 */
export function earlierSetting(ctx: RuleContext, name: string): string | undefined {
  return ctx.session.vars.get(name);
}

/** MySQL-named variables documented 'Persists to cluster: No' in TiDB (instance-local, as in MySQL). */
export const INSTANCE_LOCAL_SYSVARS = new Set(['max_connections', 'ddl_slow_threshold', 'plugin_dir', 'plugin_load']);

/**
 * Rows on the live server, said plainly: `12 rows`, `48,120 rows`, `about 50.3 million rows` (in the user's
 * language: a quantity the callers pass as an argument of their own l10n.t sentence).
 */
export function rowsPhrase(n: number): string {
  if (n >= 1e6) return l10n.t('about {0} million rows', (n / 1e6).toFixed(1));
  const count = Math.round(n).toLocaleString('en-US');
  return n === 1 ? l10n.t('{0} row', count) : l10n.t('{0} rows', count);
}

/** Below this many rows on the live server a table is small: its reorg finishes at once, its inserts are rare. */
export const SMALL_TABLE_ROWS = 10_000;
/** From this many rows a backfill or a rewrite is a long job. */
export const LARGE_TABLE_ROWS = 1_000_000;
