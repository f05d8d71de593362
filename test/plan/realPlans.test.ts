// The real-plan corpus (issue 14): plans people pasted into public GitHub threads and the
// TiDB docs showed, each with its source, version and what the source says was wrong
// (test/fixtures/real-plans/README.md). Measured here and printed: parse rate, node counts
// against the source, how often the advice names the stated problem, and that plans shown
// after a fix get no warning-level advice.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { diagnose } from '../../core/plan/diagnoses/index';
import { walk, type Diagnosis } from '../../core/plan/model';
import { parsePlan } from '../../core/plan/parse';
import { EXPLAIN_DIR, fixtureOutput } from '../helpers/explainFixtures';

const DIR = path.join(__dirname, '../fixtures/real-plans');

export interface RealPlan {
  file: string;
  meta: Record<string, string>;
  plan: string;
}

export function readCorpus(dir = DIR): RealPlan[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const at = text.indexOf('-- plan:\n');
      const meta: Record<string, string> = {};
      for (const line of text.slice(0, at).split('\n')) {
        const m = /^-- ([\w ]+): (.*)$/.exec(line);
        if (m) meta[m[1]] = m[2];
      }
      return { file, meta, plan: text.slice(at + '-- plan:\n'.length) };
    });
}

/** The docs' tuning case studies: plans in test/fixtures/explain with what the page says of each (docs-case-studies.json). */
function readCaseStudies(): RealPlan[] {
  const list: Array<{ fixture: string; source: string; problem: string; expect: string[] }> = JSON.parse(
    fs.readFileSync(path.join(DIR, 'docs-case-studies.json'), 'utf8'),
  );
  return list.map((c) => {
    const plan = fixtureOutput(path.join(EXPLAIN_DIR, `${c.fixture}.txt`));
    return {
      file: c.fixture,
      plan,
      meta: {
        source: c.source,
        license: 'TiDB docs, CC BY-SA 4.0',
        version: 'docs',
        shape: 'boxed',
        nodes: String([...walk(parsePlan(plan).roots)].length),
        problem: c.problem,
        expect: c.expect.join(', ') || 'none',
      },
    };
  });
}

const threads = readCorpus();
const corpus = [...threads, ...readCaseStudies()];
const expected = (p: RealPlan) =>
  (p.meta.expect ?? 'none')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'none');

/** Advice ids that answer for a stated problem although named differently (same remedy). */
const ANSWERS: Record<string, string[]> = {
  'use-tiflash': ['full-scan-selective-filter', 'too-many-cop-tasks'],
  'full-scan-selective-filter': ['too-many-cop-tasks'],
  // wrong-index reports the double read of an unselective index itself (never both on one node)
  'index-lookup-double-read': ['wrong-index'],
  // a misestimate on pseudo statistics is reported once, by pseudo-stats, with both numbers
  'row-misestimate': ['pseudo-stats'],
};
const names = (want: string, ds: Diagnosis[]) => ds.some((d) => d.rule === want || (ANSWERS[want] ?? []).includes(d.rule));

test('every corpus file has its source, version, shape, node count, problem and expectation', () => {
  assert.ok(threads.length >= 40, `${threads.length} plans`);
  for (const p of corpus)
    for (const k of ['source', 'license', 'version', 'shape', 'nodes', 'problem', 'expect']) assert.ok(p.meta[k], `${p.file}: no ${k}`);
  assert.ok(
    corpus.filter((p) => /github\.com\/(?!pingcap\/docs\/blob)/.test(p.meta.source)).length >= 20,
    'at least 20 from GitHub threads',
  );
});

test('real plans: all parse with the node count of the source; advice names the stated problem; fixed plans get no warnings', () => {
  const failures: string[] = [];
  let parsed = 0;
  let countOk = 0;
  let stated = 0;
  let hits = 0;
  let fixed = 0;
  let fixedClean = 0;
  for (const p of corpus) {
    let ds: Diagnosis[];
    let nodes: number;
    try {
      const plan = parsePlan(p.plan);
      nodes = [...walk(plan.roots)].length;
      ds = diagnose(plan, { version: /^v?\d/.test(p.meta.version) ? p.meta.version : undefined });
      parsed++;
    } catch (e) {
      failures.push(`${p.file}: does not parse: ${(e as Error).message}`);
      continue;
    }
    if (nodes === Number(p.meta.nodes)) countOk++;
    else failures.push(`${p.file}: ${nodes} operators, the source has ${p.meta.nodes}`);
    const want = expected(p);
    if (want.length) {
      stated++;
      const missing = want.filter((w) => !names(w, ds));
      if (missing.length === 0) hits++;
      else failures.push(`${p.file}: advice does not name ${missing.join(', ')} (got ${ds.map((d) => d.rule).join(', ') || 'nothing'})`);
    }
    if (/after the fix/i.test(p.meta.problem)) {
      fixed++;
      const loud = ds.filter((d) => d.severity !== 'info');
      if (!loud.length) fixedClean++;
      else failures.push(`${p.file} (after the fix): ${loud.map((d) => `${d.severity} ${d.rule}@${d.nodeId}`).join(', ')}`);
    }
  }
  const pct = (a: number, b: number) => `${a}/${b} (${b ? Math.round((a / b) * 100) : 0}%)`;
  console.log(
    `# real plans: ${corpus.length}; parsed ${pct(parsed, corpus.length)}; node count as in the source ${pct(countOk, corpus.length)}; ` +
      `advice names the stated problem ${pct(hits, stated)}; after-the-fix plans with no warning ${pct(fixedClean, fixed)}`,
  );
  for (const f of failures) console.log(`#   ${f}`);
  assert.equal(parsed, corpus.length, failures.join('\n'));
  assert.equal(countOk, corpus.length, failures.join('\n'));
  assert.ok(hits >= stated * 0.8, `advice hit rate ${pct(hits, stated)}\n${failures.join('\n')}`);
  assert.equal(fixedClean, fixed, failures.join('\n'));
});
