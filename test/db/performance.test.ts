// The Performance section's "Running now" and KILL against a real MariaDB: a SLEEP started on
// another connection is seen with its text and time, killed through the same path the explorer
// uses, and the sleeping statement ends at once. The TiDB-only views say they need TiDB.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type * as mysql from 'mysql2/promise';
import { ConnectionManager } from '../../client/src/connections/manager';
import { ConnectionStore, type ProfileScope } from '../../client/src/connections/store';
import { capabilities } from '../../client/src/performance/capabilities';
import { killQuery, killStatement, loadProcesses, loadSlowDigests } from '../../client/src/performance/load';
import { startMariaDb, type MariaDb } from '../../scripts/launcher/mariadb';

let db: MariaDb;
let manager: ConnectionManager;

before(async () => {
  db = await startMariaDb();
  const settings: Partial<Record<ProfileScope, unknown>> = {};
  const secrets = new Map<string, string>();
  const store = new ConnectionStore(
    { read: (s) => settings[s], write: async (s, v) => void (settings[s] = v) },
    { get: async (k) => secrets.get(k), store: async (k, v) => void secrets.set(k, v), delete: async (k) => void secrets.delete(k) },
  );
  await store.save({ id: 'maria', name: 'MariaDB test', host: '127.0.0.1', port: db.port, user: db.user, tls: 'preferred' }, 'user');
  manager = new ConnectionManager(store, { connectTimeoutMs: () => 5000, askPassword: async () => db.password, notice: () => undefined });
});

after(async () => {
  await manager?.dispose();
  await db?.stop();
});

/** Polls until `f` finds something (a statement takes a moment to show in the processlist). */
async function eventually<T>(f: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('Running now on MariaDB: a SLEEP on another connection is listed with its text, then killed with KILL QUERY', async () => {
  const s = await manager.connect('maria');
  const other: mysql.Connection = await db.admin();
  try {
    const t0 = Date.now();
    const sleeping = other.query('SELECT SLEEP(30) AS slept /* perf-test */').then(
      ([r]) => ({ ok: true as const, value: (r as Array<{ slept: number }>)[0].slept }),
      (e: { errno?: number; message: string }) => ({ ok: false as const, errno: e.errno, message: e.message }),
    );
    const p = await eventually(async () => (await loadProcesses(s)).find((x) => x.info.includes('perf-test')));
    assert.equal(p.command, 'Query');
    assert.match(p.info, /^SELECT SLEEP\(30\)/);
    assert.match(p.id, /^\d+$/);
    assert.equal(typeof p.mem, 'number', 'MariaDB reports MEMORY_USED');
    assert.ok(p.time >= 0 && p.time < 30);
    // idle connections (the session's own SQL connection is one now) are not listed, nor is the one that asks
    const ids = (await loadProcesses(s)).map((x) => x.id);
    assert.ok(!ids.includes(String(s.sqlThreadId())), 'the idle SQL connection is not listed');
    assert.equal(ids.length, 1, `only the SLEEP: ${JSON.stringify(ids)}`);
    assert.equal(killStatement(s, p), `KILL QUERY ${p.id}`);
    assert.equal(await killQuery(s, p), `KILL QUERY ${p.id}`);
    const outcome = await sleeping;
    assert.ok(Date.now() - t0 < 15_000, 'the SLEEP ended long before its 30 s');
    // MariaDB ends an interrupted SLEEP with 1 (or error 1317, depending on timing)
    assert.ok(outcome.ok ? outcome.value === 1 : outcome.errno === 1317, JSON.stringify(outcome));
    await eventually(async () => ((await loadProcesses(s)).some((x) => x.info.includes('perf-test')) ? undefined : true));
    // the killed statement's connection is still usable: KILL QUERY, not KILL CONNECTION
    const [r] = await other.query('SELECT 1 AS one');
    assert.deepEqual(r, [{ one: 1 }]);
  } finally {
    await other.end();
  }
});

test('on MariaDB the TiDB-only views say they need TiDB, and the server rejects their tables', async () => {
  const s = await manager.connect('maria');
  const caps = capabilities(s.server);
  assert.equal(caps.slowQueries.ok, false);
  assert.match(caps.slowQueries.why!, /needs TiDB; this is MariaDB/);
  await assert.rejects(loadSlowDigests(s, { last: 3600 }, 'time', 10), /CLUSTER_SLOW_QUERY/i);
});

test('a process that ended before the kill: a clear error from the server, nothing else killed', async () => {
  const s = await manager.connect('maria');
  await assert.rejects(killQuery(s, { id: '987654321' }), /Unknown thread id: 987654321/);
});
