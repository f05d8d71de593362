/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The plan viewer in real headless Chromium: the standalone HTML file tidb-plan
// writes (same bundle as the VS Code webview), from doc fixtures and hostile input.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { diagnose } from '../../core/plan/diagnoses/index';
import { planHtml, type HtmlInput } from '../../core/plan/html';
import { walk } from '../../core/plan/model';
import { parsePlan } from '../../core/plan/parse';
import { ROOT } from '../../scripts/launcher/codeServer';
import { launchBrowser } from '../e2e/browser';
import { EXPLAIN_DIR, fixtureOutput } from '../helpers/explainFixtures';
import { synthPlan } from '../helpers/synthPlan';

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'plan');
let browser: Browser;
let assets: string;

before(async () => {
  assets = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-plan-'));
  await esbuild.build({
    entryPoints: { plan: path.join(ROOT, 'webviews/plan/main.ts') },
    outdir: assets,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    logLevel: 'warning',
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  fs.rmSync(assets, { recursive: true, force: true });
});

function input(text: string, title: string): HtmlInput {
  const plan = parsePlan(text);
  return { plan, diagnoses: diagnose(plan), title, raw: text, source: 'test' };
}

async function open(html: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => errors.push(`dialog: ${d.message()}`));
  const file = path.join(assets, `p-${Math.random().toString(36).slice(2)}.html`);
  fs.writeFileSync(file, html);
  await page.goto(`file://${file}`);
  await page.waitForSelector('.node');
  return { page, errors };
}

test('a doc EXPLAIN ANALYZE: every operator drawn, coloured by where it runs, the worst advice selected', async () => {
  const data = input(
    fixtureOutput(path.join(EXPLAIN_DIR, 'fixtures/analyze_verbose_estcost_misestimate.txt')),
    'sql-tuning-best-practice.md',
  );
  const { page, errors } = await open(planHtml(data, assets));
  const count = [...walk(data.plan.roots)].length;
  assert.equal(await page.locator('.node').count(), count);
  assert.equal(
    await page.locator('.node.task-tikv').count(),
    [...walk(data.plan.roots)].filter((e) => /tikv/.test(e.node.task ?? '')).length,
  );
  assert.equal(await page.locator('.advice-list .advice').count(), data.diagnoses.length);
  // the most important advice's node is selected and detailed
  assert.equal(
    await page.getAttribute('.node.selected', 'data-key'),
    await page.locator('.node', { hasText: 'IndexRangeScan_75' }).first().getAttribute('data-key'),
  );
  assert.match((await page.textContent('.details'))!, /IndexRangeScan_75[\s\S]*Estimate\s*underestimated 256\.8M×/);
  // misestimate and spill are visible on the nodes
  assert.match(await page.locator('.node', { hasText: 'IndexRangeScan_75' }).first().innerText(), /▲ 256\.8M×/);
  assert.match(await page.locator('.node', { hasText: 'HashJoin_69' }).first().innerText(), /disk 7\.65 GB/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'plan-analyze.png') });
  // clicking an advice selects its node
  await page.locator('.advice-list .advice', { hasText: 'disk-spill' }).click();
  assert.equal(await page.getAttribute('.node.selected', 'data-id'), 'HashJoin_69');
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard: arrows move, left folds and goes to the parent, right unfolds, Enter toggles', async () => {
  const data = input(fixtureOutput(path.join(EXPLAIN_DIR, 'fixtures/analyze_hash_join.txt')), 'hash join');
  const { page, errors } = await open(planHtml(data, assets));
  const selected = async () => (await page.getAttribute('.node.selected', 'data-id'))!;
  await page.locator('.node', { hasText: 'HashJoin_27' }).first().click();
  assert.match(await selected(), /HashJoin_27/);
  await page.keyboard.press('ArrowDown');
  assert.match(await selected(), /TableReader_29/);
  await page.keyboard.press('ArrowDown');
  assert.match(await selected(), /TableFullScan_28/);
  await page.keyboard.press('ArrowLeft'); // a leaf: to its parent
  assert.match(await selected(), /TableReader_29/);
  await page.keyboard.press('ArrowLeft'); // fold
  assert.equal(await page.locator('.node').count(), 4);
  await page.keyboard.press('Enter'); // unfold
  assert.equal(await page.locator('.node').count(), 5);
  await page.keyboard.press('End');
  assert.match(await selected(), /TableFullScan_30/);
  await page.keyboard.press('Home');
  assert.match(await selected(), /HashJoin_27/);
  // Grid and Raw tabs
  await page.click('button.tab[data-tab="grid"]');
  assert.equal(await page.locator('table.grid tr').count(), 6);
  await page.click('button.tab[data-tab="raw"]');
  assert.match((await page.textContent('pre.raw'))!, /HashJoin_27/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('state survives the webview being hidden and recreated (getState/setState)', async () => {
  const data = input(fixtureOutput(path.join(EXPLAIN_DIR, 'fixtures/analyze_hash_join.txt')), 'hash join');
  const page = await browser.newPage();
  // VS Code's webview API, with its state kept where a reload finds it
  await page.addInitScript(
    `window.acquireVsCodeApi = () => ({ postMessage() {}, getState: () => JSON.parse(localStorage.getItem('s') || 'null') || undefined, setState: (s) => localStorage.setItem('s', JSON.stringify(s)) });`,
  );
  const file = path.join(assets, 'state.html');
  fs.writeFileSync(file, planHtml(data, assets));
  await page.goto(`file://${file}`);
  await page.waitForSelector('.node');
  await page.locator('.node[data-id="TableReader_29"]').click();
  await page.keyboard.press('ArrowLeft'); // fold TableReader_29
  await page.click('button.tab[data-tab="grid"]');
  await page.click('button.tab[data-tab="tree"]');
  assert.equal(await page.locator('.node').count(), 4);
  await page.reload();
  await page.waitForSelector('.node');
  assert.equal(await page.locator('.node').count(), 4, 'still folded');
  assert.equal(await page.getAttribute('.node.selected', 'data-id'), 'TableReader_29', 'still selected');
  await page.close();
});

test('XSS: markup in ids, access objects, operator and execution info stays text', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const text = `| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n| Selection_2 | 1 | 1 | root | table:${evil} | time:1ms, loops:1, x:{${evil}: 1} | eq(a, "</script><script>alert(2)</script>") | N/A | N/A |\n| └─TableFullScan_1 | 1 | 1 | cop[tikv] | table:t | tikv_task:{time:1ms} | ${evil} | N/A | N/A |`;
  const { page, errors } = await open(planHtml(input(text, `${evil} title`), assets));
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('script').count(), 2, 'only the data element and the viewer');
  assert.match(await page.locator('.node').first().innerText(), /table:<img src=x onerror=alert\(1\)>/);
  await page.locator('.node').first().click();
  assert.match((await page.textContent('.details'))!, /<\/script><script>alert\(2\)<\/script>/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('bidi controls in a plan (Trojan Source) are shown as visible marks in the tree, details and advice, never applied', async () => {
  const rlo = '\u202e';
  const text = `| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n| TableReader_5 | 10000 | 10 | root | | time:900ms, loops:2 | data:Selection_4 | 1 MB | N/A |\n| └─Selection_4 | 10000 | 10 | cop[tikv] | | tikv_task:{time:880ms} | eq(t.email, "${rlo}gpj.exe") | N/A | N/A |\n|   └─TableFullScan_3 | 1000000 | 1000000 | cop[tikv] | table:t${rlo}evil | tikv_task:{time:850ms} | keep order:false | N/A | N/A |`;
  const { page, errors } = await open(planHtml(input(text, 'bidi'), assets));
  const all = await page.locator('body').innerText();
  assert.ok(!all.includes(rlo), 'no raw U+202E anywhere in the page');
  assert.match(all, /t⟨U\+202E⟩evil/);
  assert.match(await page.locator('.advice-list').innerText(), /⟨U\+202E⟩/, 'the advice naming the table shows the mark');
  assert.deepEqual(errors, []);
  await page.close();
});

test('two plans side by side, and a 1,000-operator plan', async () => {
  const before = input(
    `| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n| TableReader_5 | 100 | 100 | root | | time:900ms, loops:2 | data:Selection_4 | 1 MB | N/A |\n| └─Selection_4 | 100 | 100 | cop[tikv] | | tikv_task:{time:880ms} | eq(t.email, "a") | N/A | N/A |\n|   └─TableFullScan_3 | 1000000 | 1000000 | cop[tikv] | table:t | tikv_task:{time:850ms} | keep order:false | N/A | N/A |`,
    'before',
  );
  const after = input(
    `| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n| IndexLookUp_7 | 100 | 100 | root | | time:3ms, loops:2 | | 1 MB | N/A |\n| ├─IndexRangeScan_5(Build) | 100 | 100 | cop[tikv] | table:t, index:idx_email(email) | tikv_task:{time:1ms} | range:["a","a"], keep order:false | N/A | N/A |\n| └─TableRowIDScan_6(Probe) | 100 | 100 | cop[tikv] | table:t | tikv_task:{time:1ms} | keep order:false | N/A | N/A |`,
    'after ADD INDEX idx_email',
  );
  const { page, errors } = await open(planHtml({ plans: [before, after] }, assets));
  assert.equal(await page.locator('.plan').count(), 2);
  assert.deepEqual(await page.$$eval('.plan .summary .title', (t) => t.map((x) => x.textContent)), ['before', 'after ADD INDEX idx_email']);
  assert.match(await page.locator('.plan').first().innerText(), /full-scan-selective-filter/);
  // Compare: the headline, and what changed per operator
  assert.equal(await page.locator('.compare-banner .headline').innerText(), '900ms → 3.0ms, 300× faster');
  assert.match(await page.locator('.compare-banner .facts').innerText(), /3 only in before: TableReader_5, Selection_4, TableFullScan_3/);
  assert.equal(await page.locator('.plan').nth(1).locator('.change.only').count(), 3);
  await page.screenshot({ path: path.join(ARTIFACTS, 'plan-compare.png') });
  await page.close();

  const t0 = performance.now();
  const big = input(synthPlan(1000), 'synthetic');
  const parseMs = performance.now() - t0;
  const opened = await open(planHtml(big, assets));
  const renderMs = await opened.page.evaluate(() => (window as unknown as { __planRenderMs: number }).__planRenderMs);
  console.log(
    `# 1,000-operator EXPLAIN ANALYZE: parse + advice ${parseMs.toFixed(0)} ms, first render ${renderMs.toFixed(0)} ms in Chromium`,
  );
  assert.equal(await opened.page.locator('.node').count(), 1001);
  assert.deepEqual([...errors, ...opened.errors], []);
  await opened.page.close();
});

test('numbers that cannot be misread: minutes, exact estimates, large factors, a legend for the bars, no empty badges, cut-off execution info as text', async () => {
  const text = [
    '| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |',
    '| HashJoin_6 | 10.00 | 10 | root | | time:5m54.2s, loops:2 | inner join, equal:[eq(test.a.id, test.b.id)] | 2 MB | N/A |',
    '| ├─IndexReader_8(Build) | 1.00 | 256811189 | root | | time:1m4.1s, lo... | index:IndexRangeScan_7 | 12 MB | N/A |',
    '| │ └─IndexRangeScan_7 | 1.00 | 256811189 | cop[tikv] | table:a, index:idx(x) | tikv_task:{time:1m, loops:250000} | range:[1,1], keep order:false | N/A | N/A |',
    '| └─TableReader_10(Probe) | 10.00 | 10 | root | | time:5ms, loops:2 | data:TableFullScan_9 | 1 KB | N/A |',
    '|   └─TableFullScan_9 | 10.00 | 10 | cop[tikv] | table:b | tikv_task:{time:4ms, loops:1} | keep order:false | N/A | N/A |',
  ].join('\n');
  const { page, errors } = await open(planHtml(input(text, 'readable'), assets));
  assert.match(await page.locator('.summary .facts').innerText(), /total 5\.9 min/);
  assert.match(await page.locator('.node[data-id="IndexRangeScan_7"] .mis').innerText(), /256\.8M×/);
  assert.match(await page.locator('.legend').innerText(), /time with children[\s\S]*time itself/);
  // no empty badge, task or id suffix anywhere
  assert.equal(await page.$$eval('.badge, .task, .pid, .label', (es) => es.filter((e) => !e.textContent?.trim()).length), 0);
  await page.locator('.node[data-id="TableFullScan_9"]').click();
  assert.match(await page.locator('.details').innerText(), /Estimate\s+exact/);
  await page.locator('.node[data-id="IndexReader_8"]').click();
  assert.equal(await page.locator('.details pre.exec-raw').innerText(), 'time:1m4.1s, lo...');
  // advice in the side pane wraps: nothing wider than the pane
  const clipped = await page.$$eval(
    '.details .advice .msg, .details .advice .fix',
    (es) => es.filter((e) => e.scrollWidth > e.clientWidth + 1).length,
  );
  assert.equal(clipped, 0);
  assert.deepEqual(errors, []);
  await page.close();
});
