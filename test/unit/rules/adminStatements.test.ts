import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, at, only } from '../../helpers';
import { mine } from './onlyRulesOf';

test('lateral-derived-table: JOIN LATERAL / , LATERAL (subquery)', () => {
  const sql = 'SELECT u.id, x.n\nFROM users u\nLEFT JOIN lateral (SELECT COUNT(*) AS n FROM orders o WHERE o.uid = u.id) AS x ON TRUE;';
  const f = only(sql, 'lateral-derived-table');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'lateral');
  assert.deepEqual(mine('SELECT * FROM t1, LATERAL (SELECT t1.a + 1 AS b) d LIMIT 5;'), ['lateral-derived-table']);
  assert.deepEqual(mine('SELECT lateral FROM t WHERE id = 1;'), []);
  assert.deepEqual(mine("SELECT 'JOIN LATERAL (x)' AS s;"), []);
});

test('table-maintenance-statement: CHECK / CHECKSUM / REPAIR / OPTIMIZE TABLE', () => {
  const a = 'OPTIMIZE NO_WRITE_TO_BINLOG TABLE `orders`, shop.items;';
  const fa = only(a, 'table-maintenance-statement');
  assert.equal(at(a, fa[0]), 'OPTIMIZE NO_WRITE_TO_BINLOG TABLE');
  assert.match(fa[0].message, /orders, shop\.items/);
  assert.deepEqual(mine('check table invoices for upgrade;'), ['table-maintenance-statement']);
  assert.deepEqual(mine('CHECKSUM TABLE t1 EXTENDED;'), ['table-maintenance-statement']);
  assert.deepEqual(mine('REPAIR LOCAL TABLE sessions QUICK;'), ['table-maintenance-statement']);
  assert.match(only('CHECK TABLE t;', 'table-maintenance-statement')[0].message, /ADMIN CHECK TABLE/);
});

test('table-maintenance-statement: ADMIN CHECK/CHECKSUM, ANALYZE TABLE and strings are fine', () => {
  assert.deepEqual(mine('ADMIN CHECK TABLE orders;\nADMIN CHECKSUM TABLE orders;\nANALYZE TABLE orders;'), []);
  assert.deepEqual(mine("SELECT 'CHECK TABLE orders; OPTIMIZE TABLE t' AS hint;"), []);
});

test('handler-statement: HANDLER t OPEN|READ|CLOSE', () => {
  const sql = 'HANDLER audit_log OPEN AS al;\nhandler al read idx_created next limit 100;\nHANDLER al CLOSE;';
  const f = only(sql, 'handler-statement');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['HANDLER audit_log OPEN', 'handler al read', 'HANDLER al CLOSE'],
  );
  assert.deepEqual(mine('HANDLER db1.`t` OPEN;'), ['handler-statement']);
  assert.deepEqual(mine('SELECT handler, status FROM jobs WHERE id = 1;'), []);
});

test('create-tablespace: CREATE [UNDO] / ALTER / DROP TABLESPACE, not the TABLESPACE table option', () => {
  const sql = "CREATE UNDO TABLESPACE undo_3 ADD DATAFILE 'undo_3.ibu';";
  const f = only(sql, 'create-tablespace');
  assert.equal(at(sql, f[0]), 'CREATE UNDO TABLESPACE undo_3');
  assert.deepEqual(mine('alter tablespace ts1 rename to ts2;\ndrop tablespace ts3;'), ['create-tablespace']);
  assert.equal(only('ALTER TABLESPACE a RENAME TO b;\nDROP TABLESPACE c;', 'create-tablespace').length, 2);
  assert.deepEqual(mine('CREATE TABLE t (id BIGINT PRIMARY KEY) /*!50100 TABLESPACE `innodb_file_per_table` */ ENGINE=InnoDB;'), []);
  assert.deepEqual(mine('ALTER TABLE t TABLESPACE innodb_system;'), []);
});

test('select-into-variable: INTO @var lists, not INTO OUTFILE/DUMPFILE', () => {
  const a = 'SELECT id, email INTO @uid, @mail FROM users WHERE id = 5;';
  const fa = only(a, 'select-into-variable');
  assert.equal(at(a, fa[0]), 'INTO @uid, @mail');
  const b = "select max(id) from shipments where carrier = 'DHL' into @last_id;";
  assert.equal(at(b, only(b, 'select-into-variable')[0]), 'into @last_id');
  assert.deepEqual(mine("SELECT a FROM t INTO OUTFILE '/tmp/a.csv';"), []);
  assert.deepEqual(mine("SELECT a FROM t LIMIT 1 INTO DUMPFILE '/tmp/a.bin';"), []);
  assert.deepEqual(mine('SET @v = (SELECT COUNT(*) FROM t);\nSELECT @w := 1;\nINSERT INTO t (a) SELECT @v;'), []);
});

test('flush-tables-with-read-lock: with and without a table list', () => {
  const sql = 'FLUSH TABLES orders, order_items WITH READ LOCK;';
  assert.equal(at(sql, only(sql, 'flush-tables-with-read-lock')[0]), sql.slice(0, -1));
  assert.deepEqual(mine('flush local tables with read lock;'), ['flush-tables-with-read-lock']);
  assert.deepEqual(mine('FLUSH TABLES;\nFLUSH PRIVILEGES;\nFLUSH TABLES t;'), []);
});

test('replication-statement: CHANGE MASTER/REPLICATION SOURCE, START/STOP/RESET SLAVE|REPLICA, PURGE BINARY LOGS', () => {
  const a = "CHANGE MASTER TO MASTER_HOST='10.0.0.5', MASTER_AUTO_POSITION=1;";
  assert.equal(at(a, only(a, 'replication-statement')[0]), 'CHANGE MASTER TO');
  const b =
    "change replication source to source_host = 'h';\nstart replica;\nSTOP SLAVE;\nRESET REPLICA ALL;\nPURGE BINARY LOGS BEFORE '2024-06-01';\nPURGE MASTER LOGS TO 'binlog.000010';";
  assert.equal(only(b, 'replication-statement').length, 6);
});

test('replication-statement: SHOW MASTER STATUS, transactions and the mysqldump no-op variables are fine', () => {
  assert.deepEqual(
    mine('SHOW MASTER STATUS;\nSTART TRANSACTION;\nCOMMIT;\nRESET PERSIST;').filter((x) => x === 'replication-statement'),
    [],
  );
  assert.deepEqual(mine("SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/ 'uuid:1-5';\nSET @@SESSION.SQL_LOG_BIN = 0;"), []);
});

test('lock-tables-ignored: LOCK TABLES once (never UNLOCK TABLES on its own); a dump restoring rows is not flagged', () => {
  const sql = 'LOCK TABLES `accounts` WRITE, audit READ;\nUPDATE accounts SET b = 1 WHERE id = 1;\nunlock tables;';
  const f = only(sql, 'lock-tables-ignored');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['LOCK TABLES'],
  );
  assert.deepEqual(mine('UNLOCK TABLES;'), []);
  // mysqldump: the header's SET @OLD_... marks the file; --compact dumps still follow the lock with DISABLE KEYS
  const dump =
    '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n' +
    'LOCK TABLES `a` WRITE;\nINSERT INTO `a` VALUES (1);\nUNLOCK TABLES;\nLOCK TABLES `b` WRITE;\nINSERT INTO `b` VALUES (2);\nUNLOCK TABLES;';
  assert.deepEqual(mine(dump), []);
  const compact =
    'LOCK TABLES `a` WRITE;\n/*!40000 ALTER TABLE `a` DISABLE KEYS */;\nINSERT INTO `a` VALUES (1);\n/*!40000 ALTER TABLE `a` ENABLE KEYS */;\nUNLOCK TABLES;';
  assert.deepEqual(mine(compact), []);
  // an application's own lock right after is still one
  assert.deepEqual(mine(`${compact}\nLOCK TABLES a WRITE;\nUPDATE a SET x = 1 WHERE id = 1;\nUNLOCK TABLES;`), ['lock-tables-ignored']);
  assert.deepEqual(mine('LOCK TABLE t READ;'), ['lock-tables-ignored']);
  assert.deepEqual(mine('LOCK INSTANCE FOR BACKUP;\nSELECT lock_tables FROM t WHERE id = 1;'), []);
});

test('column-level-privilege: a column list after a privilege in GRANT/REVOKE', () => {
  const a = "GRANT INSERT (name, `email`), SELECT ON crm.leads TO 'mkt'@'%';";
  const fa = only(a, 'column-level-privilege');
  assert.equal(fa.length, 1);
  assert.equal(at(a, fa[0]), 'INSERT (name, `email`)');
  assert.match(fa[0].message, /name, email/);
  const b = "revoke select (a), update (b, c) on db.t from 'u'@'%';";
  assert.deepEqual(
    only(b, 'column-level-privilege').map((x) => at(b, x)),
    ['select (a)', 'update (b, c)'],
  );
  assert.deepEqual(
    mine("GRANT SELECT, INSERT ON crm.leads TO 'mkt'@'%';\nGRANT r_app TO 'u'@'%';\nREVOKE ALL PRIVILEGES ON *.* FROM u;"),
    [],
  );
});

test('load-data-server-file: LOAD DATA INFILE without LOCAL, cloud URIs before v7.0, with a LOCAL fix', () => {
  const a = "load data infile '/var/lib/mysql-files/u.csv' into table users fields terminated by ',';";
  const fa = only(a, 'load-data-server-file');
  assert.equal(at(a, fa[0]), "infile '/var/lib/mysql-files/u.csv'");
  assert.equal(fa[0].fix?.safe, false);
  assert.equal(applyFix(a, fa[0]), "load data local infile '/var/lib/mysql-files/u.csv' into table users fields terminated by ',';");
  const b = "LOAD DATA CONCURRENT INFILE 'x.tsv' REPLACE INTO TABLE t;";
  assert.equal(applyFix(b, only(b, 'load-data-server-file')[0]), "LOAD DATA CONCURRENT LOCAL INFILE 'x.tsv' REPLACE INTO TABLE t;");
  const s3 = "LOAD DATA INFILE 's3://bucket/a.csv' INTO TABLE t;";
  assert.deepEqual(mine(s3, '6.5'), ['load-data-server-file']);
  assert.deepEqual(mine(s3, '7.0'), []);
  assert.deepEqual(mine("LOAD DATA INFILE 'gcs://bucket/a.csv' INTO TABLE t;", '8.5'), []);
});

test('load-data-server-file: LOCAL is never flagged', () => {
  assert.deepEqual(mine("LOAD DATA LOCAL INFILE '/home/app/u.csv' INTO TABLE users;"), []);
  assert.deepEqual(mine("LOAD DATA LOW_PRIORITY LOCAL INFILE 'u.csv' INTO TABLE users;", '6.1'), []);
});

test('create-table-as-select: [AS] SELECT, IGNORE/REPLACE, parenthesised query; not LIKE', () => {
  const a = 'CREATE TABLE IF NOT EXISTS rpt AS\nSELECT a, SUM(b) FROM t GROUP BY a;';
  const fa = only(a, 'create-table-as-select');
  assert.equal(at(a, fa[0]), 'AS\nSELECT');
  assert.match(fa[0].message, /rpt/);
  const b = 'create table tmp_users select id, email from users;';
  assert.equal(at(b, only(b, 'create-table-as-select')[0]), 'select');
  assert.deepEqual(mine('CREATE TABLE t2 (id INT PRIMARY KEY) IGNORE SELECT id FROM t1;'), ['create-table-as-select']);
  assert.deepEqual(mine('CREATE TABLE t3 AS (SELECT 1 AS a);'), ['create-table-as-select']);
  assert.deepEqual(mine('CREATE TEMPORARY TABLE t4 AS WITH c AS (SELECT 1 AS a) SELECT a FROM c;'), ['create-table-as-select']);
  assert.deepEqual(mine('CREATE TABLE t5 LIKE t1;\nCREATE TABLE t6 (LIKE t1);'), []);
  assert.deepEqual(mine('CREATE TABLE t7 (id INT PRIMARY KEY, v INT DEFAULT 0);\nINSERT INTO t7 SELECT id, 1 FROM t1;'), []);
});

test('alter-view: any ALTER VIEW, with a safe CREATE OR REPLACE fix that keeps the modifiers', () => {
  const a = 'ALTER ALGORITHM=MERGE DEFINER=`app`@`%` SQL SECURITY INVOKER VIEW v_orders AS SELECT id FROM orders;';
  const fa = only(a, 'alter-view');
  assert.equal(at(a, fa[0]), 'ALTER ALGORITHM=MERGE DEFINER=`app`@`%` SQL SECURITY INVOKER VIEW v_orders');
  assert.equal(fa[0].fix?.safe, true);
  assert.equal(
    applyFix(a, fa[0]),
    'CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`app`@`%` SQL SECURITY INVOKER VIEW v_orders AS SELECT id FROM orders;',
  );
  const b = 'alter view reporting.v (id) as\n  select id from t;';
  const fb = only(b, 'alter-view');
  assert.equal(at(b, fb[0]), 'alter view reporting.v');
  assert.equal(applyFix(b, fb[0]), 'create or replace view reporting.v (id) as\n  select id from t;');
  assert.deepEqual(mine('CREATE OR REPLACE VIEW v AS SELECT 1;\nALTER TABLE v_orders ADD COLUMN c INT;'), []);
});

test('view-check-option-ignored: WITH [CASCADED|LOCAL] CHECK OPTION on CREATE VIEW', () => {
  const a = "CREATE OR REPLACE VIEW v_eu AS\nSELECT id FROM customers WHERE country IN ('DE', 'FR')\nWITH LOCAL CHECK OPTION;";
  assert.equal(at(a, only(a, 'view-check-option-ignored')[0]), 'WITH LOCAL CHECK OPTION');
  assert.deepEqual(mine('create view v as select * from p where state = 1 with check option;'), ['view-check-option-ignored']);
  assert.deepEqual(mine('/*!50001 CREATE VIEW v AS SELECT a FROM t WITH CASCADED CHECK OPTION */;'), ['view-check-option-ignored']);
  assert.deepEqual(mine('CREATE VIEW v AS SELECT a FROM t WHERE a > 0;'), []);
  assert.deepEqual(mine('CREATE VIEW v AS WITH c AS (SELECT 1 AS a) SELECT a FROM c;'), []);
});

test('cte-version: WITH [RECURSIVE] name [(cols)] AS (...) before v5.1', () => {
  const a =
    'WITH RECURSIVE org (id, depth) AS (\n  SELECT 1, 0 UNION ALL SELECT id + 1, depth + 1 FROM org WHERE id < 5\n)\nSELECT id FROM org;';
  const fa = only(a, 'cte-version', '5.0');
  assert.equal(fa.length, 1);
  assert.equal(at(a, fa[0]), 'WITH RECURSIVE org');
  assert.deepEqual(mine('insert into t2 (a) with c as (select 1 as a) select a from c;', '4.0'), ['cte-version']);
  assert.deepEqual(mine('SELECT * FROM (WITH c AS (SELECT 1 AS a) SELECT a FROM c) x;', '5.0'), ['cte-version']);
  assert.deepEqual(mine(a, '5.1'), []);
  assert.deepEqual(mine('SELECT a, COUNT(*) FROM t GROUP BY a WITH ROLLUP;', '5.0').includes('cte-version'), false);
  assert.deepEqual(mine("GRANT SELECT ON db.* TO 'u'@'%' WITH GRANT OPTION;", '5.0'), []);
});

test('with-rollup-version: GROUP BY ... WITH ROLLUP before v7.4, also in INSERT ... SELECT', () => {
  const a = 'SELECT region, SUM(x) FROM s GROUP BY region with rollup ORDER BY region;';
  const fa = only(a, 'with-rollup-version', '7.3');
  assert.equal(at(a, fa[0]), 'with rollup');
  assert.deepEqual(mine('INSERT INTO tot (c, n) SELECT c, SUM(n) FROM l GROUP BY c WITH ROLLUP;', '6.5'), ['with-rollup-version']);
  assert.deepEqual(mine(a, '7.4'), []);
  assert.deepEqual(mine("SELECT 'GROUP BY a WITH ROLLUP' AS s;", '6.5'), []);
});
