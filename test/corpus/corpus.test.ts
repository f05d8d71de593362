// The labelled corpus through the real CLI: precision and recall over
// (case, rule id) pairs must both reach 0.97.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
// @ts-expect-error plain ESM helper shared with the command-line evaluator
import { CASES_FILE, loadCases, runCases, score, SHARED_CASES_FILE } from './evaluate.mjs';

test('corpus precision and recall >= 0.97 through dist/cli.js --format json', () => {
  let cases = loadCases();
  assert.ok(cases?.length, `${CASES_FILE} holds the cases`);
  // ../shared/corpus, when beside the project and newer than the copy, is scored too
  if (fs.existsSync(SHARED_CASES_FILE) && fs.readFileSync(SHARED_CASES_FILE, 'utf8') !== fs.readFileSync(CASES_FILE, 'utf8')) {
    const known = new Set(cases.map((c: { id: string }) => c.id));
    const extra = loadCases(SHARED_CASES_FILE).filter((c: { id: string }) => !known.has(c.id));
    console.log(`note: ../shared/corpus/cases.jsonl differs from the repo's copy: ${extra.length} more case(s) scored from there`);
    cases = [...cases, ...extra];
  } else if (!fs.existsSync(SHARED_CASES_FILE)) console.log(`note: ${SHARED_CASES_FILE} is absent; the repo's copy is scored`);
  const results = runCases(cases, path.resolve(__dirname, '../../dist/cli.js'));
  const s = score(results);
  const bad = [...s.perRule]
    .filter(([, r]: [string, { fp: number; fn: number }]) => r.fp || r.fn)
    .map(
      ([id, r]: [string, { fp: number; fn: number; fpCases: string[]; fnCases: string[] }]) =>
        `${id}: fp ${r.fp} [${r.fpCases.join(', ')}] fn ${r.fn} [${r.fnCases.join(', ')}]`,
    );
  const summary = `corpus: ${s.total} cases, exact ${s.exact}/${s.total}, precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  console.log(summary);
  if (bad.length) console.log(bad.join('\n'));
  assert.ok(s.precision >= 0.97, `precision ${s.precision.toFixed(4)} < 0.97`);
  assert.ok(s.recall >= 0.97, `recall ${s.recall.toFixed(4)} < 0.97`);
});
