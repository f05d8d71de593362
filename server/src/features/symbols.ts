// Document symbols (one per statement) and folding ranges (multi-line
// statements, DELIMITER blocks, block comments). Statements are streamed, so a
// huge dump costs one statement's tokens at a time.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { splitStatements, type SplitSideOutput } from '../../../core/sql/splitter';
import { Stmt } from '../../../core/sql/statement';

const KIND: Array<[RegExp, SymbolKind]> = [
  [/^CREATE (TABLE)$/, SymbolKind.Struct],
  [/^CREATE VIEW$/, SymbolKind.Interface],
  [/^CREATE (INDEX)$/, SymbolKind.Key],
  [/^CREATE (DATABASE)$/, SymbolKind.Namespace],
  [/^CREATE (PROCEDURE|FUNCTION|TRIGGER|EVENT)$/, SymbolKind.Function],
  [/^(ALTER|DROP|RENAME|TRUNCATE)/, SymbolKind.Method],
  [/^(INSERT|REPLACE|UPDATE|DELETE|LOAD|IMPORT)/, SymbolKind.Event],
  [/^USE$/, SymbolKind.Namespace],
];

/** Where the object name of a statement starts, for the symbol's name and selection range. */
function objectName(s: Stmt): { label: string; first: number; last: number } {
  const k = s.kind;
  let i = -1;
  if (/^(CREATE|ALTER|DROP) /.test(k)) {
    i = s.find([k.split(' ')[1] === 'DATABASE' ? (s.is(s.afterCreateModifiers(), 'SCHEMA') ? 'SCHEMA' : 'DATABASE') : k.split(' ')[1]]) + 1;
    while (s.is(i, 'IF', 'NOT', 'EXISTS')) i++;
  } else if (k === 'INSERT' || k === 'REPLACE') {
    i = s.find(['INTO']) + 1 || 1;
  } else if (k === 'UPDATE' || k === 'USE' || k === 'TRUNCATE') {
    i = s.is(1, 'TABLE') ? 2 : 1;
    while (s.is(i, 'LOW_PRIORITY', 'IGNORE')) i++;
  } else if (k === 'DELETE') {
    i = s.find(['FROM']) + 1;
  }
  const q = i > 0 ? s.qname(i) : undefined;
  const head = Math.min(k.split(' ').length, s.length) - 1;
  if (!q) return { label: k || s.text(0), first: 0, last: Math.max(0, head) };
  const verb = k === 'INSERT' || k === 'REPLACE' ? `${k} INTO` : k === 'DELETE' ? 'DELETE FROM' : k;
  return { label: `${verb} ${s.text(q.first, q.last)}`, first: q.first, last: q.last };
}

export function documentSymbols(doc: TextDocument): DocumentSymbol[] {
  const text = doc.getText();
  const side: SplitSideOutput = { trivia: [], directives: [], problems: [] };
  const out: DocumentSymbol[] = [];
  for (const st of splitStatements(text, side)) {
    const s = new Stmt(text, st);
    const name = objectName(s);
    const kind = KIND.find(([re]) => re.test(s.kind))?.[1] ?? SymbolKind.Object;
    const end = st.delimiter?.end ?? st.end;
    const label = name.label.length > 80 ? name.label.slice(0, 77) + '...' : name.label;
    out.push({
      name: label.replace(/\s+/g, ' '),
      kind,
      range: { start: doc.positionAt(st.start), end: doc.positionAt(end) },
      selectionRange: { start: doc.positionAt(s.tokens[name.first].start), end: doc.positionAt(s.tokens[name.last].end) },
    });
  }
  return out;
}

export function foldingRanges(doc: TextDocument): FoldingRange[] {
  const text = doc.getText();
  const side: SplitSideOutput = { trivia: [], directives: [], problems: [] };
  const out: FoldingRange[] = [];
  for (const st of splitStatements(text, side)) {
    const a = doc.positionAt(st.start).line;
    const b = doc.positionAt(st.delimiter?.end ?? st.end).line;
    if (b > a) out.push({ startLine: a, endLine: b });
  }
  // DELIMITER x ... DELIMITER ; blocks
  let open: number | undefined;
  for (const d of side.directives) {
    const line = doc.positionAt(d.start).line;
    if (d.delimiter !== ';' && open === undefined) open = line;
    else if (d.delimiter === ';' && open !== undefined) {
      if (line > open) out.push({ startLine: open, endLine: line, kind: FoldingRangeKind.Region });
      open = undefined;
    }
  }
  for (const t of side.trivia) {
    if (t.kind !== 'block-comment') continue;
    const a = doc.positionAt(t.start).line;
    const b = doc.positionAt(t.end).line;
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Comment });
  }
  return out;
}
