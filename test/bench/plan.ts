// npm run bench (plan part): a synthetic 1,000-operator EXPLAIN ANALYZE plan parsed,
// diagnosed and rendered by the plan viewer (the built dist/webviews bundle) in
// headless Chromium. Target: parse + first render under 300 ms. Prints numbers only.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnose } from '../../core/plan/diagnoses/index';
import { planHtml } from '../../core/plan/html';
import { parsePlan } from '../../core/plan/parse';
import { ROOT } from '../../scripts/launcher/codeServer';
import { launchBrowser } from '../e2e/browser';
import { synthPlan } from '../helpers/synthPlan';

async function main(): Promise<void> {
  const text = synthPlan(1000);
  const assets = path.join(ROOT, 'dist', 'webviews');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-bench-plan-'));
  const browser = await launchBrowser();
  const runs: Array<{ parse: number; render: number }> = [];
  try {
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const plan = parsePlan(text);
      const diagnoses = diagnose(plan);
      const parse = performance.now() - t0;
      const file = path.join(dir, `p${i}.html`);
      fs.writeFileSync(file, planHtml({ plan, diagnoses, title: 'synthetic', raw: text }, assets));
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`file://${file}`);
      await page.waitForSelector('.node');
      const render = await page.evaluate(() => (window as unknown as { __planRenderMs: number }).__planRenderMs);
      await page.close();
      runs.push({ parse, render });
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // encoded plans (slow log / statement summary) decoded offline: the vectors of test/fixtures/plancodec
  const vectors: Array<{ kind: string; encoded: string }> = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'test/fixtures/plancodec/vectors.json'), 'utf8'),
  );
  const fn = (k: string) => (k === 'plan' ? 'tidb_decode_plan' : 'tidb_decode_binary_plan');
  const t0 = performance.now();
  const N = 2000;
  for (let i = 0; i < N; i++) for (const v of vectors) parsePlan(`${fn(v.kind)}('${v.encoded}')`);
  const perPlan = (performance.now() - t0) / (N * vectors.length);
  const parse = med(runs.map((r) => r.parse));
  const render = med(runs.map((r) => r.render));
  console.log(
    `plan viewer, 1,000-operator EXPLAIN ANALYZE (median of ${runs.length}): parse + advice ${parse.toFixed(0)} ms, first render ${render.toFixed(0)} ms, total ${(parse + render).toFixed(0)} ms (target < 300 ms)`,
  );
  console.log(`encoded plans decoded offline and parsed: ${(perPlan * 1000).toFixed(0)} µs per plan (${vectors.length} vectors × ${N})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
