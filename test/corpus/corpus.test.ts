// The labelled corpus through the real CLI: precision and recall over
// (case, rule id) pairs must both reach 0.97.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
// @ts-expect-error plain ESM helper shared with the command-line evaluator
import { CASES_FILE, loadCases, runCases, score } from './evaluate.mjs';

test('corpus precision and recall >= 0.97 through dist/cli.js --format json', (t) => {
  const cases = loadCases();
  if (!cases) {
    const note = `note: ${CASES_FILE} is absent (../shared not beside the project); corpus test skipped`;
    console.log(note);
    t.skip(note);
    return;
  }
  const results = runCases(cases, path.resolve(__dirname, '../../dist/cli.js'));
  const s = score(results);
  const bad = [...s.perRule].filter(([, r]: [string, { fp: number; fn: number }]) => r.fp || r.fn)
    .map(([id, r]: [string, { fp: number; fn: number; fpCases: string[]; fnCases: string[] }]) => `${id}: fp ${r.fp} [${r.fpCases.join(', ')}] fn ${r.fn} [${r.fnCases.join(', ')}]`);
  const summary = `corpus: ${s.total} cases, exact ${s.exact}/${s.total}, precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  console.log(summary);
  if (bad.length) console.log(bad.join('\n'));
  assert.ok(s.precision >= 0.97, `precision ${s.precision.toFixed(4)} < 0.97`);
  assert.ok(s.recall >= 0.97, `recall ${s.recall.toFixed(4)} < 0.97`);
});
