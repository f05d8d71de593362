import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, at, ids, only } from '../../helpers';

test('join-on-subquery: correlated subqueries and IN/ANY predicates in ON', () => {
  const sql =
    'SELECT u.id, s.plan FROM users u\nLEFT JOIN subscriptions s ON s.user_id = u.id\n AND s.id = (SELECT MAX(s2.id) FROM subscriptions s2 WHERE s2.user_id = u.id)\nWHERE u.id < 10;';
  const f = only(sql, 'join-on-subquery');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), '(SELECT MAX(s2.id) FROM subscriptions s2 WHERE s2.user_id = u.id)');
  const inSql = 'SELECT a.id FROM a JOIN b ON b.id = a.id AND b.k NOT IN (SELECT k FROM c) WHERE a.id = 1;';
  assert.equal(at(inSql, only(inSql, 'join-on-subquery')[0]), 'NOT IN (SELECT k FROM c)');
  assert.deepEqual(ids('SELECT a.id FROM a JOIN b ON b.v > ANY (SELECT v FROM c) WHERE a.id = 1;'), ['join-on-subquery']);
  // correlated EXISTS; a table name shadowed by an alias inside the subquery is the outer table
  assert.deepEqual(ids('SELECT a.id FROM a JOIN b ON b.id = a.id AND EXISTS (SELECT 1 FROM c WHERE c.x = b.x) WHERE a.id = 1;'), [
    'join-on-subquery',
  ]);
  assert.deepEqual(
    ids('SELECT a.id FROM a JOIN b ON (b.id = a.id AND b.v = (SELECT MAX(v) FROM b b2 WHERE b2.id = b.id)) WHERE a.id = 1;'),
    ['join-on-subquery'],
  );
  // multi-table UPDATE
  assert.deepEqual(ids('UPDATE a JOIN b ON b.id = (SELECT MAX(id) FROM b b2 WHERE b2.k = a.k) SET a.v = b.v WHERE a.id = 1;'), [
    'join-on-subquery',
  ]);
});

test('join-on-subquery: unqualified correlation resolved with the file schema', () => {
  const sql =
    'CREATE TABLE o (id INT PRIMARY KEY, k INT);\nCREATE TABLE c (id INT PRIMARY KEY, v INT);\nSELECT o.id FROM o JOIN c ON c.id = (SELECT MAX(id) FROM c WHERE v = k) WHERE o.id = 1;';
  assert.deepEqual(only(sql, 'join-on-subquery').length, 1);
});

test('join-on-subquery: uncorrelated scalar/EXISTS, WHERE subqueries and derived tables are fine', () => {
  assert.deepEqual(ids('SELECT o.id FROM orders o JOIN fx r ON r.cur = o.cur AND r.day = (SELECT MAX(day) FROM fx) WHERE o.id < 9;'), []);
  assert.deepEqual(ids('SELECT a.id FROM a JOIN b ON b.id = a.id AND EXISTS (SELECT 1 FROM c WHERE c.x = 1) WHERE a.id = 1;'), []);
  assert.deepEqual(ids('SELECT a.id FROM a JOIN b ON b.id = a.id WHERE a.x IN (SELECT x FROM c WHERE c.y = a.y);'), []);
  assert.deepEqual(ids('SELECT a.id FROM a JOIN (SELECT id FROM b WHERE b.z = 1) d ON d.id = a.id WHERE a.id = 1;'), []);
  assert.deepEqual(ids('INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = (SELECT 1);'), []);
});

test('group-by-asc-desc: GROUP BY expr ASC|DESC, also WITH ROLLUP and in INSERT ... SELECT', () => {
  const sql = 'SELECT a, COUNT(*) FROM t WHERE x = 1 GROUP BY a DESC, b LIMIT 10;';
  const f = only(sql, 'group-by-asc-desc');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'DESC');
  assert.equal(f[0].fix?.safe, true);
  assert.equal(applyFix(sql, f[0]), 'SELECT a, COUNT(*) FROM t WHERE x = 1 GROUP BY a, b ORDER BY a DESC, b LIMIT 10;');
  assert.deepEqual(only('SELECT a FROM t WHERE x = 1 GROUP BY a DESC WITH ROLLUP ORDER BY a;', 'group-by-asc-desc').length, 1);
  assert.deepEqual(ids('INSERT INTO d (day, n)\nSELECT DATE(c) AS day, COUNT(*) FROM t WHERE c > 1 group by day asc;'), [
    'group-by-asc-desc',
  ]);
});

test('group-by-asc-desc: fix keeps an existing ORDER BY and goes before FOR UPDATE / at the end', () => {
  const a = 'SELECT c, SUM(t) AS s FROM o WHERE x = 1 GROUP BY c ASC ORDER BY s DESC LIMIT 20;';
  assert.equal(
    applyFix(a, only(a, 'group-by-asc-desc')[0]),
    'SELECT c, SUM(t) AS s FROM o WHERE x = 1 GROUP BY c ORDER BY s DESC LIMIT 20;',
  );
  const b = 'SELECT a FROM t WHERE x = 1 GROUP BY a DESC FOR UPDATE;';
  assert.equal(applyFix(b, only(b, 'group-by-asc-desc')[0]), 'SELECT a FROM t WHERE x = 1 GROUP BY a ORDER BY a DESC FOR UPDATE;');
  const c = 'SELECT a FROM t WHERE a IN (SELECT y FROM u GROUP BY y DESC) ORDER BY a;';
  assert.equal(
    applyFix(c, only(c, 'group-by-asc-desc')[0]),
    'SELECT a FROM t WHERE a IN (SELECT y FROM u GROUP BY y ORDER BY y DESC) ORDER BY a;',
  );
  // WITH ROLLUP: the rollup rows sort differently, so the fix is offered but not applied automatically
  assert.equal(only('SELECT a FROM t WHERE x = 1 GROUP BY a DESC WITH ROLLUP;', 'group-by-asc-desc')[0].fix?.safe, false);
});

test('group-by-asc-desc: not ORDER BY ... DESC, GROUP_CONCAT ORDER BY, or DESC index parts', () => {
  assert.deepEqual(ids("SELECT s, COUNT(*) FROM o WHERE c >= '2024-01-01' GROUP BY s ORDER BY s DESC;"), []);
  assert.deepEqual(ids('SELECT a, GROUP_CONCAT(b ORDER BY b DESC) FROM t WHERE x = 1 GROUP BY a ORDER BY a;'), []);
  assert.deepEqual(only('CREATE INDEX i ON t (a DESC, b ASC);', 'group-by-asc-desc'), []);
});

test('group-by-implicit-order: top-level GROUP BY without ORDER BY', () => {
  const sql = "SELECT status, COUNT(*) FROM orders WHERE d >= '2024-01-01'\nGROUP BY status;";
  const f = only(sql, 'group-by-implicit-order');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'GROUP BY');
  assert.deepEqual(ids('with r as (select a from t where x = 1) select a, count(*) from r group by a;'), ['group-by-implicit-order']);
  assert.deepEqual(ids('SELECT a FROM t WHERE x = 1 GROUP BY a WITH ROLLUP;', '7.4'), ['group-by-implicit-order']);
});

test('group-by-implicit-order: not with ORDER BY, in subqueries, INSERT ... SELECT or views', () => {
  assert.deepEqual(ids('SELECT a, COUNT(*) FROM t WHERE x = 1 GROUP BY a ORDER BY a;'), []);
  assert.deepEqual(ids('SELECT d.id FROM d JOIN (SELECT k, COUNT(*) AS n FROM e GROUP BY k) s ON s.k = d.id WHERE d.x = 1;'), []);
  assert.deepEqual(ids('INSERT INTO s (a, n) SELECT a, COUNT(*) FROM t WHERE x = 1 GROUP BY a;'), []);
  assert.deepEqual(ids('CREATE VIEW v AS SELECT a, COUNT(*) AS n FROM t GROUP BY a;'), []);
  assert.deepEqual(ids('SELECT a FROM t WHERE x = 1 GROUP BY a UNION ALL SELECT b FROM u WHERE y = 1 GROUP BY b ORDER BY 1;'), []);
});

test('select-star-without-limit: SELECT * / t.* from a user table without WHERE or LIMIT', () => {
  const sql = 'select c.* from customers as c order by c.created_at;';
  const f = only(sql, 'select-star-without-limit');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'c.*');
  assert.deepEqual(ids('SELECT * FROM `order`;'), ['select-star-without-limit']);
  assert.deepEqual(ids('SELECT * FROM t1 JOIN t2 ON t1.id = t2.id;'), ['select-star-without-limit']);
  assert.deepEqual(ids('SELECT *, a FROM shop.big ORDER BY a;'), ['select-star-without-limit']);
});

test('select-star-without-limit: WHERE, LIMIT, subqueries, system schemas, CTEs and non-star lists are fine', () => {
  assert.deepEqual(ids('SELECT * FROM orders WHERE id = 42;'), []);
  assert.deepEqual(ids('SELECT * FROM orders ORDER BY id DESC LIMIT 50;'), []);
  assert.deepEqual(ids('SELECT * FROM a UNION ALL SELECT * FROM b LIMIT 10;'), []);
  assert.deepEqual(ids('SELECT id FROM o WHERE EXISTS (SELECT * FROM r WHERE r.o = o.id) LIMIT 100;'), []);
  assert.deepEqual(ids('SELECT * FROM information_schema.tables;'), []);
  assert.deepEqual(ids('USE mysql;\nSELECT * FROM user;'), []);
  assert.deepEqual(ids('WITH r AS (SELECT * FROM t WHERE a = 1) SELECT * FROM r;'), []);
  assert.deepEqual(ids('SELECT COUNT(*), a * b FROM t;'), []);
  assert.deepEqual(ids('INSERT INTO t2 SELECT * FROM t WHERE a = 1;'), []);
  assert.deepEqual(ids('SELECT * FROM dual;'), []);
});

test('large-in-list: more than 1000 literal items', () => {
  const nums = Array.from({ length: 1001 }, (_, i) => String(1000 + i));
  const sql = `SELECT a FROM t WHERE id NOT IN (${nums.join(', ')}) LIMIT 5;`;
  const f = only(sql, 'large-in-list');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'NOT IN (');
  const strs = nums.map((n) => `'${n}'`);
  assert.deepEqual(ids(`DELETE FROM t WHERE sku IN (${strs.join(',')});`), ['large-in-list']);
  // exactly 1000 is not more than 1000
  assert.deepEqual(ids(`SELECT a FROM t WHERE id IN (${nums.slice(0, 1000).join(',')}) LIMIT 5;`), []);
  // a subquery or column expressions are not literal items
  assert.deepEqual(ids('SELECT a FROM t WHERE id IN (SELECT id FROM u WHERE x = 1) LIMIT 5;'), []);
});

test('leading-wildcard-like: [NOT] LIKE patterns starting with % or _', () => {
  const sql = "SELECT COUNT(*) FROM users WHERE email NOT LIKE '%@example.com';";
  assert.equal(at(sql, only(sql, 'leading-wildcard-like')[0]), "NOT LIKE '%@example.com'");
  assert.deepEqual(ids("select id from o where no like '_2024%' limit 5;"), ['leading-wildcard-like']);
  assert.deepEqual(ids("SELECT id FROM t WHERE name LIKE _utf8mb4'%abc' LIMIT 1;"), ['leading-wildcard-like']);
  assert.deepEqual(ids("SELECT id FROM t WHERE name LIKE 'john%' LIMIT 1;"), []);
  assert.deepEqual(ids("SELECT id FROM t WHERE name LIKE '\\_abc' LIMIT 1;"), []);
  assert.deepEqual(ids("SHOW VARIABLES LIKE '%timeout%';"), []);
  assert.deepEqual(ids("SELECT 'x LIKE ''%y''' AS doc;"), []);
});

test('function-on-column-in-where: f(col) <op> constant in WHERE', () => {
  const sql = "SELECT id FROM orders WHERE DATE(created_at) = '2024-06-01';";
  assert.equal(at(sql, only(sql, 'function-on-column-in-where')[0]), 'DATE(created_at)');
  assert.deepEqual(ids("SELECT id FROM i WHERE DATE_FORMAT(i.issued_at, '%Y-%m') = '2024-05' LIMIT 5;"), ['function-on-column-in-where']);
  assert.deepEqual(ids('SELECT id FROM t WHERE 2024 = YEAR(`created_at`);'), ['function-on-column-in-where']);
  assert.deepEqual(ids("SELECT id FROM t WHERE lower(email) LIKE 'ab%';"), ['function-on-column-in-where']);
  assert.deepEqual(ids('UPDATE t SET x = 1 WHERE IFNULL(deleted, 0) = 0;'), ['function-on-column-in-where']);
  assert.deepEqual(ids('SELECT id FROM t WHERE DATE(created_at) = CURDATE();'), ['function-on-column-in-where']);
  assert.deepEqual(ids("SELECT id FROM t WHERE LEFT(code, 3) IN ('abc', 'def');"), ['function-on-column-in-where']);
});

test('function-on-column-in-where: functions on constants, in the select list, or comparing two columns are fine', () => {
  assert.deepEqual(ids('SELECT DATE(created_at) AS d FROM orders WHERE id = 5;'), []);
  assert.deepEqual(ids('SELECT id FROM o WHERE created_at >= DATE_SUB(CURDATE(), INTERVAL 7 DAY) LIMIT 100;'), []);
  assert.deepEqual(ids('SELECT id FROM t WHERE DATE(created_at) = DATE(updated_at);'), []);
  assert.deepEqual(ids('SELECT id FROM t WHERE LENGTH(name) = 3;'), []);
  assert.deepEqual(ids("SELECT id FROM t WHERE note = 'DATE(created_at) = 1';"), []);
});

test('order-by-rand: ORDER BY RAND() in any position', () => {
  const sql = 'select id from banners where active = 1 order by rand() limit 1;';
  assert.equal(at(sql, only(sql, 'order-by-rand')[0]), 'order by rand()');
  assert.deepEqual(ids('SELECT id FROM t WHERE a = 1 ORDER BY a, RAND(42) LIMIT 3;'), ['order-by-rand']);
  assert.deepEqual(ids('SELECT RAND() AS r FROM t WHERE a = 1 ORDER BY id LIMIT 3;'), []);
  assert.deepEqual(ids("SELECT id FROM t WHERE note = 'ORDER BY RAND()' LIMIT 3;"), []);
});

test('deep-offset-pagination: LIMIT offset, n and LIMIT n OFFSET m with offset >= 10000', () => {
  const sql = 'SELECT id FROM p WHERE s = 1 ORDER BY id LIMIT 10000, 100;';
  assert.equal(at(sql, only(sql, 'deep-offset-pagination')[0]), 'LIMIT 10000, 100');
  assert.deepEqual(ids('SELECT id FROM p WHERE s = 1 ORDER BY id LIMIT 20 OFFSET 50000;'), ['deep-offset-pagination']);
  assert.deepEqual(ids('SELECT id FROM p WHERE s = 1 ORDER BY id LIMIT 9999, 100;'), []);
  assert.deepEqual(ids('SELECT id FROM p WHERE id > 184467 ORDER BY id LIMIT 20000;'), []);
  assert.deepEqual(ids('SELECT id FROM p WHERE s = 1 ORDER BY id LIMIT ?, ?;'), []);
});
