import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, ids, only } from '../../helpers';

test('stored-procedure: CREATE/DROP PROCEDURE and CALL, inside DELIMITER blocks and executable comments', () => {
  assert.deepEqual(ids('CALL refresh(1);'), ['stored-procedure']);
  assert.deepEqual(ids('/*!50003 DROP PROCEDURE IF EXISTS `p` */;'), ['stored-procedure']);
  const sql = 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT * FROM t;\n  DELETE FROM t;\nEND //\nDELIMITER ;';
  const f = only(sql, 'stored-procedure');
  assert.equal(f.length, 1);
  assert.equal(at(sql, f[0]), 'CREATE PROCEDURE p');
  // the body is not linted as separate statements
  assert.deepEqual(ids(sql), ['stored-procedure']);
});

test('stored-procedure: a body written without DELIMITER stays one statement', () => {
  const sql = 'CREATE PROCEDURE p() BEGIN IF 1 THEN DELETE FROM t; END IF; UPDATE t SET a = 1; END;\nSELECT 1;';
  assert.deepEqual(ids(sql), ['stored-procedure']);
});

test('stored-procedure: not fired by strings, comments or column names', () => {
  assert.deepEqual(ids("SELECT 'CALL p()' AS x FROM t LIMIT 1;"), []);
  assert.deepEqual(ids('-- CALL p();\n/* CREATE PROCEDURE x() */ SELECT `call` FROM t LIMIT 1;'), []);
});

test('stored-function, trigger, event, xa-transaction', () => {
  assert.deepEqual(ids('CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;'), ['stored-function']);
  assert.deepEqual(ids("CREATE AGGREGATE FUNCTION f RETURNS STRING SONAME 'udf.so';"), ['stored-function']);
  assert.deepEqual(ids('DROP FUNCTION IF EXISTS f;'), ['stored-function']);
  assert.deepEqual(ids('CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;'), ['trigger']);
  assert.deepEqual(
    ids('/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 TRIGGER trg AFTER INSERT ON t FOR EACH ROW BEGIN END */;;'),
    ['trigger'],
  );
  assert.deepEqual(ids('DROP EVENT IF EXISTS e;'), ['event']);
  assert.deepEqual(ids("XA START 'x';\nXA END 'x';"), ['xa-transaction']);
  assert.deepEqual(ids('SELECT xa FROM t LIMIT 1;'), []);
});
