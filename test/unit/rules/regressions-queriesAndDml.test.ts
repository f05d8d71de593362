// Review B: regression tests for bugs found while re-checking the query/DML rules on new SQL,
// plus the most useful near-miss negatives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, ids, only } from '../../helpers';

test('review B: WITH ... INSERT/REPLACE ... SELECT is not a top-level SELECT', () => {
  // bug: queryBlocks() marked the final SELECT of WITH ... INSERT ... SELECT as top-level
  assert.deepEqual(ids('WITH x AS (SELECT a FROM t WHERE a > 1) INSERT INTO s (a, n) SELECT a, COUNT(*) FROM x GROUP BY a;'), []);
  assert.deepEqual(ids('WITH x AS (SELECT a FROM t WHERE a > 1) INSERT INTO s SELECT * FROM orders;'), ['insert-select-unbounded']);
  assert.deepEqual(ids('with x as (select a from t where a > 1) replace into s select * from orders;'), ['insert-select-unbounded']);
  // a WITH ... SELECT (also with FOR UPDATE after it) still is
  assert.deepEqual(ids('WITH x AS (SELECT a FROM t WHERE a > 1) SELECT a, COUNT(*) FROM x GROUP BY a;'), ['group-by-implicit-order']);
  assert.deepEqual(ids('WITH x AS (SELECT id FROM t WHERE id > 1) SELECT * FROM users FOR UPDATE;'), ['select-star-without-limit']);
});

test('review B: select-star-without-limit sees SELECT DISTINCT * / SELECT SQL_NO_CACHE *', () => {
  const sql = 'SELECT SQL_NO_CACHE * FROM users;';
  const f = only(sql, 'select-star-without-limit');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), '*');
  assert.deepEqual(ids('select distinct * from `users`;'), ['select-star-without-limit']);
  assert.deepEqual(ids('SELECT HIGH_PRIORITY u.* FROM app.users u;'), ['select-star-without-limit']);
  // FETCH FIRST n ROWS ONLY bounds the result like LIMIT
  assert.deepEqual(ids('SELECT * FROM users ORDER BY id FETCH FIRST 10 ROWS ONLY;'), []);
  // near misses
  assert.deepEqual(ids('SELECT DISTINCT a * b FROM users WHERE id > 0;'), []);
  assert.deepEqual(ids('SELECT COUNT(*) FROM users;'), []);
  assert.deepEqual(ids('USE mysql;\nSELECT * FROM user;'), []);
  assert.deepEqual(ids('SELECT * FROM `INFORMATION_SCHEMA`.`TABLES`;'), []);
  assert.deepEqual(ids('WITH users AS (SELECT 1 AS id) SELECT * FROM users;'), []);
  assert.deepEqual(ids('SELECT * FROM a UNION SELECT * FROM b LIMIT 10;'), []);
});

test('review B: insert-select-unbounded looks through derived tables and CTEs', () => {
  const sql = 'INSERT INTO t (a) SELECT id FROM (SELECT id FROM orders) d;';
  const f = only(sql, 'insert-select-unbounded');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'FROM orders');
  assert.deepEqual(ids('WITH x AS (SELECT id FROM orders) INSERT INTO t (a) SELECT id FROM x;'), ['insert-select-unbounded']);
  assert.deepEqual(ids('INSERT INTO t (k, n) SELECT k, n FROM (SELECT k, COUNT(*) n FROM events GROUP BY k) d;'), [
    'insert-select-unbounded',
  ]);
  // bounded somewhere on the way: fine
  assert.deepEqual(ids('INSERT INTO t (a) SELECT id FROM (SELECT id FROM orders WHERE id > 1) d;'), []);
  assert.deepEqual(ids('WITH x AS (SELECT id FROM orders) INSERT INTO t (a) SELECT id FROM x WHERE id > 5;'), []);
  assert.deepEqual(ids('WITH x AS (SELECT id FROM orders WHERE id > 5) INSERT INTO t (a) SELECT id FROM x;'), []);
  assert.deepEqual(
    ids('INSERT INTO nums (n) WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 100) SELECT n FROM r;'),
    [],
  );
  assert.deepEqual(ids('INSERT INTO t (a) VALUES ((SELECT MAX(a) FROM u));'), []);
  assert.deepEqual(ids('INSERT INTO t SET a = (SELECT MAX(a) FROM u);'), []);
  assert.deepEqual(ids('BATCH ON id LIMIT 10000 INSERT INTO t SELECT * FROM orders;'), []);
});

test('review B: RENAME TABLE is tracked (schema-aware rules follow the new name)', () => {
  // bug: classify() gives RENAME TABLE the kind 'RENAME', so the engine never applied it
  const t = 'CREATE TABLE users (id BIGINT PRIMARY KEY, phone VARCHAR(20));\nRENAME TABLE users TO customers;\n';
  assert.deepEqual(ids(t + 'SELECT id FROM customers WHERE phone = 138;'), ['implicit-type-conversion']);
  assert.deepEqual(ids(t + 'SELECT id FROM users WHERE phone = 138;'), []);
  const v = 'CREATE VIEW v1 AS SELECT id FROM t;\nRENAME TABLE v1 TO v2;\n';
  assert.deepEqual(ids(v + 'INSERT INTO v2 VALUES (1);'), ['dml-on-view']);
  assert.deepEqual(ids(v + 'INSERT INTO v1 VALUES (1);'), []);
});

test('review B: implicit-type-conversion: CHARACTER(n) columns and aliases that hide table names', () => {
  assert.deepEqual(ids('CREATE TABLE t (id INT PRIMARY KEY, a CHARACTER(5));\nSELECT id FROM t WHERE a = 1;'), [
    'implicit-type-conversion',
  ]);
  const ddl = 'CREATE TABLE a (id INT PRIMARY KEY, code VARCHAR(5));\nCREATE TABLE b (id INT PRIMARY KEY, code INT);\n';
  // b is the alias of table a here
  const sql = ddl + 'SELECT x.id FROM a b JOIN b x ON x.id = b.id WHERE b.code = 5;';
  assert.equal(at(sql, only(sql, 'implicit-type-conversion')[0]), 'b.code = 5');
  // a is the alias of table b (INT column)
  assert.deepEqual(ids(ddl + 'SELECT x.id FROM b a JOIN a x ON x.id = a.id WHERE a.code = 5;'), []);
  // near misses: quoted literal, placeholder, hex literal, SET assignment, no schema, ENUM
  const u = "CREATE TABLE users (id BIGINT PRIMARY KEY, phone VARCHAR(20), st ENUM('a','b'));\n";
  assert.deepEqual(ids(u + "SELECT id FROM users WHERE phone = '138';"), []);
  assert.deepEqual(ids(u + 'SELECT id FROM users WHERE phone = ?;'), []);
  assert.deepEqual(ids(u + 'SELECT id FROM users WHERE phone = 0x41;'), []);
  assert.deepEqual(ids(u + 'UPDATE users SET phone = 138 WHERE id = 1;'), []);
  assert.deepEqual(ids(u + 'SELECT id FROM users WHERE st = 1;'), []);
  assert.deepEqual(ids('SELECT id FROM users WHERE phone = 138;'), []);
  assert.deepEqual(
    ids('CREATE TABLE db1.users (id BIGINT PRIMARY KEY, phone VARCHAR(20));\nUSE db2;\nSELECT id FROM users WHERE phone = 138;'),
    [],
  );
});

test('review B: function-on-column-in-where: TRIM(... FROM col) and SUBSTRING(col FROM n)', () => {
  const sql = "SELECT id FROM users WHERE TRIM(LEADING '0' FROM code) = '12' LIMIT 10;";
  assert.equal(at(sql, only(sql, 'function-on-column-in-where')[0]), "TRIM(LEADING '0' FROM code)");
  assert.deepEqual(ids("SELECT id FROM t WHERE SUBSTRING(code FROM 1 FOR 3) = 'abc' LIMIT 1;"), ['function-on-column-in-where']);
  // near misses: a function on a constant, comparisons between columns, HAVING, JOIN ... ON
  assert.deepEqual(ids("SELECT id FROM users WHERE code = TRIM(LEADING '0' FROM '0012') LIMIT 10;"), []);
  assert.deepEqual(ids("SELECT id FROM orders WHERE created_at >= DATE('2024-01-01') LIMIT 10;"), []);
  assert.deepEqual(ids('SELECT id FROM orders WHERE DATE(created_at) = DATE(updated_at) LIMIT 10;'), []);
  assert.deepEqual(ids("SELECT a.id FROM a JOIN b ON DATE(b.ts) = '2024-01-01' WHERE a.id = 1;"), []);
  assert.deepEqual(ids('SELECT DATE(created_at) d, COUNT(*) FROM orders WHERE id > 0 GROUP BY d HAVING YEAR(d) = 2024 ORDER BY d;'), []);
});

test('review B: group-by-asc-desc ignores a column named like the keyword (t.desc)', () => {
  assert.deepEqual(ids('SELECT t.desc, COUNT(*) FROM t WHERE id > 0 GROUP BY t.desc ORDER BY 1;'), []);
  assert.deepEqual(ids('SELECT a, COUNT(*) FROM t WHERE id > 0 GROUP BY a\n  desc\nORDER BY a;'), ['group-by-asc-desc']);
  assert.deepEqual(ids('SELECT a, GROUP_CONCAT(b ORDER BY b DESC) FROM t WHERE id > 0 GROUP BY a ORDER BY a;'), []);
});

test('review B: routine bodies and glued Liquibase statements are not linted by the token rules', () => {
  const proc = [
    'DELIMITER //',
    'CREATE PROCEDURE p()',
    'BEGIN',
    '  SELECT * FROM performance_schema.threads;',
    '  SELECT * FROM sys.processlist;',
    "  SELECT ST_AsText(p), ExtractValue(x, '/a'), UUID_SHORT() FROM t WHERE MATCH(a) AGAINST('x') AND name LIKE '%x';",
    '  DELETE FROM logs;',
    'END //',
    'DELIMITER ;',
  ].join('\n');
  assert.deepEqual(ids(proc), ['stored-procedure']);
  assert.deepEqual(ids('CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM performance_schema.x;'), ['event']);
  assert.deepEqual(ids('CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.x = (SELECT 1 FROM sys.version);'), ['trigger']);
  // `--changeset` without a space is code glued to the next statement: a syntax error, not linted
  assert.deepEqual(ids("--changeset dev:1\nSELECT id FROM t WHERE email LIKE '%x' AND MATCH(a) AGAINST('x') LIMIT 1;"), []);
  assert.deepEqual(ids('--changeset dev:2\nSELECT a, COUNT(*) FROM users GROUP BY a DESC;'), []);
  // with a space it is a comment
  assert.deepEqual(ids("-- changeset dev:1\nSELECT id FROM t WHERE email LIKE '%x' LIMIT 1;"), ['leading-wildcard-like']);
});

test('review B: sys-schema: unqualified sys functions after USE sys', () => {
  const sql = "USE sys;\nSELECT sys_get_config('statement_truncate_len', 64);";
  assert.equal(at(sql, only(sql, 'sys-schema')[0]), 'sys_get_config');
  // FORMAT_BYTES is a built-in; without USE sys nothing refers to sys
  assert.deepEqual(ids('USE sys;\nSELECT format_bytes(1024);', '8.1'), []);
  assert.deepEqual(ids("SELECT sys_get_config('x', 1);"), []);
  // near misses
  assert.deepEqual(ids('SELECT sys.id FROM users sys WHERE sys.id = 1;'), []);
  assert.deepEqual(ids("SELECT table_name FROM information_schema.tables WHERE table_schema = 'sys';"), []);
  assert.deepEqual(ids('SELECT * FROM sys.schema_unused_indexes;', '8.0'), []);
  assert.deepEqual(ids('SELECT * FROM sys.schema_unused_indexes;', '7.5'), ['sys-schema']);
});

test('review B: spatial-function knows the MySQL 5.7 names ISEMPTY / SRID / DIMENSION; columns named like GIS types are fine', () => {
  assert.deepEqual(ids('SELECT id FROM shapes WHERE IsEmpty(g) = 0 AND SRID(g) = 4326 LIMIT 5;'), ['spatial-function']);
  assert.deepEqual(ids('SELECT point, polygon FROM shapes WHERE id = 1;'), []);
  assert.deepEqual(ids("SELECT 'ST_Distance(a, b)' AS s FROM dual;"), []);
});

test('review B: performance-schema-empty near misses', () => {
  assert.deepEqual(ids("SHOW VARIABLES LIKE 'performance_schema%';"), []);
  assert.deepEqual(ids('SELECT @@performance_schema;'), []);
  assert.deepEqual(ids('USE performance_schema;\nUSE app;\nSELECT id FROM threads WHERE id = 1;'), []);
  assert.deepEqual(ids('USE performance_schema;\nSELECT thread_id FROM threads WHERE thread_id = 1;'), ['system-table-missing']);
});
