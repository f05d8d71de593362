// The connection manager and sessions against a real MariaDB: lazy connect with the
// password from the secret store, runs streamed into results-view messages, cancel,
// timeout, a dropped connection reopened with a notice, hostile names and data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConnectionManager } from '../../client/src/connections/manager';
import { ConnectionStore, type ProfileScope } from '../../client/src/connections/store';
import { listPartitions, showCreate } from '../../client/src/explorer/catalog';
import { execute } from '../../client/src/query/execute';
import type { ToResults } from '../../protocol/webviews/results';
import { startMariaDb, type MariaDb } from '../../scripts/launcher/mariadb';

let db: MariaDb;
let manager: ConnectionManager;
const notices: string[] = [];
const secrets = new Map<string, string>();
let asked = 0;

before(async () => {
  db = await startMariaDb();
  const settings: Partial<Record<ProfileScope, unknown>> = {};
  const store = new ConnectionStore(
    { read: (s) => settings[s], write: async (s, v) => void (settings[s] = v) },
    { get: async (k) => secrets.get(k), store: async (k, v) => void secrets.set(k, v), delete: async (k) => void secrets.delete(k) },
  );
  await store.save(
    { id: 'maria', name: 'MariaDB test', host: '127.0.0.1', port: db.port, user: db.user, tls: 'preferred', database: 'shop' },
    'user',
  );
  manager = new ConnectionManager(store, {
    connectTimeoutMs: () => 5000,
    askPassword: async () => {
      asked++;
      return db.password;
    },
    notice: (m) => notices.push(m),
  });
  const admin = await db.admin();
  await admin.query('CREATE DATABASE shop');
  await admin.query(
    'CREATE TABLE shop.orders (id BIGINT PRIMARY KEY, note VARCHAR(100), created DATE) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (100), PARTITION pmax VALUES LESS THAN MAXVALUE)',
  );
  await admin.query(
    "INSERT INTO shop.orders VALUES (1, '<img src=x onerror=alert(1)>', '2024-01-02'), (2, NULL, NULL), (150, 'NULL', '2025-12-31')",
  );
  await admin.query('CREATE TABLE shop.`<img src=x onerror=alert(1)>` (`a``b` INT)');
  await admin.end();
});

after(async () => {
  await manager?.dispose();
  await db?.stop();
});

test('connect asks for a missing password once, remembers it in the secret store, and detects MariaDB', async () => {
  const s = await manager.connect('maria');
  assert.equal(asked, 1);
  assert.equal(secrets.get('tidb.connection.maria.password'), db.password);
  assert.equal(s.server.flavor, 'mariadb');
  assert.equal(await manager.connect('maria'), s, 'the session is reused');
  assert.equal(asked, 1);
});

test('a run streams result sets, rows, outcomes and errors as results-view messages; stops at the first error', async () => {
  const s = await manager.connect('maria');
  const msgs: ToResults[] = [];
  const rec = await execute(
    s,
    [
      { sql: 'SELECT id, note, created FROM orders ORDER BY id', line: 0 },
      { sql: "UPDATE orders SET note = 'x' WHERE id = 2", line: 1 },
      { sql: 'SELECT * FROM no_such_table', line: 2 },
      { sql: 'SELECT 1', line: 3 },
    ],
    { rowLimit: 100, post: (m) => msgs.push(m) },
  );
  assert.deepEqual(
    msgs.map((m) => m.type),
    [
      'run-start',
      'statement-start',
      'set-start',
      'rows',
      'statement-end',
      'statement-start',
      'statement-end',
      'statement-start',
      'statement-end',
      'run-end',
    ],
  );
  assert.deepEqual(
    rec.sets[0].rows,
    [
      ['1', '<img src=x onerror=alert(1)>', '2024-01-02'],
      ['2', null, null],
      ['150', 'NULL', '2025-12-31'],
    ],
    'BIGINT as exact strings',
  );
  assert.deepEqual(
    rec.sets[0].columns.map((c) => c.name),
    ['id', 'note', 'created'],
  );
  assert.equal(rec.outcomes[1].affectedRows, 1);
  const err = rec.outcomes[2].error!;
  assert.equal(err.errno, 1146);
  assert.equal(err.sqlState, '42S02');
  assert.match(err.message, /^Error 1146 \(42S02\): .*no_such_table/);
  assert.deepEqual([rec.ok, rec.failed, rec.skipped], [2, 1, 1]);
});

test('past the row limit the statement is stopped on the server: a 10-million-row SELECT returns at once, marked, and the next statement is not hurt', async () => {
  const s = await manager.connect('maria');
  const t0 = Date.now();
  const rec = await execute(
    s,
    [
      { sql: 'SELECT a.seq, b.seq FROM seq_1_to_100000 a, seq_1_to_100 b', line: 0 },
      { sql: 'SELECT SLEEP(0.3) AS s, 7 AS v', line: 1 },
    ],
    { rowLimit: 1000, post: () => undefined },
  );
  console.log(`# 10,000,000-row SELECT with rowLimit 1000: ${Date.now() - t0} ms`);
  assert.equal(rec.failed, 0, JSON.stringify(rec.outcomes));
  assert.equal(rec.sets[0].rows.length, 1000);
  assert.deepEqual([rec.outcomes[0].truncated[0], rec.outcomes[0].stoppedEarly[0]], [true, true]);
  assert.ok(rec.outcomes[0].rowCounts[0] > 1000 && rec.outcomes[0].rowCounts[0] < 10_000_000);
  assert.deepEqual(
    rec.sets[1].rows.map((r) => r.map(String)),
    [['0', '7']],
    'the statement after the kill ran to the end (SLEEP not interrupted: 0)',
  );
  assert.ok(Date.now() - t0 < 20_000);
});

test('cancel through an AbortSignal kills SELECT SLEEP(30) on the server; the session stays usable', async () => {
  const s = await manager.connect('maria');
  const ac = new AbortController();
  const t0 = Date.now();
  const p = execute(
    s,
    [
      { sql: 'SELECT SLEEP(30)', line: 0 },
      { sql: 'SELECT 2', line: 1 },
    ],
    { rowLimit: 10, signal: ac.signal, post: () => undefined },
  );
  await new Promise((r) => setTimeout(r, 300));
  ac.abort();
  const rec = await p;
  assert.ok(Date.now() - t0 < 10_000);
  assert.equal(rec.cancelled, true);
  assert.equal(rec.skipped, 1);
  assert.match(rec.outcomes[0].error!.message, /Cancelled/);
  const again = await execute(s, [{ sql: 'SELECT 42', line: 0 }], { rowLimit: 10, post: () => undefined });
  assert.deepEqual(again.sets[0].rows, [[42]]);
});

test('a query timeout kills the statement and says which setting did it', async () => {
  const s = await manager.connect('maria');
  const rec = await execute(s, [{ sql: 'SELECT SLEEP(20)', line: 0 }], { rowLimit: 10, timeoutMs: 500, post: () => undefined });
  assert.equal(rec.cancelled, true);
  assert.match(rec.outcomes[0].error!.message, /tidb\.query\.timeout/);
});

test('a dropped SQL connection fails the running statement clearly, then reconnects with a notice that session state was reset', async () => {
  const s = await manager.connect('maria');
  await execute(s, [{ sql: 'SET @kept = 7', line: 0 }], { rowLimit: 10, post: () => undefined });
  const id = s.sqlThreadId()!;
  const p = execute(s, [{ sql: 'SELECT SLEEP(20)', line: 0 }], { rowLimit: 10, post: () => undefined });
  await new Promise((r) => setTimeout(r, 300));
  const admin = await db.admin();
  await admin.query('KILL CONNECTION ?', [id]);
  await admin.end();
  const rec = await p;
  const err = rec.outcomes[0].error!;
  assert.ok(err.connectionLost || err.errno === 1927 || /lost|killed|closed/i.test(err.message), err.message);
  const next = await execute(s, [{ sql: 'SELECT @kept AS kept', line: 0 }], { rowLimit: 10, post: () => undefined });
  assert.equal(next.failed, 0, JSON.stringify(next.outcomes));
  assert.deepEqual(next.sets[0].rows, [[null]], 'a new session: user variables are gone');
  assert.ok(
    notices.some((n) => /MariaDB test was lost .* reopened\. Session state .* was reset/.test(n)),
    notices.join('\n'),
  );
  assert.notEqual(s.sqlThreadId(), id);
});

test('partitions and SHOW CREATE through escaped identifiers, hostile table names included', async () => {
  const s = await manager.connect('maria');
  const parts = await s.withMeta((q) => listPartitions(q, 'shop', 'orders'));
  assert.deepEqual(
    parts.map((p) => [p.name, p.method, p.description]),
    [
      ['p0', 'RANGE', '100'],
      ['pmax', 'RANGE', 'MAXVALUE'],
    ],
  );
  const ddl = await s.withMeta((q) => showCreate(q, 'shop', '<img src=x onerror=alert(1)>', 'table'));
  assert.match(ddl, /CREATE TABLE `<img src=x onerror=alert\(1\)>` \(\s+`a``b` int/);
  await assert.rejects(
    s.withMeta((q) => showCreate(q, 'shop', 'nope`; DROP DATABASE shop; --', 'table')),
    /1146/,
  );
  const rec = await execute(s, [{ sql: 'SELECT COUNT(*) FROM orders', line: 0 }], { rowLimit: 10, post: () => undefined });
  assert.deepEqual(rec.sets[0].rows, [['3']]);
});

test('disconnect closes the session and the manager tells listeners', async () => {
  const events: string[] = [];
  const sub = manager.onDidChange((e) => events.push(`${e.kind}:${e.id}`));
  await manager.disconnect('maria');
  assert.equal(manager.isConnected('maria'), false);
  assert.deepEqual(events, ['disconnected:maria']);
  sub.dispose();
});

test('a wrong password fails with a clear error that does not contain it', async () => {
  secrets.set('tidb.connection.maria.password', 'wrong-pass-123');
  await assert.rejects(manager.connect('maria'), (e: Error) => {
    assert.match(e.message, /Access denied for user 'tk'/);
    assert.ok(!e.message.includes('wrong-pass-123'));
    return true;
  });
  secrets.set('tidb.connection.maria.password', db.password);
});
