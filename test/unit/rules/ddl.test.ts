import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, ids, only } from '../../helpers';

// ---------------------------------------------------------------- subpartition

test('subpartition: SUBPARTITION BY and SUBPARTITIONS in CREATE and ALTER', () => {
  const sql =
    'CREATE TABLE ts (id INT, d DATE, PRIMARY KEY (id, d))\nPARTITION BY RANGE (YEAR(d))\nSUBPARTITION BY HASH (TO_DAYS(d)) SUBPARTITIONS 2 (\n  PARTITION p0 VALUES LESS THAN (1990),\n  PARTITION p1 VALUES LESS THAN MAXVALUE\n);';
  const f = only(sql, 'subpartition');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'SUBPARTITION BY HASH (TO_DAYS(d)) SUBPARTITIONS 2');
  assert.equal(only('alter table s partition by list (r) subpartition by key (id) (partition p values in (1));', 'subpartition').length, 1);
  assert.equal(only('CREATE TABLE k (a INT PRIMARY KEY) PARTITION BY HASH (a) PARTITIONS 4 SUBPARTITIONS 2;', 'subpartition').length, 1);
});

test('subpartition: single-level partitioning and strings are fine', () => {
  assert.equal(
    only(
      'CREATE TABLE s (id BIGINT, d DATE, PRIMARY KEY (id, d)) PARTITION BY RANGE (YEAR(d)) (PARTITION p VALUES LESS THAN MAXVALUE);',
      'subpartition',
    ).length,
    0,
  );
  assert.equal(only("CREATE TABLE s (id INT PRIMARY KEY, note VARCHAR(50) DEFAULT 'SUBPARTITION BY');", 'subpartition').length, 0);
  assert.equal(only('CREATE TABLE s (`subpartition` INT PRIMARY KEY);', 'subpartition').length, 0);
});

// ---------------------------------------------------------------- unsupported-partition-operation

test('unsupported-partition-operation: maintenance operations are never supported', () => {
  const sql = 'ALTER TABLE access_log REBUILD PARTITION p2024, p2025;';
  const f = only(sql, 'unsupported-partition-operation');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'REBUILD PARTITION');
  for (const op of ['CHECK', 'OPTIMIZE', 'REPAIR', 'discard', 'import']) {
    assert.equal(only(`ALTER TABLE t ${op} PARTITION p1;`, 'unsupported-partition-operation').length, 1, op);
  }
  assert.equal(only('ALTER TABLE t DROP PARTITION p2019;', 'unsupported-partition-operation').length, 0);
  assert.equal(only('ALTER TABLE t TRUNCATE PARTITION p2019;', 'unsupported-partition-operation').length, 0);
});

test('unsupported-partition-operation: version-gated REORGANIZE, COALESCE, EXCHANGE, ADD on HASH/KEY', () => {
  const reorg =
    'ALTER TABLE l REORGANIZE PARTITION pmax INTO (PARTITION p1 VALUES LESS THAN (10), PARTITION pmax VALUES LESS THAN (MAXVALUE));';
  assert.equal(only(reorg, 'unsupported-partition-operation', '6.5').length, 1);
  assert.equal(only(reorg, 'unsupported-partition-operation', '7.0').length, 0);
  assert.equal(only('ALTER TABLE s COALESCE PARTITION 2;', 'unsupported-partition-operation', '7.0').length, 1);
  assert.equal(only('ALTER TABLE s COALESCE PARTITION 2;', 'unsupported-partition-operation', '7.1').length, 0);
  assert.equal(only('ALTER TABLE s EXCHANGE PARTITION p0 WITH TABLE s0;', 'unsupported-partition-operation', '6.2').length, 1);
  assert.equal(only('ALTER TABLE s EXCHANGE PARTITION p0 WITH TABLE s0;', 'unsupported-partition-operation', '6.3').length, 0);
  const hash = 'CREATE TABLE h (a INT PRIMARY KEY) PARTITION BY LINEAR HASH (a) PARTITIONS 4;\nALTER TABLE h ADD PARTITION PARTITIONS 2;';
  assert.equal(only(hash, 'unsupported-partition-operation', '7.0').length, 1);
  assert.equal(only(hash, 'unsupported-partition-operation', '7.1').length, 0);
  // RANGE tables and unknown tables: ADD PARTITION is fine
  assert.equal(
    only(
      'CREATE TABLE r (a INT PRIMARY KEY) PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (10));\nALTER TABLE r ADD PARTITION (PARTITION p1 VALUES LESS THAN (20));',
      'unsupported-partition-operation',
      '6.5',
    ).length,
    0,
  );
  assert.equal(only('ALTER TABLE unknown_t ADD PARTITION PARTITIONS 2;', 'unsupported-partition-operation', '6.5').length, 0);
});

// ---------------------------------------------------------------- partition-type-unsupported

test('partition-type-unsupported: KEY, LIST, LINEAR HASH, multi-column RANGE COLUMNS by version', () => {
  const key = 'CREATE TABLE us (u BIGINT, t CHAR(64), PRIMARY KEY (u, t)) PARTITION BY KEY (u) PARTITIONS 16;';
  const f = only(key, 'partition-type-unsupported', '6.5');
  assert.equal(f.length, 1);
  assert.equal(at(key, f[0]), 'PARTITION BY KEY');
  assert.equal(only(key, 'partition-type-unsupported', '7.0').length, 0);
  const list = 'create table l (r int, id int, primary key (id, r)) partition by list columns (r) (partition p values in (1));';
  const g = only(list, 'partition-type-unsupported', '6.0');
  assert.equal(at(list, g[0]), 'partition by list columns');
  assert.equal(only(list, 'partition-type-unsupported', '6.1').length, 0);
  const lh = 'CREATE TABLE e (id BIGINT PRIMARY KEY) PARTITION BY LINEAR HASH (id) PARTITIONS 8;';
  assert.equal(only(lh, 'partition-type-unsupported', '6.3').length, 1);
  assert.equal(only(lh, 'partition-type-unsupported', '6.4').length, 0);
  assert.equal(
    only('CREATE TABLE e (id BIGINT PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 8;', 'partition-type-unsupported', '5.0').length,
    0,
  );
  const rc = 'CREATE TABLE m (a INT, b INT, PRIMARY KEY (a, b)) PARTITION BY RANGE COLUMNS (a, b) (PARTITION p0 VALUES LESS THAN (1, 1));';
  assert.equal(only(rc, 'partition-type-unsupported', '6.2').length, 1);
  assert.equal(only(rc, 'partition-type-unsupported', '6.3').length, 0);
  assert.equal(
    only(
      'CREATE TABLE m (a INT PRIMARY KEY) PARTITION BY RANGE COLUMNS (a) (PARTITION p0 VALUES LESS THAN (1));',
      'partition-type-unsupported',
      '6.2',
    ).length,
    0,
  );
  assert.equal(only('ALTER TABLE m PARTITION BY KEY (a) PARTITIONS 4;', 'partition-type-unsupported', '6.5').length, 1);
});

// ---------------------------------------------------------------- foreign keys

test('foreign-key-on-partitioned-table: CREATE TABLE with PARTITION BY and ALTER on a known partitioned table', () => {
  const sql =
    'CREATE TABLE oi (\n  id BIGINT NOT NULL,\n  oid BIGINT NOT NULL,\n  PRIMARY KEY (id, oid),\n  KEY i (oid),\n  CONSTRAINT fk_o FOREIGN KEY (oid) REFERENCES orders (id)\n) PARTITION BY HASH (oid) PARTITIONS 8;';
  const f = only(sql, 'foreign-key-on-partitioned-table');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'CONSTRAINT fk_o FOREIGN KEY');
  assert.equal(only(sql, 'foreign-key-on-partitioned-table', '6.5').length, 0);
  const alter =
    'CREATE TABLE sh (id BIGINT, d DATE, oid BIGINT, PRIMARY KEY (id, d)) PARTITION BY RANGE COLUMNS (d) (PARTITION p VALUES LESS THAN (MAXVALUE));\nALTER TABLE sh ADD FOREIGN KEY (oid) REFERENCES orders (id);';
  const g = only(alter, 'foreign-key-on-partitioned-table', '7.1');
  assert.equal(g.length, 1);
  assert.equal(at(alter, g[0]), 'FOREIGN KEY');
});

test('foreign-key-on-partitioned-table: inline REFERENCES, unpartitioned and unknown tables are fine', () => {
  assert.equal(
    only(
      'CREATE TABLE c (id INT, p INT REFERENCES par (id), PRIMARY KEY (id)) PARTITION BY HASH (id) PARTITIONS 2;',
      'foreign-key-on-partitioned-table',
    ).length,
    0,
  );
  assert.equal(
    only('CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES par (id));', 'foreign-key-on-partitioned-table').length,
    0,
  );
  assert.equal(only('ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES par (id);', 'foreign-key-on-partitioned-table').length, 0);
});

test('foreign-key-not-enforced: table-level FKs before v6.6', () => {
  const sql = 'ALTER TABLE orders ADD CONSTRAINT fk_u FOREIGN KEY (user_id) REFERENCES users (id);';
  const f = only(sql, 'foreign-key-not-enforced', '6.1');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'CONSTRAINT fk_u FOREIGN KEY');
  assert.match(f[0].message, /'users'/);
  const ct = 'create table `c` (`id` int primary key, `p` int, key (`p`), foreign key (`p`) references `par` (`id`) on delete cascade);';
  assert.equal(only(ct, 'foreign-key-not-enforced', '6.5').length, 1);
  assert.equal(only(ct, 'foreign-key-not-enforced', '6.6').length, 0);
  assert.equal(only('CREATE TABLE c (id INT PRIMARY KEY, p INT REFERENCES par (id));', 'foreign-key-not-enforced', '6.1').length, 0);
  assert.equal(only('ALTER TABLE c DROP FOREIGN KEY fk_u;', 'foreign-key-not-enforced', '6.1').length, 0);
});

// ---------------------------------------------------------------- charset-conversion-unsupported

test('charset-conversion-unsupported: CONVERT TO on unknown or incompatible tables', () => {
  const sql = 'ALTER TABLE legacy CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;';
  const f = only(sql, 'charset-conversion-unsupported');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'CHARACTER SET utf8mb4');
  // default utf8mb4 -> latin1
  assert.equal(
    only(
      'CREATE TABLE n (id INT PRIMARY KEY, b VARCHAR(5));\nALTER TABLE n CONVERT TO CHARACTER SET latin1;',
      'charset-conversion-unsupported',
    ).length,
    1,
  );
  // database default from CREATE DATABASE
  assert.equal(
    only(
      'CREATE DATABASE d DEFAULT CHARACTER SET latin1;\nUSE d;\nCREATE TABLE x (id INT PRIMARY KEY, a TEXT);\nALTER TABLE x CONVERT TO CHARSET utf8mb4;',
      'charset-conversion-unsupported',
    ).length,
    1,
  );
  // a latin1 column in a utf8 table
  assert.equal(
    only(
      'CREATE TABLE x (id INT PRIMARY KEY, a VARCHAR(5) CHARACTER SET latin1) CHARSET=utf8;\nALTER TABLE x CONVERT TO CHARACTER SET utf8mb4;',
      'charset-conversion-unsupported',
    ).length,
    1,
  );
});

test('charset-conversion-unsupported: utf8 -> utf8mb4 and no-ops are fine; unknown charsets belong to unsupported-charset', () => {
  assert.equal(
    only(
      'CREATE TABLE x (id INT PRIMARY KEY) DEFAULT CHARSET=utf8mb3;\nALTER TABLE x CONVERT TO CHARACTER SET utf8mb4;',
      'charset-conversion-unsupported',
    ).length,
    0,
  );
  assert.equal(
    only('CREATE TABLE x (id INT PRIMARY KEY, a TEXT);\nALTER TABLE x CONVERT TO CHARACTER SET utf8mb4;', 'charset-conversion-unsupported')
      .length,
    0,
  );
  assert.equal(
    only(
      'CREATE TABLE x (id INT PRIMARY KEY) COLLATE=latin1_bin;\nALTER TABLE x CONVERT TO CHARACTER SET latin1;',
      'charset-conversion-unsupported',
    ).length,
    0,
  );
  assert.equal(only('ALTER TABLE x CONVERT TO CHARACTER SET utf16;', 'charset-conversion-unsupported').length, 0);
  assert.equal(only("SELECT 'ALTER TABLE x CONVERT TO CHARACTER SET latin1';", 'charset-conversion-unsupported').length, 0);
});

test('charset-conversion-unsupported: MODIFY/CHANGE ... CHARACTER SET', () => {
  const sql =
    'CREATE TABLE t (id BIGINT PRIMARY KEY, a VARCHAR(20)) DEFAULT CHARSET=latin1;\nALTER TABLE t MODIFY COLUMN a VARCHAR(20) CHARACTER SET utf8mb4;';
  const f = only(sql, 'charset-conversion-unsupported');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'CHARACTER SET utf8mb4');
  assert.match(f[0].message, /latin1 to utf8mb4/);
  assert.equal(
    only(
      'CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(20) CHARSET utf8);\nALTER TABLE t CHANGE a a2 VARCHAR(20) CHARSET utf8mb4;',
      'charset-conversion-unsupported',
    ).length,
    0,
  );
  assert.equal(
    only(
      'CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(20));\nALTER TABLE t MODIFY a VARCHAR(20) CHARACTER SET utf8;',
      'charset-conversion-unsupported',
    ).length,
    1,
  );
  assert.equal(only('ALTER TABLE t MODIFY a VARCHAR(20) CHARACTER SET utf8mb4;', 'charset-conversion-unsupported').length, 1);
  assert.equal(
    only(
      'CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(20));\nALTER TABLE t MODIFY a VARCHAR(40) COLLATE utf8mb4_bin;',
      'charset-conversion-unsupported',
    ).length,
    0,
  );
});

// ---------------------------------------------------------------- ddl-reorg-rewrite / modify-column-type-restricted

const NOTES =
  "CREATE TABLE notes (\n  id BIGINT AUTO_RANDOM PRIMARY KEY,\n  note VARCHAR(255),\n  amount DECIMAL(10,2),\n  code INT,\n  flag TINYINT UNSIGNED,\n  kind ENUM('a','b'),\n  at DATETIME(3),\n  c CHAR(10)\n);\n";

test('ddl-reorg-rewrite: type changes that rewrite the data', () => {
  const sql = NOTES + 'ALTER TABLE notes MODIFY amount DECIMAL(12,4);';
  const f = only(sql, 'ddl-reorg-rewrite');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'MODIFY amount DECIMAL(12,4)');
  for (const change of [
    'CHANGE code code_str VARCHAR(20)',
    'MODIFY code SMALLINT',
    'MODIFY note VARCHAR(100)',
    'MODIFY flag TINYINT',
    "MODIFY kind ENUM('b','a')",
    'MODIFY at DATETIME',
    'MODIFY c VARCHAR(10)',
    'modify column `note` text(100)',
    'MODIFY code INT UNSIGNED',
  ]) {
    assert.deepEqual(only(NOTES + `ALTER TABLE notes ${change};`, 'ddl-reorg-rewrite').length, 1, change);
  }
  assert.equal(only(NOTES + 'ALTER TABLE notes MODIFY code SMALLINT;', 'ddl-reorg-rewrite', '5.0').length, 0);
});

test('ddl-reorg-rewrite: metadata-only changes and unknown schema are fine', () => {
  for (const change of [
    'MODIFY code BIGINT',
    'MODIFY code INT(11) NOT NULL',
    'MODIFY note VARCHAR(500)',
    'MODIFY note TEXT',
    "MODIFY kind ENUM('a','b','c')",
    'MODIFY at DATETIME(6)',
    'MODIFY c CHAR(20)',
    "MODIFY note VARCHAR(255) COMMENT 'x'",
    'MODIFY flag SMALLINT UNSIGNED',
  ]) {
    assert.equal(only(NOTES + `ALTER TABLE notes ${change};`, 'ddl-reorg-rewrite').length, 0, change);
  }
  assert.equal(only('ALTER TABLE other MODIFY code SMALLINT;', 'ddl-reorg-rewrite').length, 0);
  assert.equal(only(NOTES + 'ALTER TABLE notes MODIFY missing SMALLINT;', 'ddl-reorg-rewrite').length, 0);
});

test('modify-column-type-restricted: PK reorg, partitioned tables, generated columns, unsupported casts', () => {
  const pk = 'CREATE TABLE t (a INT PRIMARY KEY);\nALTER TABLE t MODIFY COLUMN a VARCHAR(10);';
  const f = only(pk, 'modify-column-type-restricted');
  assert.equal(f.length, 1);
  assert.equal(at(pk, f[0]), 'MODIFY COLUMN a VARCHAR(10)');
  assert.deepEqual(
    ids(pk).filter((i) => i === 'ddl-reorg-rewrite'),
    [],
  );
  assert.equal(
    only('CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b));\nALTER TABLE t MODIFY b INT UNSIGNED;', 'modify-column-type-restricted')
      .length,
    1,
  );
  // metadata-only widening of a PK column is fine
  assert.equal(
    only('CREATE TABLE t (a int primary key);\nALTER TABLE t MODIFY COLUMN a bigint;', 'modify-column-type-restricted').length,
    0,
  );
  // any type change on a partitioned table
  const part =
    'CREATE TABLE p (id INT, v VARCHAR(10), PRIMARY KEY (id)) PARTITION BY HASH (id) PARTITIONS 4;\nALTER TABLE p MODIFY v VARCHAR(20);';
  assert.equal(only(part, 'modify-column-type-restricted').length, 1);
  assert.equal(
    only(
      'CREATE TABLE p (id INT, v VARCHAR(10), PRIMARY KEY (id)) PARTITION BY HASH (id) PARTITIONS 4;\nALTER TABLE p MODIFY v VARCHAR(10) NOT NULL;',
      'modify-column-type-restricted',
    ).length,
    0,
  );
  // generated column
  assert.equal(
    only('CREATE TABLE g (a INT PRIMARY KEY, b INT AS (a + 1));\nALTER TABLE g MODIFY COLUMN b BIGINT;', 'modify-column-type-restricted')
      .length,
    1,
  );
  // casts TiDB cannot do online
  for (const [from, to] of [
    ['DECIMAL(10,2)', 'DATETIME'],
    ["ENUM('a')", 'TIME'],
    ['JSON', 'BIT(8)'],
    ['DATE', "SET('x')"],
    ['VARCHAR(10)', 'BIT(1)'],
  ]) {
    assert.equal(
      only(`CREATE TABLE k (id INT PRIMARY KEY, x ${from});\nALTER TABLE k MODIFY x ${to};`, 'modify-column-type-restricted').length,
      1,
      `${from} -> ${to}`,
    );
  }
  assert.equal(
    only('CREATE TABLE k (id INT PRIMARY KEY, x DATE);\nALTER TABLE k MODIFY x DATETIME;', 'modify-column-type-restricted').length,
    0,
  );
  // versions before v5.1 reject type changes differently: out of scope
  assert.equal(only(pk, 'modify-column-type-restricted', '5.0').length, 0);
});

// ---------------------------------------------------------------- add-index-existing-table

test('add-index-existing-table: ALTER ADD INDEX/UNIQUE and CREATE INDEX on tables not created in the file', () => {
  const sql = 'ALTER TABLE orders ADD INDEX idx_uc (user_id, created_at);';
  const f = only(sql, 'add-index-existing-table');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'ADD INDEX idx_uc (user_id, created_at)');
  const ci = "CREATE UNIQUE INDEX uk ON shop.users (email) COMMENT 'x';";
  const g = only(ci, 'add-index-existing-table');
  assert.equal(g.length, 1);
  assert.equal(at(ci, g[0]), 'UNIQUE INDEX uk ON shop.users');
  assert.equal(only('alter table c add constraint uk unique (email);', 'add-index-existing-table').length, 1);
  const col = 'ALTER TABLE c ADD COLUMN code VARCHAR(10) UNIQUE KEY;';
  assert.equal(at(col, only(col, 'add-index-existing-table')[0]), 'UNIQUE KEY');
  // ADD COLUMN + ADD INDEX counts once
  assert.equal(only('ALTER TABLE o ADD COLUMN cc VARCHAR(32), ADD INDEX i1 (cc), ADD KEY i2 (cc);', 'add-index-existing-table').length, 1);
});

test('add-index-existing-table: tables created in the file, FULLTEXT, PRIMARY KEY and FOREIGN KEY are not reported', () => {
  assert.equal(
    only(
      'CREATE TABLE p2 (id BIGINT PRIMARY KEY, sku VARCHAR(32));\nCREATE UNIQUE INDEX uk ON p2 (sku);\nALTER TABLE p2 ADD INDEX i (sku);',
      'add-index-existing-table',
    ).length,
    0,
  );
  assert.equal(only('ALTER TABLE posts ADD FULLTEXT INDEX ft (content);', 'add-index-existing-table').length, 0);
  assert.equal(only('ALTER TABLE posts ADD PRIMARY KEY (id);', 'add-index-existing-table').length, 0);
  assert.equal(only('ALTER TABLE posts ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id);', 'add-index-existing-table').length, 0);
  assert.equal(only('ALTER TABLE posts DROP INDEX i, RENAME INDEX a TO b;', 'add-index-existing-table').length, 0);
  assert.equal(only('ALTER TABLE posts ADD COLUMN c INT;', 'add-index-existing-table').length, 0);
});

// ---------------------------------------------------------------- destructive-ddl

test('destructive-ddl: DROP TABLE, TRUNCATE and DROP DATABASE', () => {
  const sql = 'TRUNCATE TABLE audit_log;';
  const f = only(sql, 'destructive-ddl');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'TRUNCATE TABLE audit_log');
  assert.equal(only('truncate `sessions`;', 'destructive-ddl').length, 1);
  const db = 'DROP SCHEMA IF EXISTS staging_2023;';
  assert.equal(at(db, only(db, 'destructive-ddl')[0]), 'DROP SCHEMA IF EXISTS staging_2023');
  assert.equal(only('DROP TABLE old_orders;', 'destructive-ddl').length, 1);
  // IF EXISTS without a later CREATE
  assert.equal(only('DROP TABLE IF EXISTS scratch;\nCREATE TABLE other (id INT PRIMARY KEY);', 'destructive-ddl').length, 1);
  // without IF EXISTS a later CREATE does not exempt it
  assert.equal(only('DROP TABLE t;\nCREATE TABLE t (id INT PRIMARY KEY);', 'destructive-ddl').length, 1);
  // only the tables that are not recreated are named
  const multi = 'DROP TABLE IF EXISTS a, b;\nCREATE TABLE a (id INT PRIMARY KEY);';
  const m = only(multi, 'destructive-ddl');
  assert.equal(m.length, 1);
  assert.match(m[0].message, /'b'/);
  assert.doesNotMatch(m[0].message, /'a'/);
});

test('destructive-ddl: dump drop+recreate, temporary tables, views, partitions and comments are fine', () => {
  assert.equal(only('DROP TABLE IF EXISTS `tags`;\nCREATE TABLE `tags` (`id` BIGINT PRIMARY KEY);', 'destructive-ddl').length, 0);
  assert.equal(
    only('DROP TABLE IF EXISTS `v`;\n/*!50001 CREATE ALGORITHM=UNDEFINED VIEW `v` AS SELECT 1 AS `id` */;', 'destructive-ddl').length,
    0,
  );
  assert.equal(only('DROP TEMPORARY TABLE IF EXISTS tmp;', 'destructive-ddl').length, 0);
  assert.equal(only('DROP VIEW v;', 'destructive-ddl').length, 0);
  assert.equal(only('ALTER TABLE l TRUNCATE PARTITION p2020;\nALTER TABLE l DROP PARTITION p2019;', 'destructive-ddl').length, 0);
  assert.equal(only("-- DROP TABLE x;\nSELECT 'TRUNCATE t' FROM dual;", 'destructive-ddl').length, 0);
  assert.equal(only('DROP TABLESPACE ts1;', 'destructive-ddl').length, 0);
});

test('group D rules never throw on truncated statements', () => {
  for (const sql of [
    'ALTER TABLE',
    'ALTER TABLE t',
    'ALTER TABLE t MODIFY',
    'ALTER TABLE t ADD',
    'ALTER TABLE t ADD INDEX (',
    'ALTER TABLE t CONVERT TO',
    'ALTER TABLE t CHANGE a',
    'ALTER TABLE t ADD COLUMN a INT AFTER',
    'CREATE TABLE t (a INT) PARTITION BY',
    'CREATE TABLE t (a INT) SUBPARTITION BY',
    'CREATE INDEX',
    'CREATE INDEX i ON',
    'DROP TABLE',
    'DROP TABLE IF EXISTS',
    'TRUNCATE',
    'DROP DATABASE',
    'ALTER TABLE t SET TIFLASH REPLICA, AUTO_ID_CACHE',
  ]) {
    const got = ids('CREATE TABLE t (a INT PRIMARY KEY, b VARCHAR(5)) PARTITION BY HASH (a) PARTITIONS 2;\n' + sql, '6.1');
    assert.ok(!got.includes('internal-error'), sql);
  }
});

test("issue 15: changing the collation of an indexed column (COLLATE, BINARY, CONVERT TO) names TiDB's own error; the same family or an unindexed column is fine", () => {
  const base =
    'CREATE TABLE t (id INT PRIMARY KEY, b VARCHAR(10) COLLATE utf8_bin, c VARCHAR(10) COLLATE utf8_general_ci, d VARCHAR(10), KEY b_idx (b), KEY c_idx (c));\n';
  const f = only(`${base}ALTER TABLE t MODIFY b VARCHAR(10) COLLATE utf8_general_ci;`, 'indexed-collation-change');
  assert.equal(f.length, 1);
  assert.match(
    f[0].message,
    /Unsupported modifying collation of column 'b' from 'utf8_bin' to 'utf8_general_ci' when index is defined on it\./,
  );
  // the pairs TiDB's CompatibleCollate allows, and a column no index covers
  assert.deepEqual(only(`${base}ALTER TABLE t MODIFY b VARCHAR(10) COLLATE utf8mb4_bin;`, 'indexed-collation-change'), []);
  assert.deepEqual(only(`${base}ALTER TABLE t MODIFY c VARCHAR(10) COLLATE utf8mb4_general_ci;`, 'indexed-collation-change'), []);
  assert.deepEqual(only(`${base}ALTER TABLE t MODIFY d VARCHAR(10) COLLATE utf8_general_ci;`, 'indexed-collation-change'), []);
  // BINARY means the charset's _bin collation
  assert.equal(only(`${base}ALTER TABLE t CHANGE c c VARCHAR(10) BINARY;`, 'indexed-collation-change').length, 1);
  // an index added later by CREATE INDEX or ALTER counts; a dropped one no longer does
  assert.equal(
    only(`${base}CREATE INDEX ix_d ON t (d);\nALTER TABLE t MODIFY d VARCHAR(10) COLLATE utf8mb4_general_ci;`, 'indexed-collation-change')
      .length,
    1,
  );
  assert.deepEqual(
    only(`${base}ALTER TABLE t DROP INDEX c_idx;\nALTER TABLE t MODIFY c VARCHAR(10) COLLATE utf8_bin;`, 'indexed-collation-change'),
    [],
  );
  // CONVERT TO: the message says which column and the error TiDB gives
  const conv = only(`${base}ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`, 'indexed-collation-change');
  assert.equal(conv.length, 1);
  assert.match(conv[0].message, /Unsupported converting collation of column 'b' from 'utf8_bin' to 'utf8mb4_unicode_ci'/);
});

test('issue 15: charset conversion names the error TiDB gives, and says latin1 -> utf8mb4 is not supported in any release', () => {
  const f = only(
    'CREATE TABLE l (id INT PRIMARY KEY, a VARCHAR(10)) DEFAULT CHARSET=latin1;\nALTER TABLE l CONVERT TO CHARACTER SET utf8mb4;',
    'charset-conversion-unsupported',
  );
  assert.equal(f.length, 1);
  assert.match(f[0].message, /ERROR 8200 \(HY000\): Unsupported modify charset from latin1 to utf8mb4/);
  assert.match(f[0].message, /reverted before v6\.1\.0/);
  assert.deepEqual(
    only(
      'CREATE TABLE u (id INT PRIMARY KEY, a VARCHAR(10)) DEFAULT CHARSET=utf8;\nALTER TABLE u CONVERT TO CHARACTER SET utf8mb4;',
      'charset-conversion-unsupported',
    ),
    [],
  );
});
