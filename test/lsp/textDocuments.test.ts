// The server's documents prime the library's line offsets with their own fast scan: positions and
// offsets must be exactly the library's, before and after incremental edits, for every kind of line end.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FastTextDocument, lineOffsets } from '../../server/src/textDocuments';

const texts = ['', 'a', 'SELECT 1;\nSELECT 2;\n', 'a\r\nb\rc\n\r\nd', '\n\n\r\r\n😀\n', 'x'.repeat(1000) + '\r\n'];

test('primed documents answer positions and offsets exactly as the library computes them', () => {
  for (const text of texts) {
    const mine = FastTextDocument.create('file:///a.sql', 'sql', 1, text);
    const lib = TextDocument.create('file:///a.sql', 'sql', 1, text);
    assert.ok((mine as unknown as { _lineOffsets?: number[] })._lineOffsets, 'the library still keeps _lineOffsets: priming is in effect');
    assert.equal(mine.lineCount, lib.lineCount, JSON.stringify(text));
    for (let o = 0; o <= text.length + 1; o++) assert.deepEqual(mine.positionAt(o), lib.positionAt(o));
    for (let line = 0; line <= lib.lineCount; line++)
      for (const character of [0, 1, 2, 5000]) assert.equal(mine.offsetAt({ line, character }), lib.offsetAt({ line, character }));
    // the same edits on both
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x\r\n' },
      { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 1 } }, text: '\n' },
    ];
    const m2 = FastTextDocument.update(mine, edits, 2);
    const l2 = TextDocument.update(lib, edits, 2);
    assert.equal(m2.getText(), l2.getText());
    for (let o = 0; o <= l2.getText().length; o++) assert.deepEqual(m2.positionAt(o), l2.positionAt(o));
  }
  assert.deepEqual(lineOffsets('a\r\nb\rc\nd'), [0, 3, 5, 7]);
});
