// A file's report as a worker thread sends it to the main thread: the findings, with the positions
// and text slices the writers need instead of the whole text (a 50 MB file is not copied back).
import type { Finding } from '../../../core/lint/engine';
import type { FileReport } from './format';

export interface PortableReport {
  filePath: string;
  findings: Finding[];
  fixed?: number;
  fixConflict?: string;
  /** [offset, line, character] for every offset a writer asks about */
  positions: number[];
  /** [start, text] for the span each fix edits */
  snippets: Array<[number, string]>;
}

/** The offsets (finding ranges, related locations, fix edits) and fix spans of a report. */
export function toPortable(r: FileReport): PortableReport {
  const offsets = new Set<number>();
  const snippets: Array<[number, string]> = [];
  for (const f of r.findings) {
    offsets.add(f.start);
    offsets.add(f.end);
    for (const x of f.related ?? []) {
      offsets.add(x.start);
      offsets.add(x.end);
    }
    if (f.fix && f.fix.edits.length > 0) {
      let a = Infinity;
      let b = -Infinity;
      for (const e of f.fix.edits) {
        offsets.add(e.start);
        offsets.add(e.end);
        a = Math.min(a, e.start);
        b = Math.max(b, e.end);
      }
      snippets.push([a, r.text.slice(a, b)]);
    }
  }
  const positions: number[] = [];
  for (const o of offsets) {
    const p = r.lines.position(o);
    positions.push(o, p.line, p.character);
  }
  return { filePath: r.filePath, findings: r.findings, fixed: r.fixed, fixConflict: r.fixConflict, positions, snippets };
}

/** A report the writers read as if they had the whole text. */
export function fromPortable(p: PortableReport): FileReport {
  const at = new Map<number, { line: number; character: number }>();
  for (let i = 0; i < p.positions.length; i += 3) at.set(p.positions[i], { line: p.positions[i + 1], character: p.positions[i + 2] });
  return {
    filePath: p.filePath,
    findings: p.findings,
    fixed: p.fixed,
    fixConflict: p.fixConflict,
    lines: {
      position(o) {
        const pos = at.get(o);
        if (!pos) throw new Error(`no position for offset ${o} in the report of ${p.filePath}`);
        return pos;
      },
    },
    text: {
      slice(a = 0, b?: number) {
        const end = b ?? a;
        for (const [start, t] of p.snippets) if (a >= start && end <= start + t.length) return t.slice(a - start, end - start);
        throw new Error(`no text for ${a}..${end} in the report of ${p.filePath}`);
      },
    },
  };
}
