// Opt-in: the TiDB-only parts against a real TiDB. TiDB cannot run on the CI
// machines, so this runs only when TIDB_TEST_URL points at one, for example
//   TIDB_TEST_URL='mysql://root@127.0.0.1:4000/test?ssl-mode=DISABLED' node test/run.mjs tidb
// (a `tiup playground` cluster, or TiDB Cloud with ssl-mode=VERIFY_IDENTITY and the password in the URL).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { restoreConflicts, runBr } from '../../client/src/backup/br/brRunner';
import { backupSql, restoreSql } from '../../client/src/backup/br/brSql';
import { exportLogical } from '../../client/src/backup/logical/export';
import { importLogical, verifyAgainstManifest } from '../../client/src/backup/logical/import';
import { connect, detectServer } from '../../client/src/connections/driver';
import { parseConnectionUrl } from '../../client/src/connections/profile';
import { listIndexes, schemaSnapshot } from '../../client/src/explorer/catalog';
import { clusterInfo, groupTopology, tiflashReplicas } from '../../client/src/explorer/cluster';
import { threadId } from '../../client/src/connections/mysqlInternals';
import { cancelQuery, streamStatement } from '../../client/src/connections/stream';
import { examplesWithAnswers, mismatch, runExample } from '../helpers/exampleRunner';
import { parsePlan } from '../../core/plan/parse';
import { diffSchemas, isEmpty, migration } from '../../core/schemaDiff/diff';
import { applyStatements, describeJob } from '../../client/src/schemaCompare/apply';
import { liveSchema } from '../../client/src/schemaCompare/load';
import { applyEdit, maxExecutionTimeEdit } from '../../core/sql/hints';
import { Session } from '../../client/src/connections/session';
import { capabilities } from '../../client/src/performance/capabilities';
import { explainHistoryError, flashbackSql, freeName, startReadOnlyAsOf, tableAsOf } from '../../client/src/timeTravel/history';
import { loadGcWindow, loadRestorable, takenNames } from '../../client/src/timeTravel/load';
import { queryWatchAddSql, queryWatchRemoveSql } from '../../client/src/performance/guardrails';
import {
  killQuery,
  loadBindings,
  loadMemoryKills,
  loadProcesses,
  loadSlowDigests,
  loadSlowestExecution,
  loadTopStatements,
  loadUnhealthyTables,
  loadWatches,
  runOnPool,
} from '../../client/src/performance/load';

const url = process.env.TIDB_TEST_URL;
const skip = url ? false : 'opt-in: set TIDB_TEST_URL=mysql://user:pass@host:4000/db to run against a real TiDB';
if (!url) console.log(`# ${skip}`);

test('real TiDB: flavour and version, CLUSTER_INFO topology, TIFLASH_REPLICA, clustered primary keys, cancel', { skip }, async () => {
  const { profile, password } = parseConnectionUrl(url!);
  const c = await connect({ ...profile, id: 'tidb', name: 'tidb' }, password);
  try {
    const info = await detectServer(c);
    assert.equal(info.flavor, 'tidb');
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    const topo = groupTopology(await clusterInfo(c));
    assert.ok(
      topo.some((g) => g.type === 'tidb'),
      JSON.stringify(topo),
    );
    assert.ok(Array.isArray(await tiflashReplicas(c)));
    await c.query('CREATE DATABASE IF NOT EXISTS tk_opt_in');
    await c.query('CREATE TABLE IF NOT EXISTS tk_opt_in.t (id BIGINT PRIMARY KEY CLUSTERED, v INT)');
    const idx = await listIndexes(c, 'tk_opt_in', 't');
    assert.equal(idx.find((i) => i.name === 'PRIMARY')?.clustered, 'CLUSTERED');
    const snap = await schemaSnapshot(c, 'tidb');
    assert.ok(snap.databases.some((d) => d.name === 'tk_opt_in'));
    const control = await connect({ ...profile, id: 'tidb2', name: 'tidb2' }, password);
    try {
      const running = streamStatement(c, 'SELECT SLEEP(30)');
      await new Promise((r) => setTimeout(r, 500));
      await cancelQuery(control, threadId(c), 'tidb');
      const t0 = Date.now();
      await running.catch(() => undefined);
      assert.ok(Date.now() - t0 < 10_000);
    } finally {
      await control.end();
    }
    await c.query('DROP DATABASE tk_opt_in');
  } finally {
    await c.end();
  }
});

test('real TiDB: logical export with parallel readers on one tidb_snapshot, AUTO_RANDOM re-inserted, import verified', {
  skip,
}, async () => {
  const { profile, password } = parseConnectionUrl(url!);
  const p = { ...profile, id: 'tidb', name: 'tidb', database: undefined };
  const c = await connect(p, password);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-tidb-backup-'));
  try {
    await c.query('DROP DATABASE IF EXISTS tk_opt_in_backup');
    await c.query('CREATE DATABASE tk_opt_in_backup');
    await c.query('CREATE TABLE tk_opt_in_backup.ar (id BIGINT AUTO_RANDOM PRIMARY KEY, v VARCHAR(50))');
    await c.query('CREATE TABLE tk_opt_in_backup.t (id INT PRIMARY KEY, d DECIMAL(65,30), b VARBINARY(8), j JSON, dt DATETIME(6))');
    await c.query('CREATE TABLE tk_opt_in_backup.nopk (v VARCHAR(10))');
    await c.query("INSERT INTO tk_opt_in_backup.ar (v) VALUES ('a'), ('it''s'), (NULL)");
    await c.query(
      `INSERT INTO tk_opt_in_backup.t VALUES (1, '-99999999999999999999999999999999999.999999999999999999999999999999', 0x00275cff, '{"k": "😀"}', '9999-12-31 23:59:59.999999'), (2, NULL, '', NULL, NULL)`,
    );
    await c.query("INSERT INTO tk_opt_in_backup.nopk VALUES ('x'), ('x'), ('NULL')");
    await c.query('CREATE VIEW tk_opt_in_backup.v AS SELECT id FROM tk_opt_in_backup.t');
    const server = await detectServer(c);
    const file = path.join(dir, 'b.sql');
    const manifest = await exportLogical({ get: () => connect(p, password), release: async (x) => void (await x.end()) }, server, {
      databases: ['tk_opt_in_backup'],
      file,
    });
    assert.equal(manifest.consistency, 'tidb_snapshot');
    const before = await c.query('SELECT id, v FROM tk_opt_in_backup.ar ORDER BY id');
    await c.query('DROP DATABASE tk_opt_in_backup');
    await importLogical(c, file, { tidb: true });
    const v = await verifyAgainstManifest(c, manifest);
    assert.ok(v.ok, JSON.stringify(v));
    assert.deepEqual((await c.query('SELECT id, v FROM tk_opt_in_backup.ar ORDER BY id'))[0], before[0], 'AUTO_RANDOM ids kept');
  } finally {
    await c.query('DROP DATABASE IF EXISTS tk_opt_in_backup').catch(() => undefined);
    await c.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// BR needs storage every TiKV node can reach: for a one-machine `tiup playground`, a local path works
//   TIDB_TEST_BR_STORAGE='local:///tmp/tk-br' TIDB_TEST_URL=… node test/run.mjs tidb
const brStorage = process.env.TIDB_TEST_BR_STORAGE;
const skipBr =
  url && brStorage
    ? false
    : 'opt-in: set TIDB_TEST_URL and TIDB_TEST_BR_STORAGE (a BR storage URL, e.g. local:///tmp/tk-br on a tiup playground)';
if (!(url && brStorage)) console.log(`# ${skipBr}`);

test('real TiDB: BACKUP DATABASE with progress from SHOW BACKUPS, RESTORE refused over existing tables, then restored', {
  skip: skipBr,
}, async () => {
  const { profile, password } = parseConnectionUrl(url!);
  const p = { ...profile, id: 'tidb', name: 'tidb', database: undefined };
  const task = await connect(p, password);
  const control = await connect({ ...p, id: 'tidb2' }, password);
  const q = (c: typeof task) => ({
    query: async (sql: string, values?: unknown[]) => (await c.query(sql, values))[0] as Array<Record<string, unknown>>,
  });
  try {
    await task.query('DROP DATABASE IF EXISTS tk_opt_in_br');
    await task.query('CREATE DATABASE tk_opt_in_br');
    await task.query('CREATE TABLE tk_opt_in_br.t (id INT PRIMARY KEY, v VARCHAR(20))');
    await task.query("INSERT INTO tk_opt_in_br.t VALUES (1, 'a'), (2, 'b')");
    const url2 = `${brStorage!.replace(/\/$/, '')}/${Date.now()}`;
    const done = await runBr({
      kind: 'backup',
      sql: backupSql({ databases: ['tk_opt_in_br'] }, url2),
      task: { ...q(task), threadId: threadId(task) },
      control: q(control),
      pollMs: 200,
    });
    assert.ok(done.backupTs, JSON.stringify(done));
    assert.deepEqual(await restoreConflicts(q(control), ['tk_opt_in_br']), ['tk_opt_in_br.t']);
    await task.query('DROP DATABASE tk_opt_in_br');
    await runBr({
      kind: 'restore',
      sql: restoreSql({ databases: ['tk_opt_in_br'] }, url2),
      task: { ...q(task), threadId: threadId(task) },
      control: q(control),
      pollMs: 200,
    });
    const [rows] = await task.query('SELECT id, v FROM tk_opt_in_br.t ORDER BY id');
    assert.deepEqual(JSON.parse(JSON.stringify(rows)), [
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
    ]);
  } finally {
    await task.query('DROP DATABASE IF EXISTS tk_opt_in_br').catch(() => undefined);
    await task.end();
    await control.end();
  }
});

test('real TiDB: every flagged example of every rule gets the answer its rule file states (error code, warning, or runs)', {
  skip,
}, async () => {
  const { profile, password } = parseConnectionUrl(url!);
  const c = await connect({ ...profile, id: 'tidb', name: 'tidb', database: undefined }, password);
  const wrong: string[] = [];
  let checked = 0;
  try {
    for (const e of examplesWithAnswers()) {
      try {
        for (const a of await runExample(c, e.rule, e.sql, e.target, 'tk_opt_in_examples')) {
          checked++;
          const why = mismatch(e.answer, a);
          if (why) wrong.push(`${e.rule.meta.id}: ${a.sql}\n    ${why}`);
        }
      } catch (err) {
        wrong.push(`${e.rule.meta.id}: ${e.sql}\n    ${(err as Error).message}`);
      }
    }
  } finally {
    await c.end();
  }
  console.log(`# ${checked} flagged statements checked against TiDB, ${wrong.length} differ`);
  assert.deepEqual(wrong, []);
});

test('real TiDB: a slow statement in Slow Queries (with its plan), Top Statements and Running Now (killed); the guardrails’ SQL runs', {
  skip,
}, async () => {
  const { profile, password } = parseConnectionUrl(url!);
  const s = await Session.open({ ...profile, id: 'tidb', name: 'tidb' }, password, { connectTimeoutMs: 10_000 });
  const other = await connect({ ...profile, id: 'tidb2', name: 'tidb2' }, password);
  const eventually = async <T>(f: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
    for (const end = Date.now() + ms; ; ) {
      const v = await f();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  try {
    const caps = capabilities(s.server);
    // slower than tidb_slow_log_threshold (300 ms by default), so the slow log and the summary have it
    await other.query("SELECT SLEEP(0.8), 'tk-perf-slow'");
    const slow = await eventually(async () =>
      (await loadSlowDigests(s, { last: 900 }, 'time', 200)).find((d) => d.query.includes('tk-perf-slow')),
    );
    assert.ok(slow.maxMs >= 700, JSON.stringify(slow));
    const run = await loadSlowestExecution(s, slow.digest, { last: 900 });
    assert.ok(run?.plan.trim(), 'the slow log has the plan');
    assert.ok(parsePlan(run!.plan).roots.length > 0);
    const top = await loadTopStatements(s, undefined, 500);
    assert.ok(
      top.statements.some((t) => /sleep/i.test(t.digestText)),
      'the summary has the statement',
    );
    // running now, then killed
    const running = other.query("SELECT SLEEP(30), 'tk-perf-running'").then(
      () => 'ended',
      (e: Error) => e.message,
    );
    const p = await eventually(async () => (await loadProcesses(s)).find((x) => x.info.includes('tk-perf-running')), 10_000);
    assert.match(p.id, /^\d+$/);
    const t0 = Date.now();
    await killQuery(s, p);
    await running;
    assert.ok(Date.now() - t0 < 10_000, 'the SLEEP(30) was cut short');
    // the execution-time hint stops a SELECT
    const edit = maxExecutionTimeEdit('SELECT SLEEP(5)', 500)!;
    const h0 = Date.now();
    await other.query(applyEdit('SELECT SLEEP(5)', edit)).catch(() => undefined);
    assert.ok(Date.now() - h0 < 4000, 'MAX_EXECUTION_TIME(500) stopped SLEEP(5)');
    // the guardrails' lists read on this version
    assert.ok(Array.isArray(await loadBindings(s)));
    assert.ok(Array.isArray(await loadUnhealthyTables(s)));
    if (caps.memoryOpsHistory.ok) assert.ok(Array.isArray(await loadMemoryKills(s)));
    if (caps.queryWatch.ok) {
      assert.ok(Array.isArray(await loadWatches(s)));
      await runOnPool(s, queryWatchAddSql(slow.digest, 'DRYRUN'));
      const w = (await loadWatches(s)).find((x) => x.action.toUpperCase().includes('DRYRUN'));
      assert.ok(w, 'the watch is listed');
      await runOnPool(s, queryWatchRemoveSql(w!.id));
    }
  } finally {
    await other.end();
    await s.close();
  }
});

test('real TiDB: a table read as it was (AS OF TIMESTAMP and the read-only snapshot), a dropped table found in ADMIN SHOW DDL JOBS and brought back by FLASHBACK', {
  skip,
}, async () => {
  const { profile, password } = parseConnectionUrl(url!);
  const s = await Session.open({ ...profile, id: 'tidb', name: 'tidb' }, password, { connectTimeoutMs: 10_000 });
  const c = await connect({ ...profile, id: 'tidb2', name: 'tidb2' }, password);
  try {
    await c.query('CREATE DATABASE IF NOT EXISTS tk_opt_in');
    await c.query('DROP TABLE IF EXISTS tk_opt_in.tt');
    await c.query('CREATE TABLE tk_opt_in.tt (id INT PRIMARY KEY, v VARCHAR(10))');
    await c.query("INSERT INTO tk_opt_in.tt VALUES (1, 'before')");
    // stale reads are best a few seconds old
    await new Promise((r) => setTimeout(r, 6000));
    await c.query("UPDATE tk_opt_in.tt SET v = 'after' WHERE id = 1");
    const w = await loadGcWindow(s);
    assert.ok(w.lifeTime >= 600, JSON.stringify(w));
    const q = tableAsOf('tk_opt_in', 'tt', { agoSeconds: 3 }, 10);
    const [past] = await c.query(q.sql, q.params);
    assert.deepEqual(
      (past as Array<{ v: string }>).map((r) => r.v),
      ['before'],
    );
    const start = startReadOnlyAsOf({ agoSeconds: 3 });
    await c.query(start.sql, start.params);
    const [inTxn] = await c.query('SELECT v FROM tk_opt_in.tt');
    await c.query('ROLLBACK');
    assert.deepEqual(
      (inTxn as Array<{ v: string }>).map((r) => r.v),
      ['before'],
    );
    // before the safe point: TiDB's error, explained
    const tooOld = tableAsOf('tk_opt_in', 'tt', { at: '2000-01-01 00:00:00' }, 1);
    const err = await c.query(tooOld.sql, tooOld.params).then(
      () => undefined,
      (e: { errno?: number; message: string }) => e,
    );
    assert.ok(err && explainHistoryError(err, w), `explained: ${JSON.stringify(err)}`);
    // drop, find, flashback
    await c.query('DROP TABLE tk_opt_in.tt');
    const dropped = (await loadRestorable(s, w)).find((d) => d.db === 'tk_opt_in' && d.table === 'tt');
    assert.ok(dropped, 'the drop is listed');
    const sql = flashbackSql(dropped!, freeName('tt', await takenNames(s, dropped!)));
    assert.equal(sql, 'FLASHBACK TABLE `tk_opt_in`.`tt`');
    await c.query(sql);
    const [back] = await c.query('SELECT v FROM tk_opt_in.tt');
    assert.deepEqual(
      (back as Array<{ v: string }>).map((r) => r.v),
      ['after'],
    );
  } finally {
    await c.end();
    await s.close();
  }
});

test('real TiDB: two databases compared (sequences, clustered keys, AUTO_RANDOM), the migration with ALGORITHM=INSTANT asserted applied with DDL job progress; a second compare is equal', {
  skip,
}, async () => {
  const { profile, password } = parseConnectionUrl(url!);
  const s = await Session.open({ ...profile, id: 'tidb', name: 'tidb' }, password, { connectTimeoutMs: 10_000 });
  const c = await connect({ ...profile, id: 'tidb3', name: 'tidb3' }, password);
  try {
    for (const sql of [
      'DROP DATABASE IF EXISTS tk_cmp_src',
      'DROP DATABASE IF EXISTS tk_cmp_dst',
      'CREATE DATABASE tk_cmp_src',
      'CREATE DATABASE tk_cmp_dst',
      'CREATE TABLE tk_cmp_src.orders (id BIGINT PRIMARY KEY AUTO_RANDOM, customer_id BIGINT NOT NULL, note VARCHAR(200), KEY idx_customer (customer_id))',
      'CREATE TABLE tk_cmp_dst.orders (id BIGINT PRIMARY KEY AUTO_RANDOM, customer_id INT NOT NULL, note VARCHAR(100))',
      'CREATE TABLE tk_cmp_src.items (id INT PRIMARY KEY CLUSTERED, name VARCHAR(50))',
      'CREATE SEQUENCE tk_cmp_src.s INCREMENT BY 2',
      'CREATE SEQUENCE tk_cmp_dst.s',
      'INSERT INTO tk_cmp_dst.orders (customer_id) VALUES (1), (2), (3)',
    ])
      await c.query(sql);
    const d = diffSchemas(await liveSchema(c, 'tk_cmp_src'), await liveSchema(c, 'tk_cmp_dst'));
    const steps = migration(d, { flavor: 'tidb', assertInstant: true });
    // the widening steps are instant on TiDB and carry ALGORITHM=INSTANT; ADD INDEX is a reorg
    assert.ok(
      steps.some((x) => /MODIFY COLUMN `customer_id` bigint.*ALGORITHM=INSTANT$/i.test(x.sql)),
      JSON.stringify(steps),
    );
    assert.equal(steps.find((x) => /ADD KEY `idx_customer`/.test(x.sql))?.cost, 'reorg');
    await s.run('USE tk_cmp_dst', {});
    const jobs: string[] = [];
    const out = await applyStatements(
      s,
      steps.filter((x) => !x.sql.startsWith('--')).map((x) => x.sql),
      { pollMs: 200, onProgress: (j) => jobs.push(...j.map(describeJob)) },
    );
    assert.equal(out.failed, undefined, JSON.stringify(out.failed));
    const again = diffSchemas(await liveSchema(c, 'tk_cmp_src'), await liveSchema(c, 'tk_cmp_dst'));
    assert.ok(isEmpty(again), JSON.stringify(again).slice(0, 2000));
    console.log(`# DDL job progress seen while applying: ${jobs.length ? jobs.join(' | ') : '(the jobs finished between polls)'}`);
  } finally {
    await c.query('DROP DATABASE IF EXISTS tk_cmp_src').catch(() => undefined);
    await c.query('DROP DATABASE IF EXISTS tk_cmp_dst').catch(() => undefined);
    await c.end();
    await s.close();
  }
});
