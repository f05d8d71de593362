// Which statements of a file are among those a server reported as slow, by fingerprint (the
// statement's shape without values; core/sql/fingerprint.ts). No VS Code imports.
import { fingerprint } from '../../../core/sql/fingerprint';
import { statementsOf } from '../query/statements';
import type { SlowDigest } from './queries';

/** Slow statements by fingerprint; of two with one shape, the slower. */
export function byFingerprint(list: SlowDigest[]): Map<string, SlowDigest> {
  const byPrint = new Map<string, SlowDigest>();
  for (const d of list) {
    const print = fingerprint(d.query);
    const seen = byPrint.get(print);
    if (print && (!seen || seen.maxMs < d.maxMs)) byPrint.set(print, d);
  }
  return byPrint;
}

/** The statements of `text` that are among the slow ones, with where they start. */
export function slowStatements(text: string, byPrint: Map<string, SlowDigest>): Array<{ start: number; digest: SlowDigest }> {
  const out: Array<{ start: number; digest: SlowDigest }> = [];
  for (const st of statementsOf(text)) {
    const d = byPrint.get(fingerprint(st.text));
    if (d) out.push({ start: st.start, digest: d });
  }
  return out;
}
