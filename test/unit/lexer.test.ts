import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lexer, stringValue, type Token, type Trivia } from '../../core/sql/lexer';

function lex(src: string): { tokens: Token[]; trivia: Trivia[] } {
  const trivia: Trivia[] = [];
  const l = new Lexer(src, 0, src.length, (t) => trivia.push(t));
  const tokens: Token[] = [];
  while (l.scan()) tokens.push(l.token());
  return { tokens, trivia };
}
const kinds = (src: string) => lex(src).tokens.map((t) => `${t.kind}:${src.slice(t.start, t.end)}`);

test('strings: backslash escapes and doubled quotes, both quote styles', () => {
  assert.deepEqual(kinds(`'it''s' "a\\"b" 'x\\\\' y`), [`string:'it''s'`, `string:"a\\"b"`, `string:'x\\\\'`, 'word:y']);
  assert.equal(stringValue(`'it''s'`), "it's");
  assert.equal(stringValue(`'a\\nb\\'c'`), "a\nb'c");
  assert.equal(stringValue(`'50\\%'`), '50\\%');
  assert.equal(stringValue(`N'abc'`), 'abc');
});

test('backquoted identifiers with doubled backquotes', () => {
  const { tokens } = lex('`my``tbl`.`c 1`');
  assert.deepEqual(
    tokens.map((t) => [t.kind, t.value]),
    [
      ['qident', 'my`tbl'],
      ['op', '.'],
      ['qident', 'c 1'],
    ],
  );
});

test('comments: -- needs whitespace, # to end of line, /* */; none of them are tokens', () => {
  const src = 'a -- c1\nb --c2\n# c3\nc /* c4 */ d --\n';
  assert.deepEqual(kinds(src), ['word:a', 'word:b', 'op:-', 'op:-', 'word:c2', 'word:c', 'word:d']);
  assert.deepEqual(
    lex(src).trivia.map((t) => t.kind),
    ['line-comment', 'line-comment', 'block-comment', 'line-comment'],
  );
  // `--` at end of input and before a tab
  assert.deepEqual(kinds('x --\ty'), ['word:x']);
});

test('executable comments /*!NNNNN */ and /*T![feature] */ are code; /*+ */ is a hint', () => {
  const src =
    '/*!40101 SET NAMES utf8mb4 */; CREATE TABLE t (id BIGINT /*T![auto_rand] AUTO_RANDOM */) /*T! SHARD_ROW_ID_BITS=4 */; SELECT /*+ USE_INDEX(t, i) */ 1';
  const { tokens, trivia } = lex(src);
  const words = tokens.filter((t) => t.kind === 'word').map((t) => t.value);
  assert.ok(words.includes('NAMES') && words.includes('AUTO_RANDOM') && words.includes('SHARD_ROW_ID_BITS'));
  assert.ok(!words.includes('USE_INDEX'));
  assert.ok(tokens.find((t) => t.value === 'AUTO_RANDOM')!.exec);
  assert.deepEqual(
    trivia.map((t) => t.kind),
    ['exec-open', 'exec-close', 'exec-open', 'exec-close', 'exec-open', 'exec-close', 'hint'],
  );
});

test('numbers, hex and bit literals, identifiers starting with digits', () => {
  assert.deepEqual(kinds("1 1.5 .5 1e10 2.5E-3 0x1F X'1f' b'101' 0b11 1abc 0xZZ"), [
    'number:1',
    'number:1.5',
    'number:.5',
    'number:1e10',
    'number:2.5E-3',
    'hex:0x1F',
    "hex:X'1f'",
    "hex:b'101'",
    'hex:0b11',
    'word:1abc',
    'word:0xZZ',
  ]);
  // t.5 is not a number after an identifier
  assert.deepEqual(kinds('t1.c'), ['word:t1', 'op:.', 'word:c']);
});

test('charset introducers, user and system variables, placeholders, operators', () => {
  assert.deepEqual(kinds("_utf8mb4'x' @a @'b c' @`d` @@global.max_connections @@sql_mode ? := <=> ->> != <="), [
    'word:_utf8mb4',
    "string:'x'",
    'var:@a',
    "var:@'b c'",
    'var:@`d`',
    'sysvar:@@global.max_connections',
    'sysvar:@@sql_mode',
    'param:?',
    'op::=',
    'op:<=>',
    'op:->>',
    'op:!=',
    'op:<=',
  ]);
});

test('unterminated string, identifier and comment are flagged and the lexer does not throw', () => {
  for (const src of ["SELECT 'abc", 'SELECT `abc', 'SELECT 1 /* open', 'SELECT "x\\']) {
    const { tokens } = lex(src);
    assert.ok(
      tokens.some((t) => t.unterminated),
      src,
    );
  }
});

test('a custom delimiter is recognised even where identifier characters continue', () => {
  const l = new Lexer('END$$ x', 0);
  l.setDelimiter('$$');
  const out: string[] = [];
  while (l.scan()) out.push(`${l.tokKind}:${l.src.slice(l.tokStart, l.tokEnd)}`);
  assert.deepEqual(out, ['word:END', 'delimiter:$$', 'word:x']);
});

test('every token consumes input (regression: ".7V" once looped forever)', () => {
  assert.deepEqual(kinds('{.7V'), ['op:{', 'number:.7', 'word:V']);
  const src = '\u0000\uffff{.7V.e9..`';
  const l = new Lexer(src, 0);
  let n = 0;
  while (l.scan()) assert.ok(++n <= src.length);
});
