import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, ids, only } from '../../helpers';

test('match-against: MATCH (cols) AGAINST (...) anywhere, with or without spaces', () => {
  const sql = "select id from docs where match(title, body) against('+tidb' in boolean mode) limit 5;";
  const f = only(sql, 'match-against');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), "match(title, body) against('+tidb' in boolean mode)");
  assert.deepEqual(ids("SELECT MATCH (a) AGAINST ('x') AS score FROM t\nWHERE id = 1;"), ['match-against']);
  // inside a CREATE VIEW body too
  assert.deepEqual(ids("CREATE VIEW v AS SELECT id FROM t WHERE MATCH (a) AGAINST ('x');"), ['match-against']);
});

test('match-against: not fired by strings, comments, column names or FOREIGN KEY ... MATCH FULL', () => {
  assert.deepEqual(ids("INSERT INTO search_log (q) VALUES ('MATCH(title) AGAINST(?)');"), []);
  assert.deepEqual(ids("-- MATCH (a) AGAINST ('x')\nSELECT `match`, against FROM t WHERE id = 1;"), []);
  assert.deepEqual(
    only('CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES par (id) MATCH FULL);', 'match-against'),
    [],
  );
});

test('spatial-function: ST_*, MBR*, *FromText and geometry constructors; nested calls reported once', () => {
  const sql = "SELECT id FROM stores WHERE ST_Distance_Sphere(loc, ST_GeomFromText('POINT(1 2)')) < 500 LIMIT 5;";
  const f = only(sql, 'spatial-function');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'ST_Distance_Sphere');
  assert.deepEqual(ids('SELECT MBRContains(a, b) FROM shapes WHERE id = 1;'), ['spatial-function']);
  assert.deepEqual(ids("SELECT AsText(GeomFromText('POINT(1 1)'));"), ['spatial-function']);
  assert.deepEqual(ids('UPDATE depots SET loc = Point(1, 2) WHERE id = 3;'), ['spatial-function']);
  assert.deepEqual(ids('SELECT z.id FROM zones z JOIN places p ON st_contains(z.area, p.loc) WHERE p.id = 3;'), ['spatial-function']);
});

test('spatial-function: calls inside a huge INSERT ... VALUES body (skimmed part) are still seen', () => {
  const rows: string[] = [];
  for (let i = 0; i < 1500; i++) rows.push(`(${i}, 'n${i}')`);
  rows.push("(9999, ST_GeomFromText('POINT(1 1)'))");
  const sql = `INSERT INTO t (a, b) VALUES ${rows.join(',\n')};`;
  const f = only(sql, 'spatial-function');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'ST_GeomFromText');
});

test('spatial-function: table, index and column names are not calls; strings and comments never count', () => {
  assert.deepEqual(ids('INSERT INTO point (x, y) VALUES (1, 2);'), []);
  assert.deepEqual(ids('INSERT polygon(x) VALUES (1);'), []);
  assert.deepEqual(only('CREATE TABLE t (id INT PRIMARY KEY, point VARCHAR(100), KEY point (point(10)));', 'spatial-function'), []);
  assert.deepEqual(ids('WITH point (x) AS (SELECT 1) SELECT x FROM point;'), []);
  assert.deepEqual(ids("SELECT 'ST_Distance(a, b)' AS s /* ST_Buffer(g) */ FROM t WHERE id = 1;"), []);
  assert.deepEqual(ids('SELECT geo.ST_Distance(a) FROM t WHERE id = 1;'), []);
  assert.deepEqual(ids('SELECT point, polygon FROM t WHERE id = 1;'), []);
});

test('xml-function: ExtractValue / UpdateXML in any case', () => {
  const sql = "SELECT EXTRACTVALUE(doc, '/a/@b') FROM t WHERE id = 1;";
  assert.equal(at(sql, only(sql, 'xml-function')[0]), 'EXTRACTVALUE');
  assert.deepEqual(ids("UPDATE m SET p = UpdateXML(p, '/a', '<a/>') WHERE id = 1;"), ['xml-function']);
  assert.deepEqual(ids('SELECT extractvalue, updatexml FROM t WHERE id = 1;'), []);
  assert.deepEqual(ids("SELECT 'ExtractValue(x)' AS hint;"), []);
});

test('unsupported-function: the listed built-ins, not CHARSET/COLLATION or SOUNDS LIKE', () => {
  assert.deepEqual(ids('SELECT UUID_SHORT() AS id;'), ['unsupported-function']);
  assert.deepEqual(
    ids("SELECT o.id, jt.sku FROM orders o, JSON_TABLE(o.items, '$[*]' COLUMNS (sku VARCHAR(32) PATH '$.sku')) AS jt WHERE o.id = 1;"),
    ['unsupported-function'],
  );
  assert.deepEqual(ids("SELECT json_value(doc, '$.a') FROM t WHERE id = 1;"), ['unsupported-function']);
  assert.deepEqual(ids("SELECT MASTER_POS_WAIT('bin.000001', 4, 10);"), ['unsupported-function']);
  assert.deepEqual(ids("SELECT GTID_SUBSET('a', 'b'), soundex(name) FROM t WHERE id = 1;"), ['unsupported-function']);
  const sql = "SELECT LOAD_FILE('/etc/hosts');";
  assert.equal(at(sql, only(sql, 'unsupported-function')[0]), 'LOAD_FILE');
  assert.deepEqual(ids('SELECT CHARSET(name), COLLATION(name), COERCIBILITY(name) FROM t WHERE id = 1;'), []);
  assert.deepEqual(ids("SELECT name FROM t WHERE name SOUNDS LIKE 'smith' LIMIT 5;"), []);
  assert.deepEqual(ids("SELECT soundex FROM t WHERE note = 'SOUNDEX(x)' LIMIT 5;"), []);
});

test('function rules: routine bodies are not linted', () => {
  const sql = 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT ST_AsText(g), UUID_SHORT() FROM t;\nEND //\nDELIMITER ;';
  assert.deepEqual(ids(sql), ['stored-procedure']);
});
