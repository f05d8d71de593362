/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The results webview in real headless Chromium: the page the extension serves
// (same HTML shell, same CSP, same bundle), driven with the protocol's messages.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { nonce } from '../../client/src/nonce';
import { resultsHtml } from '../../client/src/query/resultsHtml';
import type { FromResults, ToResults } from '../../protocol/webviews/results';
import { ROOT } from '../../scripts/launcher/codeServer';
import { launchBrowser } from '../e2e/browser';

const ORIGIN = 'https://webview.test';
let browser: Browser;
const pageErrors = new WeakMap<Page, string[]>();
let out: string;

before(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-wv-'));
  await esbuild.build({
    entryPoints: { results: path.join(ROOT, 'webviews/results/main.ts') },
    outdir: out,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    logLevel: 'warning',
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  const n = nonce();
  const html = resultsHtml({ cspSource: ORIGIN, nonce: n, scriptUri: `${ORIGIN}/results.js`, styleUri: `${ORIGIN}/results.css` });
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: html });
    const file = path.join(out, path.basename(url.pathname));
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: fs.readFileSync(file) });
  });
  // a string, not a function: tsx would wrap a function's inner names in a helper the page lacks
  await page.addInitScript(`
    window.__posted = [];
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });
  `);
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  pageErrors.set(page, errors);
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'ready'));
  return page;
}

/** Closes the page after checking that its script threw nothing. */
async function done(page: Page): Promise<void> {
  assert.deepEqual(pageErrors.get(page), [], 'errors in the page');
  await page.close();
}

const send = (page: Page, msgs: ToResults[]) =>
  page.evaluate(
    (ms) =>
      ms.forEach((m) => {
        window.postMessage(m, '*');
      }),
    msgs,
  );
const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: FromResults[] }).__posted);

const outcome = (over: Partial<import('../../protocol/webviews/results').StatementOutcome> = {}) => ({
  rowCounts: [],
  truncated: [],
  stoppedEarly: [],
  warnings: [],
  elapsedMs: 3,
  ...over,
});

test('a result set: NULL shown apart from the string NULL, hostile names and data stay text', async () => {
  const page = await open();
  const hostile = '<img src=x onerror=alert(1)>';
  await send(page, [
    { type: 'run-start', runId: 1, connection: 'local <b>', server: 'mariadb 10.11', statements: 1, rowLimit: 100 },
    { type: 'statement-start', runId: 1, statement: 0, sql: `SELECT * FROM \`${hostile}\``, line: 4 },
    {
      type: 'set-start',
      runId: 1,
      statement: 0,
      set: 0,
      columns: [
        { name: 'id', type: 'LONGLONG' },
        { name: hostile, type: 'VAR_STRING' },
        { name: '<script>alert(2)</script>', type: 'VAR_STRING' },
      ],
    },
    {
      type: 'rows',
      runId: 1,
      set: 0,
      rows: [
        [1, null, 'NULL'],
        [2, hostile, '</div><script>alert(3)</script>'],
        [3, 'line one\nline two', 'tab\there'],
      ],
    },
    { type: 'statement-end', runId: 1, statement: 0, outcome: outcome({ rowCounts: [3], truncated: [false] }) },
    { type: 'run-end', runId: 1, elapsedMs: 5, ok: 1, failed: 0, cancelled: false, skipped: 0 },
  ]);
  await page.waitForSelector('.rows .row');
  const cells = await page.$$eval('.rows .row', (rows) =>
    rows.map((r) => [...r.querySelectorAll('.cell')].map((c) => [c.textContent, c.classList.contains('null')])),
  );
  assert.deepEqual(cells[0], [
    ['1', false],
    ['1', false],
    ['NULL', true],
    ['NULL', false],
  ]);
  assert.deepEqual(cells[1][2], [hostile, false]);
  assert.deepEqual(cells[1][3], ['</div><script>alert(3)</script>', false]);
  // one line per row: breaks and tabs as symbols, the value itself in the tooltip
  assert.deepEqual(cells[2].slice(2), [
    ['line one↵line two', false],
    ['tab⇥here', false],
  ]);
  assert.equal(await page.getAttribute('.rows .row[data-row="2"] .cell[data-col="1"]', 'title'), 'line one\nline two');
  assert.deepEqual(await page.$$eval('.head .cell', (h) => h.map((c) => c.textContent)), ['#', 'id', hostile, '<script>alert(2)</script>']);
  assert.equal(await page.locator('img').count(), 0, 'no element was made from data');
  assert.equal(await page.locator('body script').count(), 1, 'only the nonce script');
  assert.match((await page.textContent('.status'))!, /local <b> \(mariadb 10\.11\) · 1 ok in 5 ms/);
  assert.deepEqual(await page.$$eval('.tab', (t) => t.map((x) => x.textContent)), ['Result 1 (3)', 'Messages']);
  await done(page);
});

test('the CSP blocks inline script: only the nonce script runs', async () => {
  const page = await open();
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp!, /default-src 'none'/);
  assert.match(csp!, /script-src 'nonce-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp!, /unsafe-inline|unsafe-eval/);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 1';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  assert.ok(
    violations.some((v) => v.startsWith('script-src')),
    `violations: ${violations}`,
  );
  await done(page);
});

test('100,000 streamed rows: a few dozen rows in the DOM, the last row reachable by scrolling', async () => {
  const page = await open();
  await send(page, [
    { type: 'run-start', runId: 7, connection: 'c', server: 's', statements: 1, rowLimit: 100000 },
    { type: 'statement-start', runId: 7, statement: 0, sql: 'SELECT seq, seq * 2 FROM seq_1_to_100000', line: 0 },
    {
      type: 'set-start',
      runId: 7,
      statement: 0,
      set: 0,
      columns: [
        { name: 'seq', type: 'LONGLONG' },
        { name: 'twice', type: 'LONGLONG' },
        { name: 'label', type: 'VAR_STRING' },
      ],
    },
  ]);
  const t0 = Date.now();
  await page.evaluate(() => {
    for (let b = 0; b < 100; b++) {
      const rows = [];
      for (let i = b * 1000 + 1; i <= (b + 1) * 1000; i++) rows.push([i, i * 2, `row ${i}`]);
      window.postMessage({ type: 'rows', runId: 7, set: 0, rows }, '*');
    }
  });
  await send(page, [
    { type: 'statement-end', runId: 7, statement: 0, outcome: outcome({ rowCounts: [100000], truncated: [false] }) },
    { type: 'run-end', runId: 7, elapsedMs: 900, ok: 1, failed: 0, cancelled: false, skipped: 0 },
  ]);
  await page.waitForFunction(() => document.querySelector('.tab')?.textContent === 'Result 1 (100,000)');
  console.log(`# 100,000 rows streamed into the grid in ${Date.now() - t0} ms`);
  const domRows = await page.locator('.rows .row').count();
  assert.ok(domRows > 10 && domRows < 100, `${domRows} rows in the DOM`);
  const t1 = Date.now();
  await page.$eval('.grid', (g) => (g.scrollTop = g.scrollHeight));
  await page.waitForFunction(() => [...document.querySelectorAll('.rows .row .gutter')].some((g) => g.textContent === '100000'));
  console.log(`# scrolled to row 100,000 in ${Date.now() - t1} ms`);
  const last = await page.$$eval('.rows .row', (rows) =>
    rows.map((r) => [...r.querySelectorAll('.cell')].map((c) => c.textContent)).find((c) => c[0] === '100000'),
  );
  assert.deepEqual(last, ['100000', '100000', '200000', 'row 100000']);
  assert.ok((await page.locator('.rows .row').count()) < 100);
  await done(page);
});

test('truncated marker, the Messages tab with the server error code next to the statement, skipped statements', async () => {
  const page = await open();
  await send(page, [
    { type: 'run-start', runId: 2, connection: 'c', server: 's', statements: 3, rowLimit: 2 },
    { type: 'statement-start', runId: 2, statement: 0, sql: 'SELECT seq FROM seq_1_to_5', line: 0 },
    { type: 'set-start', runId: 2, statement: 0, set: 0, columns: [{ name: 'seq', type: 'LONGLONG' }] },
    { type: 'rows', runId: 2, set: 0, rows: [[1], [2]] },
    {
      type: 'statement-end',
      runId: 2,
      statement: 0,
      outcome: outcome({
        rowCounts: [5],
        truncated: [true],
        warnings: [{ level: 'Warning', code: 1292, message: "Truncated incorrect DOUBLE value: 'x'" }],
      }),
    },
  ]);
  await page.waitForSelector('.toolbar .truncated');
  assert.equal(await page.textContent('.toolbar .truncated'), 'Truncated: showing the first 2 of 5 rows (the tidb.query.rowLimit setting)');
  await send(page, [
    { type: 'statement-start', runId: 2, statement: 1, sql: 'SELECT * FROM missing', line: 3 },
    {
      type: 'statement-end',
      runId: 2,
      statement: 1,
      outcome: outcome({ error: { message: "Error 1146 (42S02): Table 'shop.missing' doesn't exist", errno: 1146, sqlState: '42S02' } }),
    },
    { type: 'run-end', runId: 2, elapsedMs: 12, ok: 1, failed: 1, cancelled: false, skipped: 1 },
  ]);
  await page.waitForSelector('.message.error');
  assert.equal(await page.getAttribute('.tab.has-error', 'aria-selected'), 'true', 'an error switches to Messages');
  const msgs = await page.$$eval('.message', (m) => m.map((x) => x.textContent));
  assert.match(msgs[0]!, /Line 1SELECT seq FROM seq_1_to_5.*5 rows.*Warning 1292: Truncated incorrect DOUBLE value: 'x'/);
  assert.match(msgs[1]!, /Line 4SELECT \* FROM missingError 1146 \(42S02\): Table 'shop.missing' doesn't exist/);
  assert.match((await page.textContent('.summary'))!, /1 ok, 1 failed, 1 not run in 12 ms/);
  await done(page);
});

test('selection and copy: a cell, a row range, all rows as CSV; Cancel while running', async () => {
  const page = await open();
  await send(page, [
    { type: 'run-start', runId: 3, connection: 'c', server: 's', statements: 1, rowLimit: 100 },
    { type: 'statement-start', runId: 3, statement: 0, sql: 'SELECT 1', line: 0 },
    {
      type: 'set-start',
      runId: 3,
      statement: 0,
      set: 0,
      columns: [
        { name: 'a', type: 'LONG' },
        { name: 'b', type: 'VAR_STRING' },
      ],
    },
    {
      type: 'rows',
      runId: 3,
      set: 0,
      rows: [
        [1, 'x'],
        [2, 'y'],
        [3, 'z'],
        [4, 'w'],
      ],
    },
  ]);
  await page.waitForSelector('.rows .row');
  assert.equal(await page.isVisible('button.cancel'), true);
  await page.click('button.cancel');
  await page.click('.rows .row[data-row="1"] .cell[data-col="1"]');
  await page.keyboard.press('Control+C');
  await page.click('.rows .row[data-row="0"] .gutter');
  await page.click('.rows .row[data-row="2"] .gutter', { modifiers: ['Shift'] });
  await page.keyboard.press('Control+C');
  await page.click('.rows .row[data-row="2"] .cell[data-col="0"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Control+A');
  await page.click('button.copy[data-format="csv"]');
  await send(page, [
    { type: 'statement-end', runId: 3, statement: 0, outcome: outcome({ rowCounts: [4], truncated: [false] }) },
    { type: 'run-end', runId: 3, elapsedMs: 5, ok: 1, failed: 0, cancelled: false, skipped: 0 },
  ]);
  await page.click('button.export');
  assert.equal(await page.isVisible('button.cancel'), false);
  const p = (await posted(page)).filter((m) => m.type !== 'ready');
  assert.deepEqual(p, [
    { type: 'cancel', runId: 3 },
    { type: 'copy', set: 0, rows: [1], column: 1, format: 'tsv' },
    { type: 'copy', set: 0, rows: [0, 1, 2], format: 'tsv' },
    { type: 'copy', set: 0, rows: [3], column: 1, format: 'tsv' },
    { type: 'copy', set: 0, rows: [0, 1, 2, 3], format: 'csv' },
    { type: 'export', set: 0 },
  ]);
  await done(page);
});

test('sorting: a header click sorts ascending (NULL first, numeric text by value), again descending, then as received; copy follows the order shown', async () => {
  const page = await open();
  await send(page, [
    { type: 'run-start', runId: 4, connection: 'c', server: 's', statements: 1, rowLimit: 100 },
    { type: 'statement-start', runId: 4, statement: 0, sql: 'SELECT 1', line: 0 },
    {
      type: 'set-start',
      runId: 4,
      statement: 0,
      set: 0,
      columns: [
        { name: 'digest', type: 'VAR_STRING' },
        { name: 'sum_latency', type: 'NEWDECIMAL' },
      ],
    },
    {
      type: 'rows',
      runId: 4,
      set: 0,
      rows: [
        ['b', '100.5'],
        ['a', '9'],
        ['c', null],
        ['d', '1000'],
      ],
    },
    { type: 'statement-end', runId: 4, statement: 0, outcome: outcome({ rowCounts: [4], truncated: [false] }) },
    { type: 'run-end', runId: 4, elapsedMs: 5, ok: 1, failed: 0, cancelled: false, skipped: 0 },
  ]);
  await page.waitForSelector('.rows .row');
  const shown = () =>
    page.$$eval('.rows .row', (rows) => rows.map((r) => (r.querySelector('.cell[data-col="0"]') as HTMLElement).textContent));
  const header = '.row.head .cell[data-col="1"]';
  assert.deepEqual(await shown(), ['b', 'a', 'c', 'd']);
  await page.click(header);
  assert.deepEqual(await shown(), ['c', 'a', 'b', 'd'], 'NULL first, then 9 < 100.5 < 1000 (not as text)');
  assert.match((await page.textContent(header)) ?? '', /▲$/);
  assert.equal(await page.getAttribute(header, 'aria-sort'), 'ascending');
  // the gutter keeps each row's number as received
  assert.deepEqual(await page.$$eval('.rows .row .gutter', (g) => g.map((x) => x.textContent)), ['3', '2', '1', '4']);
  await page.click(header);
  assert.deepEqual(await shown(), ['d', 'b', 'a', 'c']);
  assert.equal(await page.getAttribute(header, 'aria-sort'), 'descending');
  // copy: the selected display rows and "all" go in the order shown
  await page.click('.rows .row[data-row="0"] .gutter');
  await page.click('.rows .row[data-row="1"] .gutter', { modifiers: ['Shift'] });
  await page.keyboard.press('Control+C');
  await page.click('button.copy[data-format="csv"]');
  await page.click(header);
  assert.deepEqual(await shown(), ['b', 'a', 'c', 'd'], 'a third click: as received');
  assert.equal(await page.getAttribute(header, 'aria-sort'), 'none');
  // rows that arrive while sorted take their place when the grid is next drawn
  await page.click(header);
  await send(page, [{ type: 'rows', runId: 4, set: 0, rows: [['e', '5']] }]);
  await page.waitForFunction(() => document.querySelectorAll('.rows .row').length === 5);
  assert.deepEqual(await shown(), ['c', 'e', 'a', 'b', 'd']);
  const p = (await posted(page)).filter((m) => m.type === 'copy');
  assert.deepEqual(p, [
    { type: 'copy', set: 0, rows: [3, 0], format: 'tsv' },
    { type: 'copy', set: 0, rows: [3, 0], format: 'csv' },
  ]);
  await done(page);
});

test('the time machine banner: shown above the results of a run that reads the past, gone with the next run', async () => {
  const page = await open();
  await send(page, [
    {
      type: 'run-start',
      runId: 5,
      connection: 'c',
      server: 's',
      statements: 1,
      rowLimit: 100,
      banner: '⏱ Time machine: prod as of 10 min ago — read-only, rows from the past <b>',
    },
  ]);
  await page.waitForSelector('.banner:not([hidden])');
  assert.equal(await page.textContent('.banner'), '⏱ Time machine: prod as of 10 min ago — read-only, rows from the past <b>');
  assert.equal(await page.locator('.banner b').count(), 0, 'text, never markup');
  await send(page, [{ type: 'run-start', runId: 6, connection: 'c', server: 's', statements: 1, rowLimit: 100 }]);
  assert.equal(await page.isVisible('.banner'), false);
  await done(page);
});
