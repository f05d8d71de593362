// Running SQL and reading the schema against a real MariaDB.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as mysql from 'mysql2/promise';
import { connect } from '../../client/src/connections/driver';
import type { ConnectionProfile } from '../../client/src/connections/profile';
import { listColumns, listDatabases, listIndexes, listTables, schemaSnapshot } from '../../client/src/explorer/catalog';
import { schemaSnapshotProblem } from '../../protocol/lsp';
import { threadId } from '../../client/src/connections/mysqlInternals';
import { cancelQuery, streamStatement } from '../../client/src/connections/stream';
import { startMariaDb, type MariaDb } from '../../scripts/launcher/mariadb';

let db: MariaDb;
let c: mysql.Connection;
let profile: ConnectionProfile;

before(async () => {
  db = await startMariaDb();
  profile = { id: 'q', name: 'q', host: '127.0.0.1', port: db.port, user: db.user, tls: 'off' };
  c = await connect(profile, db.password);
  await c.query('CREATE DATABASE shop');
  await c.query('USE shop');
  await c.query(
    "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, total DECIMAL(12,2) DEFAULT '0.00', note TEXT, created_at DATETIME(6) NOT NULL, amount_x2 DECIMAL(13,2) AS (total * 2) VIRTUAL, UNIQUE KEY uk_email (email), KEY idx_created (created_at, id))",
  );
  await c.query('CREATE VIEW v_orders AS SELECT id, email FROM orders');
});

after(async () => {
  await c?.end();
  await db?.stop();
});

test('catalog: databases, tables and views, columns (generated, defaults), indexes', async () => {
  assert.deepEqual(await listDatabases(c), ['shop']);
  const { tables, total } = await listTables(c, 'shop');
  assert.equal(total, 2);
  assert.deepEqual(
    tables.map((t) => [t.name, t.kind]),
    [
      ['orders', 'table'],
      ['v_orders', 'view'],
    ],
  );
  const cols = await listColumns(c, 'shop', 'orders');
  assert.deepEqual(
    cols.map((x) => x.name),
    ['id', 'email', 'total', 'note', 'created_at', 'amount_x2'],
  );
  assert.equal(cols[0].extra, 'auto_increment');
  assert.equal(cols[1].nullable, false);
  assert.ok(cols[5].generated);
  const idx = await listIndexes(c, 'shop', 'orders');
  assert.deepEqual(
    idx.map((i) => [i.name, i.unique, i.columns.join(','), i.visible]),
    [
      ['idx_created', false, 'created_at,id', true],
      ['PRIMARY', true, 'id', true],
      ['uk_email', true, 'email', true],
    ],
  );
  // MariaDB's IGNORED index is the invisible index of MySQL and TiDB
  await c.query('ALTER TABLE shop.orders ALTER INDEX idx_created IGNORED');
  assert.equal((await listIndexes(c, 'shop', 'orders')).find((i) => i.name === 'idx_created')?.visible, false);
  await c.query('ALTER TABLE shop.orders ALTER INDEX idx_created NOT IGNORED');
});

test('catalog: 10,000 tables are paged and filtered', { timeout: 300_000 }, async () => {
  await c.query('CREATE DATABASE big');
  // views are the cheapest objects to create in bulk; information_schema lists them with the tables
  const batch: Promise<unknown>[] = [];
  const pool = mysql.createPool({
    host: '127.0.0.1',
    port: db.port,
    user: db.user,
    password: db.password,
    database: 'big',
    connectionLimit: 8,
  });
  for (let i = 0; i < 10_000; i++)
    batch.push(pool.query(`CREATE VIEW ${mysql.escapeId(`t_${String(i).padStart(5, '0')}`)} AS SELECT ${i} AS n`));
  await Promise.all(batch);
  await pool.end();
  const page = await listTables(c, 'big', { offset: 9_990, limit: 500 });
  assert.equal(page.total, 10_000);
  assert.deepEqual(
    page.tables.map((t) => t.name),
    Array.from({ length: 10 }, (_, i) => `t_0${9990 + i}`),
  );
  const filtered = await listTables(c, 'big', { filter: '0042', limit: 50 });
  const names = Array.from({ length: 10_000 }, (_, i) => `t_${String(i).padStart(5, '0')}`);
  assert.deepEqual(
    filtered.tables.map((t) => t.name),
    names.filter((n) => n.includes('0042')).slice(0, 50),
  );
  assert.equal(filtered.total, names.filter((n) => n.includes('0042')).length);
  // LIKE wildcards in the filter are literal
  assert.equal((await listTables(c, 'big', { filter: '_%' })).total, 0);
  await c.query('DROP DATABASE big');
});

test('run: 100,000 rows stream in batches, kept up to the row limit with a truncation marker', async () => {
  let batches = 0;
  let streamed = 0;
  const r = await streamStatement(c, "SELECT seq, CONCAT('row ', seq) AS label FROM seq_1_to_100000", {
    rowLimit: 50_000,
    onRows: (_i, rows) => {
      batches++;
      streamed += rows.length;
    },
  });
  assert.equal(r.sets.length, 1);
  assert.deepEqual(
    r.sets[0].columns.map((x) => x.name),
    ['seq', 'label'],
  );
  assert.equal(r.sets[0].rowCount, 100_000);
  assert.equal(r.sets[0].rows.length, 50_000);
  assert.equal(r.sets[0].truncated, true);
  assert.equal(streamed, 50_000);
  assert.ok(batches >= 50);
  assert.deepEqual(r.sets[0].rows[49_999], ['50000', 'row 50000']);
});

test('run: several result sets from CALL, affected rows, NULL kept distinct, warnings', async () => {
  await c.query("CREATE PROCEDURE two_sets() BEGIN SELECT 1 AS a, NULL AS b, 'NULL' AS c; SELECT 'x' AS d; END");
  const r = await streamStatement(c, 'CALL two_sets()');
  assert.equal(r.sets.length, 2);
  // NULL and the string 'NULL' stay distinct
  assert.deepEqual(r.sets[0].rows, [[1, null, 'NULL']]);
  assert.deepEqual(r.sets[1].rows, [['x']]);
  const ins = await streamStatement(c, "INSERT INTO orders (email, created_at) VALUES ('a@x', NOW()), ('b@x', NOW())");
  assert.equal(ins.affectedRows, 2);
  assert.ok(ins.insertId);
  const warn = await streamStatement(c, "SELECT CAST('12abc' AS SIGNED) AS n");
  assert.equal(warn.warnings[0]?.code, 1292);
});

test('run: a failed statement reports the server error code and message', async () => {
  await assert.rejects(streamStatement(c, 'SELECT * FROM no_such_table'), (e: Error & { errno?: number; code?: string }) => {
    assert.equal(e.errno, 1146);
    assert.match(e.message, /no_such_table/);
    return true;
  });
});

test('cancel: SELECT SLEEP(30) is killed on the server from a second connection and the session stays usable', async () => {
  const control = await connect(profile, db.password);
  try {
    const t0 = Date.now();
    const running = streamStatement(c, 'SELECT SLEEP(30) AS s');
    await new Promise((r) => setTimeout(r, 300));
    await cancelQuery(control, threadId(c), 'mariadb');
    const r = await running.catch((e: Error & { errno?: number }) => e);
    // MariaDB answers a killed SLEEP with 1 (interrupted) or error 1317
    if (r instanceof Error) assert.equal((r as { errno?: number }).errno, 1317);
    else assert.equal(String(r.sets[0].rows[0][0]), '1');
    assert.ok(Date.now() - t0 < 10_000, 'the query stopped long before 30 s');
    const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT 42 AS v');
    assert.equal(rows[0].v, 42);
  } finally {
    await control.end();
  }
});

test('a dropped connection fails with a clear error and a new connection works', async () => {
  const victim = await connect(profile, db.password);
  const control = await connect(profile, db.password);
  try {
    await control.query('KILL CONNECTION ?', [threadId(victim)]);
    // Depending on timing the driver reports the kill as a lost connection, a reset, or
    // (when the write races the server's FIN) Node's EPIPE "socket has been ended by the other
    // party". The session treats all of these as a dropped connection (session.ts LOST).
    await assert.rejects(victim.query('SELECT 1'), (e: Error & { code?: string; fatal?: boolean }) => {
      assert.ok(
        e.fatal || ['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ER_SERVER_SHUTDOWN'].includes(e.code ?? ''),
        `${e.code}: ${e.message}`,
      );
      return true;
    });
    const again = await connect(profile, db.password);
    await again.end();
  } finally {
    await control.end();
    victim.destroy();
  }
});

test('schema snapshot for the language server lists tables and typed columns', async () => {
  const snap = await schemaSnapshot(c, 'test', 'shop');
  const shop = snap.databases.find((d) => d.name === 'shop')!;
  const orders = shop.tables.find((t) => t.name === 'orders')!;
  assert.equal(orders.kind, 'table');
  assert.deepEqual(orders.columns.slice(0, 3), [
    { name: 'id', type: 'bigint(20)' },
    { name: 'email', type: 'varchar(255)' },
    { name: 'total', type: 'decimal(12,2)' },
  ]);
  assert.equal(shop.tables.find((t) => t.name === 'v_orders')!.kind, 'view');
  // the server's row estimate travels with the table (the size-dependent risk rules read it)
  assert.equal(typeof orders.rows, 'number');
  assert.ok(orders.rows! >= 0);
  assert.equal(schemaSnapshotProblem(snap), undefined);
});
