// Statement fingerprints (core/sql/fingerprint.ts): what matches a file's statement with a
// statement the server reported as slow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint } from '../../core/sql/fingerprint';

const same = (a: string, b: string) => assert.equal(fingerprint(a), fingerprint(b), `${a}\n${b}`);
const differ = (a: string, b: string) => assert.notEqual(fingerprint(a), fingerprint(b), `${a}\n${b}`);

test('the TiDB docs example: constants, blanks and case do not matter, IN lists of any length fold', () => {
  // statement-summary-tables.md: "After normalization, they are both of the following category"
  same(
    'SELECT * FROM employee WHERE id IN (1, 2, 3) AND salary BETWEEN 1000 AND 2000;',
    'select * from EMPLOYEE where ID in (4, 5) and SALARY between 3000 and 4000;',
  );
  assert.equal(
    fingerprint('SELECT * FROM employee WHERE id IN (1, 2, 3) AND salary BETWEEN 1000 AND 2000;'),
    'select * from employee where id in (...) and salary between ? and ?',
  );
});

test('a slow-log entry of a prepared statement matches the statement with values', () => {
  same(
    'SELECT DISTINCT c FROM sbtest25 WHERE id BETWEEN ? AND ? ORDER BY c [arguments: (291638, 291737)];',
    'SELECT DISTINCT c\n  FROM sbtest25\n WHERE id BETWEEN 5 AND 10\n ORDER BY c',
  );
});

test('quoting, comments, hints, signs and VALUES rows are noise', () => {
  same('SELECT `id` FROM `shop`.`orders` WHERE `note` = "x"', "select id from shop.orders where note = 'y'");
  same('SELECT /*+ MAX_EXECUTION_TIME(1000) */ a FROM t -- report\nWHERE b = 1', 'SELECT a /* old */ FROM t WHERE b = 2');
  same('SELECT a FROM t WHERE b = -1', 'SELECT a FROM t WHERE b = 5');
  same('SELECT a FROM t WHERE b IN (-1, +2)', 'SELECT a FROM t WHERE b IN (3)');
  same('INSERT INTO t (a, b) VALUES (1, 2), (3, 4), (5, 6)', 'insert into t (a, b) values (7, 8)');
  same('SELECT a - 1 FROM t', 'SELECT a - 2 FROM t');
  same('SELECT 1 FROM t WHERE x = 0x1F', "SELECT 1 FROM t WHERE x = 'a'");
});

test('a different table, column, operator or shape is a different statement', () => {
  differ('SELECT a FROM t WHERE b = 1', 'SELECT a FROM u WHERE b = 1');
  differ('SELECT a FROM t WHERE b = 1', 'SELECT c FROM t WHERE b = 1');
  differ('SELECT a - 1 FROM t', 'SELECT a + 1 FROM t');
  differ('SELECT a FROM t WHERE b = 1', 'SELECT a FROM t WHERE b = 1 AND c = 2');
  differ('SELECT a FROM t WHERE b IN (1, 2)', 'SELECT a FROM t WHERE b IN (SELECT b FROM u)');
  differ('SELECT a FROM t WHERE b = ?', 'SELECT a FROM t WHERE b = c');
});
