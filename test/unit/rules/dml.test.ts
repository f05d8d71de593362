import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, ids, only } from '../../helpers';

test('delete-without-where: single- and multi-table forms, with or without ORDER BY/LIMIT', () => {
  const sql = 'delete from `shop`.`sessions` order by id limit 10;';
  const f = only(sql, 'delete-without-where');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'delete from `shop`.`sessions`');
  assert.deepEqual(ids('DELETE s FROM sessions s JOIN users u ON u.id = s.user_id;'), ['delete-without-where']);
  assert.deepEqual(ids('DELETE FROM t1, t2 USING t1 JOIN t2 ON t1.id = t2.id;'), ['delete-without-where']);
  assert.deepEqual(ids('DELETE FROM t1 USING t1 JOIN (SELECT id FROM u WHERE x = 1) d ON d.id = t1.id;'), ['delete-without-where']);
});

test('delete-without-where: WHERE, BATCH, routine bodies and strings are fine', () => {
  assert.deepEqual(ids('DELETE FROM sessions WHERE expires_at < NOW() LIMIT 1000;'), []);
  assert.deepEqual(ids('DELETE FROM t WHERE id IN (SELECT id FROM u);'), []);
  assert.deepEqual(ids("BATCH ON id LIMIT 5000 DELETE FROM sessions WHERE expires_at < '2024-01-01';"), []);
  assert.deepEqual(ids("SELECT 'DELETE FROM t' AS hint;"), []);
  assert.deepEqual(ids('CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;'), ['event']);
});

test('update-without-where: single-table (with ORDER BY/LIMIT) and multi-table UPDATE', () => {
  const sql = 'UPDATE users SET newsletter = 0;';
  assert.equal(at(sql, only(sql, 'update-without-where')[0]), 'UPDATE users');
  assert.deepEqual(ids('Update products Set price = price * 1.05 Order By id Limit 500;'), ['update-without-where']);
  assert.deepEqual(ids('UPDATE users u JOIN plans p ON p.id = u.plan_id SET u.quota = p.quota;'), ['update-without-where']);
  // a WHERE inside a subquery does not bound the UPDATE
  assert.deepEqual(ids('UPDATE t SET a = (SELECT MAX(b) FROM u WHERE u.id = 1);'), ['update-without-where']);
});

test('update-without-where: WHERE, BATCH, INSERT ... ON DUPLICATE KEY UPDATE are fine', () => {
  assert.deepEqual(ids('UPDATE users SET status = 1 WHERE id = 5;'), []);
  assert.deepEqual(ids('BATCH ON id LIMIT 1000 UPDATE t SET a = 1 WHERE b = 2;'), []);
  assert.deepEqual(ids('INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = a + 1;'), []);
});

test('insert-select-unbounded: INSERT/REPLACE ... SELECT ... FROM t without WHERE and LIMIT', () => {
  const sql = 'INSERT INTO orders_backup SELECT * FROM orders;';
  assert.equal(at(sql, only(sql, 'insert-select-unbounded')[0]), 'FROM orders');
  assert.deepEqual(ids('insert ignore into d (email) select email from raw group by email;'), ['insert-select-unbounded']);
  assert.deepEqual(ids('INSERT INTO p2 (id) SELECT p.id FROM products p JOIN brands b ON b.id = p.brand_id;'), ['insert-select-unbounded']);
  assert.deepEqual(ids('REPLACE INTO t (SELECT a FROM `db`.`u`);'), ['insert-select-unbounded']);
  assert.deepEqual(ids('INSERT INTO t (a, b) SELECT a, b FROM u ON DUPLICATE KEY UPDATE b = VALUES(b);'), ['insert-select-unbounded']);
});

test('insert-select-unbounded: WHERE, LIMIT, no FROM, VALUES with a scalar subquery are fine', () => {
  assert.deepEqual(ids("INSERT INTO a SELECT * FROM o WHERE created_at < '2023-01-01';"), []);
  assert.deepEqual(ids('INSERT INTO t (a) SELECT 1;'), []);
  assert.deepEqual(ids('INSERT INTO d (e) SELECT e FROM r ORDER BY id LIMIT 5000;'), []);
  assert.deepEqual(ids('INSERT INTO t SELECT a FROM u WHERE a IN (SELECT b FROM w);'), []);
  assert.deepEqual(ids('INSERT INTO t VALUES ((SELECT MAX(id) FROM u));'), []);
});

test('dml-on-view: INSERT/REPLACE/UPDATE/DELETE on a view created earlier in the file', () => {
  const sql = "CREATE VIEW v_users AS SELECT id, email FROM users;\nINSERT INTO v_users (email) VALUES ('a@b.c');";
  const f = only(sql, 'dml-on-view');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'v_users');
  const view = 'CREATE OR REPLACE VIEW shop.v AS SELECT a FROM t;\nUSE shop;\n';
  assert.deepEqual(ids(view + 'UPDATE v SET a = 2 WHERE a = 1;'), ['dml-on-view']);
  assert.deepEqual(ids(view + 'DELETE FROM `v` WHERE a = 1;'), ['dml-on-view']);
  assert.deepEqual(ids(view + 'DELETE x FROM v x WHERE x.a = 1;'), ['dml-on-view']);
  assert.deepEqual(ids(view + 'REPLACE v (a) VALUES (1);'), ['dml-on-view']);
  assert.deepEqual(ids(view + 'UPDATE t JOIN v ON v.a = t.a SET v.a = 1 WHERE t.a = 2;'), ['dml-on-view']);
});

test('dml-on-view: base tables, reading a view, views created later or dropped are fine', () => {
  assert.deepEqual(ids("UPDATE orders SET status = 'X' WHERE id = 99;"), []);
  const view = 'CREATE VIEW v AS SELECT a FROM t;\n';
  assert.deepEqual(ids(view + 'INSERT INTO t2 SELECT a FROM v WHERE a = 1;'), []);
  assert.deepEqual(ids(view + 'UPDATE t JOIN v ON v.a = t.a SET t.a = 1 WHERE t.a = 2;'), []);
  assert.deepEqual(ids(view + 'DROP VIEW v;\nCREATE TABLE v (a INT PRIMARY KEY);\nINSERT INTO v VALUES (1);'), []);
  assert.deepEqual(ids('INSERT INTO v VALUES (1);\nCREATE VIEW v AS SELECT a FROM t;'), []);
});

test('implicit-type-conversion: string column vs numeric literal, type known from the file', () => {
  const ddl = 'CREATE TABLE m (id BIGINT PRIMARY KEY, phone VARCHAR(20), code CHAR(4), n INT, body TEXT);\n';
  const sql = ddl + 'SELECT id FROM m WHERE phone = 13800138000;';
  const f = only(sql, 'implicit-type-conversion');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'phone = 13800138000');
  assert.deepEqual(ids(ddl + 'SELECT id FROM m x WHERE x.code <> -5;'), ['implicit-type-conversion']);
  assert.deepEqual(ids(ddl + 'SELECT id FROM m WHERE m.phone IN (1, 2);'), ['implicit-type-conversion']);
  assert.deepEqual(ids(ddl + 'UPDATE m SET n = 1 WHERE 5 = code;'), ['implicit-type-conversion']);
  assert.deepEqual(ids(ddl + 'SELECT a.id FROM m a JOIN m b ON b.code = 12 WHERE a.id = 1;'), ['implicit-type-conversion']);
  assert.deepEqual(ids(ddl + 'DELETE FROM m WHERE body = 0;'), ['implicit-type-conversion']);
});

test('implicit-type-conversion: quoted literals, numeric columns, SET assignments and unknown tables are fine', () => {
  const ddl = 'CREATE TABLE m (id BIGINT PRIMARY KEY, phone VARCHAR(20), n INT);\n';
  assert.deepEqual(ids(ddl + "SELECT id FROM m WHERE phone = '13800138000';"), []);
  assert.deepEqual(ids(ddl + "SELECT id FROM m WHERE n = '100';"), []);
  assert.deepEqual(ids(ddl + 'UPDATE m SET phone = 5 WHERE id = 1;'), []);
  assert.deepEqual(ids(ddl + 'SELECT id FROM m WHERE LENGTH(phone) = 11;'), []);
  assert.deepEqual(ids('UPDATE vouchers SET redeemed = 1 WHERE code = 88120431;'), []);
});

test('sys-schema: sys.x references, unqualified names after USE sys, v8.0 exemption', () => {
  const sql = 'SELECT * FROM `sys`.`x$statement_analysis` LIMIT 5;';
  assert.equal(at(sql, only(sql, 'sys-schema')[0]), '`sys`.`x$statement_analysis`');
  assert.deepEqual(ids('SELECT sys.format_bytes(100);'), ['sys-schema']);
  assert.deepEqual(ids('CALL sys.ps_setup_enable_thread(1);'), ['stored-procedure', 'sys-schema']);
  assert.deepEqual(ids("SELECT object_name FROM sys.schema_unused_indexes WHERE object_schema = 'a';", '7.5'), ['sys-schema']);
  assert.deepEqual(ids("SELECT object_name FROM sys.schema_unused_indexes WHERE object_schema = 'a';", '8.0'), []);
  assert.deepEqual(ids('USE sys;\nSELECT host FROM host_summary LIMIT 1;'), ['sys-schema']);
  assert.deepEqual(ids('USE sys;\nSELECT index_name FROM schema_unused_indexes LIMIT 1;'), []);
  assert.deepEqual(ids('USE sys;', '7.5'), ['sys-schema']);
});

test('sys-schema: comments, strings, GRANT and a table aliased sys are fine', () => {
  assert.deepEqual(ids('-- SELECT * FROM sys.statement_analysis\nSELECT 1;'), []);
  assert.deepEqual(ids("SELECT 'sys.session' AS x;"), []);
  assert.deepEqual(ids("GRANT SELECT ON sys.* TO 'u'@'%';"), []);
  assert.deepEqual(ids('SELECT sys.id FROM systems sys WHERE sys.id = 1;'), []);
});

test('performance_schema: tables TiDB has (empty) and tables it does not have (fail), qualified or after USE', () => {
  const sql = 'SELECT `event_name` FROM `performance_schema`.`events_statements_current` WHERE thread_id = 1;';
  assert.equal(at(sql, only(sql, 'performance-schema-empty')[0]), '`performance_schema`.`events_statements_current`');
  assert.deepEqual(ids('USE performance_schema;\nSELECT thread_id FROM events_stages_history WHERE thread_id = 1;'), [
    'performance-schema-empty',
  ]);
  // issue 15: threads and events_waits_* do not exist in TiDB: the query fails, it does not return nothing
  const missing = 'SELECT `event_name` FROM `performance_schema`.`events_waits_current` WHERE thread_id = 1;';
  assert.equal(at(missing, only(missing, 'system-table-missing')[0]), '`performance_schema`.`events_waits_current`');
  assert.deepEqual(ids('USE performance_schema;\nSELECT thread_id FROM threads WHERE thread_id = 1;'), ['system-table-missing']);
  assert.deepEqual(
    only(
      'SELECT t.name FROM performance_schema.threads t JOIN performance_schema.events_waits_current w USING (thread_id) LIMIT 5;',
      'system-table-missing',
    ).length,
    2,
  );
  assert.deepEqual(ids('SELECT * FROM performance_schema.tidb_profile_cpu;'), []);
});

test('information_schema: InnoDB tables fail (with the TiDB table to use), unimplemented ones are empty', () => {
  const sql =
    'SELECT r.trx_id FROM information_schema.innodb_lock_waits w JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id;';
  const f = only(sql, 'system-table-missing');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['information_schema.innodb_lock_waits', 'information_schema.INNODB_TRX'],
  );
  assert.match(f[0].message, /DATA_LOCK_WAITS/);
  assert.match(f[1].message, /TIDB_TRX/);
  assert.deepEqual(ids("SELECT event_name FROM information_schema.EVENTS WHERE event_schema = 'shop';"), ['performance-schema-empty']);
  assert.deepEqual(
    ids('SELECT * FROM information_schema.tidb_trx;\nSELECT * FROM information_schema.tables WHERE table_schema = "x";'),
    [],
  );
  // a column reference information_schema.tables.table_name names the table once
  assert.deepEqual(ids('SELECT information_schema.triggers.trigger_name FROM information_schema.triggers;'), ['performance-schema-empty']);
});

test('performance-schema-empty: strings, SHOW ... LIKE, comments and other schemas are fine', () => {
  assert.deepEqual(ids("SELECT COUNT(*) FROM information_schema.processlist WHERE db = 'performance_schema';"), []);
  assert.deepEqual(ids("SHOW VARIABLES LIKE 'performance_schema%';"), []);
  assert.deepEqual(ids('/* performance_schema.threads */ SELECT id FROM t WHERE id = 1;'), []);
  assert.deepEqual(ids("USE performance_schema;\nSELECT table_name FROM information_schema.tables WHERE table_schema = 'x';"), []);
});
