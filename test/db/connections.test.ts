// Connections against a real MariaDB (started by the harness), and the parts
// that only TiDB can answer, checked with outputs from the TiDB docs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as mysql from 'mysql2/promise';
import { connect, parseTidbVersion, parseVersion } from '../../client/src/connections/driver';
import { ConnectionUrlError, parseConnectionUrl, profileUrl, type ConnectionProfile } from '../../client/src/connections/profile';
import { startMariaDb, type MariaDb } from '../../scripts/launcher/mariadb';

let db: MariaDb;
before(async () => {
  db = await startMariaDb();
});
after(async () => {
  await db?.stop();
});

const profile = (over: Partial<ConnectionProfile> = {}): ConnectionProfile => ({
  id: 't',
  name: 't',
  host: '127.0.0.1',
  port: db.port,
  user: db.user,
  tls: 'off',
  ...over,
});

test('connects with TLS off and detects MariaDB and its version', async () => {
  const c = await connect(profile(), db.password);
  try {
    const { detectServer } = await import('../../client/src/connections/driver');
    const info = await detectServer(c);
    assert.equal(info.flavor, 'mariadb');
    assert.match(info.version, /^\d+\.\d+\.\d+$/);
  } finally {
    await c.end();
  }
});

test('TLS preferred falls back to plain on a server without TLS; required says why it fails', async () => {
  const c = await connect(profile({ tls: 'preferred' }), db.password);
  await c.end();
  await assert.rejects(connect(profile({ tls: 'required' }), db.password), (e: Error) => {
    assert.match(e.message, /does not support TLS.*TLS mode 'required'/);
    return true;
  });
});

test('a wrong password gives a clear error that does not contain the password', async () => {
  const wrong = 'not-the-password-' + Date.now();
  await assert.rejects(connect(profile(), wrong), (e: Error) => {
    assert.match(e.message, /Access denied for user 'tk' at 127\.0\.0\.1:\d+ \(error 1045\)\. Check the user name and password/);
    assert.ok(!e.message.includes(wrong));
    return true;
  });
  await assert.rejects(connect(profile({ port: 1 }), db.password), /Nothing is listening at 127\.0\.0\.1:1/);
  await assert.rejects(
    connect(profile({ database: 'no_such_db' }), db.password),
    /Unknown database 'no_such_db'.*Leave the default database empty/,
  );
});

test('hostile identifiers and values round-trip through escapeId and placeholders', async () => {
  const c = await connect(profile(), db.password);
  try {
    const dbName = 'db`; DROP DATABASE mysql; --';
    const table = '<img src=x onerror=alert(1)>';
    await c.query(`CREATE DATABASE ${mysql.escapeId(dbName)}`);
    await c.query(`CREATE TABLE ${mysql.escapeId(dbName)}.${mysql.escapeId(table)} (${mysql.escapeId('a"b`c')} VARCHAR(100))`);
    const value = "x'); DROP TABLE t; -- \\ \u0000 😀";
    await c.query(`INSERT INTO ${mysql.escapeId(dbName)}.${mysql.escapeId(table)} VALUES (?)`, [value]);
    const [rows] = await c.query<mysql.RowDataPacket[]>(
      `SELECT ${mysql.escapeId('a"b`c')} AS v FROM ${mysql.escapeId(dbName)}.${mysql.escapeId(table)}`,
    );
    assert.equal(rows[0].v, value);
    const [dbs] = await c.query<mysql.RowDataPacket[]>('SHOW DATABASES LIKE ?', ['db`%']);
    assert.equal(dbs.length, 1);
    await c.query(`DROP DATABASE ${mysql.escapeId(dbName)}`);
  } finally {
    await c.end();
  }
});

test('mysql:// URLs fill a profile; the password stays separate', () => {
  // the shape of a TiDB Cloud connection string (host, user prefix, port 4000, VERIFY_IDENTITY)
  const r = parseConnectionUrl('mysql://2abcDEF.root:p%40ss@gateway01.us-west-2.prod.aws.tidbcloud.com:4000/test?ssl-mode=VERIFY_IDENTITY');
  assert.deepEqual(r.profile, {
    host: 'gateway01.us-west-2.prod.aws.tidbcloud.com',
    port: 4000,
    user: '2abcDEF.root',
    database: 'test',
    tls: 'verify-identity',
  });
  assert.equal(r.password, 'p@ss');
  assert.equal(profileUrl(r.profile), 'mysql://2abcDEF.root@gateway01.us-west-2.prod.aws.tidbcloud.com:4000/test?ssl-mode=VERIFY_IDENTITY');
  assert.ok(!profileUrl(r.profile).includes('p@ss'));
  assert.deepEqual(parseConnectionUrl('mysql://root@127.0.0.1').profile, {
    host: '127.0.0.1',
    port: 4000,
    user: 'root',
    database: undefined,
    tls: 'preferred',
  });
  assert.equal(parseConnectionUrl('mysql://u@h:3306/db?sslmode=disabled').profile.tls, 'off');
  assert.equal(parseConnectionUrl('mysql://u@h/db?sslaccept=strict').profile.tls, 'verify-identity');
  assert.throws(() => parseConnectionUrl('postgres://u@h/db'), ConnectionUrlError);
  assert.throws(() => parseConnectionUrl('mysql://u@h/db?ssl-mode=sometimes'), /Unknown ssl-mode 'sometimes'/);
  assert.throws(() => parseConnectionUrl('not a url'), /Not a URL/);
});

test('TiDB version strings (VERSION() value as printed in the TiDB docs TIDB_SERVERS_INFO example; not run: no TiDB here)', () => {
  assert.deepEqual(parseVersion('8.0.11-TiDB-v8.3.0'), { flavor: 'tidb', raw: '8.0.11-TiDB-v8.3.0', version: '8.3.0' });
  assert.equal(parseVersion('5.7.25-TiDB-v6.5.0').version, '6.5.0');
  assert.equal(parseVersion('8.0.36').flavor, 'mysql');
  assert.equal(parseVersion('10.11.6-MariaDB-0+deb12u1').flavor, 'mariadb');
  assert.equal(parseTidbVersion('Release Version: v8.5.0\nEdition: Community\nGit Commit Hash: abc'), '8.5.0');
  assert.equal(parseTidbVersion('nothing here'), undefined);
});
