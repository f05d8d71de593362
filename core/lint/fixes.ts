// Applying fixes: shared by `tidb-lint --fix` and, later, the editor's "fix all".
import type { TextEdit } from './context';
import type { Finding } from './engine';

export interface FixOutcome {
  /** the new text, or undefined when nothing changed */
  text?: string;
  applied: number;
  /** set when two fixes touch the same text: nothing was applied */
  conflict?: { a: Finding; b: Finding };
}

/** Applies every safe fix, or none when any two of them overlap. */
export function applySafeFixes(text: string, findings: readonly Finding[]): FixOutcome {
  const withFix = findings.filter((f) => f.fix?.safe && f.fix.edits.length > 0);
  if (withFix.length === 0) return { applied: 0 };
  const edits: Array<TextEdit & { owner: Finding }> = [];
  for (const f of withFix) for (const e of f.fix!.edits) edits.push({ ...e, owner: f });
  edits.sort((x, y) => x.start - y.start || x.end - y.end);
  for (let i = 1; i < edits.length; i++) {
    const p = edits[i - 1];
    const c = edits[i];
    // Touching is fine; overlapping (or two inserts at one point from different fixes) is not.
    if (c.start < p.end || (c.start === p.start && c.owner !== p.owner)) {
      if (c.owner === p.owner) continue;
      return { applied: 0, conflict: { a: p.owner, b: c.owner } };
    }
  }
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  out += text.slice(pos);
  return { text: out, applied: withFix.length };
}

/** One replacement covering all edits of a fix (ESLint's single-range fix shape). */
export function mergeEdits(text: Pick<string, 'slice'>, edits: readonly TextEdit[]): { start: number; end: number; text: string } {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0].start;
  const end = Math.max(...sorted.map((e) => e.end));
  let out = '';
  let pos = start;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.newText;
    pos = Math.max(pos, e.end);
  }
  out += text.slice(pos, end);
  return { start, end, text: out };
}
