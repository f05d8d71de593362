// The language server's documents: vscode-languageserver-textdocument's, with the line offsets of a
// newly opened document computed by indexOf instead of a loop over every character. On a 20 MB dump
// that loop blocked the event loop for about 100 ms at the first position asked (the first diagnostic,
// or the first incremental edit). The library's own structure is kept; a test compares both.
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Line start offsets as LSP counts lines: breaks at \r\n, \n and a lone \r. */
export function lineOffsets(text: string): number[] {
  const out = [0];
  if (text.indexOf('\r') === -1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
    return out;
  }
  const eol = /\r\n?|\n/g;
  for (let m = eol.exec(text); m; m = eol.exec(text)) out.push(m.index + m[0].length);
  return out;
}

type WithOffsets = TextDocument & { _lineOffsets?: number[] };

/** The TextDocuments configuration: create primes the line offsets; update is the library's. */
export const FastTextDocument = {
  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    const doc = TextDocument.create(uri, languageId, version, content) as WithOffsets;
    // only where the library keeps them under this name, unset (else it computes them itself)
    if ('_lineOffsets' in doc && doc._lineOffsets === undefined) doc._lineOffsets = lineOffsets(content);
    return doc;
  },
  update: TextDocument.update,
};
