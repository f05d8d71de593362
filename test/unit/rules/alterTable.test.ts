import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, at, ids, only } from '../../helpers';

// ---------------------------------------------------------------- add-auto-increment

test('add-auto-increment: ADD COLUMN with AUTO_INCREMENT, on any table', () => {
  const sql = 'ALTER TABLE legacy ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST;';
  const f = only(sql, 'add-auto-increment');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'AUTO_INCREMENT');
  assert.match(f[0].message, /'id'/);
  // without COLUMN, lower case, parenthesised list
  assert.equal(only('alter table `db`.`t` add (`a` int, `b` int auto_increment, key (`b`));', 'add-auto-increment').length, 1);
  assert.equal(only('ALTER TABLE t ADD seq INT AUTO_INCREMENT UNIQUE;', 'add-auto-increment').length, 1);
});

test('add-auto-increment: MODIFY/CHANGE only when the column is known without it', () => {
  const sql = 'CREATE TABLE t (id INT NOT NULL, v INT, PRIMARY KEY (id));\nALTER TABLE t MODIFY id INT NOT NULL AUTO_INCREMENT;';
  const f = only(sql, 'add-auto-increment');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'AUTO_INCREMENT');
  assert.equal(
    only('CREATE TABLE t (n INT NOT NULL PRIMARY KEY);\nALTER TABLE t CHANGE n n2 INT NOT NULL AUTO_INCREMENT;', 'add-auto-increment')
      .length,
    1,
  );
  // already AUTO_INCREMENT: keeps it
  assert.equal(
    only(
      'CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY);\nALTER TABLE t MODIFY id BIGINT NOT NULL AUTO_INCREMENT;',
      'add-auto-increment',
    ).length,
    0,
  );
  // unknown table or column: silent
  assert.equal(only('ALTER TABLE t MODIFY id INT NOT NULL AUTO_INCREMENT;', 'add-auto-increment').length, 0);
  assert.equal(
    only('CREATE TABLE t (a INT PRIMARY KEY);\nALTER TABLE t MODIFY id INT NOT NULL AUTO_INCREMENT;', 'add-auto-increment').length,
    0,
  );
  // table option AUTO_INCREMENT = n is not the attribute
  assert.equal(only('ALTER TABLE t AUTO_INCREMENT = 1000;', 'add-auto-increment').length, 0);
  assert.equal(only("ALTER TABLE t ADD COLUMN note VARCHAR(20) DEFAULT 'AUTO_INCREMENT';", 'add-auto-increment').length, 0);
});

// ---------------------------------------------------------------- alter-clustered-primary-key

test('alter-clustered-primary-key: DROP PRIMARY KEY on unknown or clustered PKs', () => {
  const sql = 'ALTER TABLE sessions DROP PRIMARY KEY, ADD PRIMARY KEY (sid, uid);';
  const f = only(sql, 'alter-clustered-primary-key');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'DROP PRIMARY KEY');
  // v6.4+: composite / VARCHAR PKs are clustered by default
  assert.equal(
    only('CREATE TABLE r (u BIGINT, r INT, PRIMARY KEY (u, r));\nALTER TABLE r DROP PRIMARY KEY;', 'alter-clustered-primary-key').length,
    1,
  );
  assert.equal(
    only('CREATE TABLE r (u BIGINT, r INT, PRIMARY KEY (u, r));\nALTER TABLE r DROP PRIMARY KEY;', 'alter-clustered-primary-key', '6.3')
      .length,
    0,
  );
  // 5.0-6.3: a single integer column is clustered (INT_ONLY)
  assert.equal(
    only('CREATE TABLE r (id INT PRIMARY KEY);\nALTER TABLE r DROP PRIMARY KEY;', 'alter-clustered-primary-key', '6.1').length,
    1,
  );
  assert.equal(
    only('CREATE TABLE r (id VARCHAR(20) PRIMARY KEY);\nALTER TABLE r DROP PRIMARY KEY;', 'alter-clustered-primary-key', '6.1').length,
    0,
  );
  // explicit keywords
  assert.equal(
    only(
      'CREATE TABLE r (id VARCHAR(20), PRIMARY KEY (id) CLUSTERED);\nALTER TABLE r DROP PRIMARY KEY;',
      'alter-clustered-primary-key',
      '6.1',
    ).length,
    1,
  );
  assert.equal(
    only('CREATE TABLE r (id BIGINT PRIMARY KEY NONCLUSTERED);\nALTER TABLE r DROP PRIMARY KEY;', 'alter-clustered-primary-key').length,
    0,
  );
  // before clustered indexes existed
  assert.equal(only('ALTER TABLE r DROP PRIMARY KEY;', 'alter-clustered-primary-key', '4.0').length, 0);
});

test('alter-clustered-primary-key: ADD PRIMARY KEY ... CLUSTERED only', () => {
  const sql = 'ALTER TABLE events ADD PRIMARY KEY (id) CLUSTERED;';
  const f = only(sql, 'alter-clustered-primary-key');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'PRIMARY KEY (id) CLUSTERED');
  assert.equal(only('ALTER TABLE events ADD PRIMARY KEY (id);', 'alter-clustered-primary-key').length, 0);
  assert.equal(only('ALTER TABLE events ADD PRIMARY KEY (id) NONCLUSTERED;', 'alter-clustered-primary-key').length, 0);
  assert.equal(
    only('alter table e add column id bigint primary key /*T![clustered_index] CLUSTERED */;', 'alter-clustered-primary-key').length,
    1,
  );
});

// ---------------------------------------------------------------- alter-same-object-twice

test('alter-same-object-twice: the same column or index twice in one ALTER', () => {
  const sql = 'ALTER TABLE t1 MODIFY COLUMN c1 INT, DROP COLUMN c1;';
  const f = only(sql, 'alter-same-object-twice');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'DROP COLUMN c1');
  assert.equal(
    only('ALTER TABLE p MODIFY COLUMN sku VARCHAR(64) NOT NULL, ALTER COLUMN `SKU` DROP DEFAULT;', 'alter-same-object-twice').length,
    1,
  );
  assert.equal(only('ALTER TABLE c DROP INDEX idx_email, ADD UNIQUE INDEX idx_email (email);', 'alter-same-object-twice').length, 1);
  assert.equal(only('ALTER TABLE c RENAME INDEX a TO b, DROP INDEX b;', 'alter-same-object-twice').length, 1);
  assert.equal(only('ALTER TABLE c CHANGE old_name new_name INT, ADD COLUMN new_name INT;', 'alter-same-object-twice').length, 1);
  // before v6.2 the whole multi-spec ALTER fails: multi-schema-change-pre-v6-2 reports it
  assert.deepEqual(ids('ALTER TABLE t1 MODIFY COLUMN c1 INT, DROP COLUMN c1;', '6.1'), ['multi-schema-change-pre-v6-2']);
});

test('alter-same-object-twice: not for distinct objects, cascaded index columns, or PK drop+add', () => {
  assert.equal(
    only(
      'ALTER TABLE p MODIFY COLUMN title VARCHAR(300), DROP COLUMN subtitle, RENAME INDEX idx_title TO idx_t;',
      'alter-same-object-twice',
    ).length,
    0,
  );
  assert.equal(only('ALTER TABLE d ADD COLUMN slug VARCHAR(200), ADD INDEX idx_slug (slug);', 'alter-same-object-twice').length, 0);
  assert.equal(only('ALTER TABLE d ADD COLUMN a INT, ADD COLUMN b INT AS (a + 1) VIRTUAL;', 'alter-same-object-twice').length, 0);
  assert.equal(only('ALTER TABLE d ADD COLUMN email VARCHAR(100) UNIQUE;', 'alter-same-object-twice').length, 0);
  assert.equal(only('ALTER TABLE d DROP PRIMARY KEY, ADD PRIMARY KEY (a, b);', 'alter-same-object-twice').length, 0);
  // a column and an index with the same name are different objects
  assert.equal(only('ALTER TABLE d ADD COLUMN code INT, ADD INDEX code (code);', 'alter-same-object-twice').length, 0);
});

// ---------------------------------------------------------------- multi-schema-change-pre-v6-2

test('multi-schema-change-pre-v6-2: several specs before v6.2, with a split fix', () => {
  const sql = 'ALTER TABLE users DROP COLUMN legacy_flag, DROP COLUMN old_status;';
  const f = only(sql, 'multi-schema-change-pre-v6-2', '6.1');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'DROP COLUMN old_status');
  assert.equal(applyFix(sql, f[0]), 'ALTER TABLE users DROP COLUMN legacy_flag;\nALTER TABLE users DROP COLUMN old_status;');
  assert.equal(f[0].fix!.safe, false);
  // ALGORITHM/LOCK are repeated on every statement
  const sql2 = 'alter table `db`.`t`\n  modify `a` int not null,\n  add index ia (a),\n  algorithm=inplace, lock=none;';
  const g = only(sql2, 'multi-schema-change-pre-v6-2', '5.4');
  assert.equal(g.length, 1);
  assert.equal(
    applyFix(sql2, g[0]),
    'alter table `db`.`t` modify `a` int not null, algorithm=inplace, lock=none;\nalter table `db`.`t` add index ia (a), algorithm=inplace, lock=none;',
  );
});

test('multi-schema-change-pre-v6-2: exemptions and version boundary', () => {
  assert.equal(only('ALTER TABLE t ADD COLUMN a INT, ADD COLUMN b INT;', 'multi-schema-change-pre-v6-2', '6.1').length, 0);
  assert.equal(only('ALTER TABLE t ADD INDEX i (a), ALGORITHM=INPLACE, LOCK=NONE;', 'multi-schema-change-pre-v6-2', '6.1').length, 0);
  assert.equal(only('ALTER TABLE t DROP PARTITION p1, p2;', 'multi-schema-change-pre-v6-2', '6.1').length, 0);
  assert.equal(only('ALTER TABLE t ADD COLUMN a INT, DROP COLUMN b;', 'multi-schema-change-pre-v6-2', '6.2').length, 0);
  assert.equal(only('ALTER TABLE t ADD COLUMN a INT, DROP COLUMN b;', 'multi-schema-change-pre-v6-2', '5.4').length, 1);
  // no fix through executable comments
  const f = only('/*!40000 ALTER TABLE t DROP COLUMN a, DROP COLUMN b */;', 'multi-schema-change-pre-v6-2', '6.1');
  assert.equal(f.length, 1);
  assert.equal(f[0].fix, undefined);
});

// ---------------------------------------------------------------- multi-alter-forward-reference

test('multi-alter-forward-reference: AFTER a column added by the same statement', () => {
  const sql = 'ALTER TABLE t ADD COLUMN c1 INT, ADD COLUMN c2 INT AFTER c1;';
  const f = only(sql, 'multi-alter-forward-reference');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'AFTER c1');
  assert.equal(applyFix(sql, f[0]), 'ALTER TABLE t ADD COLUMN c1 INT;\nALTER TABLE t ADD COLUMN c2 INT AFTER c1;');
  const sql2 = 'ALTER TABLE users ADD COLUMN tz VARCHAR(40) NULL, MODIFY COLUMN locale VARCHAR(10) NOT NULL AFTER `TZ`;';
  assert.equal(only(sql2, 'multi-alter-forward-reference').length, 1);
  // the split keeps later specs with the referencing one
  const sql3 = 'ALTER TABLE t ADD a INT AFTER x, ADD b INT AFTER a, ADD INDEX ib (b), ALGORITHM=INPLACE';
  const g = only(sql3, 'multi-alter-forward-reference');
  assert.equal(
    applyFix(sql3, g[0]),
    'ALTER TABLE t ADD a INT AFTER x, ALGORITHM=INPLACE;\nALTER TABLE t ADD b INT AFTER a, ADD INDEX ib (b), ALGORITHM=INPLACE',
  );
});

test('multi-alter-forward-reference: existing columns, FIRST, ADD INDEX and versions', () => {
  assert.equal(
    only(
      'ALTER TABLE users ADD COLUMN tz VARCHAR(40) AFTER email, ADD COLUMN tz2 VARCHAR(16) AFTER email;',
      'multi-alter-forward-reference',
    ).length,
    0,
  );
  assert.equal(only('ALTER TABLE d ADD COLUMN slug VARCHAR(200), ADD INDEX idx_slug (slug);', 'multi-alter-forward-reference').length, 0);
  assert.equal(only('ALTER TABLE d ADD COLUMN a INT FIRST, ADD COLUMN b INT FIRST;', 'multi-alter-forward-reference').length, 0);
  assert.equal(only("ALTER TABLE d ADD COLUMN a INT, ADD COLUMN b INT COMMENT 'AFTER a';", 'multi-alter-forward-reference').length, 0);
  // before v6.2 the multi-spec ALTER fails anyway (here: all ADD COLUMN, exempt there)
  assert.equal(only('ALTER TABLE t ADD COLUMN c1 INT, ADD COLUMN c2 INT AFTER c1;', 'multi-alter-forward-reference', '6.1').length, 0);
});

// ---------------------------------------------------------------- multiple-tidb-options-in-alter

test('multiple-tidb-options-in-alter: two TiDB-specific options in one ALTER', () => {
  const sql = 'ALTER TABLE orders SET TIFLASH REPLICA 1, SHARD_ROW_ID_BITS = 4;';
  const f = only(sql, 'multiple-tidb-options-in-alter');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'SHARD_ROW_ID_BITS = 4');
  assert.equal(applyFix(sql, f[0]), 'ALTER TABLE orders SET TIFLASH REPLICA 1;\nALTER TABLE orders SHARD_ROW_ID_BITS = 4;');
  // options without a comma form one spec
  const sql2 = "ALTER TABLE events COMMENT = 'x' AUTO_ID_CACHE = 1 SHARD_ROW_ID_BITS = 4;";
  const g = only(sql2, 'multiple-tidb-options-in-alter');
  assert.equal(g.length, 1);
  assert.equal(
    applyFix(sql2, g[0]),
    "ALTER TABLE events COMMENT = 'x';\nALTER TABLE events AUTO_ID_CACHE = 1;\nALTER TABLE events SHARD_ROW_ID_BITS = 4;",
  );
  // inside TiDB comments (no fix there)
  const h = only('alter table m set tiflash replica 2, /*T! auto_id_cache = 1 */;', 'multiple-tidb-options-in-alter');
  assert.equal(h.length, 1);
  assert.equal(h[0].fix, undefined);
});

test('multiple-tidb-options-in-alter: one TiDB option, with or without MySQL specs', () => {
  assert.equal(only('ALTER TABLE m SET TIFLASH REPLICA 2;\nALTER TABLE m AUTO_ID_CACHE = 1;', 'multiple-tidb-options-in-alter').length, 0);
  assert.equal(only('ALTER TABLE m ADD COLUMN a INT, SHARD_ROW_ID_BITS = 4;', 'multiple-tidb-options-in-alter').length, 0);
  assert.equal(only('ALTER TABLE m ENGINE = InnoDB, AUTO_INCREMENT = 5;', 'multiple-tidb-options-in-alter').length, 0);
});

// ---------------------------------------------------------------- generated-column-add-stored

test('generated-column-add-stored: ADD ... AS (expr) STORED, with a VIRTUAL fix', () => {
  const sql = 'ALTER TABLE orders ADD COLUMN total_cents BIGINT AS (ROUND(total * 100)) STORED;';
  const f = only(sql, 'generated-column-add-stored');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'STORED');
  assert.equal(applyFix(sql, f[0]), 'ALTER TABLE orders ADD COLUMN total_cents BIGINT AS (ROUND(total * 100)) VIRTUAL;');
  assert.equal(
    only("alter table j add email varchar(255) generated always as (doc->>'$.email') stored not null;", 'generated-column-add-stored')
      .length,
    1,
  );
  assert.equal(only('ALTER TABLE r ADD (w INT, area DOUBLE AS (w * h) PERSISTENT);', 'generated-column-add-stored').length, 1);
});

test('generated-column-add-stored: VIRTUAL, CREATE TABLE and MODIFY are fine', () => {
  assert.equal(only('ALTER TABLE o ADD COLUMN c BIGINT AS (a * 100) VIRTUAL;', 'generated-column-add-stored').length, 0);
  assert.equal(only('ALTER TABLE o ADD COLUMN c BIGINT AS (a * 100);', 'generated-column-add-stored').length, 0);
  assert.equal(only('CREATE TABLE o (a INT PRIMARY KEY, c BIGINT AS (a * 100) STORED);', 'generated-column-add-stored').length, 0);
  assert.equal(only("ALTER TABLE o ADD COLUMN note VARCHAR(10) DEFAULT 'STORED';", 'generated-column-add-stored').length, 0);
});

// ---------------------------------------------------------------- algorithm-instant-add-index

test('algorithm-instant-add-index: ADD INDEX/UNIQUE with ALGORITHM=INSTANT', () => {
  const sql = 'CREATE TABLE t1 (id INT PRIMARY KEY, c1 INT);\nALTER TABLE t1 ADD INDEX (c1), ALGORITHM = INSTANT, LOCK = DEFAULT;';
  const f = only(sql, 'algorithm-instant-add-index');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'ALGORITHM = INSTANT');
  assert.equal(f[0].fix!.safe, true);
  assert.equal(
    applyFix(sql, f[0]),
    'CREATE TABLE t1 (id INT PRIMARY KEY, c1 INT);\nALTER TABLE t1 ADD INDEX (c1), ALGORITHM = INPLACE, LOCK = DEFAULT;',
  );
  assert.equal(only('alter table t add unique key uk (code), algorithm=instant;', 'algorithm-instant-add-index').length, 1);
  assert.equal(only('ALTER TABLE t ADD CONSTRAINT uk UNIQUE (code), ALGORITHM=INSTANT;', 'algorithm-instant-add-index').length, 1);
});

test('algorithm-instant-add-index: INSTANT without an index, or INPLACE, is fine', () => {
  assert.equal(only('ALTER TABLE t ADD COLUMN c9 INT NULL, ALGORITHM=INSTANT;', 'algorithm-instant-add-index').length, 0);
  assert.equal(only('ALTER TABLE t ADD INDEX i (c), ALGORITHM=INPLACE, LOCK=NONE;', 'algorithm-instant-add-index').length, 0);
  assert.equal(only('ALTER TABLE t ADD INDEX i (c);', 'algorithm-instant-add-index').length, 0);
});

test('multi-schema-change-pre-v6-2: comma-separated table options are one specification', () => {
  assert.equal(only("ALTER TABLE t ENGINE = InnoDB, COMMENT = 'x';", 'multi-schema-change-pre-v6-2', '6.1').length, 0);
  const sql = "ALTER TABLE t ADD INDEX i (a), ENGINE = InnoDB, COMMENT = 'x';";
  const f = only(sql, 'multi-schema-change-pre-v6-2', '6.1');
  assert.equal(f.length, 1);
  assert.equal(applyFix(sql, f[0]), "ALTER TABLE t ADD INDEX i (a);\nALTER TABLE t ENGINE = InnoDB, COMMENT = 'x';");
});

test('alter-clustered-primary-key: a PK added by an earlier ALTER is NONCLUSTERED', () => {
  assert.equal(
    only(
      'CREATE TABLE r (a INT NOT NULL, b INT);\nALTER TABLE r ADD PRIMARY KEY (a);\nALTER TABLE r DROP PRIMARY KEY;',
      'alter-clustered-primary-key',
    ).length,
    0,
  );
  assert.equal(
    only(
      'CREATE TABLE r (b INT);\nALTER TABLE r ADD COLUMN id BIGINT PRIMARY KEY;\nALTER TABLE r DROP PRIMARY KEY;',
      'alter-clustered-primary-key',
    ).length,
    0,
  );
});
