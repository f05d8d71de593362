import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, at, only } from '../../helpers';
import { mine } from './onlyRulesOf';

test('savepoint: SAVEPOINT, ROLLBACK [WORK] TO [SAVEPOINT], RELEASE SAVEPOINT before v6.2', () => {
  const sql =
    'BEGIN;\nSAVEPOINT `sp_1`;\nupdate t set a = 1 where id = 2;\nrollback work to sp_1;\nROLLBACK TO SAVEPOINT sp_1;\nRELEASE SAVEPOINT sp_1;\nCOMMIT;';
  const f = only(sql, 'savepoint', '6.1');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['SAVEPOINT `sp_1`', 'rollback work to sp_1', 'ROLLBACK TO SAVEPOINT sp_1', 'RELEASE SAVEPOINT sp_1'],
  );
  assert.match(f[0].message, /sp_1/);
  assert.deepEqual(mine(sql, '5.4'), ['savepoint']);
});

test('savepoint: not before the boundary, not for a plain ROLLBACK, not in strings', () => {
  assert.deepEqual(mine('SAVEPOINT a;\nROLLBACK TO a;', '6.2'), []);
  assert.deepEqual(mine('SAVEPOINT a;', '8.5'), []);
  assert.deepEqual(mine('BEGIN;\nROLLBACK;\nROLLBACK WORK;', '5.0'), []);
  assert.deepEqual(mine("SELECT 'SAVEPOINT x' AS s FROM t LIMIT 1; -- SAVEPOINT y", '5.0'), []);
});

test('lock-in-share-mode: LOCK IN SHARE MODE and FOR SHARE [OF t] [NOWAIT], with a safe FOR UPDATE fix', () => {
  const a = 'SELECT id FROM orders WHERE id = 1 LOCK IN SHARE MODE;';
  const fa = only(a, 'lock-in-share-mode');
  assert.equal(fa.length, 1);
  assert.equal(at(a, fa[0]), 'LOCK IN SHARE MODE');
  assert.equal(fa[0].fix?.safe, true);
  assert.equal(applyFix(a, fa[0]), 'SELECT id FROM orders WHERE id = 1 FOR UPDATE;');

  const b = 'select o.id\n  from orders o join c on c.id = o.cid\n where o.id = 5\n   for share of o nowait';
  const fb = only(b, 'lock-in-share-mode');
  assert.equal(at(b, fb[0]), 'for share');
  assert.equal(applyFix(b, fb[0]), 'select o.id\n  from orders o join c on c.id = o.cid\n where o.id = 5\n   for update of o nowait');

  // in a subquery of an INSERT ... SELECT and in an executable comment
  assert.deepEqual(mine('INSERT INTO t2 SELECT * FROM (SELECT a FROM t1 FOR SHARE) x;'), ['lock-in-share-mode']);
  assert.deepEqual(mine('/*!80000 SELECT a FROM t1 WHERE a = 1 FOR SHARE */;'), ['lock-in-share-mode']);
});

test('lock-in-share-mode: not FOR UPDATE, strings, comments, or promoted shared locks on v8.3+', () => {
  assert.deepEqual(mine('SELECT a FROM t WHERE id = 1 FOR UPDATE;'), []);
  assert.deepEqual(mine("SELECT 'lock in share mode', 'FOR SHARE' AS x FROM t LIMIT 1;"), []);
  assert.deepEqual(mine('SELECT a FROM t WHERE id = 1; /* LOCK IN SHARE MODE */'), []);
  const promoted = 'SET tidb_enable_shared_lock_promotion = ON;\nSELECT a FROM t WHERE id = 1 FOR SHARE;';
  assert.deepEqual(mine(promoted, '8.3'), []);
  assert.deepEqual(mine(promoted, '8.1'), ['lock-in-share-mode']);
});

test('sql-calc-found-rows: the SELECT modifier, not FOUND_ROWS() alone', () => {
  const sql = 'select sql_calc_found_rows id from posts where status = 1 limit 10;\nselect found_rows();';
  const f = only(sql, 'sql-calc-found-rows');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'sql_calc_found_rows');
  assert.deepEqual(mine('SELECT DISTINCT SQL_CALC_FOUND_ROWS a FROM t LIMIT 5;'), ['sql-calc-found-rows']);
  assert.deepEqual(mine('SELECT FOUND_ROWS();'), []);
  assert.deepEqual(mine("SELECT 'SQL_CALC_FOUND_ROWS' AS hint;"), []);
});

test('read-only-transaction: START/SET TRANSACTION READ ONLY and tx_read_only = ON', () => {
  const a = 'START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;';
  assert.equal(at(a, only(a, 'read-only-transaction')[0]), 'READ ONLY');
  assert.deepEqual(mine('set session transaction read only;'), ['read-only-transaction']);
  assert.deepEqual(mine('SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ ONLY;'), ['read-only-transaction']);
  const b = "SET @@session.transaction_read_only = 'ON';";
  assert.equal(at(b, only(b, 'read-only-transaction')[0]), "@@session.transaction_read_only = 'ON'");
  assert.deepEqual(mine('SET tx_read_only = TRUE;'), ['read-only-transaction']);
  assert.deepEqual(mine('SET GLOBAL transaction_read_only = 1;'), ['read-only-transaction']);
});

test('read-only-transaction: stale reads, READ WRITE and OFF are fine', () => {
  assert.deepEqual(mine("START TRANSACTION READ ONLY AS OF TIMESTAMP '2024-06-01 10:00:00';"), []);
  assert.deepEqual(mine('SET TRANSACTION READ ONLY AS OF TIMESTAMP NOW() - INTERVAL 5 SECOND;'), []);
  assert.deepEqual(mine('START TRANSACTION READ WRITE;'), []);
  assert.deepEqual(mine('SET transaction_read_only = 0;\nSET tx_read_only = OFF;'), []);
  assert.deepEqual(mine('SELECT @@transaction_read_only;'), []);
});

test('unsupported-isolation-level: SERIALIZABLE and READ UNCOMMITTED, statement and variable forms', () => {
  const a = 'SET GLOBAL TRANSACTION ISOLATION LEVEL SERIALIZABLE;';
  const fa = only(a, 'unsupported-isolation-level');
  assert.equal(at(a, fa[0]), 'ISOLATION LEVEL SERIALIZABLE');
  assert.match(fa[0].message, /SERIALIZABLE/);
  assert.deepEqual(mine('set transaction isolation level read uncommitted;'), ['unsupported-isolation-level']);
  const b = "SET @@tx_isolation = 'read-uncommitted';";
  assert.equal(at(b, only(b, 'unsupported-isolation-level')[0]), "@@tx_isolation = 'read-uncommitted'");
  // a global setting of an unsupported level is reported by this rule only
  assert.deepEqual(mine("SET GLOBAL transaction_isolation = 'SERIALIZABLE';"), ['unsupported-isolation-level']);
});

test('unsupported-isolation-level: supported levels, reads and the skip switch are fine', () => {
  assert.deepEqual(mine('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;'), []);
  assert.deepEqual(mine("set session transaction isolation level repeatable read;\nSET transaction_isolation = 'READ-COMMITTED';"), []);
  assert.deepEqual(mine("SELECT 'SERIALIZABLE', @@transaction_isolation;"), []);
  assert.deepEqual(mine('SET tidb_skip_isolation_level_check = 1;\nSET TRANSACTION ISOLATION LEVEL SERIALIZABLE;'), []);
});

test('skip-locked: FOR UPDATE / FOR SHARE ... SKIP LOCKED', () => {
  const a = 'SELECT id FROM jobs WHERE state = 1 ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED;';
  assert.equal(at(a, only(a, 'skip-locked')[0]), 'SKIP LOCKED');
  assert.deepEqual(mine('select id from jobs limit 1 for update of jobs skip locked'), ['skip-locked']);
  assert.deepEqual(mine('SELECT id FROM jobs LIMIT 1 FOR SHARE SKIP LOCKED;').sort(), ['lock-in-share-mode', 'skip-locked']);
  assert.deepEqual(mine('SELECT id FROM jobs LIMIT 1 FOR UPDATE NOWAIT;'), []);
  assert.deepEqual(mine("SELECT 'FOR UPDATE SKIP LOCKED' AS x;"), []);
});

test('load-data-in-transaction: inside BEGIN / START TRANSACTION / autocommit=0 before v7.6', () => {
  const sql =
    "START TRANSACTION;\nLOAD DATA LOCAL INFILE '/tmp/a.csv' INTO TABLE a;\nROLLBACK;\nLOAD DATA LOCAL INFILE '/tmp/b.csv' INTO TABLE b;";
  const f = only(sql, 'load-data-in-transaction', '7.1');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'LOAD DATA');
  assert.deepEqual(mine("begin;\nload data local infile 'x' into table t;\ncommit;", '6.5'), ['load-data-in-transaction']);
  assert.deepEqual(mine("SET autocommit = 0;\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;", '7.5'), ['load-data-in-transaction']);
});

test('load-data-in-transaction: not outside a transaction, after COMMIT/DDL, or from v7.6', () => {
  assert.deepEqual(mine("LOAD DATA LOCAL INFILE 'x' INTO TABLE t;", '7.1'), []);
  assert.deepEqual(mine("BEGIN;\nCOMMIT;\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;", '7.1'), []);
  assert.deepEqual(mine("BEGIN;\nCREATE TABLE z (id INT PRIMARY KEY);\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;", '7.1'), []);
  assert.deepEqual(mine("SET autocommit = 1;\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;", '7.1'), []);
  assert.deepEqual(mine("BEGIN;\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;\nCOMMIT;", '7.6'), []);
});

test('get-lock-limits: any call before v6.1, out-of-range literal timeouts from v6.1', () => {
  const old = "SELECT GET_LOCK('job', 10);";
  const fo = only(old, 'get-lock-limits', '6.0');
  assert.equal(at(old, fo[0]), "GET_LOCK('job', 10)");
  const sql = "SELECT get_lock('a', 0), GET_LOCK('b', -1), GET_LOCK('c', 7200), GET_LOCK('d', 0.5);";
  const f = only(sql, 'get-lock-limits');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['0', '-1', '7200', '0.5'],
  );
  assert.match(f[1].message, /3600/);
});

test('get-lock-limits: in-range or non-literal timeouts and the other lock functions are fine', () => {
  assert.deepEqual(mine("SELECT GET_LOCK('a', 1), GET_LOCK('b', 3600), GET_LOCK('c', @t), GET_LOCK('d', 2 * 5);"), []);
  assert.deepEqual(mine("SELECT RELEASE_LOCK('a'), IS_FREE_LOCK('a'), IS_USED_LOCK('a'), RELEASE_ALL_LOCKS();", '5.0'), []);
  assert.deepEqual(mine("SELECT 'GET_LOCK(x, 0)' AS s;", '5.0'), []);
  assert.deepEqual(mine('SELECT GET_LOCK(', '8.5'), []);
});

test('group A rules stay silent inside stored routine bodies', () => {
  const sql = [
    'DELIMITER $$',
    'CREATE PROCEDURE p()',
    'BEGIN',
    '  DECLARE v INT;',
    '  SAVEPOINT s;',
    '  SELECT SQL_CALC_FOUND_ROWS a INTO @x FROM t LOCK IN SHARE MODE;',
    '  SELECT a INTO v FROM t WHERE id = 1 FOR UPDATE SKIP LOCKED;',
    "  SELECT GET_LOCK('x', 0);",
    '  WITH c AS (SELECT 1) SELECT * FROM c;',
    '  SELECT a, COUNT(*) FROM t GROUP BY a WITH ROLLUP;',
    '  SELECT * FROM t1 JOIN LATERAL (SELECT 1) d ON TRUE;',
    '  SELECT trace FROM information_schema.optimizer_trace;',
    'END$$',
    'DELIMITER ;',
  ].join('\n');
  assert.deepEqual(mine(sql, '5.0'), []);
});
