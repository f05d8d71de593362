import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, at, ids, only } from '../../helpers';

test('shard-row-id-bits-clustered: clustered PKs by version, CREATE and ALTER', () => {
  const sql = 'CREATE TABLE t (id BIGINT PRIMARY KEY, v INT) SHARD_ROW_ID_BITS = 4;';
  const f = only(sql, 'shard-row-id-bits-clustered');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'SHARD_ROW_ID_BITS = 4');
  // VARCHAR PK: clustered by default only from v6.4
  const vc = 'CREATE TABLE s (token VARCHAR(64) NOT NULL, PRIMARY KEY (token)) /*T! SHARD_ROW_ID_BITS=4 */;';
  assert.equal(only(vc, 'shard-row-id-bits-clustered', '8.5').length, 1);
  assert.equal(only(vc, 'shard-row-id-bits-clustered', '6.3').length, 0);
  // integer PK before v6.4, declared CLUSTERED, NONCLUSTERED, no PK, v4.0
  assert.equal(only(sql, 'shard-row-id-bits-clustered', '5.1').length, 1);
  assert.equal(only(sql, 'shard-row-id-bits-clustered', '4.0').length, 0);
  assert.equal(
    only('CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b) CLUSTERED) SHARD_ROW_ID_BITS=4;', 'shard-row-id-bits-clustered', '5.1').length,
    1,
  );
  assert.deepEqual(
    only(
      'CREATE TABLE t (id BIGINT, PRIMARY KEY (id) /*T![clustered_index] NONCLUSTERED */) SHARD_ROW_ID_BITS=4;',
      'shard-row-id-bits-clustered',
    ),
    [],
  );
  assert.deepEqual(only('CREATE TABLE t (a INT, b INT) SHARD_ROW_ID_BITS=4 PRE_SPLIT_REGIONS=2;', 'shard-row-id-bits-clustered'), []);
  // ALTER: only tables created earlier in the file
  assert.equal(
    only('CREATE TABLE c (e VARCHAR(36) NOT NULL, PRIMARY KEY (e));\nALTER TABLE c SHARD_ROW_ID_BITS = 6;', 'shard-row-id-bits-clustered')
      .length,
    1,
  );
  assert.deepEqual(only('ALTER TABLE unknown SHARD_ROW_ID_BITS = 6;', 'shard-row-id-bits-clustered'), []);
  assert.deepEqual(only('CREATE TABLE c (e INT);\nALTER TABLE c SHARD_ROW_ID_BITS = 6;', 'shard-row-id-bits-clustered'), []);
});

test('temporary-table-restriction: version, unsupported options, ALTER on local temporary tables', () => {
  const tmp = 'CREATE TEMPORARY TABLE tmp_c (id BIGINT PRIMARY KEY, total DECIMAL(12,2));';
  assert.equal(only(tmp, 'temporary-table-restriction', '5.0').length, 1);
  assert.equal(at(tmp, only(tmp, 'temporary-table-restriction', '5.0')[0]), 'TEMPORARY');
  assert.deepEqual(only(tmp, 'temporary-table-restriction', '5.3'), []);
  const sql =
    'CREATE TEMPORARY TABLE x (id BIGINT AUTO_RANDOM PRIMARY KEY, p INT REFERENCES parent(id)) SHARD_ROW_ID_BITS = 4 PRE_SPLIT_REGIONS=2 PARTITION BY HASH(id) PARTITIONS 4;';
  assert.deepEqual(
    only(sql, 'temporary-table-restriction').map((f) => at(sql, f)),
    ['AUTO_RANDOM', 'REFERENCES', 'SHARD_ROW_ID_BITS = 4', 'PRE_SPLIT_REGIONS=2', 'PARTITION BY'],
  );
  assert.equal(
    only('CREATE GLOBAL TEMPORARY TABLE g (a INT, FOREIGN KEY (a) REFERENCES p(id)) ON COMMIT DELETE ROWS;', 'temporary-table-restriction')
      .length,
    1,
  );
  const alt = 'CREATE TEMPORARY TABLE tmp_totals (id BIGINT PRIMARY KEY);\nALTER TABLE tmp_totals ADD COLUMN cnt INT;';
  assert.equal(at(alt, only(alt, 'temporary-table-restriction')[0]), 'ALTER TABLE tmp_totals');
  // global temporary tables, ordinary tables, DROP TEMPORARY TABLE: fine
  assert.deepEqual(
    only('CREATE GLOBAL TEMPORARY TABLE g (a INT) ON COMMIT DELETE ROWS;\nALTER TABLE g ADD COLUMN b INT;', 'temporary-table-restriction'),
    [],
  );
  assert.deepEqual(
    only(
      'CREATE TABLE n (id BIGINT PRIMARY KEY);\nALTER TABLE n ADD COLUMN c INT;\nDROP TEMPORARY TABLE IF EXISTS n;',
      'temporary-table-restriction',
    ),
    [],
  );
});

test('storage-engine-ignored: ENGINE other than InnoDB, with a safe fix', () => {
  const sql = 'create table t (id bigint primary key) engine=myisam;';
  const f = only(sql, 'storage-engine-ignored');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'engine=myisam');
  assert.equal(f[0].fix?.safe, true);
  assert.equal(applyFix(sql, f[0]), 'create table t (id bigint primary key) engine=InnoDB;');
  assert.equal(only('ALTER TABLE cache ENGINE = MEMORY;', 'storage-engine-ignored').length, 1);
  assert.equal(only("CREATE TABLE t (id INT PRIMARY KEY) /*!50100 ENGINE='ARCHIVE' */;", 'storage-engine-ignored').length, 1);
  assert.deepEqual(only('CREATE TABLE t (id INT PRIMARY KEY) ENGINE=INNODB;\nALTER TABLE t ENGINE=InnoDB;', 'storage-engine-ignored'), []);
  assert.deepEqual(only("SELECT engine FROM information_schema.tables WHERE engine = 'MyISAM';", 'storage-engine-ignored'), []);
});

test('fulltext-index: FULLTEXT in CREATE TABLE, ALTER TABLE and CREATE INDEX', () => {
  const sql = 'CREATE TABLE p (id BIGINT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_body (body));';
  assert.deepEqual(
    only(sql, 'fulltext-index').map((f) => at(sql, f)),
    ['FULLTEXT KEY'],
  );
  assert.equal(only('ALTER TABLE posts ADD FULLTEXT INDEX ft (content);', 'fulltext-index').length, 1);
  assert.equal(only('ALTER TABLE posts ADD FULLTEXT (content);', 'fulltext-index').length, 1);
  assert.equal(only('CREATE FULLTEXT INDEX ft ON articles (title, body) WITH PARSER ngram;', 'fulltext-index').length, 1);
  assert.deepEqual(only('CREATE FULLTEXT INDEX ft ON articles (title) WITH PARSER MULTILINGUAL;', 'fulltext-index'), []);
  assert.deepEqual(only('CREATE TABLE p (id BIGINT PRIMARY KEY, `fulltext` VARCHAR(10), KEY k (`fulltext`));', 'fulltext-index'), []);
});

test('check-constraint-ignored: enforced CHECKs, NOT ENFORCED, tidb_enable_check_constraint', () => {
  const sql =
    'CREATE TABLE p (\n  id BIGINT PRIMARY KEY,\n  price DECIMAL(10,2) CHECK (price >= 0),\n  qty INT,\n  CONSTRAINT chk_qty CHECK (qty >= 0)\n);';
  assert.deepEqual(
    only(sql, 'check-constraint-ignored').map((f) => at(sql, f)),
    ['CHECK (price >= 0)', 'CHECK (qty >= 0)'],
  );
  assert.equal(only('ALTER TABLE a ADD CONSTRAINT chk_b CHECK (balance >= 0);', 'check-constraint-ignored').length, 1);
  assert.equal(only('ALTER TABLE a ADD COLUMN c INT CHECK (c > 0);', 'check-constraint-ignored').length, 1);
  assert.deepEqual(
    only(
      'CREATE TABLE t (id BIGINT PRIMARY KEY, age INT, CONSTRAINT c CHECK (age >= 0) /*!80016 NOT ENFORCED */);',
      'check-constraint-ignored',
    ),
    [],
  );
  // the GLOBAL variable, from v7.2, latest setting wins
  const on = 'SET GLOBAL tidb_enable_check_constraint = ON;\nCREATE TABLE t (id BIGINT PRIMARY KEY, a INT CHECK (a > 0));';
  assert.deepEqual(only(on, 'check-constraint-ignored'), []);
  assert.equal(only(on, 'check-constraint-ignored', '7.1').length, 1);
  assert.deepEqual(
    only("SET @@GLOBAL.tidb_enable_check_constraint = 'ON';\nALTER TABLE t ADD CHECK (a > 0);", 'check-constraint-ignored'),
    [],
  );
  assert.equal(
    only(
      'SET GLOBAL tidb_enable_check_constraint = 1;\nSET GLOBAL tidb_enable_check_constraint = OFF;\nALTER TABLE t ADD CHECK (a > 0);',
      'check-constraint-ignored',
    ).length,
    1,
  );
  assert.equal(only('SET tidb_enable_check_constraint = ON;\nALTER TABLE t ADD CHECK (a > 0);', 'check-constraint-ignored').length, 1);
  assert.equal(
    only('SET SESSION tidb_enable_check_constraint = ON;\nALTER TABLE t ADD CHECK (a > 0);', 'check-constraint-ignored').length,
    1,
  );
});

test('descending-index and index-type-ignored', () => {
  const sql =
    'CREATE TABLE f (id BIGINT PRIMARY KEY, u BIGINT, s INT, KEY idx (u, s DESC) USING HASH, KEY i2 USING RTREE (u), KEY i3 (s) USING BTREE);';
  assert.deepEqual(
    only(sql, 'descending-index').map((f) => at(sql, f)),
    ['DESC'],
  );
  assert.deepEqual(
    only(sql, 'index-type-ignored').map((f) => at(sql, f)),
    ['USING HASH', 'USING RTREE'],
  );
  const ci = 'CREATE INDEX idx_c ON posts (created_at desc) USING HASH;';
  assert.equal(only(ci, 'descending-index').length, 1);
  assert.equal(at(ci, only(ci, 'index-type-ignored')[0]), 'USING HASH');
  assert.equal(only('ALTER TABLE t ADD INDEX i (a ASC, b DESC), ADD UNIQUE u (c) USING HASH;', 'descending-index').length, 1);
  assert.equal(only('ALTER TABLE t ADD INDEX i (a ASC, b DESC), ADD UNIQUE u (c) USING HASH;', 'index-type-ignored').length, 1);
  assert.equal(only('CREATE TABLE s (sid CHAR(64) NOT NULL, PRIMARY KEY (sid) USING HASH);', 'index-type-ignored').length, 1);
  assert.deepEqual(
    ids('SELECT id FROM posts WHERE user_id = 1 ORDER BY created_at DESC LIMIT 20;').filter((r) => r === 'descending-index'),
    [],
  );
  assert.deepEqual(only('SELECT a FROM t JOIN u USING (id) LIMIT 1;', 'index-type-ignored'), []);
});

test('multi-valued-index-version: CAST(... AS ... ARRAY) key parts before v6.6', () => {
  const sql = "CREATE TABLE c (id BIGINT PRIMARY KEY, j JSON, INDEX zips ((CAST(j->'$.zip' AS UNSIGNED ARRAY))));";
  const f = only(sql, 'multi-valued-index-version', '6.5');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), "CAST(j->'$.zip' AS UNSIGNED ARRAY)");
  assert.deepEqual(only(sql, 'multi-valued-index-version', '6.6'), []);
  assert.equal(only("CREATE INDEX i ON l ((CAST(a->'$.ids' AS UNSIGNED ARRAY)));", 'multi-valued-index-version', '6.1').length, 1);
  assert.equal(only('ALTER TABLE p ADD KEY t ((CAST(tags AS CHAR(32) ARRAY)));', 'multi-valued-index-version', '6.5').length, 1);
  assert.deepEqual(only('CREATE TABLE c (id BIGINT PRIMARY KEY, a INT, INDEX i ((a + 1)));', 'multi-valued-index-version', '6.5'), []);
});

test('sequential-index-hotspot: secondary indexes led by an insert-time column', () => {
  const sql =
    'CREATE TABLE e (\n  id BIGINT PRIMARY KEY,\n  type VARCHAR(32),\n  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  logged DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3),\n  updated DATETIME ON UPDATE CURRENT_TIMESTAMP,\n  KEY a (created_at),\n  KEY b (type, created_at),\n  UNIQUE KEY c (logged, type),\n  KEY d (updated)\n);';
  assert.deepEqual(
    only(sql, 'sequential-index-hotspot').map((f) => at(sql, f)),
    ['created_at', 'logged'],
  );
  const later =
    'CREATE TABLE a (id BIGINT PRIMARY KEY, at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);\nCREATE INDEX i ON a (at);\nALTER TABLE a ADD INDEX j (`at`, id);';
  assert.equal(only(later, 'sequential-index-hotspot').length, 2);
  assert.deepEqual(only('CREATE INDEX i ON unknown_t (created_at);', 'sequential-index-hotspot'), []);
  assert.deepEqual(
    only(
      'CREATE TABLE x (id BIGINT, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (created_at, id));',
      'sequential-index-hotspot',
    ),
    [],
  );
});
