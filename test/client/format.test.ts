// Copy and export formats.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCells, formatRows, toCell } from '../../client/src/query/format';
import type { Cell, ResultColumn } from '../../protocol/webviews/results';

const cols: ResultColumn[] = [
  { name: 'id', type: 'LONGLONG' },
  { name: 'note', type: 'VAR_STRING' },
  { name: 'id', type: 'LONGLONG' },
];
const rows: Cell[][] = [
  [1, 'plain', 10],
  [2, null, 20],
  [3, 'NULL', 30],
  [4, 'tab\there, "quoted", new\nline | pipe <b>', 40],
];

test('cells: NULL stays null, binary is hex, JSON is text, big numbers stay exact strings', () => {
  assert.equal(toCell(null), null);
  assert.equal(toCell(undefined), null);
  assert.equal(toCell(Buffer.from([0, 255, 16])), '0x00FF10');
  assert.match(String(toCell(Buffer.alloc(5000))), /^0x0{8192}… \(5000 bytes\)$/);
  assert.equal(toCell({ a: [1, null] }), '{"a":[1,null]}');
  assert.equal(toCell('18446744073709551615'), '18446744073709551615');
  assert.equal(toCell(12n), '12');
});

test('TSV: header, NULL as NULL, tabs and newlines escaped so rows stay rows', () => {
  const out = formatRows(cols, rows, 'tsv');
  const lines = out.split('\n');
  assert.equal(lines.length, 5);
  assert.equal(lines[0], 'id\tnote\tid');
  assert.equal(lines[2], '2\tNULL\t20');
  assert.equal(lines[4], '4\ttab\\there, "quoted", new\\nline | pipe <b>\t40');
});

test('CSV (RFC 4180): quotes doubled, fields with separators quoted, NULL empty, CRLF', () => {
  const out = formatRows(cols, rows, 'csv');
  assert.equal(out, 'id,note,id\r\n1,plain,10\r\n2,,20\r\n3,NULL,30\r\n4,"tab\there, ""quoted"", new\nline | pipe <b>",40\r\n');
});

test('JSON: objects with unique keys, NULL as null and the string NULL kept apart', () => {
  const parsed = JSON.parse(formatRows(cols, rows, 'json'));
  assert.deepEqual(parsed[1], { id: 2, note: null, id_2: 20 });
  assert.deepEqual(parsed[2], { id: 3, note: 'NULL', id_2: 30 });
  assert.equal(parsed[3].note, 'tab\there, "quoted", new\nline | pipe <b>');
});

test('Markdown: pipes escaped, newlines as <br>, HTML neutralised, NULL marked', () => {
  const out = formatRows(cols, rows, 'markdown').split('\n');
  assert.equal(out[0], '| id | note | id |');
  assert.equal(out[1], '| --- | --- | --- |');
  assert.equal(out[3], '| 2 | *NULL* | 20 |');
  assert.equal(out[5], '| 4 | tab\there, "quoted", new<br>line \\| pipe &lt;b&gt; | 40 |');
});

test('one column of some rows as plain lines', () => {
  assert.equal(formatCells(rows.slice(0, 3), 1), 'plain\nNULL\nNULL');
});

test('CSV neutralises cells a spreadsheet would run as formulas; numbers stay numbers', () => {
  const cols = [{ name: 'v', type: 'VARCHAR' }] as never;
  const csv = formatRows(
    cols,
    [["=cmd|' /C calc'!A0"], ['+SUM(A1)'], ['-2+3'], ['@x'], ['\t=1'], ['-5'], ['+1.5e3'], [-7], ['a=b']],
    'csv',
  );
  assert.deepEqual(csv.trim().split('\r\n').slice(1), [
    "'=cmd|' /C calc'!A0",
    "'+SUM(A1)",
    "'-2+3",
    "'@x",
    "'\t=1",
    '-5',
    '+1.5e3',
    '-7',
    'a=b',
  ]);
});

test('Copy as JSON keeps every column when names repeat, even next to a column already called id_2', () => {
  const cols = [{ name: 'id' }, { name: 'id' }, { name: 'id_2' }] as never;
  const json = JSON.parse(formatRows(cols, [[1, 2, 3]], 'json'));
  assert.deepEqual(json, [{ id: 1, id_3: 2, id_2: 3 }]);
});
