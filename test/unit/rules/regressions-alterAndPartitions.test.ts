// Review D: held-out style SQL for the ALTER TABLE / partition / schema-aware DDL rules.
// Every bug fixed in the review has a regression test here, plus near-miss negatives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../core/lint/engine';
import type { SchemaProvider, TableInfo } from '../../../core/sql/schema';
import { RULES } from '../../../core/lint/rules';
import { at, ids, only } from '../../helpers';

// ---------------------------------------------------------------- add-index-existing-table

test('add-index-existing-table: a table known only from a live schema is still an existing table (regression)', () => {
  const live: TableInfo = { name: 'orders', columns: new Map(), indexes: new Set() };
  const schema: SchemaProvider = {
    table: (_db, name) => (name.toLowerCase() === 'orders' ? live : undefined),
    isView: () => false,
    database: () => undefined,
  };
  const run = (sql: string) => lintText(sql, RULES, { schema }).findings.filter((f) => f.ruleId === 'add-index-existing-table');
  assert.equal(run('ALTER TABLE orders ADD INDEX idx_user (user_id);').length, 1);
  assert.equal(run('CREATE INDEX idx_user ON orders (user_id);').length, 1);
  // created earlier in the file: new and empty, nothing to backfill
  assert.equal(
    run('CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT);\nALTER TABLE orders ADD INDEX idx_user (user_id);').length,
    0,
  );
});

test('add-index-existing-table: file schema, databases and renames', () => {
  assert.deepEqual(ids('create unique index uq_email on `users` (`email`);'), ['add-index-existing-table']);
  assert.deepEqual(ids('CREATE INDEX idx_a USING BTREE ON shop.orders (a) ALGORITHM=INPLACE LOCK=NONE;'), ['add-index-existing-table']);
  assert.deepEqual(ids('USE shop;\nCREATE TABLE orders (id BIGINT PRIMARY KEY, a INT);\nCREATE INDEX idx_a ON shop.orders (a);'), []);
  // another database's table of the same name is not the one created here
  assert.deepEqual(ids('USE shop;\nCREATE TABLE orders (id BIGINT PRIMARY KEY, a INT);\nCREATE INDEX idx_a ON other.orders (a);'), [
    'add-index-existing-table',
  ]);
  assert.deepEqual(
    ids('CREATE TABLE orders (id BIGINT PRIMARY KEY, a INT);\nRENAME TABLE orders TO orders_v2;\nCREATE INDEX idx_a ON orders_v2 (a);'),
    [],
  );
  assert.deepEqual(
    ids(
      'CREATE TABLE orders (id BIGINT PRIMARY KEY, a INT);\nALTER TABLE orders RENAME TO orders_v2;\nALTER TABLE orders_v2 ADD INDEX idx_a (a);',
    ),
    [],
  );
  const sql = 'ALTER TABLE posts ADD CONSTRAINT uq_slug UNIQUE INDEX (slug);';
  assert.equal(at(sql, only(sql, 'add-index-existing-table')[0]), 'ADD CONSTRAINT uq_slug UNIQUE INDEX (slug)');
  // excluded: PRIMARY KEY, FOREIGN KEY
  assert.deepEqual(ids('ALTER TABLE posts ADD PRIMARY KEY (id);'), []);
  assert.deepEqual(ids('ALTER TABLE posts ADD CONSTRAINT fk FOREIGN KEY (uid) REFERENCES users (id);'), []);
});

// ---------------------------------------------------------------- add-auto-increment

test('add-auto-increment: SERIAL and SERIAL DEFAULT VALUE imply AUTO_INCREMENT (regression)', () => {
  const sql = 'ALTER TABLE t ADD COLUMN id SERIAL;';
  const f = only(sql, 'add-auto-increment');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'SERIAL');
  assert.equal(only('ALTER TABLE t ADD COLUMN n INT SERIAL DEFAULT VALUE;', 'add-auto-increment').length, 1);
  assert.equal(
    only('CREATE TABLE t (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, v INT);\nALTER TABLE t MODIFY id SERIAL;', 'add-auto-increment').length,
    1,
  );
  // a SERIAL column already is AUTO_INCREMENT: keeping it is fine
  assert.equal(
    only(
      'CREATE TABLE t (id SERIAL PRIMARY KEY, v INT);\nALTER TABLE t MODIFY id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT;',
      'add-auto-increment',
    ).length,
    0,
  );
});

test('add-auto-increment: spellings and near misses', () => {
  assert.deepEqual(ids('/*!40101 ALTER TABLE t ADD COLUMN n INT AUTO_INCREMENT PRIMARY KEY */;'), ['add-auto-increment']);
  assert.deepEqual(
    ids(
      'CREATE TABLE `db1`.`users` (uid INT NOT NULL, name VARCHAR(20), PRIMARY KEY (uid));\nALTER TABLE `DB1`.`Users` MODIFY `UID` INT NOT NULL AUTO_INCREMENT;',
    ),
    ['add-auto-increment'],
  );
  assert.deepEqual(
    ids(
      'CREATE DATABASE app;\nUSE app;\nCREATE TABLE users (uid INT NOT NULL PRIMARY KEY);\nALTER TABLE app.users CHANGE COLUMN uid user_id INT NOT NULL AUTO_INCREMENT;',
    ),
    ['add-auto-increment'],
  );
  // once removed, it cannot be restored
  assert.equal(
    only(
      'CREATE TABLE u (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY);\nALTER TABLE u MODIFY id INT NOT NULL;\nALTER TABLE u MODIFY id INT NOT NULL AUTO_INCREMENT;',
      'add-auto-increment',
    ).length,
    1,
  );
  assert.deepEqual(ids("ALTER TABLE users ADD COLUMN note VARCHAR(40) COMMENT 'auto_increment soon';"), []);
  assert.deepEqual(ids('-- ALTER TABLE users ADD COLUMN id INT AUTO_INCREMENT;\nSELECT 1;'), []);
});

// ---------------------------------------------------------------- alter-clustered-primary-key

test('alter-clustered-primary-key: DROP INDEX `PRIMARY` is DROP PRIMARY KEY (regression)', () => {
  const sql = 'ALTER TABLE s DROP INDEX `PRIMARY`;';
  const f = only(sql, 'alter-clustered-primary-key');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'DROP INDEX `PRIMARY`');
  assert.equal(
    only(
      'CREATE TABLE s (sid VARCHAR(64) NOT NULL, PRIMARY KEY (sid) NONCLUSTERED);\nALTER TABLE s DROP KEY `primary`;',
      'alter-clustered-primary-key',
    ).length,
    0,
  );
  assert.equal(only('ALTER TABLE s DROP INDEX `PRIMARY_idx`;', 'alter-clustered-primary-key').length, 0);
});

test('alter-clustered-primary-key: CREATE TABLE ... LIKE an unknown table leaves the PK unknown (regression)', () => {
  assert.equal(only('CREATE TABLE s LIKE other;\nALTER TABLE s DROP PRIMARY KEY;', 'alter-clustered-primary-key').length, 1);
  // LIKE a table the file defines copies its (NONCLUSTERED) PK
  assert.equal(
    only(
      'CREATE TABLE a (id BIGINT NOT NULL, PRIMARY KEY (id) NONCLUSTERED);\nCREATE TABLE s LIKE a;\nALTER TABLE s DROP PRIMARY KEY;',
      'alter-clustered-primary-key',
    ).length,
    0,
  );
});

test('alter-clustered-primary-key: version boundaries and /*T! */ keywords', () => {
  const composite = 'CREATE TABLE s (sid VARCHAR(64) NOT NULL, uid BIGINT, PRIMARY KEY (sid));\nALTER TABLE s DROP PRIMARY KEY;';
  assert.equal(only(composite, 'alter-clustered-primary-key', '6.3').length, 0);
  assert.equal(only(composite, 'alter-clustered-primary-key', '6.4').length, 1);
  assert.equal(
    only(
      'CREATE TABLE s (id int(11) unsigned NOT NULL PRIMARY KEY);\nALTER TABLE s DROP PRIMARY KEY;',
      'alter-clustered-primary-key',
      '6.3',
    ).length,
    1,
  );
  assert.equal(
    only(
      'CREATE TABLE s (sid VARCHAR(64) NOT NULL, PRIMARY KEY (sid) /*T![clustered_index] NONCLUSTERED */);\nALTER TABLE s DROP PRIMARY KEY;',
      'alter-clustered-primary-key',
    ).length,
    0,
  );
  assert.equal(
    only(
      'CREATE TABLE s (sid VARCHAR(64) NOT NULL, PRIMARY KEY (sid) /*T![clustered_index] CLUSTERED */);\nALTER TABLE s DROP PRIMARY KEY;',
      'alter-clustered-primary-key',
      '6.3',
    ).length,
    1,
  );
  assert.equal(
    only('ALTER TABLE s ADD CONSTRAINT pk_s PRIMARY KEY (a) /*T![clustered_index] CLUSTERED */;', 'alter-clustered-primary-key').length,
    1,
  );
  assert.equal(only('alter table s add primary key (a, b) nonclustered;', 'alter-clustered-primary-key').length, 0);
  assert.equal(only('alter table `sessions` drop primary key;', 'alter-clustered-primary-key', '4.0').length, 0);
});

// ---------------------------------------------------------------- type changes

test('modify-column-type-restricted / ddl-reorg-rewrite: CHARACTER VARYING is VARCHAR (regression)', () => {
  assert.deepEqual(ids('CREATE TABLE t (id INT PRIMARY KEY, a CHARACTER VARYING(20));\nALTER TABLE t MODIFY a VARCHAR(20);'), []);
  assert.deepEqual(ids('CREATE TABLE t (id INT PRIMARY KEY, a CHARACTER VARYING(20));\nALTER TABLE t MODIFY a VARCHAR(40);'), []);
  assert.deepEqual(ids('CREATE TABLE t (id INT PRIMARY KEY, a CHARACTER VARYING(20));\nALTER TABLE t MODIFY a CHAR(20);'), [
    'ddl-reorg-rewrite',
  ]);
});

test('modify-column-type-restricted / ddl-reorg-rewrite: classification', () => {
  const t =
    "CREATE TABLE t (id BIGINT PRIMARY KEY, price DECIMAL(10,2), code VARCHAR(20), flag TINYINT, status ENUM('a','b'), c DATETIME(6), body TEXT);\n";
  assert.deepEqual(ids(t + 'ALTER TABLE t MODIFY price DECIMAL(10,2) NOT NULL DEFAULT 0;'), []);
  assert.deepEqual(ids(t + 'ALTER TABLE t MODIFY price NUMERIC(12,2);'), ['ddl-reorg-rewrite']);
  assert.deepEqual(ids(t + 'ALTER TABLE t MODIFY code VARCHAR(64), MODIFY flag SMALLINT;'), []);
  assert.deepEqual(ids(t + 'ALTER TABLE t CHANGE `flag` `flag` TINYINT UNSIGNED;'), ['ddl-reorg-rewrite']);
  assert.deepEqual(ids(t + "ALTER TABLE t MODIFY status ENUM('a','b','c') NOT NULL DEFAULT 'a';"), []);
  assert.deepEqual(ids(t + "ALTER TABLE t MODIFY status ENUM('a','c');"), ['ddl-reorg-rewrite']);
  assert.deepEqual(ids(t + 'ALTER TABLE t MODIFY status DATETIME;'), ['modify-column-type-restricted']);
  assert.deepEqual(ids(t + 'ALTER TABLE t MODIFY price DATETIME;'), ['modify-column-type-restricted']);
  assert.deepEqual(ids(t + 'ALTER TABLE t MODIFY code BIT(8);'), ['modify-column-type-restricted']);
  assert.deepEqual(ids(t + 'ALTER TABLE t MODIFY c DATETIME;'), ['ddl-reorg-rewrite']);
  assert.deepEqual(ids(t + 'ALTER TABLE t MODIFY body VARCHAR(255);'), ['ddl-reorg-rewrite']);
  assert.deepEqual(ids(t + 'ALTER TABLE t MODIFY code TEXT;'), []);
  // primary key: reorg is rejected, a widening is metadata only
  assert.deepEqual(ids('CREATE TABLE k (id VARCHAR(36) NOT NULL, PRIMARY KEY (id));\nALTER TABLE k MODIFY id CHAR(36) NOT NULL;'), [
    'modify-column-type-restricted',
  ]);
  assert.deepEqual(ids('CREATE TABLE k (id VARCHAR(36) NOT NULL, PRIMARY KEY (id));\nALTER TABLE k MODIFY id VARCHAR(64) NOT NULL;'), []);
  // unknown table: silent; version gate
  assert.deepEqual(ids('ALTER TABLE t MODIFY code CHAR(20);'), []);
  assert.deepEqual(ids('CREATE TABLE k (a BIGINT NOT NULL, PRIMARY KEY (a));\nALTER TABLE k MODIFY a INT NOT NULL;', '5.0'), []);
});

// ---------------------------------------------------------------- partition clause after table options

test('partition options after table options without a comma are read (regression)', () => {
  assert.deepEqual(ids('ALTER TABLE t ENGINE=InnoDB PARTITION BY KEY(id) PARTITIONS 4;', '6.5'), ['partition-type-unsupported']);
  assert.deepEqual(
    ids(
      'CREATE TABLE p (id BIGINT, oid BIGINT, PRIMARY KEY (id));\nALTER TABLE p ENGINE=InnoDB PARTITION BY HASH (id) PARTITIONS 4;\nALTER TABLE p ADD CONSTRAINT fk_p_o FOREIGN KEY (oid) REFERENCES o (id);',
    ),
    ['foreign-key-on-partitioned-table'],
  );
  assert.deepEqual(
    ids(
      "CREATE TABLE p (id BIGINT, PRIMARY KEY (id));\nALTER TABLE p COMMENT = 'partitioned' PARTITION BY HASH (id) PARTITIONS 4;\nALTER TABLE p ADD PARTITION PARTITIONS 2;",
      '7.0',
    ),
    ['unsupported-partition-operation'],
  );
  // a window's PARTITION BY inside a generated column expression is not a partition clause
  assert.deepEqual(ids('ALTER TABLE t ENGINE=InnoDB;', '6.5'), []);
});

// ---------------------------------------------------------------- subpartition

test('subpartition: identifiers named subpartition(s) are not the clause (regression)', () => {
  assert.deepEqual(ids('CREATE TABLE subpartitions (id INT PRIMARY KEY, subpartition VARCHAR(10));'), []);
  assert.deepEqual(
    ids('CREATE TABLE t (id INT PRIMARY KEY, subpartition INT, subpartitions INT) PARTITION BY HASH (id) PARTITIONS 4;'),
    [],
  );
  assert.deepEqual(ids("SELECT subpartition_name FROM information_schema.partitions WHERE table_name = 't';"), []);
});

test('subpartition: SUBPARTITION BY, SUBPARTITIONS n and explicit subpartition definitions', () => {
  const sql =
    'CREATE TABLE ts (id INT PRIMARY KEY, d DATE)\n/*!50100 PARTITION BY RANGE (YEAR(d))\nSUBPARTITION BY HASH (TO_DAYS(d))\nSUBPARTITIONS 2\n(PARTITION p0 VALUES LESS THAN (1990) ENGINE = InnoDB) */;';
  const f = only(sql, 'subpartition');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'SUBPARTITION BY HASH (TO_DAYS(d))\nSUBPARTITIONS 2');
  assert.deepEqual(
    ids(
      'CREATE TABLE ts (id INT PRIMARY KEY, d DATE) PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY LINEAR KEY ALGORITHM=2 (id) (PARTITION p0 VALUES LESS THAN (1990) (SUBPARTITION s0, SUBPARTITION s1));',
    ),
    ['subpartition'],
  );
  assert.deepEqual(
    ids('ALTER TABLE t REORGANIZE PARTITION p0 INTO (PARTITION p0a VALUES LESS THAN (10) (SUBPARTITION s0, SUBPARTITION s1));'),
    ['subpartition'],
  );
});

// ---------------------------------------------------------------- charset-conversion-unsupported

test('charset-conversion-unsupported: a new table default does not change existing columns (regression)', () => {
  const latin =
    'CREATE TABLE n (id BIGINT PRIMARY KEY, body VARCHAR(500)) CHARSET latin1 COLLATE latin1_bin;\nALTER TABLE n CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;\n';
  assert.equal(
    only(
      latin + 'ALTER TABLE n MODIFY COLUMN body VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'charset-conversion-unsupported',
    ).length,
    1,
  );
  // a column added after the change inherits the new default
  assert.equal(
    only(
      latin +
        'ALTER TABLE n ADD COLUMN note VARCHAR(10);\nALTER TABLE n MODIFY COLUMN note VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'charset-conversion-unsupported',
    ).length,
    0,
  );
  // utf8 -> utf8mb4 stays allowed
  assert.equal(
    only(
      'CREATE TABLE n (id BIGINT PRIMARY KEY, body VARCHAR(500)) CHARSET utf8 COLLATE utf8_bin;\nALTER TABLE n DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;\nALTER TABLE n MODIFY COLUMN body VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'charset-conversion-unsupported',
    ).length,
    0,
  );
});

test('charset-conversion-unsupported: LIKE copies (regression)', () => {
  // LIKE a table the file does not define: the source charset is unknown, and unknown is flagged
  assert.equal(
    only(
      'CREATE TABLE n LIKE legacy_notes;\nALTER TABLE n CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'charset-conversion-unsupported',
    ).length,
    1,
  );
  // converting the copy does not convert the original
  const sql =
    'CREATE TABLE a (id BIGINT PRIMARY KEY, body VARCHAR(500)) CHARSET utf8 COLLATE utf8_bin;\nCREATE TABLE b LIKE a;\nALTER TABLE b CONVERT TO CHARACTER SET latin1 COLLATE latin1_bin;\nALTER TABLE a CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;';
  const f = only(sql, 'charset-conversion-unsupported');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'CHARACTER SET latin1');
});

test('charset-conversion-unsupported: database defaults, no-ops and table options', () => {
  assert.equal(
    only(
      'CREATE DATABASE legacy DEFAULT CHARACTER SET latin1;\nCREATE TABLE legacy.n (id BIGINT PRIMARY KEY, body VARCHAR(500));\nALTER TABLE legacy.n MODIFY body VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'charset-conversion-unsupported',
    ).length,
    1,
  );
  assert.equal(
    only(
      'CREATE DATABASE legacy DEFAULT CHARACTER SET latin1;\nCREATE TABLE other.n (id BIGINT PRIMARY KEY, body VARCHAR(500));\nALTER TABLE other.n MODIFY body VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'charset-conversion-unsupported',
    ).length,
    0,
  );
  assert.equal(
    only(
      'CREATE TABLE n (id BIGINT PRIMARY KEY, body VARCHAR(500)) COLLATE latin1_bin;\nALTER TABLE n CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'charset-conversion-unsupported',
    ).length,
    1,
  );
  assert.equal(
    only(
      'CREATE TABLE n (id BIGINT PRIMARY KEY, body VARCHAR(500)) CHARSET latin1 COLLATE latin1_bin;\nALTER TABLE n CONVERT TO CHARACTER SET latin1 COLLATE latin1_bin;',
      'charset-conversion-unsupported',
    ).length,
    0,
  );
  assert.equal(only('ALTER TABLE n DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;', 'charset-conversion-unsupported').length, 0);
  assert.equal(only('ALTER TABLE n MODIFY body VARCHAR(500) COLLATE utf8mb4_bin;', 'charset-conversion-unsupported').length, 0);
  assert.equal(
    only('/*!40101 ALTER TABLE legacy CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci */;', 'charset-conversion-unsupported')
      .length,
    1,
  );
});

// ---------------------------------------------------------------- destructive-ddl

test('destructive-ddl: DROP TABLES and the mysqldump lift (regression)', () => {
  assert.deepEqual(ids('DROP TABLES a, b;'), ['destructive-ddl']);
  assert.deepEqual(
    ids(
      'DROP TABLE IF EXISTS `users`;\n/*!40101 SET @saved_cs_client = @@character_set_client */;\nCREATE TABLE `users` (id INT PRIMARY KEY);',
    ),
    [],
  );
  assert.deepEqual(ids('DROP TABLE IF EXISTS `Users`;\nCREATE TABLE IF NOT EXISTS users (id INT PRIMARY KEY);'), []);
  assert.deepEqual(
    ids('DROP TABLE IF EXISTS users;\nCREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW users AS SELECT 1;'),
    [],
  );
  assert.deepEqual(ids('DROP TABLE IF EXISTS users;\nCREATE TABLE users_new (id INT PRIMARY KEY);'), ['destructive-ddl']);
  // issue 15: a table the file itself created (a scratch table) holds nobody's data: dropping or emptying it is not flagged
  assert.deepEqual(ids('CREATE TABLE users (id INT PRIMARY KEY);\nDROP TABLE IF EXISTS users;'), []);
  assert.deepEqual(
    ids(
      'CREATE TABLE tmp_ids (id INT PRIMARY KEY);\nINSERT INTO tmp_ids SELECT id FROM orders WHERE id < 100;\nTRUNCATE tmp_ids;\nDROP TABLE tmp_ids, orders;',
    ),
    ['destructive-ddl'],
  );
  assert.match(
    lintText('CREATE TABLE tmp_ids (id INT PRIMARY KEY);\nDROP TABLE tmp_ids, orders;', RULES).findings[0].message,
    /removes 'orders' and its data/,
  );
  // issue 15: an installer's DROP DATABASE IF EXISTS x; CREATE DATABASE x rebuilds what it owns; another name still loses data
  assert.deepEqual(ids('/*!40000 DROP DATABASE IF EXISTS `shop`*/;\nCREATE DATABASE shop;'), []);
  assert.deepEqual(ids('DROP DATABASE IF EXISTS shop;\nCREATE SCHEMA IF NOT EXISTS `Shop`;'), []);
  assert.deepEqual(ids('DROP DATABASE IF EXISTS shop;\nCREATE DATABASE shop2;'), ['destructive-ddl']);
  assert.deepEqual(ids('DROP DATABASE shop;\nCREATE DATABASE shop;'), ['destructive-ddl']);
  assert.deepEqual(ids('DROP TEMPORARY TABLE IF EXISTS tmp_x;\nDROP VIEW IF EXISTS v;\nALTER TABLE t TRUNCATE PARTITION p0;'), []);
  assert.deepEqual(ids("SELECT 'DROP TABLE x';"), []);
});

// ---------------------------------------------------------------- multi-spec ALTER rules

test('alter-same-object-twice / multi-schema-change-pre-v6-2: spellings and near misses', () => {
  assert.deepEqual(ids('ALTER /* hint */ TABLE /* x */ t1 MODIFY /* c */ c1 INT, /* d */ DROP COLUMN c1;'), ['alter-same-object-twice']);
  assert.deepEqual(ids('ALTER TABLE `my db`.`my table` MODIFY COLUMN `my col` INT, DROP COLUMN `my col`;'), ['alter-same-object-twice']);
  assert.deepEqual(ids('ALTER TABLE t1 MODIFY COLUMN `index` INT, DROP `index`;'), ['alter-same-object-twice']);
  assert.deepEqual(ids('ALTER TABLE t1 DROP KEY `idx_a`, RENAME KEY idx_b TO `IDX_A`;'), ['alter-same-object-twice']);
  assert.deepEqual(ids('ALTER TABLE t1 ADD COLUMN c INT, ADD COLUMN d INT AS (c + 1);'), []);
  assert.deepEqual(ids('ALTER TABLE t1 DROP FOREIGN KEY fk_a, DROP INDEX fk_a;'), []);
  assert.deepEqual(ids('ALTER TABLE t1 DROP `index`, DROP INDEX `idx`;'), []);
  // Liquibase header glued to the statement (no space after --): not an ALTER TABLE
  assert.deepEqual(ids('--changeset bob:1\nALTER TABLE t1 MODIFY COLUMN c1 INT, DROP COLUMN c1;'), []);
  assert.deepEqual(ids('ALTER TABLE t1 MODIFY COLUMN c1 INT, DROP COLUMN c1;', '6.1'), ['multi-schema-change-pre-v6-2']);
  assert.deepEqual(ids('ALTER TABLE t1 ADD COLUMN a INT, ALGORITHM=INPLACE, LOCK=NONE;', '6.1'), []);
  assert.deepEqual(ids("ALTER TABLE t1 ENGINE=InnoDB, COMMENT='x';", '6.1'), []);
  assert.deepEqual(ids('ALTER TABLE t1 RENAME TO t2, ADD COLUMN c INT;', '6.1'), ['multi-schema-change-pre-v6-2']);
});

test('multi-alter-forward-reference / multiple-tidb-options-in-alter / algorithm-instant-add-index: near misses', () => {
  assert.deepEqual(ids('ALTER TABLE customers ADD COLUMN (a INT, b INT), ADD c INT AFTER b;'), ['multi-alter-forward-reference']);
  assert.deepEqual(ids("ALTER TABLE customers ADD COLUMN a INT COMMENT 'AFTER x', ADD COLUMN b INT;"), []);
  assert.deepEqual(ids('ALTER TABLE customers ADD COLUMN a INT AFTER b, ADD COLUMN b INT;'), []);
  assert.deepEqual(ids('ALTER TABLE t /*T! SHARD_ROW_ID_BITS=4 */ /*T![auto_id_cache] AUTO_ID_CACHE=1 */;'), [
    'multiple-tidb-options-in-alter',
  ]);
  assert.deepEqual(ids('ALTER TABLE t SHARD_ROW_ID_BITS = 4 PRE_SPLIT_REGIONS = 2;'), []);
  assert.deepEqual(ids('ALTER TABLE t AUTO_RANDOM_BASE = 100, AUTO_ID_CACHE = 1;'), []);
  // ADD COLUMN ... UNIQUE is an ADD COLUMN spec, which TiDB runs INSTANT
  assert.deepEqual(ids('ALTER TABLE t1 ADD COLUMN c INT UNIQUE, ALGORITHM=INSTANT;'), ['add-index-existing-table']);
  assert.deepEqual(ids('ALTER TABLE t1 ALGORITHM=INSTANT, ADD INDEX idx (c1);'), [
    'add-index-existing-table',
    'algorithm-instant-add-index',
  ]);
});

test('partition rules: version boundaries and mysqldump wrappers', () => {
  const dumpHash =
    'CREATE TABLE `t` (\n  `id` bigint NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB\n/*!50100 PARTITION BY HASH (`id`)\nPARTITIONS 4 */;\nALTER TABLE `t` ADD PARTITION PARTITIONS 2;';
  assert.deepEqual(ids(dumpHash, '7.0'), ['unsupported-partition-operation']);
  assert.deepEqual(ids(dumpHash, '7.1'), []);
  assert.deepEqual(
    ids(
      "CREATE TABLE t (id BIGINT PRIMARY KEY, d DATE) PARTITION BY RANGE COLUMNS (d) (PARTITION p0 VALUES LESS THAN ('2024-01-01'));\nALTER TABLE t ADD PARTITION (PARTITION p1 VALUES LESS THAN ('2025-01-01'));",
      '7.0',
    ),
    [],
  );
  assert.deepEqual(ids('ALTER TABLE t ADD PARTITION PARTITIONS 4;', '7.0'), []);
  assert.deepEqual(ids('ALTER TABLE t EXCHANGE PARTITION p0 WITH TABLE t_archive;', '6.2'), ['unsupported-partition-operation']);
  assert.deepEqual(ids('ALTER TABLE t EXCHANGE PARTITION p0 WITH TABLE t_archive WITHOUT VALIDATION;', '6.3'), []);
  assert.deepEqual(ids('ALTER TABLE access_log ANALYZE PARTITION p1;'), []);
  assert.deepEqual(ids('CREATE TABLE t (id INT PRIMARY KEY) partition by key algorithm=2 (id) partitions 4;', '6.5'), [
    'partition-type-unsupported',
  ]);
  assert.deepEqual(ids('CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY LINEAR KEY (id) PARTITIONS 4;', '7.0'), []);
  assert.deepEqual(ids("CREATE TABLE t (id INT PRIMARY KEY, pkey INT) COMMENT 'PARTITION BY KEY';", '6.5'), []);
  // FK on a table whose partitioning was removed
  assert.deepEqual(
    ids(
      "CREATE TABLE p (id BIGINT, d DATE, oid BIGINT, PRIMARY KEY (id, d)) PARTITION BY RANGE COLUMNS (d) (PARTITION p0 VALUES LESS THAN ('2024-01-01'));\nALTER TABLE p REMOVE PARTITIONING;\nALTER TABLE p ADD FOREIGN KEY (oid) REFERENCES o (id);",
    ),
    [],
  );
  // inline column REFERENCES does not count for either FK rule
  assert.deepEqual(
    ids(
      'create table `oi` (`id` bigint not null, `order_id` bigint not null references orders(id), primary key (`id`)) partition by hash(`id`) partitions 4;',
    ),
    [],
  );
  assert.deepEqual(ids('CREATE TABLE c (id INT PRIMARY KEY, pid INT REFERENCES p(id));', '6.1'), []);
});
