import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, at, only } from '../../helpers';

test('unsupported-charset: CHARACTER SET, CHARSET, SET NAMES, CONVERT USING', () => {
  const sql = 'CREATE TABLE jp (code CHAR(10) PRIMARY KEY, name VARCHAR(200) CHARACTER SET sjis) DEFAULT CHARSET=utf16;';
  assert.deepEqual(
    only(sql, 'unsupported-charset').map((f) => at(sql, f)),
    ['CHARACTER SET sjis', 'CHARSET=utf16'],
  );
  assert.equal(only('CREATE DATABASE pl DEFAULT CHARACTER SET latin2;', 'unsupported-charset').length, 1);
  assert.equal(only('SELECT CONVERT(name USING ucs2) AS n FROM c WHERE id = 1;', 'unsupported-charset').length, 1);
  assert.equal(only('SET NAMES cp1251;', 'unsupported-charset').length, 1);
  assert.equal(only('SELECT CAST(x AS CHAR CHARACTER SET utf32) FROM t LIMIT 1;', 'unsupported-charset').length, 1);
  // gbk from v5.4
  const gbk = 'CREATE TABLE cn (id BIGINT PRIMARY KEY, n VARCHAR(64)) DEFAULT CHARSET=gbk;';
  assert.equal(only(gbk, 'unsupported-charset', '5.3').length, 1);
  assert.deepEqual(only(gbk, 'unsupported-charset', '5.4'), []);
  for (const ok of [
    'CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(5) CHARACTER SET latin1, b VARCHAR(5) CHARSET ascii) CHARSET utf8mb4;',
    "SET NAMES utf8mb4;\nSET NAMES 'utf8';\nSELECT CONVERT(a USING utf8mb4), CHARSET(a) FROM t LIMIT 1;",
    'SELECT charset, collation FROM t LIMIT 1;',
    "SELECT 'CHARACTER SET sjis' FROM t LIMIT 1; -- CHARSET utf16",
    'SELECT a FROM t JOIN u USING (big5) LIMIT 1;',
  ])
    assert.deepEqual(only(ok, 'unsupported-charset'), [], ok);
});

test('unsupported-collation: unknown collations, 0900 before v7.4, nearest-collation fix', () => {
  const sql =
    "CREATE TABLE w (\n  id BIGINT PRIMARY KEY,\n  n VARCHAR(191) COLLATE utf8mb4_unicode_520_ci,\n  m VARCHAR(9) collate 'latin1_swedish_ci'\n) DEFAULT CHARSET=utf8mb4 COLLATE=UTF8MB4_0900_AS_CS;";
  const f = only(sql, 'unsupported-collation');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['COLLATE utf8mb4_unicode_520_ci', "collate 'latin1_swedish_ci'", 'COLLATE=UTF8MB4_0900_AS_CS'],
  );
  assert.match(applyFix(sql, f[0]), /n VARCHAR\(191\) COLLATE utf8mb4_unicode_ci,/);
  assert.match(applyFix(sql, f[1]), /m VARCHAR\(9\) collate 'latin1_bin'/);
  assert.match(applyFix(sql, f[2]), /COLLATE=UTF8MB4_BIN;/);
  // 0900_ai_ci: error before v7.4 with a general_ci fix, fine from v7.4
  const ai = 'CREATE TABLE p (sku VARCHAR(32) PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;';
  const g = only(ai, 'unsupported-collation', '7.1');
  assert.equal(g.length, 1);
  assert.match(applyFix(ai, g[0]), /COLLATE=utf8mb4_general_ci;/);
  assert.deepEqual(only(ai, 'unsupported-collation', '7.4'), []);
  assert.equal(only("SELECT id FROM u WHERE name = 'José' COLLATE utf8mb4_0900_as_cs LIMIT 10;", 'unsupported-collation').length, 1);
  const ja = only('ALTER DATABASE shop CHARACTER SET utf8mb4 COLLATE utf8mb4_ja_0900_as_cs;', 'unsupported-collation');
  assert.equal(ja.length, 1);
  // latin2 collation: no TiDB equivalent, no fix
  const l2 = only('CREATE DATABASE pl DEFAULT CHARACTER SET latin2 COLLATE latin2_general_ci;', 'unsupported-collation');
  assert.equal(l2.length, 1);
  assert.equal(l2[0].fix, undefined);
  for (const ok of [
    'SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci;',
    'CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(5) COLLATE utf8mb4_bin, b VARCHAR(5) COLLATE utf8_general_ci, c CHAR(1) COLLATE ascii_bin, d VARBINARY(4) COLLATE binary) COLLATE latin1_bin;',
    "SELECT 'COLLATE latin1_swedish_ci' FROM t LIMIT 1;",
  ])
    assert.deepEqual(only(ok, 'unsupported-collation'), [], ok);
});

test('default-collation-case-sensitivity: explicit charset without COLLATE', () => {
  const sql = 'CREATE TABLE l (id BIGINT PRIMARY KEY, name VARCHAR(50)) DEFAULT CHARSET=utf8mb4;';
  const f = only(sql, 'default-collation-case-sensitivity');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'DEFAULT CHARSET=utf8mb4');
  assert.equal(
    applyFix(sql, f[0]),
    'CREATE TABLE l (id BIGINT PRIMARY KEY, name VARCHAR(50)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;',
  );
  // latin1: flagged, no case-insensitive collation to offer
  const l1 = only('CREATE TABLE l (id BIGINT PRIMARY KEY, name VARCHAR(50)) DEFAULT CHARSET=latin1;', 'default-collation-case-sensitivity');
  assert.equal(l1.length, 1);
  assert.equal(l1[0].fix, undefined);
  // column level, ALTER TABLE, CONVERT TO, databases
  const col = 'ALTER TABLE t MODIFY COLUMN a VARCHAR(20) CHARACTER SET utf8mb4 NOT NULL;';
  const c = only(col, 'default-collation-case-sensitivity');
  assert.equal(at(col, c[0]), 'CHARACTER SET utf8mb4');
  assert.equal(applyFix(col, c[0]), 'ALTER TABLE t MODIFY COLUMN a VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL;');
  assert.equal(only('ALTER TABLE t CONVERT TO CHARACTER SET utf8;', 'default-collation-case-sensitivity').length, 1);
  assert.equal(only('ALTER TABLE t DEFAULT CHARSET = utf8mb4;', 'default-collation-case-sensitivity').length, 1);
  assert.equal(only('CREATE DATABASE crm CHARACTER SET utf8mb4;', 'default-collation-case-sensitivity').length, 1);
  assert.equal(
    only('CREATE DATABASE /*!32312 IF NOT EXISTS*/ `d` /*!40100 DEFAULT CHARACTER SET latin1 */;', 'default-collation-case-sensitivity')
      .length,
    1,
  );
  for (const ok of [
    'CREATE TABLE t (id BIGINT PRIMARY KEY, l VARCHAR(50)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;',
    'CREATE TABLE b (id BIGINT PRIMARY KEY, data VARBINARY(255), n INT) DEFAULT CHARSET=utf8mb4;',
    'CREATE TABLE b (id BIGINT PRIMARY KEY, s VARCHAR(9) COLLATE utf8mb4_bin) DEFAULT CHARSET=utf8mb4;',
    "create table p (e varchar(255) not null, primary key (e)) default character set utf8mb4 collate 'utf8mb4_unicode_ci';",
    'CREATE TABLE g (id BIGINT PRIMARY KEY, n VARCHAR(9)) DEFAULT CHARSET=gbk;',
    'CREATE TABLE t (id BIGINT PRIMARY KEY, n VARCHAR(9));',
    'SET NAMES utf8mb4;',
    'SELECT CONVERT(a USING utf8mb4) FROM t LIMIT 1;',
    'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
    'CREATE DATABASE d DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
    "LOAD DATA LOCAL INFILE 'a.csv' INTO TABLE t CHARACTER SET utf8mb4;",
  ])
    assert.deepEqual(only(ok, 'default-collation-case-sensitivity'), [], ok);
});
