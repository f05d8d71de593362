// EXPLAIN against the real MariaDB: the query the extension sends for the server,
// its result read as plan text, parsed, and rendered by the plan viewer in Chromium.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ConnectionManager } from '../../client/src/connections/manager';
import { ConnectionStore } from '../../client/src/connections/store';
import { explainQuery, planOfResult, resultToPlanText } from '../../client/src/explain/explainSql';
import { diagnose } from '../../core/plan/diagnoses/index';
import { planHtml } from '../../core/plan/html';
import { walk } from '../../core/plan/model';
import { parsePlan } from '../../core/plan/parse';
import { ROOT } from '../../scripts/launcher/codeServer';
import { launchBrowser } from '../e2e/browser';
import { startMariaDb, type MariaDb } from '../../scripts/launcher/mariadb';

let db: MariaDb;
let manager: ConnectionManager;

before(async () => {
  db = await startMariaDb();
  const admin = await db.admin();
  await admin.query('CREATE DATABASE shop');
  await admin.query('USE shop');
  await admin.query('CREATE TABLE shop.customers (id INT PRIMARY KEY, name VARCHAR(50))');
  await admin.query('CREATE TABLE shop.orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2), KEY idx_customer (customer_id))');
  await admin.query('INSERT INTO shop.customers SELECT seq, CONCAT("c", seq) FROM seq_1_to_200');
  await admin.query('INSERT INTO shop.orders SELECT seq, seq % 200 + 1, seq FROM seq_1_to_2000');
  await admin.end();
  const secrets = new Map<string, string>();
  const settings: Record<string, unknown> = {};
  const store = new ConnectionStore(
    { read: (s) => settings[s], write: async (s, v) => void (settings[s] = v) },
    { get: async (k) => secrets.get(k), store: async (k, v) => void secrets.set(k, v), delete: async (k) => void secrets.delete(k) },
  );
  await store.save(
    { id: 'm', name: 'maria', host: '127.0.0.1', port: db.port, user: db.user, tls: 'off', database: 'shop' },
    'user',
    db.password,
  );
  manager = new ConnectionManager(store, { connectTimeoutMs: () => 5000 });
});

after(async () => {
  await manager?.dispose();
  await db?.stop();
});

const JOIN = 'SELECT c.name, SUM(o.total) FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id < 50 GROUP BY c.name';

test('MariaDB EXPLAIN FORMAT=JSON of a join parses into table accesses under the query block, and renders', async () => {
  const s = await manager.connect('m');
  const q = explainQuery(s.server, `${JOIN};`, false);
  assert.equal(q.sql, `EXPLAIN FORMAT=JSON ${JOIN}`);
  const result = await s.run(q.sql);
  const text = resultToPlanText(result);
  const plan = planOfResult(result);
  assert.deepEqual(plan, parsePlan(text), 'the rows read directly give the plan the copied text gives');
  assert.equal(plan.format, 'mysql_json');
  const nodes = [...walk(plan.roots)].map((e) => e.node);
  assert.match(plan.roots[0].id, /^query_block #1$/);
  const tables = nodes.filter((n) => n.operator.startsWith('Table access'));
  assert.deepEqual(tables.map((t) => /table:(\w+)/.exec(t.accessObject!)![1]).sort(), ['c', 'o']);
  assert.ok(
    tables.some((t) => /index:(PRIMARY|idx_customer)/.test(t.accessObject!)),
    JSON.stringify(tables.map((t) => t.accessObject)),
  );
  assert.deepEqual(diagnose(plan), [], 'TiDB advice does not apply');
  // rendered by the plan viewer in Chromium
  const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-plan-db-'));
  await esbuild.build({
    entryPoints: { plan: path.join(ROOT, 'webviews/plan/main.ts') },
    outdir: assets,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    logLevel: 'warning',
  });
  const file = path.join(assets, 'maria.html');
  fs.writeFileSync(file, planHtml({ plan, diagnoses: [], title: 'join', raw: text }, assets));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    await page.waitForSelector('.node');
    assert.equal(await page.locator('.node').count(), nodes.length);
    assert.match(await page.locator('.tree').innerText(), /table:c/);
    assert.match(await page.locator('.advice-list').innerText(), /does not apply to MySQL\/MariaDB/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    fs.rmSync(assets, { recursive: true, force: true });
  }
});

test('MariaDB ANALYZE FORMAT=JSON: actual rows per table', async () => {
  const s = await manager.connect('m');
  const q = explainQuery(s.server, JOIN, true);
  assert.equal(q.sql, `ANALYZE FORMAT=JSON ${JOIN}`);
  const plan = planOfResult(await s.run(q.sql));
  assert.equal(plan.analyzed, true);
  const c = [...walk(plan.roots)].map((e) => e.node).find((n) => /table:c\b/.test(n.accessObject ?? ''))!;
  assert.equal(c.actRows, 49);
});

test('TiDB EXPLAIN forms by version (TiDB itself cannot run here)', () => {
  assert.deepEqual(explainQuery({ flavor: 'tidb', version: '8.5.0' }, 'SELECT 1;', true), {
    sql: "EXPLAIN ANALYZE FORMAT='tidb_json' SELECT 1",
    fallback: 'EXPLAIN ANALYZE SELECT 1',
  });
  assert.deepEqual(explainQuery({ flavor: 'tidb', version: '6.1.7' }, 'SELECT 1', false), { sql: 'EXPLAIN SELECT 1' });
  assert.match(explainQuery({ flavor: 'mysql', version: '8.0.36' }, 'SELECT 1', true).note!, /no JSON form of EXPLAIN ANALYZE/);
  // the row format as a result set: the parser reads the rows; the TAB-separated text (the Raw tab) reads the same
  const result = {
    sets: [
      {
        columns: ['id', 'estRows', 'task', 'access object', 'operator info'].map((name) => ({ name, type: 'VAR_STRING' })),
        rows: [
          ['TableReader_5', '10000.00', 'root', '', 'data:TableFullScan_4'],
          ['└─TableFullScan_4', '10000.00', 'cop[tikv]', 'table:t', 'keep order:false, stats:pseudo'],
        ],
        rowCount: 2,
        truncated: false,
      },
    ],
    warnings: [],
    elapsedMs: 1,
  };
  const plan = planOfResult(result);
  assert.deepEqual(
    [...walk(plan.roots)].map((e) => `${e.depth}:${e.node.id}`),
    ['0:TableReader_5', '1:TableFullScan_4'],
  );
  assert.deepEqual(plan, parsePlan(resultToPlanText(result)));
  // a cell with a TAB or a line break survives the rows (the text form has to flatten it)
  result.sets[0].rows[1][4] = 'keep order:false,\tstats:pseudo\nsecond line';
  assert.equal([...walk(planOfResult(result).roots)][1].node.operatorInfo, 'keep order:false,\tstats:pseudo\nsecond line');
  assert.throws(() => planOfResult({ sets: [], warnings: [], elapsedMs: 1 }), /no rows/);
});
