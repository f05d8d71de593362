// Issue 15's patterns from real MySQL files: dynamic SQL in PREPARE literals, one finding per
// root cause (a hundred CALLs of one procedure), calls to a function the file defines, and the
// DROP/CREATE pair of a DELIMITER block named each by its own finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../core/lint/engine';
import { RULES } from '../../../core/lint/rules/index';
import { at, ids, only } from '../../helpers';

test('PREPARE … FROM a constant literal is linted in place; a variable or an escaped literal is not followed', () => {
  const sql = "PREPARE s FROM 'SELECT SQL_CALC_FOUND_ROWS * FROM t LIMIT 10';\nEXECUTE s;";
  const f = only(sql, 'sql-calc-found-rows');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'SQL_CALC_FOUND_ROWS');
  assert.deepEqual(ids("PREPARE d FROM 'ALTER TABLE t ADD COLUMN n INT AUTO_INCREMENT';"), ['add-auto-increment']);
  assert.deepEqual(ids('PREPARE d FROM "DELETE FROM logs";'), ['delete-without-where']);
  assert.deepEqual(ids("SET @q = 'DELETE FROM logs';\nPREPARE d FROM @q;"), []);
  assert.deepEqual(ids("PREPARE d FROM 'SELECT ''SQL_CALC_FOUND_ROWS'' FROM t LIMIT 1';"), []);
});

test('one root cause, one finding: 100 CALLs of one procedure fold into the first, with the others as related places', () => {
  const sql = Array.from({ length: 100 }, () => 'CALL refresh_stats();').join('\n') + '\nCALL other();';
  const f = only(sql, 'stored-procedure');
  assert.equal(f.length, 2);
  assert.match(f[0].message, /CALL refresh_stats fails/);
  assert.match(f[0].message, /The same applies to 99 more places in this file \(lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …\)/);
  assert.equal(f[0].related?.length, 99);
  assert.equal(at(sql, { ...f[0], start: f[0].related![98].start, end: f[0].related![98].end }), 'CALL refresh_stats');
  assert.equal(f[1].related, undefined);
  // a suppressed call does not count
  const some = 'CALL p();\n-- tidb-lint-disable-next-line stored-procedure\nCALL p();\nCALL p();';
  assert.match(only(some, 'stored-procedure')[0].message, /1 more place in this file \(line 4\)/);
});

test('calls to a stored function the file defines fail too: reported once per function, in views and queries', () => {
  const sql =
    'CREATE FUNCTION fn_total(p DECIMAL(10,2), q INT) RETURNS DECIMAL(10,2) DETERMINISTIC RETURN p * q;\n' +
    'CREATE VIEW order_totals AS SELECT id, fn_total(price, qty) AS total FROM order_items;\n' +
    'SELECT FN_TOTAL(1, 2);';
  const f = only(sql, 'stored-function-call');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'fn_total');
  assert.match(f[0].message, /this view fails with "FUNCTION fn_total does not exist"/);
  assert.equal(f[0].related?.length, 1);
  // not defined here (it may exist on the server): no finding; a call before the CREATE is not this rule's
  assert.deepEqual(only('SELECT fn_total(1, 2);', 'stored-function-call'), []);
  assert.deepEqual(
    only('SELECT fn_total(1, 2);\nCREATE FUNCTION fn_total(a INT, b INT) RETURNS INT DETERMINISTIC RETURN a * b;', 'stored-function-call'),
    [],
  );
});

test('DELIMITER blocks: DROP PROCEDURE IF EXISTS x and CREATE PROCEDURE x are two findings, each naming its statement', () => {
  const sql =
    'DELIMITER $$\nDROP PROCEDURE IF EXISTS add_user$$\nCREATE PROCEDURE add_user(IN n VARCHAR(20))\nBEGIN\n  INSERT INTO users(name) VALUES (n);\nEND$$\nDELIMITER ;';
  const f = only(sql, 'stored-procedure');
  assert.deepEqual(
    f.map((x) => at(sql, x)),
    ['DROP PROCEDURE IF EXISTS add_user', 'CREATE PROCEDURE add_user'],
  );
  assert.match(f[0].message, /DROP PROCEDURE add_user fails/);
  assert.match(f[1].message, /CREATE PROCEDURE add_user fails/);
});

test('large-range-dml: a one-sided purge without LIMIT, not a point, a window, a LIMIT or a selective filter', () => {
  const f = only('DELETE FROM audit_log WHERE created_at < NOW() - INTERVAL 1 YEAR;', 'large-range-dml');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /BATCH ON <key> LIMIT 10000 DELETE/);
  assert.deepEqual(ids('DELETE FROM t WHERE id < 5000000;'), ['large-range-dml']);
  for (const clean of [
    'DELETE FROM t WHERE id > 10 AND id < 20;',
    'DELETE FROM t WHERE created_at < NOW() - INTERVAL 1 YEAR ORDER BY id LIMIT 5000;',
    'UPDATE t SET a = 1 WHERE tenant = 3 AND created_at < NOW();',
    'DELETE FROM t WHERE status = "x" OR created_at < NOW();',
  ])
    assert.deepEqual(only(clean, 'large-range-dml'), [], clean);
});

test('the fold is kept by the cache: an edit that adds a CALL grows the group instead of adding a finding', async () => {
  const { LintCache } = await import('../../../core/lint/cache');
  const cache = new LintCache();
  const a = lintText('CALL p();\nCALL p();', RULES, { cache });
  assert.equal(a.findings.length, 1);
  const b = lintText('CALL p();\nCALL p();\nCALL p();', RULES, { cache });
  assert.equal(b.findings.length, 1);
  assert.equal(b.findings[0].related?.length, 2);
});

test('live row counts sharpen the size-dependent risks: a 12-row lookup table is a hint, a 50M-row backfill a warning, and the message says so', () => {
  const rows: Record<string, number> = { countries: 12, orders: 50_300_000 };
  const schema = {
    table: (_db: string | undefined, name: string) =>
      rows[name] === undefined
        ? undefined
        : {
            name,
            columns: new Map([
              ['id', { name: 'id', type: 'INT', args: [], unsigned: false, autoIncrement: false, autoRandom: false, defaultNow: false }],
              [
                'amount',
                {
                  name: 'amount',
                  type: 'DECIMAL',
                  args: ['10', '2'],
                  unsigned: false,
                  autoIncrement: false,
                  autoRandom: false,
                  defaultNow: false,
                },
              ],
            ]),
            indexes: new Set<string>(),
            rows: rows[name],
          },
    isView: () => false,
    database: () => undefined,
  };
  const lint = (sql: string) => lintText(sql, RULES, { schema }).findings;
  const hot = lint('CREATE TABLE countries (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50));').find(
    (f) => f.ruleId === 'auto-increment-hotspot',
  )!;
  assert.equal(hot.severity, 'hint');
  assert.match(hot.message, /has 12 rows: a table that small is rarely written/);
  const big = lint('ALTER TABLE orders ADD INDEX ix_amount (amount);').find((f) => f.ruleId === 'add-index-existing-table')!;
  assert.equal(big.severity, 'warning');
  assert.match(big.message, /about 50\.3 million rows on the connected server/);
  const reorg = lint('ALTER TABLE orders MODIFY amount DECIMAL(14,4);').find((f) => f.ruleId === 'ddl-reorg-rewrite')!;
  assert.match(reorg.message, /about 50\.3 million rows on the connected server/);
  assert.equal(lint('ALTER TABLE countries MODIFY amount DECIMAL(14,4);').find((f) => f.ruleId === 'ddl-reorg-rewrite')!.severity, 'hint');
  // without a connection nothing changes; a user's severity setting wins
  assert.equal(only('CREATE TABLE countries (id INT AUTO_INCREMENT PRIMARY KEY);', 'auto-increment-hotspot')[0].severity, 'warning');
  const pinned = lintText('CREATE TABLE countries (id INT AUTO_INCREMENT PRIMARY KEY);', RULES, {
    schema,
    config: { rules: { 'auto-increment-hotspot': 'error' } },
  }).findings.find((f) => f.ruleId === 'auto-increment-hotspot')!;
  assert.equal(pinned.severity, 'error');
});
