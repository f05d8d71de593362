// The example runner the opt-in TiDB test uses (test/helpers/exampleRunner.ts), on a
// real MariaDB: it scaffolds what an example does not create, answers the flagged
// statements, and tells a wrong answer from a right one. Which answers TiDB gives is
// checked by test/db/tidb.test.ts against a real TiDB (TIDB_TEST_URL).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type * as mysql from 'mysql2/promise';
import { connect } from '../../client/src/connections/driver';
import { RULES } from '../../core/lint/rules';
import { startMariaDb, type MariaDb } from '../../scripts/launcher/mariadb';
import { examplesWithAnswers, mismatch, runExample } from '../helpers/exampleRunner';

let db: MariaDb;
let c: mysql.Connection;
const rule = (id: string) => RULES.find((r) => r.meta.id === id)!;

before(async () => {
  db = await startMariaDb();
  c = await connect({ id: 'x', name: 'x', host: '127.0.0.1', port: db.port, user: db.user, tls: 'off' }, db.password);
});

after(async () => {
  await c?.end();
  await db?.stop();
});

test('a risky statement on tables the example never creates runs as written: tables and columns are scaffolded', async () => {
  const answers = await runExample(
    c,
    rule('delete-without-where'),
    'DELETE s FROM sessions s JOIN users u ON u.id = s.user_id;',
    '8.5',
    'tk_ex',
  );
  assert.equal(answers.length, 1);
  assert.ok(answers[0].ok, JSON.stringify(answers[0]));
  assert.equal(mismatch('accepted', answers[0]), undefined);
  const [dbs] = (await c.query("SHOW DATABASES LIKE 'tk_ex'")) as unknown as [unknown[]];
  assert.equal(dbs.length, 0, 'the scratch database is dropped');
});

test('only the flagged statements are answered; the statements before them must succeed', async () => {
  const sql = 'CREATE TABLE t (id INT PRIMARY KEY, v INT);\nINSERT INTO t VALUES (1, 2);\nUPDATE t SET v = 3;';
  const answers = await runExample(c, rule('update-without-where'), sql, '8.5', 'tk_ex');
  assert.deepEqual(
    answers.map((a) => [a.sql, a.ok]),
    [['UPDATE t SET v = 3', true]],
  );
  await assert.rejects(
    runExample(c, rule('delete-without-where'), 'CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY);\nDELETE FROM t;', '8.5', 'tk_ex'),
    /statement the example needs failed: CREATE TABLE t \(id BIGINT AUTO_RANDOM/,
  );
});

test('a wrong answer is told from a right one: MariaDB runs what TiDB rejects', async () => {
  const view = rule('dml-on-view');
  const sql = "CREATE VIEW v_users AS SELECT id, email FROM users;\nINSERT INTO v_users (email) VALUES ('a@b.c');";
  const [a] = await runExample(c, view, sql, '8.5', 'tk_ex');
  assert.ok(a.ok, JSON.stringify(a));
  assert.match(mismatch(view.meta.tidb!, a)!, /expected an error \(1105\), but it ran/);
  const [bad] = await runExample(c, rule('stored-procedure'), 'CALL p();', '8.5', 'tk_ex');
  assert.equal(bad.ok, false);
  assert.equal(bad.errno, 1305); // PROCEDURE does not exist
  assert.equal(mismatch({ error: 1305, message: 'x' }, bad), undefined);
  assert.match(mismatch({ error: 1064, message: 'x' }, bad)!, /expected error 1064, but it failed with 1305/);
  assert.match(mismatch('accepted', bad)!, /expected it to run/);
});

test('every rule that states a TiDB answer has flagged examples to hold it to', () => {
  const all = examplesWithAnswers();
  const rules = new Set(all.map((e) => e.rule.meta.id));
  assert.ok(rules.size >= 30, `${rules.size} rules state an answer`);
  assert.ok(rules.has('dml-on-view') && rules.has('delete-without-where') && rules.has('storage-engine-ignored'));
});
