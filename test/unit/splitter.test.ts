import assert from 'node:assert/strict';
import { test } from 'node:test';
import { split } from '../../core/sql/splitter';

const texts = (src: string) => split(src).statements.map((s) => src.slice(s.start, s.end));

test('splits on ; with exact offsets, ignoring ; in strings, identifiers and comments', () => {
  const src = 'SELECT \'a;b\' FROM `x;y`; -- c;\nUPDATE t SET a = 1 /* ; */ WHERE b = "q;" ;\n\nDELETE FROM t WHERE id = 1';
  const r = split(src);
  assert.deepEqual(texts(src), ["SELECT 'a;b' FROM `x;y`", 'UPDATE t SET a = 1 /* ; */ WHERE b = "q;"', 'DELETE FROM t WHERE id = 1']);
  assert.equal(r.statements[0].delimiter?.text, ';');
  assert.equal(r.statements[2].delimiter, undefined);
});

test('DELIMITER changes the terminator and keeps routine bodies whole', () => {
  const src = 'DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND$$\nDELIMITER ;\nSELECT 3;';
  const r = split(src);
  assert.equal(r.statements.length, 2);
  assert.ok(texts(src)[0].startsWith('CREATE PROCEDURE') && texts(src)[0].endsWith('END'));
  assert.equal(texts(src)[1], 'SELECT 3');
  assert.deepEqual(
    r.directives.map((d) => d.delimiter),
    ['$$', ';'],
  );
});

test('lowercase delimiter command and // or ;; delimiters', () => {
  assert.equal(
    texts('delimiter //\ncreate trigger t before insert on x for each row begin set new.a = 1; end //\ndelimiter ;\nselect 1;').length,
    2,
  );
  assert.equal(texts('DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END ;;\nDELIMITER ;').length, 1);
});

test('routine bodies without DELIMITER stay inside their CREATE statement', () => {
  const src =
    'CREATE PROCEDURE p() BEGIN DECLARE x INT; IF x THEN SELECT CASE WHEN 1 THEN 2 END; END IF; WHILE x DO SET x = 0; END WHILE; END;\nSELECT 9;';
  assert.deepEqual(texts(src).length, 2);
  assert.equal(texts(src)[1], 'SELECT 9');
  // CREATE EVENT ... DO BEGIN ... END
  assert.equal(texts('CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; DELETE FROM u; END; SELECT 1;').length, 2);
  // a one-statement trigger ends at its ;
  assert.equal(texts('CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW UPDATE b SET c = 1; SELECT 1;').length, 2);
});

test('executable comments are code: statements inside them are split and terminated', () => {
  const src = '/*!40101 SET NAMES utf8 */;\n/*!50003 DROP PROCEDURE IF EXISTS `p` */;\nSELECT 1;';
  assert.deepEqual(texts(src), ['SET NAMES utf8', 'DROP PROCEDURE IF EXISTS `p`', 'SELECT 1']);
});

test('an unterminated string is reported once and the rest of the file is still split', () => {
  const src = "SELECT 'oops FROM t;\nSELECT 2;\nSELECT 3;";
  const r = split(src);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /Unterminated string literal/);
  assert.equal(r.problems[0].start, 7);
  assert.deepEqual(texts(src), ['SELECT', 'SELECT 2', 'SELECT 3']);
});

test('an unterminated block comment is reported and later lines are analysed', () => {
  const r = split('SELECT 1; /* never closed\nSELECT 2;');
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /Unterminated comment/);
  assert.equal(r.statements.length, 2);
});

test('huge INSERT ... VALUES bodies are skimmed: words and calls kept, literals dropped', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `(${i},'v${i}',ST_GeomFromText('POINT(1 1)'))`).join(',');
  const src = `INSERT INTO t VALUES ${rows};SELECT 1;`;
  const r = split(src);
  assert.equal(r.statements.length, 2);
  const s = r.statements[0];
  assert.ok(s.sparseFrom > 0 && s.sparseFrom < s.tokens.length);
  assert.ok(s.tokens.length < 20000, `kept ${s.tokens.length} tokens`);
  assert.equal(s.tokens[s.tokens.length - 1].value, '(');
  // the statement's range still covers the whole body
  assert.equal(src.slice(s.start, s.end), src.slice(0, -'SELECT 1;'.length - 1));
});

test('skimmed bodies keep calls and the words after the body, not literal words', () => {
  const rows = Array.from({ length: 1500 }, (_, i) => `(${i},NULL,_binary 'x',TRUE,UUID())`).join(',');
  const src = `INSERT INTO t VALUES ${rows} ON DUPLICATE KEY UPDATE b = VALUES(b);`;
  const s = split(src).statements[0];
  const skimmed = s.tokens.slice(s.sparseFrom).map((t) => t.value);
  assert.ok(!skimmed.includes('NULL') && !skimmed.includes('_BINARY') && !skimmed.includes('TRUE'));
  assert.ok(skimmed.includes('UUID'));
  assert.deepEqual(skimmed.slice(-7), ['ON', 'DUPLICATE', 'KEY', 'UPDATE', 'B', 'VALUES', '(']);
});

test('skimming a huge VALUES body without tokens gives exactly what skimming it token by token gives', async () => {
  const { Lexer } = await import('../../core/sql/lexer');
  const { split } = await import('../../core/sql/splitter');
  const rows = [
    "(1,'o\\'brien','a''b',-2.5e3,0x1F,X'0A',_binary '\\0',NULL,TRUE,b'101',N'x')",
    '(2,"dq \\" ; -- # /* not */",`bq``x`,\'\',.5,1e-3)',
    "(3, NOW(), CONCAT('a', UPPER('b')), ST_GeomFromText('POINT(1 1)'), (SELECT 1), 4)",
    "(4,'x') /* a comment */ ,(5,'y') -- line comment\n,(6,'z') # hash\n",
    '(7,@v,?,8 - -9,10 -- 11\n)',
    "(8, ((9)), 'é😀', 12abc, 1 + 2 * (3))",
  ];
  const body = (k: number) => Array.from({ length: 600 }, (_, i) => rows[(i + k) % rows.length]).join(',');
  const texts = [
    `INSERT INTO t VALUES ${body(0)};\nSELECT 1;`,
    `INSERT INTO t VALUES ${body(1)} ON DUPLICATE KEY UPDATE a = VALUES(a), b = b + 1;\nSELECT 2;`,
    `REPLACE INTO t (a, b) VALUES ${body(2)};INSERT INTO u VALUES ${body(3)}`,
    `/*!40000 INSERT INTO t VALUES ${body(4)} */;\nSELECT 3;`,
    `INSERT INTO t VALUES ${body(5)},(1,'unterminated`,
    `DELIMITER $$\nINSERT INTO t VALUES ${body(0)}$$\nDELIMITER ;\nSELECT 4;`,
  ];
  for (const text of texts) {
    const fast = split(text);
    Lexer.fastSkim = false;
    let slow;
    try {
      slow = split(text);
    } finally {
      Lexer.fastSkim = true;
    }
    const shape = (r: typeof fast) => ({
      ...r,
      statements: r.statements.map((s) => ({ ...s, tokens: s.tokens.map((t) => [t.kind, t.start, t.end, t.value, t.exec]) })),
    });
    assert.deepEqual(shape(fast), shape(slow), text.slice(0, 60));
    assert.ok(fast.statements[0].sparseFrom > 0, 'the body was skimmed');
  }
});
