// Exact SQL literals for exported rows, and the checksum the manifest keeps per table.
// Values arrive as the server's own bytes (mysql2 typeCast: false) and are written as
// bytes: never through JavaScript numbers, dates or strings, so nothing is rounded or
// re-encoded, and a gigabyte of rows costs one pass over its bytes. No VS Code imports.
import * as crypto from 'node:crypto';
import type { Sha1Stream } from './hashWorker';

/** Column types whose values are bytes: written as 0x… hex. */
export const BINARY_DATA_TYPES = new Set([
  'binary',
  'varbinary',
  'tinyblob',
  'blob',
  'mediumblob',
  'longblob',
  'bit',
  'geometry',
  'point',
  'linestring',
  'polygon',
  'multipoint',
  'multilinestring',
  'multipolygon',
  'geometrycollection',
]);

/** Column types whose text the server sends is a numeric literal already: written as is. */
export const NUMERIC_DATA_TYPES = new Set([
  'tinyint',
  'smallint',
  'mediumint',
  'int',
  'integer',
  'bigint',
  'decimal',
  'numeric',
  'float',
  'double',
  'real',
]);

/** How a column's values are written: quoted text, 0x… bytes, or a bare number. */
export enum ValueKind {
  Text = 0,
  Binary = 1,
  Number = 2,
}

export function valueKind(dataType: string): ValueKind {
  const d = dataType.toLowerCase();
  return BINARY_DATA_TYPES.has(d) ? ValueKind.Binary : NUMERIC_DATA_TYPES.has(d) ? ValueKind.Number : ValueKind.Text;
}

/** A string literal safe in any sql_mode but NO_BACKSLASH_ESCAPES (the dump resets sql_mode). */
const NEEDS_ESCAPE = /[\0\n\r\b\t\x1a'"\\]/;

export function quote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `'${s}'`;
  return `'${s.replace(/[\0\n\r\b\t\x1a'"\\]/g, (c) => ({ '\0': '\\0', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\t': '\\t', '\x1a': '\\Z', "'": "\\'", '"': '\\"', '\\': '\\\\' })[c]!)}'`;
}

/** For each byte: 0 to copy it, else the letter that follows the backslash (as quote() does). */
const ESCAPE = new Uint8Array(256);
for (const [c, e] of [
  [0, '0'],
  [10, 'n'],
  [13, 'r'],
  [8, 'b'],
  [9, 't'],
  [26, 'Z'],
  [39, "'"],
  [34, '"'],
  [92, '\\'],
] as const)
  ESCAPE[c] = e.charCodeAt(0);
const HEX = Buffer.from('0123456789abcdef');
const SEP = Buffer.from(',\n');

/**
 * Rows as VALUES tuples — `(v1,v2,…)` joined by `,\n` — written straight into a byte buffer
 * from the server's text-protocol row payloads: NULL as NULL, binary columns as 0x… (or ''
 * when empty), numbers as the server printed them (as mysqldump does), every other value
 * quoted with quote()'s escapes. UTF-8 needs no care: every byte that is escaped is ASCII,
 * and no byte of a multi-byte character is.
 */
export class TupleWriter {
  private buf: Buffer;
  private len = 0;
  private bodyStart = 0;
  /** rows since the last take() */
  rows = 0;
  /** the last row's tuple: [start, end) */
  private rowStart = 0;

  constructor(
    private readonly kinds: readonly ValueKind[],
    private readonly head: Buffer = Buffer.alloc(0),
    private readonly capacity = 1 << 21,
  ) {
    this.buf = Buffer.allocUnsafe(capacity);
    this.begin();
  }

  private begin(): void {
    this.len = 0;
    this.rows = 0;
    this.reserve(this.head.length);
    this.head.copy(this.buf, 0);
    this.len = this.bodyStart = this.head.length;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }

  /** bytes written since the last take() */
  get size(): number {
    return this.len;
  }

  /**
   * Appends one row from a text-protocol row payload, p[start, end): a length-encoded
   * string per column, 0xfb for NULL.
   */
  addPayload(p: Uint8Array, start: number, end: number): void {
    const columns = this.kinds.length;
    // the longest a row can become: every byte escaped or hex, plus quotes, commas, NULLs
    this.reserve(2 * (end - start) + 4 * columns + 4);
    const b = this.buf;
    let o = this.len;
    if (this.rows > 0) {
      b[o++] = 0x2c; // ,
      b[o++] = 0x0a; // \n
    }
    this.rowStart = o;
    b[o++] = 0x28; // (
    let i = start;
    for (let col = 0; col < columns; col++) {
      if (col > 0) b[o++] = 0x2c;
      if (i >= end) throw new Error(`row payload has fewer than ${columns} values`);
      let n = p[i++];
      if (n === 0xfb) {
        b[o++] = 0x4e; // NULL
        b[o++] = 0x55;
        b[o++] = 0x4c;
        b[o++] = 0x4c;
        continue;
      }
      if (n === 0xfc) {
        n = p[i] | (p[i + 1] << 8);
        i += 2;
      } else if (n === 0xfd) {
        n = p[i] | (p[i + 1] << 8) | (p[i + 2] << 16);
        i += 3;
      } else if (n === 0xfe) {
        n =
          (p[i] | (p[i + 1] << 8) | (p[i + 2] << 16)) +
          p[i + 3] * 0x1000000 +
          ((p[i + 4] | (p[i + 5] << 8) | (p[i + 6] << 16) | (p[i + 7] << 24)) >>> 0) * 0x100000000;
        i += 8;
      } else if (n > 0xfb) throw new Error(`bad length byte 0x${n.toString(16)} in a row payload`);
      const stop = i + n;
      if (stop > end) throw new Error('row payload shorter than its lengths');
      const kind = this.kinds[col];
      if (kind === ValueKind.Number && n > 0) {
        for (; i < stop; i++) b[o++] = p[i];
        continue;
      }
      if (kind === ValueKind.Binary && n > 0) {
        b[o++] = 0x30; // 0x
        b[o++] = 0x78;
        for (; i < stop; i++) {
          b[o++] = HEX[p[i] >> 4];
          b[o++] = HEX[p[i] & 15];
        }
        continue;
      }
      b[o++] = 0x27; // '
      for (; i < stop; i++) {
        const c = p[i];
        // every byte that needs a backslash is below '(' or is '\' itself
        if (c >= 0x28 && c !== 0x5c) b[o++] = c;
        else {
          const e = ESCAPE[c];
          if (e === 0) b[o++] = c;
          else {
            b[o++] = 0x5c; // \
            b[o++] = e;
          }
        }
      }
      b[o++] = 0x27;
    }
    if (i !== end) throw new Error(`row payload has more than ${columns} values`);
    b[o++] = 0x29; // )
    this.len = o;
    this.rows++;
  }

  /** the tuple just written (valid until the next add or take) */
  lastRow(): Buffer {
    return this.buf.subarray(this.rowStart, this.len);
  }

  /** the tuples since the last take(), joined by `,\n` (valid until the next add or take) */
  body(): Buffer {
    return this.buf.subarray(this.bodyStart, this.len);
  }

  /** head + tuples + `terminator`, and starts over with a fresh buffer */
  take(terminator = ''): Buffer {
    this.reserve(terminator.length);
    this.len += this.buf.write(terminator, this.len, 'latin1');
    const out = this.buf.subarray(0, this.len);
    this.buf = Buffer.allocUnsafe(this.capacity);
    this.begin();
    return out;
  }
}

/**
 * A table's checksum. 'ordered': one SHA-1 over every row's tuple followed by `,\n`, in
 * primary-key order (export and verification both read by primary key). 'sum64' is
 * order-independent, for tables without a primary key: the sum (mod 2^64) of each
 * tuple's SHA-1 prefix, in whatever order the server gives the rows.
 */
export class TableChecksum {
  rows = 0;
  private sum = 0n;
  private readonly hash?: Sha1Stream;
  private done?: string;

  /** ordered checksums hash in `hasher` (a worker's stream) when given, here otherwise */
  constructor(
    readonly kind: 'sum64' | 'ordered' = 'sum64',
    hasher?: Sha1Stream,
  ) {
    if (kind === 'ordered') this.hash = hasher ?? inlineSha1();
  }

  /** one row's tuple (sum64) */
  add(tuple: Buffer | string): void {
    if (this.hash) throw new Error('add is for order-free checksums: use addBody');
    this.rows++;
    const h = crypto.hash ? (crypto.hash('sha1', tuple, 'buffer') as Buffer) : crypto.createHash('sha1').update(tuple).digest();
    this.sum = (this.sum + h.readBigUInt64BE(0)) & 0xffffffffffffffffn;
  }

  /** many rows' tuples at once, joined by `,\n` as TupleWriter.body() gives them (ordered) */
  addBody(body: Buffer, rows: number): void {
    if (!this.hash) throw new Error('addBody needs an ordered checksum');
    if (rows === 0) return;
    this.rows += rows;
    this.hash.update(body);
    this.hash.update(SEP);
  }

  /** waits for the hash (ordered checksums may be computed on another thread) */
  async finish(): Promise<this> {
    if (this.hash && this.done === undefined) this.done = (await this.hash.digest()).slice(0, 16);
    return this;
  }

  get value(): string {
    if (this.hash) {
      if (this.done === undefined) throw new Error('ordered checksum read before finish()');
      return this.done;
    }
    return this.sum.toString(16).padStart(16, '0');
  }
}

function inlineSha1(): Sha1Stream {
  const h = crypto.createHash('sha1');
  return { update: (b) => void h.update(b), digest: async () => h.digest('hex') };
}
