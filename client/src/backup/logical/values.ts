// Exact SQL literals for exported values, and the order-independent checksum the
// manifest keeps per table. Values are read as the server's text (or bytes for
// binary types), never through JavaScript numbers or dates. No VS Code imports.
import * as crypto from 'node:crypto';

/** Column types whose values are bytes: written as 0x… hex. */
export const BINARY_DATA_TYPES = new Set(['binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob', 'bit', 'geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'geometrycollection']);

/** What mysql2's typeCast hands over for a field. */
export interface FieldLike {
  string(): string | null;
  buffer(): Buffer | null;
}

/** A value exactly as SQL: NULL, 0x… for bytes, a quoted string otherwise (numbers too: the server converts exactly). */
export function literal(field: FieldLike, binary: boolean): string {
  if (binary) {
    const b = field.buffer();
    return b === null ? 'NULL' : b.length ? `0x${b.toString('hex')}` : "''";
  }
  const s = field.string();
  return s === null ? 'NULL' : quote(s);
}

/** A string literal safe in any sql_mode (backslashes and quotes escaped, control bytes spelled out). */
const NEEDS_ESCAPE = /[\0\n\r\b\t\x1a'"\\]/;

export function quote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `'${s}'`;
  return `'${s.replace(/[\0\n\r\b\t\x1a'"\\]/g, (c) => ({ '\0': '\\0', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\t': '\\t', '\x1a': '\\Z', "'": "\\'", '"': '\\"', '\\': '\\\\' })[c]!)}'`;
}

/**
 * A table's checksum. 'sum64' is order-independent: the sum (mod 2^64) of each row's SHA-1
 * prefix — for tables without a primary key, read in whatever order the server gives.
 * 'ordered' is one SHA-1 over every row's tuple text and a newline, in primary-key order:
 * far cheaper, as export and verification both read by primary key.
 */
export class TableChecksum {
  rows = 0;
  private sum = 0n;
  private hash?: crypto.Hash;

  constructor(readonly kind: 'sum64' | 'ordered' = 'sum64') {
    if (kind === 'ordered') this.hash = crypto.createHash('sha1');
  }

  /** a row as its literals (or as the tuple text those literals make) */
  add(row: string[] | string): void {
    this.rows++;
    const text = typeof row === 'string' ? row : `(${row.join(',')})`;
    if (this.hash) {
      this.hash.update(text);
      this.hash.update('\n');
      return;
    }
    const h = crypto.hash ? (crypto.hash('sha1', text, 'buffer') as Buffer) : crypto.createHash('sha1').update(text).digest();
    this.sum = (this.sum + h.readBigUInt64BE(0)) & 0xffffffffffffffffn;
  }

  /** many rows' tuple texts at once, already joined by newlines (ordered only) */
  addJoined(text: string, rows: number): void {
    if (!this.hash) throw new Error('addJoined needs an ordered checksum');
    this.rows += rows;
    this.hash.update(text);
    this.hash.update('\n');
  }

  private done?: string;
  get value(): string {
    if (this.hash) return (this.done ??= this.hash.digest('hex').slice(0, 16));
    return this.sum.toString(16).padStart(16, '0');
  }
}
