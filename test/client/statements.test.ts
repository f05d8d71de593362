// Run Statement's choice of SQL and the production guard's idea of a write.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statementAt, statementsOf, summary } from '../../client/src/query/statements';

test('statement at the cursor: inside, on its delimiter, after it on the same line, in a gap', () => {
  const text = 'SELECT 1;\nSELECT 2;  -- two\n\nUPDATE t SET a = 1 WHERE id = 3;\n';
  assert.equal(statementAt(text, 3)?.text, 'SELECT 1');
  assert.equal(statementAt(text, 8)?.text, 'SELECT 1'); // on the ';'
  assert.equal(statementAt(text, text.indexOf('-- two') + 3)?.text, 'SELECT 2'); // after it, same line
  assert.equal(statementAt(text, text.indexOf('\n\nUPDATE') + 1)?.text, 'UPDATE t SET a = 1 WHERE id = 3'); // blank line: the next one
  assert.equal(statementAt(text, text.length)?.text, 'UPDATE t SET a = 1 WHERE id = 3');
  assert.equal(statementAt('-- only a comment\n', 3), undefined);
});

test('DELIMITER blocks and routine bodies are one statement, delimiters not sent', () => {
  const text = 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND//\nDELIMITER ;\nCALL p();\n';
  const all = statementsOf(text);
  assert.deepEqual(
    all.map((s) => s.kind),
    ['CREATE PROCEDURE', 'CALL'],
  );
  assert.match(all[0].text, /^CREATE PROCEDURE p\(\)\nBEGIN[\s\S]*END$/);
  assert.equal(statementAt(text, text.indexOf('SELECT 2'))?.kind, 'CREATE PROCEDURE');
});

test('writes: what a production connection asks about', () => {
  const w = (sql: string) => statementsOf(sql)[0].writes;
  for (const sql of [
    'SELECT * FROM t',
    'select 1 for update',
    'SHOW TABLES',
    'EXPLAIN SELECT 1',
    'EXPLAIN FORMAT = "brief" SELECT 1',
    'DESC t',
    'USE shop',
    'WITH c AS (SELECT 1) SELECT * FROM c',
    '(SELECT 1) UNION (SELECT 2)',
    'SET @a = 1',
    'SET NAMES utf8mb4',
    'SET SESSION tidb_mem_quota_query = 1',
    'EXPLAIN ANALYZE SELECT 1',
    'TABLE t',
  ]) {
    assert.equal(w(sql), false, sql);
  }
  for (const sql of [
    'INSERT INTO t VALUES (1)',
    'update t set a=1',
    'DELETE FROM t',
    'REPLACE INTO t VALUES (1)',
    'CREATE TABLE t (a int)',
    'DROP TABLE t',
    'ALTER TABLE t ADD COLUMN b int',
    'TRUNCATE t',
    'RENAME TABLE a TO b',
    'GRANT SELECT ON *.* TO u',
    'LOAD DATA LOCAL INFILE "x" INTO TABLE t',
    'CALL p()',
    'SET GLOBAL tidb_gc_life_time = "10m"',
    'SET @@global.max_connections = 10',
    'EXPLAIN ANALYZE DELETE FROM t',
    'EXPLAIN ANALYZE INSERT INTO t SELECT 1',
    'SELECT * FROM t INTO OUTFILE "/tmp/x"',
    'WITH c AS (SELECT 1) UPDATE t SET a = 1',
    'ANALYZE TABLE t',
    'BATCH ON id LIMIT 1000 DELETE FROM t',
    'FLASHBACK TABLE t',
    'ADMIN CHECK TABLE t',
    'KILL 5',
    'DO SLEEP(1)',
  ]) {
    assert.equal(w(sql), true, sql);
  }
});

test('summary: one line, shortened', () => {
  assert.equal(summary('SELECT *\n  FROM   t\nWHERE a = 1'), 'SELECT * FROM t WHERE a = 1');
  assert.equal(summary('SELECT ' + 'x, '.repeat(50), 20).length, 20);
});
