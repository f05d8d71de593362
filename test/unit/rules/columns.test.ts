import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, at, ids, only } from '../../helpers';

test('spatial-type: GIS column types and SPATIAL indexes', () => {
  const sql =
    'CREATE TABLE shops (\n  id BIGINT AUTO_RANDOM PRIMARY KEY,\n  loc point NOT NULL /*!80003 SRID 4326 */,\n  area `x` ,\n  SPATIAL KEY sp_loc (loc)\n);';
  const f = only(sql, 'spatial-type');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['point', 'SPATIAL KEY'],
  );
  assert.deepEqual(ids('ALTER TABLE regions ADD COLUMN boundary MULTIPOLYGON NULL;'), ['spatial-type']);
  assert.deepEqual(ids('ALTER TABLE regions MODIFY shape GEOMETRY;'), ['spatial-type']);
  const ci = 'CREATE SPATIAL INDEX sp ON regions (shape);';
  assert.deepEqual(
    only(ci, 'spatial-type').map((x) => at(ci, x)),
    ['SPATIAL INDEX'],
  );
  // columns named like a type, strings and comments are fine
  assert.deepEqual(only('CREATE TABLE t (id BIGINT PRIMARY KEY, point INT, polygon VARCHAR(10));', 'spatial-type'), []);
  assert.deepEqual(only("SELECT 'POINT' AS x FROM t LIMIT 1; -- geometry", 'spatial-type'), []);
});

test('zerofill: the ZEROFILL attribute', () => {
  const sql = 'CREATE TABLE t (id BIGINT PRIMARY KEY, code int(8) unsigned zerofill NOT NULL);';
  const f = only(sql, 'zerofill');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'zerofill');
  assert.equal(only('ALTER TABLE branches MODIFY code SMALLINT(4) ZEROFILL;', 'zerofill').length, 1);
  assert.deepEqual(only("CREATE TABLE t (id BIGINT PRIMARY KEY, zerofill INT COMMENT 'ZEROFILL');", 'zerofill'), []);
});

test('large-blob-column: MEDIUM/LONG BLOB and TEXT, LONG VARCHAR', () => {
  const sql = 'CREATE TABLE docs (id BIGINT PRIMARY KEY, body LONGTEXT, raw mediumblob, note TEXT, small BLOB, legacy LONG VARCHAR);';
  assert.deepEqual(
    only(sql, 'large-blob-column').map((f) => at(sql, f)),
    ['LONGTEXT', 'mediumblob', 'LONG VARCHAR'],
  );
  assert.equal(only('ALTER TABLE posts ADD COLUMN html MEDIUMTEXT, ADD COLUMN x INT;', 'large-blob-column').length, 1);
  assert.deepEqual(only('CREATE TABLE t (id BIGINT PRIMARY KEY, b BLOB, t TEXT, j JSON);', 'large-blob-column'), []);
});

test('float-precision-ignored: FLOAT(M,D), DOUBLE(M,D), REAL(M,D) with a DECIMAL fix', () => {
  const sql =
    'CREATE TABLE m (id BIGINT PRIMARY KEY, t FLOAT(5,2) UNSIGNED, p double precision(10, 4), r real(12,6), ok FLOAT(24), d DOUBLE);';
  const f = only(sql, 'float-precision-ignored');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['FLOAT(5,2)', 'double precision(10, 4)', 'real(12,6)'],
  );
  assert.equal(applyFix(sql, f[0]).includes('t DECIMAL(5,2) UNSIGNED,'), true);
  assert.equal(applyFix(sql, f[1]).includes('p decimal(10,4),'), true);
  assert.equal(f[0].fix?.safe, false);
  assert.equal(only('ALTER TABLE sensors ADD COLUMN h FLOAT(5,2) NULL;', 'float-precision-ignored').length, 1);
  // M beyond DECIMAL's 65 digits: no fix
  const big = only('CREATE TABLE m (id BIGINT PRIMARY KEY, x DOUBLE(200,10));', 'float-precision-ignored');
  assert.equal(big.length, 1);
  assert.equal(big[0].fix, undefined);
  assert.deepEqual(only('CREATE TABLE m (id BIGINT PRIMARY KEY, a DECIMAL(10,2), b FLOAT(53));', 'float-precision-ignored'), []);
});

test('expression-default-unsupported: the allow-list and the v8.0 boundary', () => {
  const bad =
    'CREATE TABLE inv (id BIGINT PRIMARY KEY, due DATE DEFAULT (DATE_ADD(CURRENT_DATE, INTERVAL 30 DAY)), c VARCHAR(8) DEFAULT (LEFT(MD5(RAND()), 8)));';
  const f = only(bad, 'expression-default-unsupported');
  assert.equal(f.length, 2);
  assert.equal(at(bad, f[0]), 'DEFAULT (DATE_ADD(CURRENT_DATE, INTERVAL 30 DAY))');
  const good = `CREATE TABLE k (
    id BIGINT PRIMARY KEY,
    u BINARY(16) DEFAULT (UUID_TO_BIN(UUID())),
    t VARCHAR(36) DEFAULT (uuid()),
    m JSON DEFAULT (JSON_OBJECT()),
    a JSON DEFAULT (json_array()),
    mk VARCHAR(7) DEFAULT (DATE_FORMAT(NOW(), '%Y-%m')),
    who VARCHAR(32) DEFAULT (UPPER(SUBSTRING_INDEX(USER(), '@', 1))),
    h CHAR(32) DEFAULT (REPLACE(UPPER(UUID()), '-', '')),
    d DATE DEFAULT (CURRENT_DATE),
    s DATE DEFAULT (STR_TO_DATE('1980-01-01', '%Y-%m-%d')),
    ts DATETIME(3) DEFAULT (CURRENT_TIMESTAMP(3)),
    r DOUBLE DEFAULT (RAND()),
    n INT DEFAULT (0),
    plain INT DEFAULT 5,
    c DATETIME DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
  );`;
  assert.deepEqual(only(good, 'expression-default-unsupported'), []);
  // unsupported DATE_FORMAT format
  assert.equal(
    only("CREATE TABLE k (id BIGINT PRIMARY KEY, y CHAR(4) DEFAULT (DATE_FORMAT(NOW(), '%Y')));", 'expression-default-unsupported').length,
    1,
  );
  // JSON_OBJECT() only from v8.0; UUID() on every version
  const json = 'CREATE TABLE s (id BIGINT PRIMARY KEY, p JSON DEFAULT (JSON_OBJECT()), u VARCHAR(36) DEFAULT (UUID()));';
  assert.equal(only(json, 'expression-default-unsupported', '7.5').length, 1);
  assert.equal(only(json, 'expression-default-unsupported', '8.0').length, 0);
  assert.deepEqual(
    only(
      'CREATE TABLE s (id BIGINT PRIMARY KEY, a INT DEFAULT (NEXTVAL(seq1)), b INT DEFAULT NEXT VALUE FOR seq2);',
      'expression-default-unsupported',
      '6.5',
    ),
    [],
  );
  // ALTER TABLE ADD COLUMN and ALTER COLUMN SET DEFAULT
  assert.equal(only('ALTER TABLE t ADD COLUMN c INT DEFAULT (a + 1);', 'expression-default-unsupported').length, 1);
  const alt = "ALTER TABLE t ALTER COLUMN c SET DEFAULT (CONCAT('x', 'y'));";
  const g = only(alt, 'expression-default-unsupported');
  assert.equal(g.length, 1);
  assert.equal(at(alt, g[0]), "SET DEFAULT (CONCAT('x', 'y'))");
  assert.deepEqual(only("CREATE TABLE t (id BIGINT PRIMARY KEY, c VARCHAR(10) DEFAULT '(x)');", 'expression-default-unsupported'), []);
});

test('auto-increment-hotspot: AUTO_INCREMENT primary key columns, with an AUTO_RANDOM fix for BIGINT', () => {
  const sql =
    'CREATE TABLE `orders` (\n  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n  `v` int,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB AUTO_INCREMENT=57 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;';
  const f = only(sql, 'auto-increment-hotspot');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'AUTO_INCREMENT');
  assert.equal(f[0].fix?.safe, false);
  const fixed = applyFix(sql, f[0]);
  assert.match(fixed, /`id` bigint unsigned NOT NULL AUTO_RANDOM,/);
  assert.match(fixed, /\) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4/);
  assert.deepEqual(ids(fixed), []);
  // INT: flagged, no fix
  const i = only('create table t (id int not null auto_increment primary key, name varchar(50));', 'auto-increment-hotspot');
  assert.equal(i.length, 1);
  assert.equal(i[0].fix, undefined);
  // composite PK: flagged; not first column -> no fix
  const c = only(
    'CREATE TABLE d (tenant INT NOT NULL, id BIGINT NOT NULL AUTO_INCREMENT, PRIMARY KEY (tenant, id), KEY (id));',
    'auto-increment-hotspot',
  );
  assert.equal(c.length, 1);
  assert.equal(c[0].fix, undefined);
  // NONCLUSTERED PK (TiDB comment): still a hotspot, no AUTO_RANDOM fix
  const n = only(
    'CREATE TABLE a (id BIGINT NOT NULL AUTO_INCREMENT, PRIMARY KEY (id) /*T![clustered_index] NONCLUSTERED */);',
    'auto-increment-hotspot',
  );
  assert.equal(n.length, 1);
  assert.equal(n[0].fix, undefined);
  // SERIAL primary key
  assert.equal(only('CREATE TABLE s (id SERIAL PRIMARY KEY, v INT);', 'auto-increment-hotspot').length, 1);
  // not flagged: temporary tables, AUTO_INCREMENT outside the PK, AUTO_RANDOM, ALTER
  assert.deepEqual(only('CREATE TEMPORARY TABLE tmp (id INT AUTO_INCREMENT PRIMARY KEY);', 'auto-increment-hotspot'), []);
  assert.deepEqual(only('CREATE TABLE u (uuid CHAR(36) PRIMARY KEY, seq BIGINT AUTO_INCREMENT, KEY (seq));', 'auto-increment-hotspot'), []);
  assert.deepEqual(only('CREATE TABLE t (a bigint PRIMARY KEY /*T![auto_rand] AUTO_RANDOM */, b INT);', 'auto-increment-hotspot'), []);
  assert.deepEqual(only('ALTER TABLE t MODIFY id BIGINT NOT NULL AUTO_INCREMENT;', 'auto-increment-hotspot'), []);
});

test('missing-primary-key: CREATE TABLE without a PRIMARY KEY', () => {
  const sql = 'CREATE TABLE `db`.`page_views` (user_id BIGINT NOT NULL, url VARCHAR(2048), UNIQUE KEY (user_id));';
  const f = only(sql, 'missing-primary-key');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), '`db`.`page_views`');
  assert.equal(only('CREATE TABLE r (payload JSON) /*T! SHARD_ROW_ID_BITS=4 PRE_SPLIT_REGIONS=2 */;', 'missing-primary-key').length, 1);
  for (const ok of [
    'CREATE TABLE p (id INT KEY);',
    'CREATE TABLE p (id INT, CONSTRAINT pk PRIMARY KEY (id));',
    'CREATE TABLE p (id BIGINT NOT NULL PRIMARY KEY NONCLUSTERED);',
    'CREATE TEMPORARY TABLE tmp (a INT);',
    'CREATE GLOBAL TEMPORARY TABLE g (a INT) ON COMMIT DELETE ROWS;',
    'CREATE TABLE c LIKE p;',
    'CREATE TABLE c AS SELECT * FROM p;',
  ])
    assert.deepEqual(only(ok, 'missing-primary-key'), [], ok);
});

test('auto-random-misuse: placement rules in CREATE TABLE', () => {
  for (const bad of [
    'CREATE TABLE t (a INT AUTO_RANDOM PRIMARY KEY);',
    'CREATE TABLE t (a BIGINT AUTO_RANDOM, b VARCHAR(9), PRIMARY KEY (b, a));',
    'CREATE TABLE t (a BIGINT AUTO_RANDOM DEFAULT 0 PRIMARY KEY);',
    'CREATE TABLE t (a BIGINT AUTO_RANDOM AUTO_INCREMENT PRIMARY KEY);',
    'CREATE TABLE t (a BIGINT AUTO_RANDOM, b INT, PRIMARY KEY (a) NONCLUSTERED);',
    'CREATE TABLE t (a BIGINT AUTO_RANDOM, b INT);',
  ])
    assert.equal(only(bad, 'auto-random-misuse').length, 1, bad);
  const sql = 'CREATE TABLE t (a INT /*T![auto_rand] AUTO_RANDOM(5) */ PRIMARY KEY);';
  assert.equal(at(sql, only(sql, 'auto-random-misuse')[0]), 'AUTO_RANDOM');
  for (const ok of [
    'CREATE TABLE t (a BIGINT AUTO_RANDOM PRIMARY KEY);',
    'CREATE TABLE t (a BIGINT UNSIGNED NOT NULL AUTO_RANDOM(5), b INT, PRIMARY KEY (a, b));',
    'CREATE TABLE t (id BIGINT NOT NULL /*T![auto_rand] AUTO_RANDOM(5) */, PRIMARY KEY (id) /*T![clustered_index] CLUSTERED */);',
  ])
    assert.deepEqual(only(ok, 'auto-random-misuse'), [], ok);
  // before v3.1 the rule does not apply
  assert.deepEqual(only('CREATE TABLE t (a INT AUTO_RANDOM PRIMARY KEY);', 'auto-random-misuse', '3.0'), []);
});

test('auto-random-misuse: ALTER TABLE', () => {
  assert.equal(only('ALTER TABLE t ADD COLUMN r BIGINT AUTO_RANDOM;', 'auto-random-misuse').length, 1);
  // unknown table: only the definition itself is checked
  assert.deepEqual(only('ALTER TABLE t MODIFY id BIGINT AUTO_RANDOM;', 'auto-random-misuse'), []);
  assert.equal(only('ALTER TABLE t MODIFY id INT AUTO_RANDOM;', 'auto-random-misuse').length, 1);
  // known BIGINT AUTO_INCREMENT clustered PK: allowed
  assert.deepEqual(
    only(
      'CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\nALTER TABLE t MODIFY id BIGINT NOT NULL AUTO_RANDOM;',
      'auto-random-misuse',
    ),
    [],
  );
  // known otherwise: flagged
  assert.equal(
    only('CREATE TABLE t (id BIGINT NOT NULL, PRIMARY KEY (id));\nALTER TABLE t MODIFY id BIGINT AUTO_RANDOM;', 'auto-random-misuse')
      .length,
    1,
  );
  assert.equal(
    only(
      'CREATE TABLE t (id BIGINT AUTO_INCREMENT, PRIMARY KEY (id) NONCLUSTERED);\nALTER TABLE t CHANGE id id BIGINT AUTO_RANDOM;',
      'auto-random-misuse',
    ).length,
    1,
  );
  // removing AUTO_RANDOM from a known column
  assert.equal(
    only('CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY);\nALTER TABLE t MODIFY id BIGINT NOT NULL;', 'auto-random-misuse').length,
    1,
  );
});
