// What the engine reports: one finding per rule hit, with its range in the text.
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
}
