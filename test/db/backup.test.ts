// Logical backup round trip against the real MariaDB: every column type and hostile
// values exported, dropped, imported, and compared with CHECKSUM TABLE and row by row;
// the same dump loaded by the mariadb client gives the same checksums; a connection
// killed midway reports the exact statement and the manifest check then fails loudly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as mysql from 'mysql2/promise';
import { connect, detectServer } from '../../client/src/connections/driver';
import { exportLogical, orderViews, portableViewDdl, type ConnectionSource } from '../../client/src/backup/logical/export';
import {
  checkDump,
  existingReplaced,
  existingTables,
  ImportError,
  importLogical,
  scanDump,
  StatementStream,
  verifyAgainstManifest,
} from '../../client/src/backup/logical/import';
import type { BackupManifest } from '../../client/src/backup/logical/manifest';
import { threadId } from '../../client/src/connections/mysqlInternals';
import { startMariaDb, type MariaDb } from '../../scripts/launcher/mariadb';

let db: MariaDb;
let work: string;
const profile = () => ({ id: 'b', name: 'b', host: '127.0.0.1', port: db.port, user: db.user, tls: 'off' as const });
const source = (): ConnectionSource => ({
  get: () => connect(profile(), db.password),
  release: async (c) => void (await c.end().catch(() => undefined)),
});

const SCHEMA = [
  'CREATE DATABASE kitchen CHARACTER SET utf8mb4',
  'USE kitchen',
  `CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(20)) ENGINE=InnoDB`,
  `CREATE TABLE sink (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    parent_id INT NULL,
    i8 TINYINT, u8 TINYINT UNSIGNED, i64 BIGINT, u64 BIGINT UNSIGNED,
    d DECIMAL(65,30), f FLOAT, dbl DOUBLE,
    dt DATETIME(6), ts TIMESTAMP(3) NULL, dd DATE, tm TIME(6), yr YEAR,
    bits BIT(13), js JSON, en ENUM('a','b','c d'), st SET('x','y','z'),
    vc VARCHAR(200), tx TEXT, bn BINARY(4), vb VARBINARY(40), bl BLOB,
    gen_len INT AS (CHAR_LENGTH(vc)) VIRTUAL,
    gen_up VARCHAR(200) AS (UPPER(vc)) STORED,
    CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id)
  ) ENGINE=InnoDB`,
  'CREATE TABLE empty_one (a INT)',
  // no large columns: the server formats its rows (QUOTE / HEX)
  `CREATE TABLE srv (id INT PRIMARY KEY, vc VARCHAR(100), vb VARBINARY(20), d DECIMAL(65,30), f FLOAT, dbl DOUBLE, dt DATETIME(6), bits BIT(5), en ENUM('a','b'), u BIGINT UNSIGNED, g INT AS (id * 2) STORED)`,
  'CREATE TABLE `we``ird ta<b>le` (`co,l` INT, `"q"` TEXT)',
  'CREATE VIEW v_base AS SELECT id, vc FROM sink',
  'CREATE VIEW v_top AS SELECT id FROM v_base WHERE id > 1',
];

const ROWS = [
  "INSERT INTO parent VALUES (1, 'p1'), (2, NULL)",
  `INSERT INTO sink (parent_id, i8, u8, i64, u64, d, f, dbl, dt, ts, dd, tm, yr, bits, js, en, st, vc, tx, bn, vb, bl) VALUES
    (1, -128, 255, -9223372036854775808, 18446744073709551615, '12345678901234567890123456789012345.123456789012345678901234567890', 3.40282e38, -1.7976931348623157e308,
     '1000-01-01 00:00:00.000001', '1970-01-01 00:00:01.001', '9999-12-31', '-838:59:59.000000', 1901, b'1010101010101', '{"k": [1, "two", null, {"\\\\u00e9": true}]}', 'c d', 'x,z',
     'emoji 🐬 and 中文 and \\'quote\\' and \\\\backslash\\\\', 'line1\\nline2\\r\\n\\ttab', 0x00275cff, 0x00275cff0a0d1a, 0x00ffee27),
    (2, 0, 0, 0, 0, '0', 0, 0, '2024-02-29 23:59:59.999999', NULL, '2024-02-29', '00:00:00', 2155, b'0', 'null', 'a', '', 'NULL', 'NULL', 0x00000000, '', ''),
    (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL, NULL, NULL)`,
  "INSERT INTO `we``ird ta<b>le` VALUES (1, '</script>'), (NULL, NULL)",
  `INSERT INTO srv (id, vc, vb, d, f, dbl, dt, bits, en, u) VALUES
    (1, 'nl\\n\nreal newline, tab\\t, quote \\' and \\\\ and NUL \\0 and 🐬', 0x00275cff, '-99999999999999999999999999999999999.999999999999999999999999999999', 1.17549e-38, 2.2250738585072014e-308, '9999-12-31 23:59:59.999999', b'10101', 'b', 18446744073709551615),
    (2, 'NULL', '', 0, -0, 0, '1000-01-01 00:00:00', b'0', 'a', 0),
    (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    (4, '', 0x00, 1e-30, 3.40282e38, 1.7976931348623157e308, '2000-01-01 12:34:56.5', b'11111', NULL, 1)`,
];

async function admin(): Promise<mysql.Connection> {
  return db.admin();
}

async function checksums(c: mysql.Connection, dbName: string): Promise<Record<string, string>> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    `CHECKSUM TABLE ${['parent', 'sink', 'empty_one', 'srv', '`we``ird ta<b>le`'].map((t) => `\`${dbName}\`.${t}`).join(', ')}`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.Table).split('.').slice(1).join('.'), String(r.Checksum)]));
}

async function allRows(c: mysql.Connection, dbName: string): Promise<string> {
  const out: string[] = [];
  for (const t of ['parent', 'sink', 'empty_one', 'srv', '`we``ird ta<b>le`']) {
    const [rows] = await c.query({
      sql: `SELECT * FROM \`${dbName}\`.${t} ORDER BY 1`,
      rowsAsArray: true,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
    } as mysql.QueryOptions);
    out.push(JSON.stringify(rows, (_, v) => (v && v.type === 'Buffer' ? `hex:${Buffer.from(v.data).toString('hex')}` : v)));
  }
  return out.join('\n');
}

before(async () => {
  db = await startMariaDb();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-backup-'));
  const c = await admin();
  await c.query("SET time_zone = '+00:00'");
  for (const s of [...SCHEMA, ...ROWS]) await c.query(s);
  await c.end();
});

after(async () => {
  await db?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

let manifest: BackupManifest;
let before_: { sums: Record<string, string>; rows: string };
const file = () => path.join(work, 'kitchen.sql');

test('export: tables before views in dependency order, generated columns left out, a manifest with counts and checksums', async () => {
  const c = await admin();
  before_ = { sums: await checksums(c, 'kitchen'), rows: await allRows(c, 'kitchen') };
  await c.end();
  const probe = await connect(profile(), db.password);
  const server = await detectServer(probe);
  await probe.end();
  // four readers sharing one snapshot (the global-read-lock path)
  manifest = await exportLogical(source(), server, { databases: ['kitchen'], file: file(), parallel: 4 });
  const sql = fs.readFileSync(file(), 'utf8');
  assert.ok(sql.indexOf('CREATE TABLE `sink`') < sql.indexOf('INSERT INTO `sink`'));
  const vBase = sql.search(/VIEW (`kitchen`\.)?`v_base` AS/);
  const vTop = sql.search(/VIEW (`kitchen`\.)?`v_top` AS/);
  assert.ok(vBase > 0 && vTop > 0);
  assert.ok(sql.lastIndexOf('INSERT INTO') < vBase);
  assert.ok(vBase < vTop, 'a view after the view it reads');
  assert.ok(!/DEFINER=`/.test(sql.slice(vBase - 200)), 'no DEFINER on views');
  assert.doesNotMatch(sql.slice(sql.indexOf('INSERT INTO `sink`')), /`gen_len`|`gen_up`/, 'generated columns not inserted');
  assert.match(sql, /0x00275cff/);
  const k = manifest.databases[0];
  assert.deepEqual(
    k.tables.map((t) => [t.name, t.rows]),
    [
      ['empty_one', 0],
      ['parent', 2],
      ['sink', 3],
      ['srv', 4],
      ['we`ird ta<b>le', 2],
    ],
  );
  assert.deepEqual(k.views, ['v_base', 'v_top']);
  // tables with a primary key get the cheap ordered checksum, read by key; the others an order-free one
  assert.deepEqual(
    k.tables.map((t) => [t.name, t.checksumKind, t.orderBy]),
    [
      ['empty_one', 'sum64', undefined],
      ['parent', 'ordered', ['id']],
      ['sink', 'ordered', ['id']],
      ['srv', 'ordered', ['id']],
      ['we`ird ta<b>le', 'sum64', undefined],
    ],
  );
  assert.equal(manifest.consistency, 'consistent-snapshot-transaction');
  assert.ok(JSON.parse(fs.readFileSync(`${file()}.manifest.json`, 'utf8')).databases[0].tables[2].checksum);
});

test('import after DROP: CHECKSUM TABLE and every row identical, manifest verified; importing over existing tables is refused', async () => {
  const c = await admin();
  assert.deepEqual((await existingTables(c, manifest)).length, 7, 'the originals are in the way');
  await c.query('DROP DATABASE kitchen');
  assert.deepEqual(await existingTables(c, manifest), []);
  const conn = await connect(profile(), db.password);
  const progress: number[] = [];
  const r = await importLogical(conn, file(), { onProgress: (p) => progress.push(p.statements) });
  assert.ok(r.statements > 10 && progress.length === r.statements);
  const v = await verifyAgainstManifest(conn, manifest);
  await conn.end();
  assert.equal(v.ok, true, JSON.stringify(v));
  assert.deepEqual(await checksums(c, 'kitchen'), before_.sums);
  assert.equal(await allRows(c, 'kitchen'), before_.rows);
  const [gen] = await c.query<mysql.RowDataPacket[]>('SELECT gen_len, gen_up FROM kitchen.sink WHERE id = 1');
  assert.equal(gen[0].gen_up, "EMOJI 🐬 AND 中文 AND 'QUOTE' AND \\BACKSLASH\\", 'generated columns recomputed');
  await c.end();
});

test('the same dump loaded by the mariadb client gives the same checksums (gzip too)', async () => {
  const c = await admin();
  await c.query('DROP DATABASE kitchen');
  const r = spawnSync(
    'mariadb',
    ['--protocol=TCP', '-h', '127.0.0.1', '-P', String(db.port), '-u', db.user, `-p${db.password}`, '--default-character-set=utf8mb4'],
    { input: fs.readFileSync(file()), encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(await checksums(c, 'kitchen'), before_.sums);
  assert.equal(await allRows(c, 'kitchen'), before_.rows);
  // gzip export, then import of the .gz
  const probe = await connect(profile(), db.password);
  const server = await detectServer(probe);
  await probe.end();
  const gz = path.join(work, 'kitchen.sql.gz');
  const m2 = await exportLogical(source(), server, { databases: ['kitchen'], file: gz, gzip: true });
  assert.equal(fs.readFileSync(gz).subarray(0, 2).toString('hex'), '1f8b');
  await c.query('DROP DATABASE kitchen');
  const conn = await connect(profile(), db.password);
  await importLogical(conn, gz);
  assert.equal((await verifyAgainstManifest(conn, m2)).ok, true);
  await conn.end();
  assert.deepEqual(await checksums(c, 'kitchen'), before_.sums);
  await c.end();
});

test('without the RELOAD privilege (no global read lock) the export falls back to one reader and gives the same checksums', async () => {
  const c = await admin();
  // a throwaway user of the test's own MariaDB; the password is a test value, not a secret
  await c.query("CREATE USER IF NOT EXISTS 'lim'@'%' IDENTIFIED BY 'lim-pass-1'");
  await c.query("GRANT SELECT, SHOW VIEW ON kitchen.* TO 'lim'@'%'");
  await c.end();
  const limited = { ...profile(), user: 'lim' };
  const probe = await connect(limited, 'lim-pass-1');
  const server = await detectServer(probe);
  await probe.end();
  const f = path.join(work, 'limited.sql');
  const m = await exportLogical({ get: () => connect(limited, 'lim-pass-1'), release: async (x) => void (await x.end()) }, server, {
    databases: ['kitchen'],
    file: f,
    parallel: 4,
  });
  assert.deepEqual(
    m.databases[0].tables.map((t) => [t.name, t.rows, t.checksum]),
    manifest.databases[0].tables.map((t) => [t.name, t.rows, t.checksum]),
  );
});

test('a connection killed midway: the exact statement and progress are reported, and the manifest check fails loudly', async () => {
  const c = await admin();
  await c.query('DROP DATABASE kitchen');
  const conn = await connect(profile(), db.password);
  const id = threadId(conn);
  let killed = false;
  const err = await importLogical(conn, file(), {
    onProgress: async (p) => {
      if (!killed && p.table === 'sink') {
        killed = true;
        await c.query('KILL CONNECTION ?', [id]);
      }
    },
  }).then(
    () => undefined,
    (e: ImportError) => e,
  );
  assert.ok(err instanceof ImportError, 'the import failed');
  assert.match(err.message, /^Statement \d+ failed/);
  assert.ok(err.statementNumber > 5);
  assert.ok(err.statement.length > 0);
  assert.ok(err.completedTables.includes('parent'), JSON.stringify(err.completedTables));
  conn.destroy();
  const check = await connect(profile(), db.password);
  const v = await verifyAgainstManifest(check, manifest);
  await check.end();
  assert.equal(v.ok, false);
  assert.ok(
    v.tables.some((t) => !t.ok && (t.error || t.rows !== t.expectedRows)),
    JSON.stringify(v.tables),
  );
  await c.end();
});

test('the statement splitter: quotes, escapes, comments, executable comments, chunk boundaries', () => {
  const text =
    "SET a = 1; -- c;\nINSERT INTO t VALUES ('x;y', \"q\\\";\", `b;c`); /* d; */ /*!40101 SET x = 1 */;\n# e;\nSELECT 'it''s;'; /*T! SET y = 2 */;";
  const one = new StatementStream();
  const whole = [...one.push(text), ...one.end()];
  assert.deepEqual(whole, [
    'SET a = 1',
    '-- c;\nINSERT INTO t VALUES (\'x;y\', "q\\";", `b;c`)',
    '/* d; */ /*!40101 SET x = 1 */',
    "# e;\nSELECT 'it''s;'",
    '/*T! SET y = 2 */',
  ]);
  for (const size of [1, 2, 3, 7]) {
    const s = new StatementStream();
    const got: string[] = [];
    for (let i = 0; i < text.length; i += size) got.push(...s.push(text.slice(i, i + size)));
    got.push(...s.end());
    assert.deepEqual(got, whole, `chunks of ${size}`);
  }
  assert.deepEqual(
    orderViews([
      { name: 'top', ddl: 'CREATE VIEW `top` AS select * from `mid`' },
      { name: 'mid', ddl: 'CREATE VIEW `mid` AS select * from `base`' },
      { name: 'base', ddl: 'CREATE VIEW `base` AS select 1' },
    ]).map((v) => v.name),
    ['base', 'mid', 'top'],
  );
  assert.equal(
    portableViewDdl('CREATE ALGORITHM=UNDEFINED DEFINER=`tk`@`%` SQL SECURITY DEFINER VIEW `v` AS select 1'),
    'CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `v` AS select 1',
  );
});

// --- hostile and broken input (issue 12) ---

async function serverInfo() {
  const probe = await connect(profile(), db.password);
  const server = await detectServer(probe);
  await probe.end();
  return server;
}

test('multi-byte text across every read boundary survives the round trip, plain and gzip (the importer decodes as a stream)', async () => {
  const c = await admin();
  await c.query('CREATE DATABASE zh CHARACTER SET utf8mb4');
  await c.query('CREATE TABLE zh.t (id INT PRIMARY KEY, s TEXT)');
  // 3-byte and 4-byte characters, rows of odd lengths so characters straddle 64 KiB and 16 KiB reads
  const rows = Array.from({ length: 2000 }, (_, i) => [i, `${'数据库'.repeat(300 + (i % 7))}🐬${'é'.repeat(i % 5)}`]);
  for (let i = 0; i < rows.length; i += 500) await c.query('INSERT INTO zh.t VALUES ?', [rows.slice(i, i + 500)]);
  const [[sum]] = await c.query<mysql.RowDataPacket[]>('CHECKSUM TABLE zh.t');
  const server = await serverInfo();
  for (const gzip of [false, true]) {
    const f = path.join(work, `zh.sql${gzip ? '.gz' : ''}`);
    const m = await exportLogical(source(), server, { databases: ['zh'], file: f, gzip });
    assert.ok(fs.statSync(f).size > (gzip ? 10_000 : 4_000_000));
    await c.query('DROP DATABASE zh');
    const conn = await connect(profile(), db.password);
    await importLogical(conn, f);
    const v = await verifyAgainstManifest(conn, m);
    await conn.end();
    assert.equal(v.ok, true, `${gzip ? 'gzip' : 'plain'}: ${JSON.stringify(v.tables)}`);
    const [[again]] = await c.query<mysql.RowDataPacket[]>('CHECKSUM TABLE zh.t');
    assert.equal(again.Checksum, sum.Checksum, gzip ? 'gzip' : 'plain');
    const [bad] = await c.query<mysql.RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM zh.t WHERE INSTR(CONVERT(s USING binary), UNHEX('EFBFBD')) > 0",
    );
    assert.equal(Number(bad[0].n), 0, 'no U+FFFD');
  }
  await c.query('DROP DATABASE zh');
  await c.end();
});

test('a database named to inject SQL through the dump header runs nothing when the dump is restored (importer and mariadb client)', async () => {
  const c = await admin();
  const hostile = 'shop\nCREATE DATABASE pwned; -- */';
  await c.query(`CREATE DATABASE ${mysql.escapeId(hostile)}`);
  await c.query(`CREATE TABLE ${mysql.escapeId(hostile)}.t (id INT PRIMARY KEY)`);
  await c.query(`INSERT INTO ${mysql.escapeId(hostile)}.t VALUES (1)`);
  const f = path.join(work, 'hostile.sql');
  const m = await exportLogical(source(), await serverInfo(), { databases: [hostile], file: f });
  const sql = fs.readFileSync(f, 'utf8');
  assert.match(
    sql.split('\n')[0],
    /^-- TiDB Toolkit logical backup: shop\\u\{a\}CREATE DATABASE pwned; -- \* \/ from /,
    'the header comment keeps the name on its line, escaped',
  );
  const pwned = async () => (await c.query<mysql.RowDataPacket[]>("SHOW DATABASES LIKE 'pwned'"))[0].length;
  await c.query(`DROP DATABASE ${mysql.escapeId(hostile)}`);
  const conn = await connect(profile(), db.password);
  await importLogical(conn, f);
  assert.equal((await verifyAgainstManifest(conn, m)).ok, true);
  await conn.end();
  assert.equal(await pwned(), 0, 'our importer ran no injected statement');
  await c.query(`DROP DATABASE ${mysql.escapeId(hostile)}`);
  const r = spawnSync(
    'mariadb',
    ['--protocol=TCP', '-h', '127.0.0.1', '-P', String(db.port), '-u', db.user, `-p${db.password}`, '--default-character-set=utf8mb4'],
    { input: fs.readFileSync(f), encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(await pwned(), 0, 'the mariadb client ran no injected statement');
  await c.query(`DROP DATABASE ${mysql.escapeId(hostile)}`);
  await c.end();
});

test('ANSI_QUOTES on the source server: the dump still restores (the export uses its own sql_mode)', async () => {
  const c = await admin();
  await c.query('CREATE DATABASE ansi');
  await c.query("CREATE TABLE ansi.t (id INT PRIMARY KEY, `na me` VARCHAR(10) DEFAULT 'x')");
  await c.query("INSERT INTO ansi.t VALUES (1, 'a'), (2, NULL)");
  await c.query("SET GLOBAL sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES'");
  try {
    const f = path.join(work, 'ansi.sql');
    const m = await exportLogical(source(), await serverInfo(), { databases: ['ansi'], file: f });
    assert.doesNotMatch(fs.readFileSync(f, 'utf8'), /CREATE TABLE "t"/);
    await c.query('DROP DATABASE ansi');
    const conn = await connect(profile(), db.password);
    await importLogical(conn, f);
    assert.equal((await verifyAgainstManifest(conn, m)).ok, true);
    await conn.end();
  } finally {
    await c.query('SET GLOBAL sql_mode = DEFAULT');
    await c.query('DROP DATABASE IF EXISTS ansi');
    await c.end();
  }
});

test('an interrupted export leaves no file under the backup name; a truncated dump is known as such before anything runs', async () => {
  const c = await admin();
  await c.query('CREATE DATABASE big');
  await c.query('CREATE TABLE big.t (id INT PRIMARY KEY, s VARCHAR(100))');
  const values = Array.from({ length: 5000 }, (_, i) => [i, `row ${i} ${'x'.repeat(80)}`]);
  for (let k = 0; k < 20; k++) await c.query('INSERT INTO big.t VALUES ?', [values.map(([i, s]) => [Number(i) + k * 5000, s])]);
  const f = path.join(work, 'big.sql');
  const ac = new AbortController();
  // four readers (part files per table, the global-read-lock path), stopped midway
  await c.query('CREATE TABLE big.t2 LIKE big.t');
  await c.query('INSERT INTO big.t2 SELECT * FROM big.t');
  const err = await exportLogical(source(), await serverInfo(), {
    databases: ['big'],
    file: f,
    parallel: 4,
    signal: ac.signal,
    onProgress: (p) => p.rows > 20_000 && ac.abort(),
  }).then(
    () => undefined,
    (e: Error) => e,
  );
  assert.ok(err, 'the export was stopped');
  assert.ok(!fs.existsSync(f), 'no file under the final name');
  assert.deepEqual(
    fs.readdirSync(work).filter((x) => x.startsWith('big.sql')),
    [],
    'no partial or part files left',
  );
  // a complete one, then cut short as a kill -9 or a full disk would leave it
  const m = await exportLogical(source(), await serverInfo(), { databases: ['big'], file: f });
  assert.equal((await scanDump(f)).complete, true);
  const cut = path.join(work, 'big-cut.sql');
  const whole = fs.readFileSync(f, 'utf8');
  fs.writeFileSync(cut, whole.slice(0, whole.lastIndexOf('INSERT INTO')));
  const scan = await scanDump(cut);
  assert.equal(scan.origin, 'tidb-toolkit');
  assert.equal(scan.complete, false);
  // gzip cut short: the stream itself is damaged
  const gz = path.join(work, 'big.sql.gz');
  await exportLogical(source(), await serverInfo(), { databases: ['big'], file: gz, gzip: true });
  const gzCut = path.join(work, 'big-cut.sql.gz');
  fs.writeFileSync(gzCut, fs.readFileSync(gz).subarray(0, Math.floor(fs.statSync(gz).size / 2)));
  const gzScan = await scanDump(gzCut);
  assert.equal(gzScan.complete, false);
  assert.ok(gzScan.damaged, 'the damage is named');
  assert.deepEqual(
    m.databases[0].tables.map((t) => t.rows),
    [100_000, 100_000],
  );
  // our own files are checked from their ends (checkDump), gzip by reading the stream through
  assert.deepEqual([(await checkDump(f)).complete, (await checkDump(f)).ours], [true, true]);
  assert.equal((await checkDump(cut)).complete, false);
  assert.ok((await checkDump(gzCut)).damaged);
  assert.equal((await checkDump(gz)).complete, true);
  // one of ours altered to drop a table: the import stops before that statement
  const altered = path.join(work, 'big-altered.sql');
  fs.writeFileSync(altered, whole.replace('CREATE TABLE `t`', 'DROP TABLE IF EXISTS `t`;\nCREATE TABLE `t`'));
  assert.equal((await checkDump(altered)).ours, true);
  await c.query('DROP DATABASE big');
  await c.query('CREATE DATABASE big');
  await c.query('CREATE TABLE big.t (id INT PRIMARY KEY, s VARCHAR(100))');
  const conn = await connect(profile(), db.password);
  const stop = await importLogical(conn, altered, { refuseReplacing: true }).then(
    () => undefined,
    (e: ImportError) => e,
  );
  await conn.end();
  assert.ok(stop instanceof ImportError && /would drop or replace t: a TiDB Toolkit backup never does/.test(stop.message), String(stop));
  const [[still]] = await c.query<mysql.RowDataPacket[]>(
    "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'big' AND TABLE_NAME = 't'",
  );
  assert.equal(Number(still.n), 1, 'the table was not dropped');
  await c.query('DROP DATABASE big');
  await c.end();
});

test('a mariadb-dump file without a manifest: the scan names what it would drop that exists now (shop.orders), so the restore can ask first', async () => {
  const c = await admin();
  await c.query('CREATE DATABASE shop2');
  await c.query('CREATE TABLE shop2.orders (id INT PRIMARY KEY)');
  await c.query('INSERT INTO shop2.orders VALUES (1), (2), (3)');
  await c.query('CREATE VIEW shop2.v AS SELECT id FROM shop2.orders');
  const f = path.join(work, 'maria.sql');
  const r = spawnSync(
    'mariadb-dump',
    ['--protocol=TCP', '-h', '127.0.0.1', '-P', String(db.port), '-u', db.user, `-p${db.password}`, '--databases', 'shop2'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  assert.equal(r.status, 0, r.stderr);
  fs.writeFileSync(f, r.stdout);
  const scan = await scanDump(f);
  assert.equal(scan.origin, 'mysqldump');
  assert.equal(scan.complete, true);
  assert.ok(
    scan.replaces.some((x) => x.kind === 'table' && x.database === 'shop2' && x.name === 'orders'),
    JSON.stringify(scan.replaces),
  );
  const conn = await connect(profile(), db.password);
  const inWay = await existingReplaced(conn, scan);
  assert.ok(
    inWay.some((x) => x.startsWith('shop2.orders')),
    inWay.join(', '),
  );
  assert.ok(
    inWay.some((x) => x.startsWith('shop2.v')),
    inWay.join(', '),
  );
  await c.query('DROP DATABASE shop2');
  assert.deepEqual(await existingReplaced(conn, scan), [], 'nothing in the way once it is gone');
  await conn.end();
  await c.end();
});
