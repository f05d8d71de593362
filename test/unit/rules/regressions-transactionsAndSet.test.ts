// Review of the transaction / locking / SET / administrative / routine rules on new SQL:
// regressions for the bugs found and the most useful near-misses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, ids, only } from '../../helpers';

// ---- statements glued to a Liquibase `--changeset` line are syntax errors everywhere: nothing to report

test('token-scanning rules stay silent on a statement glued to --changeset (no space after --)', () => {
  const glued = [
    'SELECT SQL_CALC_FOUND_ROWS id FROM t WHERE id > 1 LIMIT 5;',
    'SELECT id FROM t WHERE id = 1 LOCK IN SHARE MODE;',
    'SELECT id FROM jobs WHERE s = 0 LIMIT 1 FOR UPDATE SKIP LOCKED;',
    'SELECT a INTO @a FROM t WHERE id = 1;',
    "SELECT GET_LOCK('m', 0);",
    'SELECT t.id FROM t JOIN LATERAL (SELECT 1 AS one) x ON TRUE WHERE t.id = 1;',
    'SELECT trace FROM information_schema.optimizer_trace;',
  ];
  for (const stmt of glued) {
    assert.deepEqual(ids(`--liquibase formatted sql\n--changeset dev:2\n${stmt}`), [], stmt);
  }
  assert.deepEqual(ids('--changeset dev:3\nWITH c AS (SELECT 1 AS a) SELECT a FROM c;', '5.0'), []);
  assert.deepEqual(ids('--changeset dev:3\nSELECT a, SUM(b) FROM t GROUP BY a WITH ROLLUP ORDER BY a;', '7.1'), []);
  // with a space it is a comment and the statement is linted
  assert.deepEqual(ids('-- changeset dev:2\nSELECT SQL_CALC_FOUND_ROWS id FROM t WHERE id > 1 LIMIT 5;'), ['sql-calc-found-rows']);
  // only the glued statement is dead: the next changeset's statement is linted
  assert.deepEqual(
    ids('--changeset dev:1\nCREATE TABLE t (id BIGINT PRIMARY KEY);\n-- changeset dev:2\nSELECT id FROM t WHERE id = 1 FOR SHARE;'),
    ['lock-in-share-mode'],
  );
});

// ---- event: ALTER DEFINER = user EVENT

test('event: ALTER DEFINER=... EVENT is an ALTER EVENT, and its DO body is not linted separately', () => {
  const sql = 'ALTER DEFINER=`root`@`%` EVENT ev_purge ENABLE;';
  const f = only(sql, 'event');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'EVENT ev_purge');
  assert.deepEqual(ids("ALTER DEFINER = CURRENT_USER EVENT e ON SCHEDULE EVERY 1 HOUR DO SELECT GET_LOCK('x', 0);"), ['event']);
  assert.deepEqual(ids('ALTER EVENT e DISABLE;'), ['event']);
});

// ---- get-lock-limits

test('get-lock-limits: a +0 timeout is out of range too; string or variable timeouts are not judged', () => {
  const sql = "SELECT GET_LOCK('a', +0);";
  const f = only(sql, 'get-lock-limits');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), '+0');
  assert.deepEqual(ids("SELECT GET_LOCK('a', +10);"), []);
  assert.deepEqual(ids("SELECT GET_LOCK('a', @timeout), GET_LOCK('b', '0');"), []);
  assert.deepEqual(ids("SELECT IF(GET_LOCK(CONCAT('job:', 7), -1), 'ok', 'busy');"), ['get-lock-limits']);
  assert.deepEqual(ids("SELECT RELEASE_LOCK('a'), IS_FREE_LOCK('a'), IS_USED_LOCK('a'), RELEASE_ALL_LOCKS();", '5.4'), []);
});

// ---- load-data-in-transaction: autocommit tracking

test('load-data-in-transaction: SET GLOBAL autocommit does not open a transaction in this session', () => {
  assert.deepEqual(ids("SET GLOBAL autocommit = 0;\nLOAD DATA LOCAL INFILE 'x.csv' INTO TABLE t;", '7.1'), ['set-global-persisted']);
  assert.deepEqual(ids("SET @@global.autocommit = OFF;\nLOAD DATA LOCAL INFILE 'x.csv' INTO TABLE t;", '7.1'), ['set-global-persisted']);
});

test('load-data-in-transaction: autocommit = DEFAULT ends it, an unknown value (@saved) changes nothing', () => {
  assert.deepEqual(ids("SET autocommit = 0;\nSET autocommit = DEFAULT;\nLOAD DATA LOCAL INFILE 'x.csv' INTO TABLE t;", '7.1'), []);
  assert.deepEqual(ids("SET @old = @@autocommit;\nSET autocommit = @old;\nLOAD DATA LOCAL INFILE 'x.csv' INTO TABLE t;", '7.1'), []);
  assert.deepEqual(ids("SET autocommit = 0;\nSET autocommit = @old;\nLOAD DATA LOCAL INFILE 'x.csv' INTO TABLE t;", '7.1'), [
    'load-data-in-transaction',
  ]);
});

test('load-data-in-transaction: with autocommit=0 a DDL does not end the transaction; after BEGIN it does', () => {
  const sql =
    "SET autocommit = 0;\nTRUNCATE TABLE staging_prices;\nLOAD DATA LOCAL INFILE '/tmp/p.csv' INTO TABLE staging_prices;\nCOMMIT;";
  assert.deepEqual(ids(sql, '7.1'), ['destructive-ddl', 'load-data-in-transaction']);
  assert.deepEqual(ids(sql, '7.6'), ['destructive-ddl']);
  assert.deepEqual(
    ids("BEGIN;\nTRUNCATE TABLE staging_prices;\nLOAD DATA LOCAL INFILE '/tmp/p.csv' INTO TABLE staging_prices;\nCOMMIT;", '7.1'),
    ['destructive-ddl'],
  );
  // COMMIT ends the autocommit=0 window (the spec's "matching COMMIT"), and a later DDL does not reopen it
  assert.deepEqual(
    ids("SET autocommit = 0;\nCOMMIT;\nCREATE TABLE z (id INT PRIMARY KEY);\nLOAD DATA LOCAL INFILE 'x' INTO TABLE z;", '7.1'),
    [],
  );
  assert.deepEqual(
    ids("START TRANSACTION WITH CONSISTENT SNAPSHOT;\nROLLBACK TO SAVEPOINT a;\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;\nCOMMIT;", '7.1'),
    ['load-data-in-transaction'],
  );
});

// ---- set-global-persisted: component variables

test('set-global-persisted: SET GLOBAL of a dotted component variable (validate_password.policy)', () => {
  const sql = 'SET GLOBAL validate_password.policy = LOW;';
  const f = only(sql, 'set-global-persisted');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'GLOBAL validate_password.policy = LOW');
  assert.deepEqual(ids('SET @@GLOBAL.validate_password.length = 8;'), ['set-global-persisted']);
  assert.deepEqual(ids('SET SESSION validate_password.policy = LOW;'), []);
  assert.deepEqual(ids("SET PERSIST validate_password.policy = 'LOW';"), ['set-persist']);
  // TiDB's SET CONFIG is not a variable assignment
  assert.deepEqual(ids('SET CONFIG tikv `split.qps-threshold` = 1000;'), []);
});

// ---- near-misses that must stay clean

test('near-misses: similar but supported syntax, names and strings', () => {
  const clean = [
    'START TRANSACTION READ ONLY AS OF TIMESTAMP NOW() - INTERVAL 5 SECOND;',
    "SET TRANSACTION READ ONLY AS OF TIMESTAMP '2024-05-01 10:00:00';",
    'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;',
    "SET SESSION transaction_isolation = 'READ-COMMITTED';",
    'SELECT id FROM jobs WHERE s = 0 LIMIT 1 FOR UPDATE NOWAIT;',
    'SELECT skip, locked, lateral, handler FROM t WHERE id = 1;',
    'ANALYZE NO_WRITE_TO_BINLOG TABLE orders;',
    'ADMIN CHECKSUM TABLE orders;',
    'ALTER TABLE t CHECKSUM = 1;',
    'ALTER TABLE t DISCARD TABLESPACE;',
    'CREATE TABLE t (id INT PRIMARY KEY) TABLESPACE ts1 STORAGE DISK;',
    "SELECT a FROM t WHERE id = 1 INTO DUMPFILE '/tmp/a';",
    'SELECT @x := a FROM t WHERE id = 1;',
    'FLUSH TABLES t1 FOR EXPORT;',
    'FLUSH NO_WRITE_TO_BINLOG TABLES;',
    'SHOW REPLICA STATUS;',
    'SET @@SESSION.SQL_LOG_BIN = @MYSQLDUMP_TEMP_LOG_BIN;',
    "-- CHANGE MASTER TO MASTER_LOG_FILE='mysql-bin.000001', MASTER_LOG_POS=154;",
    'SELECT @@optimizer_trace, @@optimizer_switch;',
    "SELECT /*+ SET_VAR(optimizer_switch='index_merge=off') */ id FROM t WHERE a = 1;",
    'TRACE SELECT id FROM t WHERE a = 1;',
    'LOCK INSTANCE FOR BACKUP;',
    "GRANT SELECT, INSERT ON shop.* TO 'app'@'%';",
    "LOAD DATA LOW_PRIORITY LOCAL INFILE '/tmp/x.csv' INTO TABLE t;",
    'CREATE TABLE t2 (LIKE t);',
    "CREATE USER u IDENTIFIED WITH mysql_native_password AS '*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9';",
    'SHOW CREATE PROCEDURE p;',
    'GRANT EXECUTE ON PROCEDURE db.p TO u;',
    'SELECT xa FROM t WHERE id = 1;',
  ];
  for (const sql of clean) assert.deepEqual(ids(sql), [], sql);
  // WITH ... AS that is not a CTE, below v5.1
  assert.deepEqual(ids(clean.find((x) => x.startsWith('CREATE USER'))!, '5.0'), []);
  assert.deepEqual(ids("LOAD DATA INFILE 'gcs://bucket/x.csv' INTO TABLE t;", '7.0'), []);
  assert.deepEqual(ids("LOAD DATA INFILE 'gcs://bucket/x.csv' INTO TABLE t;", '6.5'), ['load-data-server-file']);
});

test('combinations: exact rule sets of realistic scripts', () => {
  assert.deepEqual(
    ids(
      "START TRANSACTION;\nSELECT id INTO @job FROM jobs WHERE status='ready' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;\nUPDATE jobs SET status='running' WHERE id=@job;\nCOMMIT;",
    ),
    ['select-into-variable', 'skip-locked'],
  );
  assert.deepEqual(
    ids(
      "CREATE TABLE report_2024 AS\nWITH m AS (SELECT amount, region FROM payments WHERE paid_at >= '2024-01-01')\nSELECT region, SUM(amount) AS total FROM m GROUP BY region WITH ROLLUP;",
      '5.0',
    ),
    ['create-table-as-select', 'cte-version', 'with-rollup-version'],
  );
  assert.deepEqual(
    ids('SET PERSIST innodb_lock_wait_timeout = 5;\nSET GLOBAL innodb_lock_wait_timeout = 5;\nSET SESSION innodb_lock_wait_timeout = 5;'),
    ['set-global-persisted', 'set-persist'],
  );
  assert.deepEqual(
    ids(
      'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  WHILE 1 DO\n    SELECT id FROM t LOCK IN SHARE MODE;\n  END WHILE;\n  CASE 1 WHEN 1 THEN SAVEPOINT a; END CASE;\nEND//\nDELIMITER ;\nCALL p();\nLOCK TABLES t WRITE;',
      '6.1',
    ),
    ['lock-tables-ignored', 'stored-procedure'],
  );
});
