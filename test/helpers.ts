// Shared test helpers: lint SQL in-process with the real engine and registry.
import { lintText, type Finding } from '../core/lint/engine';
import type { RuleSetting } from '../core/lint/config';
import { RULES } from '../core/lint/rules';

export function lint(sql: string, targetVersion = '8.5', rules?: Record<string, RuleSetting>): Finding[] {
  return lintText(sql, RULES, { config: { targetVersion, rules } }).findings;
}

/** The sorted, de-duplicated rule ids the SQL produces. */
export function ids(sql: string, targetVersion = '8.5'): string[] {
  return [...new Set(lint(sql, targetVersion).map((f) => f.ruleId))].sort();
}

/** Findings of one rule. */
export function only(sql: string, ruleId: string, targetVersion = '8.5'): Finding[] {
  return lint(sql, targetVersion).filter((f) => f.ruleId === ruleId);
}

/** The source text a finding points at. */
export function at(sql: string, f: Finding): string {
  return sql.slice(f.start, f.end);
}

/** Applies a finding's fix edits to the SQL. */
export function applyFix(sql: string, f: Finding): string {
  if (!f.fix) throw new Error(`finding ${f.ruleId} has no fix`);
  const edits = [...f.fix.edits].sort((a, b) => b.start - a.start);
  let out = sql;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
