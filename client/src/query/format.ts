// Cells for display and the copy/export formats: TSV (what spreadsheets paste),
// CSV (RFC 4180), JSON (an array of objects, NULL as null) and Markdown tables.
// No VS Code imports.
import type { Cell, CopyFormat, ResultColumn } from '../../../protocol/webviews/results';

/** Bytes of a binary value shown in the grid before it is cut. */
const MAX_BINARY_BYTES = 4096;

/** A driver value as a grid cell: NULL stays null, binary becomes 0x… hex, JSON becomes text. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (Buffer.isBuffer(v)) {
    const hex = v.subarray(0, MAX_BINARY_BYTES).toString('hex').toUpperCase();
    return v.length > MAX_BINARY_BYTES ? `0x${hex}… (${v.length} bytes)` : `0x${hex}`;
  }
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

const tsvCell = (c: Cell) =>
  c === null ? 'NULL' : String(c).replace(/[\t\r\n]/g, (m) => (m === '\t' ? '\\t' : m === '\n' ? '\\n' : '\\r'));
/**
 * A spreadsheet opening the CSV runs a cell that starts with = + - @ (or a tab/CR before
 * one) as a formula (`=cmd|' /C calc'!A0`): such text gets a leading ' as OWASP advises.
 * Numbers (-5, +1.5e3) are left as they are.
 */
const formulaSafe = (s: string) => (/^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? `'${s}` : s);
const csvCell = (c: Cell) => {
  if (c === null) return '';
  const s = typeof c === 'number' ? String(c) : formulaSafe(String(c));
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const mdCell = (c: Cell) =>
  c === null
    ? '*NULL*'
    : String(c)
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/[<>]/g, (m) => (m === '<' ? '&lt;' : '&gt;'))
        .replace(/\r?\n/g, '<br>');

/**
 * Unique JSON keys for columns with the same name (a join of id and id gives id, id_2),
 * never colliding with a column that is itself called id_2 (id, id, id_2 → id, id_3, id_2).
 */
function jsonKeys(columns: ResultColumn[]): string[] {
  const taken = new Set(columns.map((c) => c.name));
  const used = new Set<string>();
  return columns.map((c) => {
    if (!used.has(c.name)) {
      used.add(c.name);
      return c.name;
    }
    let n = 2;
    while (taken.has(`${c.name}_${n}`) || used.has(`${c.name}_${n}`)) n++;
    const k = `${c.name}_${n}`;
    used.add(k);
    return k;
  });
}

export function formatRows(columns: ResultColumn[], rows: Cell[][], format: CopyFormat, header = true): string {
  switch (format) {
    case 'tsv':
      return [...(header ? [columns.map((c) => tsvCell(c.name))] : []), ...rows.map((r) => r.map(tsvCell))]
        .map((l) => l.join('\t'))
        .join('\n');
    case 'csv':
      return (
        [...(header ? [columns.map((c) => csvCell(c.name))] : []), ...rows.map((r) => r.map(csvCell))]
          .map((l) => l.join(','))
          .join('\r\n') + '\r\n'
      );
    case 'json': {
      const keys = jsonKeys(columns);
      return JSON.stringify(
        rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? null]))),
        null,
        2,
      );
    }
    case 'markdown': {
      const lines = [`| ${columns.map((c) => mdCell(c.name)).join(' | ')} |`, `|${columns.map(() => ' --- ').join('|')}|`];
      for (const r of rows) lines.push(`| ${r.map(mdCell).join(' | ')} |`);
      return lines.join('\n');
    }
  }
}

/** One column's cells of some rows (copying a cell or a column), as plain text lines. */
export function formatCells(rows: Cell[][], column: number): string {
  return rows.map((r) => (r[column] === null ? 'NULL' : String(r[column]))).join('\n');
}

export const EXTENSIONS: Record<CopyFormat, string> = { tsv: 'tsv', csv: 'csv', json: 'json', markdown: 'md' };
