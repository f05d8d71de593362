// What the engine reports: one finding per rule hit, with its range in the text.
import * as l10n from '@vscode/l10n';
import type { Fix } from './context';
import type { Severity } from './rule';

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
  /** findings of one rule with the same group share one root cause (100 CALLs of one procedure): shown once */
  group?: string;
  /** the other places of a grouped finding */
  related?: Array<{ start: number; end: number }>;
}

/** A group's message: the first finding's, and where else the same applies. */
function foldedMessage(message: string, more: number, lines: string): string {
  return more === 1
    ? l10n.t('{0} The same applies to 1 more place in this file (line {1}).', message, lines)
    : l10n.t('{0} The same applies to {1} more places in this file (lines {2}).', message, more, lines);
}

/**
 * One finding per root cause: the first finding of each group stays, with the other places as
 * related locations and a count in its message; the rest are folded into it.
 */
export function foldGroups(findings: Finding[], lineOf: (offset: number) => number): Finding[] {
  const byGroup = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.group) continue;
    const k = `${f.ruleId}\u0001${f.group}`;
    const g = byGroup.get(k);
    if (g) g.push(f);
    else byGroup.set(k, [f]);
  }
  if (![...byGroup.values()].some((g) => g.length > 1)) return findings;
  const head = new Map<Finding, Finding>();
  const folded = new Set<Finding>();
  for (const g of byGroup.values()) {
    if (g.length < 2) continue;
    const [first, ...rest] = g;
    const lines = rest.slice(0, 10).map((f) => lineOf(f.start) + 1);
    head.set(first, {
      ...first,
      message: foldedMessage(first.message, rest.length, `${lines.join(', ')}${rest.length > 10 ? ', …' : ''}`),
      // the places, up to a thousand (the message gives the count)
      related: rest.slice(0, 1000).map((f) => ({ start: f.start, end: f.end })),
    });
    for (const f of rest) folded.add(f);
  }
  return findings.filter((f) => !folded.has(f)).map((f) => head.get(f) ?? f);
}
