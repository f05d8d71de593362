// The real-SQL corpus (test/fixtures/real-sql): every file linted as `tidb-lint` would, each finding
// with its line and the text it points at, for judging (judged.json) and for the per-rule precision.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../core/lint/engine';
import { RULES } from '../../core/lint/rules/index';

export const REAL_SQL = path.resolve(__dirname, '../fixtures/real-sql');

export interface CorpusFinding {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  /** the text the finding points at, first 80 characters */
  at: string;
  message: string;
}

export function corpusFiles(dir = REAL_SQL): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

export function lintCorpus(dir = REAL_SQL): CorpusFinding[] {
  const out: CorpusFinding[] = [];
  for (const file of corpusFiles(dir)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const r = lintText(text, RULES);
    for (const f of r.findings)
      out.push({
        file,
        line: r.lines.lineAt(f.start) + 1,
        ruleId: f.ruleId,
        severity: f.severity,
        at: text.slice(f.start, Math.min(f.end, f.start + 80)).replace(/\s+/g, ' '),
        message: f.message,
      });
  }
  return out;
}

/** The identity of a finding for judging: file, line and rule (stable across message wording). */
export const findingKey = (f: { file: string; line: number; ruleId: string }) => `${f.file}:${f.line}:${f.ruleId}`;

if (require.main === module)
  process.stdout.write(JSON.stringify(lintCorpus(process.argv[2] ? path.resolve(process.argv[2]) : REAL_SQL), null, 1));
