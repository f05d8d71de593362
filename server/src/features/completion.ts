// Completion: keywords and TiDB-specific syntax, optimizer hints inside
// /*+ ... */, system variables after @@, and table / column names from the
// schema of the active connection (sent by the client).
import * as l10n from '@vscode/l10n';
import { localizedDocsUrl } from '../../../core/l10n';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { isIdentChar, Lexer } from '../../../core/sql/lexer';
import type { SchemaSnapshot } from '../../../protocol/lsp';
import { docsLink, localizedEntry, REFERENCE, type ReferenceEntry } from './tidbReference';

const KEYWORDS = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP BY',
  'HAVING',
  'ORDER BY',
  'LIMIT',
  'OFFSET',
  'JOIN',
  'LEFT JOIN',
  'RIGHT JOIN',
  'INNER JOIN',
  'ON',
  'USING',
  'UNION',
  'UNION ALL',
  'WITH',
  'RECURSIVE',
  'AS',
  'DISTINCT',
  'INSERT INTO',
  'VALUES',
  'REPLACE INTO',
  'UPDATE',
  'SET',
  'DELETE FROM',
  'CREATE TABLE',
  'CREATE INDEX',
  'CREATE UNIQUE INDEX',
  'CREATE VIEW',
  'CREATE DATABASE',
  'CREATE SEQUENCE',
  'CREATE PLACEMENT POLICY',
  'ALTER TABLE',
  'ADD COLUMN',
  'ADD INDEX',
  'DROP COLUMN',
  'DROP INDEX',
  'MODIFY COLUMN',
  'CHANGE COLUMN',
  'RENAME TO',
  'DROP TABLE',
  'TRUNCATE TABLE',
  'PRIMARY KEY',
  'UNIQUE KEY',
  'FOREIGN KEY',
  'REFERENCES',
  'NOT NULL',
  'DEFAULT',
  'AUTO_INCREMENT',
  'COMMENT',
  'CHARACTER SET',
  'COLLATE',
  'PARTITION BY RANGE',
  'PARTITION BY HASH',
  'PARTITION BY LIST',
  'PARTITIONS',
  'BEGIN',
  'START TRANSACTION',
  'COMMIT',
  'ROLLBACK',
  'EXPLAIN',
  'EXPLAIN ANALYZE',
  'SHOW CREATE TABLE',
  'SHOW TABLES',
  'SHOW INDEX FROM',
  'USE',
  'FOR UPDATE',
  'NOWAIT',
  'IS NULL',
  'IS NOT NULL',
  'BETWEEN',
  'LIKE',
  'IN',
  'EXISTS',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'BIGINT',
  'INT',
  'VARCHAR',
  'CHAR',
  'TEXT',
  'DECIMAL',
  'DATETIME',
  'TIMESTAMP',
  'DATE',
  'JSON',
  'BLOB',
  'BOOLEAN',
  'ENUM',
  'VECTOR',
];

export interface CompletionContext {
  kind: 'code' | 'hint' | 'sysvar' | 'member' | 'none';
  /** the identifier prefix typed so far */
  prefix: string;
  /** for 'member': the identifier before the dot */
  qualifier?: string;
}

/** Where the cursor is: in code, in an optimizer hint, after @@, after `x.`, or in a string/comment. */
export function contextAt(text: string, offset: number): CompletionContext {
  let p = offset;
  while (p > 0 && isIdentChar(text.charCodeAt(p - 1))) p--;
  const prefix = text.slice(p, offset);
  // Lex up to the cursor: from the start for ordinary files, from a line start 64 KB back for huge ones.
  let from = 0;
  if (offset > 1 << 20) {
    from = text.lastIndexOf('\n', offset - (64 << 10)) + 1;
  }
  let lastTrivia: { kind: string; start: number; end: number } | undefined;
  const lexer = new Lexer(text, from, p, (t) => (lastTrivia = t));
  let unterminated: { kind: string; start: number } | undefined;
  while (lexer.scan()) {
    if (lexer.unterminated) unterminated = { kind: lexer.tokKind, start: lexer.tokStart };
  }
  if (unterminated) {
    if (unterminated.kind === 'op' && text.startsWith('/*+', unterminated.start)) return { kind: 'hint', prefix };
    return { kind: 'none', prefix };
  }
  if (lastTrivia && lastTrivia.end >= p && lastTrivia.kind === 'line-comment') return { kind: 'none', prefix };
  if (
    lastTrivia &&
    lastTrivia.end > p - 1 &&
    lastTrivia.start < p &&
    (lastTrivia.kind === 'block-comment' || lastTrivia.kind === 'hint') &&
    lastTrivia.end > p
  ) {
    return lastTrivia.kind === 'hint' ? { kind: 'hint', prefix } : { kind: 'none', prefix };
  }
  const before = text.slice(Math.max(0, p - 16), p);
  if (/@@(?:(?:global|session|local)\.)?$/i.test(before)) return { kind: 'sysvar', prefix };
  if (before.endsWith('.')) {
    let q = p - 1;
    while (q > 0 && isIdentChar(text.charCodeAt(q - 1))) q--;
    const qualifier = text.slice(q, p - 1).replace(/`/g, '');
    if (qualifier) return { kind: 'member', prefix, qualifier };
  }
  return { kind: 'code', prefix };
}

/** table / view / sequence as completion names it. */
function objectKind(k: string): string {
  return k === 'table' ? l10n.t('table') : k === 'view' ? l10n.t('view') : k === 'sequence' ? l10n.t('sequence') : k;
}

function refItem(entry: ReferenceEntry, sortPrefix: string): CompletionItem {
  const e = localizedEntry(entry);
  const kind =
    e.kind === 'hint'
      ? CompletionItemKind.Function
      : e.kind === 'sysvar'
        ? CompletionItemKind.Variable
        : e.kind === 'table-option'
          ? CompletionItemKind.Property
          : CompletionItemKind.Keyword;
  const item: CompletionItem = {
    label: e.name,
    kind,
    detail: e.detail,
    documentation: { kind: MarkupKind.Markdown, value: `${e.doc}\n\n${l10n.t('[TiDB docs]({0})', localizedDocsUrl(docsLink(e)))}` },
    sortText: sortPrefix + e.name,
  };
  if (e.snippet && e.kind !== 'sysvar') {
    item.insertText = e.snippet;
    item.insertTextFormat = InsertTextFormat.Snippet;
  }
  return item;
}

export function complete(text: string, offset: number, schema: SchemaSnapshot | undefined): CompletionItem[] {
  const ctx = contextAt(text, offset);
  switch (ctx.kind) {
    case 'none':
      return [];
    case 'hint':
      return REFERENCE.filter((e) => e.kind === 'hint').map((e) => refItem(e, '0'));
    case 'sysvar':
      return REFERENCE.filter((e) => e.kind === 'sysvar').map((e) => refItem(e, '0'));
    case 'member': {
      if (!schema) return [];
      const q = ctx.qualifier!.toLowerCase();
      const db = schema.databases.find((d) => d.name.toLowerCase() === q);
      if (db)
        return db.tables.map((t) => ({
          label: t.name,
          kind: t.kind === 'view' ? CompletionItemKind.Interface : CompletionItemKind.Struct,
          detail: l10n.t({
            message: '{0} in {1}',
            args: [objectKind(t.kind), db.name],
            comment: ['a table, view or sequence in a database'],
          }),
        }));
      const items: CompletionItem[] = [];
      for (const d of schema.databases) {
        for (const t of d.tables) {
          if (t.name.toLowerCase() !== q) continue;
          for (const c of t.columns)
            items.push({ label: c.name, kind: CompletionItemKind.Field, detail: `${c.type} · ${d.name}.${t.name}` });
        }
      }
      return items;
    }
    case 'code': {
      const items: CompletionItem[] = KEYWORDS.map((k) => ({ label: k, kind: CompletionItemKind.Keyword, sortText: '2' + k }));
      for (const e of REFERENCE) if (e.kind !== 'hint' && e.kind !== 'sysvar') items.push(refItem(e, '1'));
      if (schema) {
        const dflt = schema.defaultDatabase?.toLowerCase();
        for (const d of schema.databases) {
          items.push({ label: d.name, kind: CompletionItemKind.Module, detail: l10n.t('database'), sortText: '4' + d.name });
          if (dflt !== undefined && d.name.toLowerCase() !== dflt) continue;
          for (const t of d.tables)
            items.push({
              label: t.name,
              kind: t.kind === 'view' ? CompletionItemKind.Interface : CompletionItemKind.Struct,
              detail: l10n.t({
                message: '{0} in {1}',
                args: [objectKind(t.kind), d.name],
                comment: ['a table, view or sequence in a database'],
              }),
              sortText: '3' + t.name,
            });
        }
        // columns of the tables the statement around the cursor names, first
        const words = statementWords(text, offset);
        const seen = new Set<string>();
        for (const d of schema.databases) {
          if (dflt !== undefined && d.name.toLowerCase() !== dflt) continue;
          for (const t of d.tables) {
            if (!words.has(t.name.toLowerCase())) continue;
            for (const c of t.columns) {
              if (seen.has(c.name)) continue;
              seen.add(c.name);
              items.push({
                label: c.name,
                kind: CompletionItemKind.Field,
                detail: `${c.type} · ${d.name}.${t.name}`,
                sortText: '0' + c.name,
              });
            }
          }
        }
      }
      return items;
    }
  }
}

/** Lower-cased identifier words of the statement around `offset` (between the nearest semicolons; a hint, not a parse). */
function statementWords(text: string, offset: number): Set<string> {
  const start = text.lastIndexOf(';', offset - 1) + 1;
  const endAt = text.indexOf(';', offset);
  const slice = text.slice(start, endAt === -1 ? Math.min(text.length, offset + 10_000) : endAt).slice(-20_000);
  return new Set((slice.match(/[A-Za-z_$][\w$]*|`[^`]+`/g) ?? []).map((w) => w.replace(/`/g, '').toLowerCase()));
}
