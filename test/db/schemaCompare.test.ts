// Schema compare and sync against a real MariaDB: two databases with every kind of difference
// (tables only on one side, columns added, dropped, widened, narrowed, retyped, indexes added,
// dropped, changed, hostile names, AUTO_INCREMENT counters as noise); the generated migration
// applied to the target makes a second compare come back equal, and a second migration is empty.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type * as mysql from 'mysql2/promise';
import { diffSchemas, isEmpty, migration, migrationScript } from '../../core/schemaDiff/diff';
import { ConnectionManager } from '../../client/src/connections/manager';
import { ConnectionStore, type ProfileScope } from '../../client/src/connections/store';
import { applyStatements, scriptStatements } from '../../client/src/schemaCompare/apply';
import { liveSchema, rowCounts } from '../../client/src/schemaCompare/load';
import { startMariaDb, type MariaDb } from '../../scripts/launcher/mariadb';

let db: MariaDb;
let c: mysql.Connection;

before(async () => {
  db = await startMariaDb();
  c = await db.admin();
  await c.query('CREATE DATABASE src');
  await c.query('CREATE DATABASE dst');
  for (const sql of [
    'CREATE TABLE src.customers (id BIGINT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(200) NOT NULL, name VARCHAR(100), created DATETIME DEFAULT CURRENT_TIMESTAMP, UNIQUE KEY uk_email (email), KEY idx_name (name))',
    'CREATE TABLE src.orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, total DECIMAL(12,2) NOT NULL DEFAULT 0, note TEXT, KEY idx_customer (customer_id, id))',
    "CREATE TABLE src.`we``ird table` (`a``b` INT, `c d` VARCHAR(10) COMMENT 'it''s', KEY `k``1` (`a``b`))",
    'CREATE TABLE src.audit_log (id BIGINT PRIMARY KEY, what VARCHAR(50) NOT NULL)',
    'CREATE TABLE dst.customers (id BIGINT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(100) NOT NULL, legacy INT, UNIQUE KEY uk_email (email), KEY idx_legacy (legacy))',
    'CREATE TABLE dst.orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2) NOT NULL DEFAULT 0, note TEXT, KEY idx_customer (customer_id))',
    'CREATE TABLE dst.`we``ird table` (`a``b` INT, KEY `k``1` (`a``b`))',
    'CREATE TABLE dst.old_stuff (id INT)',
    'CREATE VIEW src.v_big AS SELECT id, total FROM src.orders WHERE total > 100',
    'CREATE VIEW dst.v_big AS SELECT id FROM dst.orders',
    'CREATE VIEW dst.v_old AS SELECT 1 AS x',
    'CREATE SEQUENCE src.seq_order START WITH 100 INCREMENT BY 10',
    'CREATE SEQUENCE dst.seq_order',
    'CREATE SEQUENCE src.seq_new NOCACHE',
    'CREATE SEQUENCE dst.seq_old',
    "INSERT INTO dst.customers (email) VALUES ('a@x'), ('b@x'), ('c@x')",
    'INSERT INTO dst.orders VALUES (1, 1, 9.5, NULL), (2, 2, 10, NULL)',
  ])
    await c.query(sql);
});

after(async () => {
  await c?.end();
  await db?.stop();
});

test('every kind of difference is found, with TiDB’s cost class for each step; AUTO_INCREMENT counters are noise', async () => {
  const d = diffSchemas(await liveSchema(c, 'src'), await liveSchema(c, 'dst'));
  assert.deepEqual(
    d.onlyInSource.map((t) => t.name),
    ['audit_log'],
  );
  assert.deepEqual(
    d.onlyInTarget.map((t) => t.name),
    ['old_stuff'],
  );
  const byName = new Map(d.changed.map((t) => [t.name, t]));
  assert.deepEqual([...byName.keys()].sort(), ['customers', 'orders', 'we`ird table']);
  const cu = byName.get('customers')!;
  assert.deepEqual(
    cu.addColumns.map((x) => x.name),
    ['name', 'created'],
  );
  assert.deepEqual(
    cu.dropColumns.map((x) => x.name),
    ['legacy'],
  );
  assert.deepEqual(
    cu.modifyColumns.map((x) => x.to.name),
    ['email'],
  );
  assert.deepEqual(
    cu.addIndexes.map((x) => x.name),
    ['idx_name'],
  );
  assert.deepEqual(
    cu.dropIndexes.map((x) => x.name),
    ['idx_legacy'],
  );
  // views: the stored query without its own database's qualifiers (MariaDB writes `src`.`orders`)
  assert.deepEqual(
    d.views.changed.map((v) => v.name),
    ['v_big'],
  );
  assert.deepEqual(
    d.views.onlyInTarget.map((v) => v.name),
    ['v_old'],
  );
  assert.doesNotMatch(d.views.changed[0].createSql, /`src`\./);
  // sequences (MariaDB's SHOW CREATE SEQUENCE, the form TiDB copied)
  assert.deepEqual(
    [d.sequences.onlyInSource, d.sequences.onlyInTarget, d.sequences.changed.map((x) => x.to)].map((l) => l.map((q) => q.name)),
    [['seq_new'], ['seq_old'], ['seq_order']],
  );
  const steps = migration(d, { flavor: 'tidb', drop: true, rows: await rowCounts(c, 'dst') });
  assert.ok(
    steps.findIndex((x) => /^CREATE OR REPLACE VIEW `v_big`/.test(x.sql)) > steps.findIndex((x) => /ADD COLUMN `name`/.test(x.sql)),
    'views after the tables',
  );
  const cost = (re: RegExp) => steps.find((s) => re.test(s.sql))?.cost;
  assert.equal(cost(/MODIFY COLUMN `email` varchar\(200\)/), 'instant', 'a longer VARCHAR');
  assert.equal(cost(/MODIFY COLUMN `customer_id` bigint/), 'instant', 'a wider integer');
  assert.equal(cost(/MODIFY COLUMN `total` decimal\(12,2\)/), 'reorg', 'DECIMAL precision');
  assert.equal(cost(/ADD KEY `idx_name`/), 'reorg');
  assert.equal(cost(/ADD COLUMN `name`/), 'instant');
  assert.match(steps.find((s) => /ADD KEY `idx_customer`/.test(s.sql))!.why, /~2 rows in the target/);
  // safe order: new sequences (a DEFAULT NEXTVAL needs them) and tables first, the drops last
  assert.match(steps[0].sql, /^CREATE SEQUENCE `seq_new` START WITH 1 .* NOCACHE/);
  assert.match(steps[1].sql, /^ALTER SEQUENCE `seq_order` INCREMENT BY 10 /);
  assert.match(steps[2].sql, /^CREATE TABLE `audit_log`/);
  assert.deepEqual(
    steps.slice(-2).map((s) => s.sql),
    ['ALTER TABLE `customers` DROP COLUMN `legacy`', 'DROP TABLE `old_stuff`'],
  );
  // without drop: the drops are listed, commented out
  assert.ok(
    migration(d, { flavor: 'tidb' })
      .filter((s) => s.cost === 'drop')
      .every((s) => s.sql.startsWith('-- ')),
  );
  // TiDB: cheap steps can assert ALGORITHM=INSTANT, reorgs never do
  const asserted = migration(d, { flavor: 'tidb', assertInstant: true });
  assert.ok(
    asserted.filter((s) => s.cost === 'instant' && s.sql.startsWith('ALTER TABLE')).every((s) => s.sql.endsWith(', ALGORITHM=INSTANT')),
  );
  assert.ok(asserted.filter((s) => s.cost === 'reorg').every((s) => !s.sql.includes('ALGORITHM')));
  assert.match(migrationScript(steps, 'src → dst'), /^-- src → dst\n-- \d+ steps; review before running/);
});

/** tidb-schema-diff as CI runs it: the built bin, its stdout, stderr and exit code. */
function cli(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../dist/schema-diff.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, TIDB_PASSWORD: db.password },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const url = (database: string) => `mysql://${db.user}@127.0.0.1:${db.port}/${database}?ssl-mode=DISABLED`;

test('tidb-schema-diff: drift between two live databases exits 1 with the migration; a folder of DDL is a side too; errors exit 2 without the password', async () => {
  const drift = cli(url('src'), url('dst'));
  assert.equal(drift.code, 1, drift.err);
  assert.match(drift.out, /^-- makes mysql:\/\/.+\/dst.* like mysql:\/\/.+\/src/);
  assert.match(drift.out, /CREATE TABLE `audit_log`/);
  assert.match(drift.out, /-- DROP TABLE `old_stuff`/, 'drops stay comments without --drop');
  assert.match(cli(url('src'), url('dst'), '--drop').out, /^DROP TABLE `old_stuff`;$/m);
  // the repository's DDL: src's tables as files in a folder (CREATE TABLE only) match src, not dst
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-ddl-'));
  try {
    const model = await liveSchema(c, 'src');
    for (const [i, t] of [...model.tables.values()].entries())
      fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.sql`), `${t.createSql};\n`);
    fs.writeFileSync(path.join(dir, 'views.sql'), [...model.views.values()].map((v) => `${v.createSql};\n`).join(''));
    fs.writeFileSync(path.join(dir, 'seqs.sql'), [...model.sequences.values()].map((q) => `${q.createSql};\n`).join(''));
    fs.writeFileSync(
      path.join(dir, 'zz-later.sql'),
      'ALTER TABLE customers ADD COLUMN later INT;\nALTER TABLE customers DROP COLUMN later;\nALTER TABLE orders COALESCE PARTITION 2;\n',
    );
    const same = cli(dir, url('src'));
    assert.equal(same.code, 0, same.out);
    assert.match(same.err, /zz-later\.sql:3: not replayed, a partition operation \(COALESCE\): ALTER TABLE orders COALESCE PARTITION 2/);
    assert.equal(cli(dir, url('dst')).code, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(cli(url('src')).code, 2, 'usage');
  // a made-up password on an unreachable port: the error must not print it
  const wrong = spawnSync(
    process.execPath,
    [path.resolve(import.meta.dirname, '../../dist/schema-diff.js'), `mysql://${db.user}:NOT-A-REAL-PASSWORD-x7@127.0.0.1:1/x`, url('dst')],
    { encoding: 'utf8' },
  );
  assert.equal(wrong.status, 2);
  assert.ok(!wrong.stderr.includes('NOT-A-REAL-PASSWORD-x7'), wrong.stderr);
});

test('the round trip: the migration applied to the target makes it equal, and a second migration is empty', async () => {
  const steps = migration(diffSchemas(await liveSchema(c, 'src'), await liveSchema(c, 'dst')), { flavor: 'mariadb', drop: true });
  await c.query('USE dst');
  for (const s of steps) if (!s.sql.startsWith('--')) await c.query(s.sql);
  const again = diffSchemas(await liveSchema(c, 'src'), await liveSchema(c, 'dst'));
  assert.ok(isEmpty(again), JSON.stringify(again, null, 1).slice(0, 2000));
  assert.deepEqual(migration(again, { flavor: 'mariadb', drop: true }), []);
  // the data that was there is still there
  const [rows] = await c.query('SELECT COUNT(*) AS n FROM dst.customers');
  assert.deepEqual(rows, [{ n: 3 }]);
  // and CI would now pass
  const after = cli(url('src'), url('dst'));
  assert.equal(after.code, 0, after.out);
  assert.match(after.err, /matches/);
});

test('applying a script: statement by statement on the session, stopping at the first failure and saying what ran and what did not', async () => {
  const settings: Partial<Record<ProfileScope, unknown>> = {};
  const store = new ConnectionStore(
    { read: (sc) => settings[sc], write: async (sc, v) => void (settings[sc] = v) },
    { get: async () => db.password, store: async () => undefined, delete: async () => undefined },
  );
  await store.save({ id: 'm', name: 'maria', host: '127.0.0.1', port: db.port, user: db.user, tls: 'off', database: 'src' }, 'user');
  const manager = new ConnectionManager(store, {
    connectTimeoutMs: () => 5000,
    askPassword: async () => db.password,
    notice: () => undefined,
  });
  try {
    const s = await manager.connect('m');
    const script =
      '-- a script\nCREATE TABLE applied_1 (id INT);\n\n-- instant: x\nALTER TABLE applied_1 ADD COLUMN v INT;\nALTER TABLE no_such_table ADD COLUMN v INT;\nCREATE TABLE never_run (id INT);\n';
    const statements = scriptStatements(script);
    assert.equal(statements.length, 4, 'comments are not statements');
    const steps: number[] = [];
    const out = await applyStatements(s, statements, { onStep: (i) => steps.push(i) });
    assert.deepEqual(out.applied, ['CREATE TABLE applied_1 (id INT)', 'ALTER TABLE applied_1 ADD COLUMN v INT']);
    assert.equal(out.failed?.sql, 'ALTER TABLE no_such_table ADD COLUMN v INT');
    assert.match(out.failed!.message, /doesn't exist/);
    assert.deepEqual(out.notRun, ['CREATE TABLE never_run (id INT)']);
    assert.deepEqual(steps, [0, 1, 2]);
    const [t] = await c.query(
      "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'src' AND TABLE_NAME IN ('applied_1', 'never_run')",
    );
    assert.deepEqual(t, [{ t: 'applied_1' }]);
    await c.query('DROP TABLE src.applied_1');
  } finally {
    await manager.dispose();
  }
});

test('two servers: a database copied by its migration from one MariaDB to an empty one on another compares equal', async () => {
  const other = await startMariaDb();
  const o = await other.admin();
  try {
    await o.query('CREATE DATABASE copy');
    const url2 = `mysql://${other.user}@127.0.0.1:${other.port}/copy?ssl-mode=DISABLED`;
    const steps = migration(diffSchemas(await liveSchema(c, 'src'), await liveSchema(o, 'copy')), { flavor: 'mariadb' });
    assert.ok(steps.length >= 5);
    await o.query('USE copy');
    for (const s of steps) if (!s.sql.startsWith('--')) await o.query(s.sql);
    assert.ok(isEmpty(diffSchemas(await liveSchema(c, 'src'), await liveSchema(o, 'copy'))));
    // the CLI across the two servers (each URL with its own password)
    const r = spawnSync(
      process.execPath,
      [
        path.resolve(import.meta.dirname, '../../dist/schema-diff.js'),
        url('src').replace(`${db.user}@`, `${db.user}:${encodeURIComponent(db.password)}@`),
        url2.replace(`${other.user}@`, `${other.user}:${encodeURIComponent(other.password)}@`),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    await o.end();
    await other.stop();
  }
});

test('a migrations folder: the files applied to MariaDB in order and the same folder replayed compare equal; V10 after V2', async () => {
  const files: Array<[string, string]> = [
    [
      'V1__init.sql',
      `CREATE TABLE users (id BIGINT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(100) NOT NULL UNIQUE, name VARCHAR(50) CHARACTER SET latin1, bio TEXT, KEY idx_name_email (name, email)) DEFAULT CHARSET=utf8mb4;
CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, title VARCHAR(200), KEY idx_user (user_id));
CREATE TABLE scratch (id INT);
INSERT INTO users (email, name) VALUES ('a@x', 'a');`,
    ],
    [
      'V2__profile.sql',
      `ALTER TABLE users ADD COLUMN age INT AFTER id, ADD INDEX idx_age (age), MODIFY email VARCHAR(200) NOT NULL;
ALTER TABLE users DROP COLUMN name, RENAME COLUMN bio TO about, ALTER COLUMN age SET DEFAULT 18;
CREATE UNIQUE INDEX uk_title ON posts (user_id, title);
ALTER TABLE posts CHANGE title headline VARCHAR(300) COMMENT 'shown on top';`,
    ],
    [
      'V3__audit.sql',
      `CREATE TABLE audit LIKE posts;
RENAME TABLE audit TO audit_log;
ALTER TABLE audit_log COMMENT='who did what', DROP INDEX uk_title;
DROP TABLE IF EXISTS scratch;
CREATE SEQUENCE post_ids START WITH 1000 INCREMENT BY 5;
CREATE VIEW recent AS SELECT id, headline FROM posts WHERE id > 10;`,
    ],
    // V10 sorts before V2 as a string; applied after it, it sees age's default of 18
    [
      'V10__later.sql',
      'ALTER TABLE users ALTER COLUMN age DROP DEFAULT;\nALTER SEQUENCE post_ids CACHE 50;\nDROP INDEX idx_user ON posts;',
    ],
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-migrations-'));
  try {
    for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
    await c.query('CREATE DATABASE mig');
    await c.query('USE mig');
    // applied in version order, as a migration tool does
    for (const [, text] of [files[0], files[1], files[2], files[3]]) for (const sql of scriptStatements(text)) await c.query(sql);
    const live = await liveSchema(c, 'mig');
    assert.deepEqual([...live.tables.keys()].sort(), ['audit_log', 'posts', 'users']);
    const r = cli(dir, url('mig'));
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(r.err.includes('not replayed'), false, r.err);
    // and drift is seen: a column added by hand on the server
    await c.query('ALTER TABLE mig.users ADD COLUMN hotfix INT');
    const drift = cli(dir, url('mig'), '--drop');
    assert.equal(drift.code, 1);
    assert.match(drift.out, /^ALTER TABLE `users` DROP COLUMN `hotfix`;$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await c.query('DROP DATABASE IF EXISTS mig');
  }
});
