// Review of the column / charset / index / table-option rules on new SQL:
// regressions for the bugs found and the most useful near-misses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, ids, only } from '../../helpers';

// ---- storage-engine-ignored

test('storage-engine-ignored: an unknown NAME=value table option before ENGINE does not hide it', () => {
  const sql = 'CREATE TABLE x (id BIGINT AUTO_RANDOM PRIMARY KEY) STATS_METHOD=nulls_equal PAGE_COMPRESSED=1 ENGINE=MyISAM;';
  const f = only(sql, 'storage-engine-ignored');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'ENGINE=MyISAM');
  // the same for the default charset behind an unknown option
  assert.deepEqual(
    ids('CREATE TABLE x (id BIGINT AUTO_RANDOM PRIMARY KEY, n VARCHAR(5)) ENGINE=InnoDB STATS_METHOD=nulls_equal DEFAULT CHARSET=utf8mb4;'),
    ['default-collation-case-sensitivity'],
  );
});

test('storage-engine-ignored: a per-partition ENGINE is reported when the table-level option does not say it', () => {
  const sql =
    'CREATE TABLE e2 (id BIGINT AUTO_RANDOM PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10) ENGINE = MyISAM, PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE = MyISAM);';
  const f = only(sql, 'storage-engine-ignored');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'ENGINE = MyISAM');
  assert.equal(applyFix(sql, f[0]).includes('VALUES LESS THAN (10) ENGINE = InnoDB'), true);
  // a MyISAM dump says it once at table level: one finding, not one per partition
  const dump =
    'CREATE TABLE e2 (id BIGINT AUTO_RANDOM PRIMARY KEY) ENGINE=MyISAM /*!50100 PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10) ENGINE = MyISAM, PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE = MyISAM) */;';
  assert.equal(only(dump, 'storage-engine-ignored').length, 1);
  // InnoDB partitions stay clean
  assert.deepEqual(
    ids(
      'CREATE TABLE e2 (id BIGINT AUTO_RANDOM PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10) ENGINE = InnoDB, PARTITION p1 VALUES LESS THAN MAXVALUE STORAGE ENGINE = InnoDB);',
    ),
    [],
  );
});

test('storage-engine-ignored: near-misses', () => {
  assert.deepEqual(ids("SELECT engine FROM information_schema.tables WHERE engine = 'MyISAM';"), []);
  assert.deepEqual(ids('CREATE TABLE e (id BIGINT AUTO_RANDOM PRIMARY KEY, engine VARCHAR(10) COLLATE utf8mb4_bin);'), []);
  assert.deepEqual(ids('ALTER TABLE e ENGINE = `innodb`, ALGORITHM=INPLACE;'), []);
  assert.deepEqual(ids('ALTER TABLE e ENGINE = ARCHIVE;'), ['storage-engine-ignored']);
});

// ---- unsupported-charset

test('unsupported-charset: a column named charset compared with a string is not a charset clause', () => {
  for (const sql of [
    "SHOW COLLATION WHERE Charset = 'latin2';",
    "SHOW CHARACTER SET WHERE Charset = 'utf16';",
    "SELECT id FROM docs WHERE charset = 'big5' LIMIT 10;",
    "UPDATE docs SET charset = 'sjis' WHERE id = 3;",
    "INSERT INTO docs (id, charset) VALUES (1, 'utf16');",
    'SELECT CHARSET(name) FROM docs WHERE id = 1;',
  ])
    assert.deepEqual(ids(sql), [], sql);
  // the DDL option forms with '=' are still charset clauses
  const sql = 'ALTER TABLE docs CHARACTER SET = cp1251;';
  const f = only(sql, 'unsupported-charset');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'CHARACTER SET = cp1251');
  assert.deepEqual(ids('CREATE TABLE c1 (id BIGINT AUTO_RANDOM PRIMARY KEY, name VARCHAR(10)) DEFAULT CHARSET=utf16;'), [
    'unsupported-charset',
  ]);
  assert.deepEqual(ids('CREATE SCHEMA legacy DEFAULT CHARACTER SET = big5;'), ['unsupported-charset']);
  assert.deepEqual(ids("SELECT CHARSET(CONVERT('abc' USING latin2));"), ['unsupported-charset']);
  assert.deepEqual(ids('SET CHARACTER SET koi8r;'), ['unsupported-charset']);
});

test('unsupported-charset / unsupported-collation: SET of the character_set_* / collation_* variables is not a clause the spec names', () => {
  assert.deepEqual(
    ids('/*!50003 SET character_set_client  = utf8mb4 */ ;\n/*!50003 SET collation_connection  = utf8mb4_0900_ai_ci */ ;', '7.1'),
    [],
  );
  // but SET NAMES ... COLLATE is a COLLATE clause
  assert.deepEqual(ids('SET NAMES utf8mb4 COLLATE utf8mb4_0900_ai_ci;', '7.1'), ['unsupported-collation']);
  assert.deepEqual(ids('SET NAMES utf8mb4 COLLATE utf8mb4_0900_ai_ci;', '7.4'), []);
});

// ---- auto-random-misuse

test('auto-random-misuse: a composite PK without CLUSTERED is not clustered before v6.4', () => {
  const sql = 'CREATE TABLE r (id BIGINT AUTO_RANDOM, k VARCHAR(10), PRIMARY KEY (id, k));';
  const f = only(sql, 'auto-random-misuse', '5.4');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'AUTO_RANDOM');
  assert.match(f[0].message, /not clustered/);
  assert.deepEqual(ids(sql, '6.3'), ['auto-random-misuse']);
  assert.deepEqual(ids(sql, '6.4'), []);
  assert.deepEqual(ids('CREATE TABLE r (id BIGINT AUTO_RANDOM, k VARCHAR(10), PRIMARY KEY (id, k) CLUSTERED);', '5.4'), []);
  // a single BIGINT PK is clustered by default from v5.0 (INT_ONLY)
  assert.deepEqual(ids('CREATE TABLE r (id BIGINT AUTO_RANDOM, k VARCHAR(10), PRIMARY KEY (id));', '5.4'), []);
  assert.deepEqual(
    ids(
      'CREATE TABLE r (id BIGINT /*T![auto_rand] AUTO_RANDOM(5) */ NOT NULL, n INT, PRIMARY KEY (id) /*T![clustered_index] CLUSTERED */);',
      '6.1',
    ),
    [],
  );
});

test('auto-random-misuse: ALTER MODIFY to AUTO_RANDOM is schema-aware', () => {
  assert.deepEqual(ids('ALTER TABLE r MODIFY id BIGINT AUTO_RANDOM;'), []);
  assert.deepEqual(ids('ALTER TABLE r MODIFY id INT AUTO_RANDOM;'), ['auto-random-misuse']);
  assert.deepEqual(ids('CREATE TABLE r (id BIGINT AUTO_INCREMENT PRIMARY KEY);\nALTER TABLE r CHANGE id id BIGINT AUTO_RANDOM;', '6.3'), [
    'auto-increment-hotspot',
  ]);
  assert.deepEqual(
    ids('CREATE TABLE r (id BIGINT AUTO_INCREMENT, PRIMARY KEY (id) NONCLUSTERED);\nALTER TABLE r MODIFY id BIGINT AUTO_RANDOM;'),
    ['auto-increment-hotspot', 'auto-random-misuse'],
  );
});

// ---- fulltext-index

test('fulltext-index: WITH PARSER written as a quoted identifier', () => {
  assert.deepEqual(ids('CREATE FULLTEXT INDEX ft_body ON a (body) WITH PARSER `standard`;').includes('fulltext-index'), false);
  assert.deepEqual(
    ids('CREATE TABLE a (id BIGINT AUTO_RANDOM PRIMARY KEY, body TEXT, FULLTEXT KEY ft (body) /*!50100 WITH PARSER `ngram` */);'),
    ['fulltext-index'],
  );
  assert.deepEqual(ids('CREATE TABLE a (id BIGINT AUTO_RANDOM PRIMARY KEY, fulltext_enabled TINYINT, `fulltext` TEXT);'), []);
});

// ---- near-misses and spellings for the column/index readers

test('default-collation-case-sensitivity: inheritance and explicit collations', () => {
  // no textual column inherits the table charset
  assert.deepEqual(
    ids('CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, name VARBINARY(50), body BLOB, j JSON) DEFAULT CHARSET=utf8mb4;'),
    [],
  );
  // every textual column has its own collation (wp_options style)
  assert.deepEqual(ids('CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, name VARCHAR(50) COLLATE utf8mb4_bin) CHARSET=utf8mb4;'), []);
  // a column charset without COLLATE is flagged even when the table has COLLATE
  const sql =
    "CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, name VARCHAR(50), tags SET('a','b') CHARACTER SET utf8mb4) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;";
  const f = only(sql, 'default-collation-case-sensitivity');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'CHARACTER SET utf8mb4');
  assert.deepEqual(ids('CREATE SCHEMA IF NOT EXISTS `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;'), [
    'default-collation-case-sensitivity',
  ]);
  assert.deepEqual(
    ids(
      "CREATE DATABASE IF NOT EXISTS `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */;",
    ),
    [],
  );
  assert.deepEqual(ids('ALTER TABLE users DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;'), []);
  assert.deepEqual(ids("LOAD DATA LOCAL INFILE '/tmp/a.csv' INTO TABLE t CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',';"), []);
});

test('expression-default-unsupported: allow-list and version boundary', () => {
  const cur = 'CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, d DATE DEFAULT (CURRENT_DATE));';
  assert.deepEqual(ids(cur, '7.5'), ['expression-default-unsupported']);
  assert.deepEqual(ids(cur, '8.0'), []);
  assert.deepEqual(ids('CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, code BINARY(16) DEFAULT (UUID_TO_BIN(UUID(), 1)));', '7.5'), []);
  assert.deepEqual(
    ids("CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, s VARCHAR(10) DEFAULT (_utf8mb4'abc'), n INT DEFAULT (-1));", '7.5'),
    [],
  );
  assert.deepEqual(ids("CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, m VARCHAR(10) DEFAULT (DATE_FORMAT(NOW(), '%d/%m/%Y')));"), [
    'expression-default-unsupported',
  ]);
  assert.deepEqual(ids('ALTER TABLE t ALTER COLUMN exp SET DEFAULT (DATE_ADD(CURRENT_DATE, INTERVAL 30 DAY));'), [
    'expression-default-unsupported',
  ]);
  assert.deepEqual(
    ids('CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY, d DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3));'),
    [],
  );
});

test('index rules: DESC, USING HASH and multi-valued key parts in their spellings', () => {
  assert.deepEqual(ids('CREATE TABLE d (id BIGINT AUTO_RANDOM PRIMARY KEY, `desc` VARCHAR(100), KEY idx_desc (`desc`(10)));'), []);
  assert.deepEqual(ids('SELECT id FROM d WHERE a = 1 ORDER BY created_at DESC LIMIT 10;'), []);
  const sql = 'CREATE TABLE d (id BIGINT AUTO_RANDOM PRIMARY KEY, name VARCHAR(100), KEY idx_n (name(10) DESC));';
  assert.equal(at(sql, only(sql, 'descending-index')[0]), 'DESC');
  assert.deepEqual(
    ids('CREATE TABLE h (`id` bigint NOT NULL AUTO_RANDOM, `k` int, PRIMARY KEY (`id`) USING BTREE, UNIQUE KEY `uk` (`k`) USING BTREE);'),
    [],
  );
  assert.deepEqual(ids("CREATE TABLE h (id BIGINT AUTO_RANDOM PRIMARY KEY, k INT, KEY idx_k (k) COMMENT 'USING HASH');"), []);
  assert.deepEqual(ids("CREATE TABLE h (id BIGINT AUTO_RANDOM PRIMARY KEY, k INT, UNIQUE INDEX uk_k USING HASH (k) COMMENT 'hash');"), [
    'index-type-ignored',
  ]);
  const mv = "CREATE TABLE mv (id BIGINT AUTO_RANDOM PRIMARY KEY, j JSON, INDEX idx_tags (id, (CAST(j->'$.tags' AS CHAR(32) ARRAY))));";
  assert.deepEqual(ids(mv, '6.5'), ['multi-valued-index-version']);
  assert.deepEqual(ids(mv, '6.6'), []);
  assert.deepEqual(
    ids("CREATE TABLE mv (id BIGINT AUTO_RANDOM PRIMARY KEY, j JSON, INDEX idx_a ((CAST(j->>'$.a' AS CHAR(32)))));", '6.5'),
    [],
  );
});

test('table rules: temporary tables, SHARD_ROW_ID_BITS and hotspots', () => {
  assert.deepEqual(
    ids(
      'CREATE TEMPORARY TABLE tmp (id BIGINT PRIMARY KEY, uid BIGINT);\nDROP TEMPORARY TABLE IF EXISTS tmp;\nCREATE TABLE tmp (id BIGINT PRIMARY KEY, uid BIGINT);\nALTER TABLE tmp ADD COLUMN x INT;',
    ),
    [],
  );
  assert.deepEqual(ids('CREATE TEMPORARY TABLE tmp LIKE orders;\nALTER TABLE tmp ADD COLUMN flag TINYINT;'), [
    'temporary-table-restriction',
  ]);
  assert.deepEqual(
    ids('CREATE GLOBAL TEMPORARY TABLE tmp (id BIGINT PRIMARY KEY, uid BIGINT) ON COMMIT DELETE ROWS;\nALTER TABLE tmp ADD COLUMN x INT;'),
    [],
  );
  assert.deepEqual(ids('CREATE TABLE s (code VARCHAR(20) PRIMARY KEY, n INT) SHARD_ROW_ID_BITS=4;', '6.3'), []);
  assert.deepEqual(ids('CREATE TABLE s (code VARCHAR(20) PRIMARY KEY, n INT) SHARD_ROW_ID_BITS=4;', '6.4'), [
    'shard-row-id-bits-clustered',
  ]);
  assert.deepEqual(ids('CREATE TABLE shop.s (id BIGINT, n INT, PRIMARY KEY (id));\nUSE shop;\nALTER TABLE s SHARD_ROW_ID_BITS = 4;'), [
    'shard-row-id-bits-clustered',
  ]);
  assert.deepEqual(ids('CREATE TABLE logs (msg TEXT, created_at DATETIME) /*T! SHARD_ROW_ID_BITS=4 PRE_SPLIT_REGIONS=2 */;'), [
    'missing-primary-key',
  ]);
  assert.deepEqual(ids('CREATE TABLE o (id SERIAL, n INT, PRIMARY KEY (n));'), []);
  assert.deepEqual(ids('CREATE TABLE o (tenant INT, id BIGINT AUTO_INCREMENT, PRIMARY KEY (tenant, id));'), ['auto-increment-hotspot']);
  // insert-time index added later, after the column got its CURRENT_TIMESTAMP default by MODIFY
  assert.deepEqual(
    ids(
      'CREATE TABLE ev (id BIGINT AUTO_RANDOM PRIMARY KEY, created_at DATETIME NOT NULL);\nALTER TABLE ev MODIFY created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;\nALTER TABLE ev ADD INDEX idx_c (created_at);',
    ),
    ['sequential-index-hotspot'],
  );
  assert.deepEqual(
    ids(
      'CREATE TABLE ev (id BIGINT AUTO_RANDOM PRIMARY KEY, updated_at TIMESTAMP NULL ON UPDATE CURRENT_TIMESTAMP, KEY idx_u (updated_at));',
    ),
    [],
  );
});
