// Import a logical backup: the SQL file read as a stream and split into statements
// (quotes, escapes and comments respected; gzip detected), each run in order on one
// connection with progress. A failure reports the statement number, its start and
// how far the import got; verification compares every table with the manifest.
// No VS Code imports.
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import type * as mysql from 'mysql2/promise';
import { checksumTable } from './export';
import { HashWorker } from './hashWorker';
import { MANIFEST_FORMAT, type BackupManifest } from './manifest';
import { valueKind } from './values';

/** Splits SQL text fed in chunks into statements ending with ';' outside quotes and comments. */
export class StatementStream {
  private buf = '';
  private quote: string | undefined;
  private comment: 'line' | 'block' | undefined;
  private escape = false;
  private scanned = 0;

  /** Adds text; returns the statements it completes (without the ';'). */
  push(chunk: string): string[] {
    this.buf += chunk;
    const out: string[] = [];
    let start = 0;
    const s = this.buf;
    let i = this.scanned;
    for (; i < s.length; i++) {
      const c = s[i];
      // a decision that needs the next characters waits for the next chunk
      if ((c === '-' || c === '/' || (c === '*' && this.comment === 'block')) && i + 3 >= s.length && !this.final) break;
      if (this.comment === 'line') {
        if (c === '\n') this.comment = undefined;
        continue;
      }
      if (this.comment === 'block') {
        if (c === '*' && s[i + 1] === '/') {
          this.comment = undefined;
          i++;
        }
        continue;
      }
      if (this.quote) {
        if (this.escape) this.escape = false;
        else if (c === '\\' && this.quote !== '`') this.escape = true;
        else if (c === this.quote) this.quote = undefined;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') this.quote = c;
      else if ((c === '-' && s[i + 1] === '-' && (s[i + 2] === ' ' || s[i + 2] === '\n' || s[i + 2] === '\t')) || c === '#') this.comment = 'line';
      else if (c === '/' && s[i + 1] === '*' && s[i + 2] !== '!' && !(s[i + 2] === 'T' && s[i + 3] === '!')) {
        this.comment = 'block';
        i++;
      } else if (c === ';') {
        const stmt = s.slice(start, i).trim();
        if (stmt) out.push(stmt);
        start = i + 1;
      }
    }
    this.buf = s.slice(start);
    this.scanned = i - start;
    return out;
  }

  private final = false;

  /** The statements left at the end (the last may have no ';'). */
  end(): string[] {
    this.final = true;
    const out = this.push('');
    const rest = this.buf.trim();
    this.buf = '';
    if (rest && !/^(--|#)/.test(rest) && !this.comment) out.push(rest);
    return out;
  }
}

export class ImportError extends Error {
  constructor(message: string, readonly statementNumber: number, readonly statement: string, readonly byteOffset: number, readonly completedTables: string[]) {
    super(message);
  }
}

export interface ImportOptions {
  /** the target is TiDB: run /*T! ... *\/ statements (other servers see them as empty) */
  tidb?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { bytes: number; totalBytes: number; statements: number; table?: string }) => void;
}

/** Comment-only statements are skipped; a /*T! ... *\/ one runs on TiDB only. */
const isEmpty = (sql: string, tidb: boolean) => sql.replace(tidb ? /\/\*(?![!T])[\s\S]*?\*\/|--[^\n]*|#[^\n]*/g : /\/\*(?!!)[\s\S]*?\*\/|--[^\n]*|#[^\n]*/g, '').trim() === '';

export async function importLogical(c: mysql.Connection, file: string, opts: ImportOptions = {}): Promise<{ statements: number; tables: string[] }> {
  const totalBytes = fs.statSync(file).size;
  const head = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 2, 0);
  fs.closeSync(fd);
  const raw = fs.createReadStream(file);
  const gz = head[0] === 0x1f && head[1] === 0x8b;
  const input: NodeJS.ReadableStream = gz ? raw.pipe(zlib.createGunzip()) : raw;
  const splitter = new StatementStream();
  let statements = 0;
  let current: string | undefined;
  const tables: string[] = [];
  const run = async (sql: string) => {
    if (isEmpty(sql, !!opts.tidb)) return;
    statements++;
    if (opts.signal?.aborted) throw new ImportError('cancelled', statements, sql.slice(0, 200), raw.bytesRead, [...tables]);
    const created = /^CREATE TABLE\s+(`(?:[^`]|``)+`|\S+)/i.exec(sql);
    try {
      await c.query(sql);
    } catch (e) {
      const err = e as { errno?: number; message: string };
      throw new ImportError(`Statement ${statements} failed${err.errno ? ` (error ${err.errno})` : ''}: ${err.message}`, statements, sql.length > 300 ? `${sql.slice(0, 300)}…` : sql, raw.bytesRead, [...tables]);
    }
    if (created) {
      if (current) tables.push(current);
      current = created[1].replace(/^`|`$/g, '').replace(/``/g, '`');
    }
    opts.onProgress?.({ bytes: raw.bytesRead, totalBytes, statements, table: current });
  };
  for await (const chunk of input) {
    for (const sql of splitter.push(chunk.toString())) await run(sql);
  }
  for (const sql of splitter.end()) await run(sql);
  if (current) tables.push(current);
  return { statements, tables };
}

export interface VerifyResult {
  ok: boolean;
  tables: Array<{ database: string; table: string; expectedRows: number; rows: number; expectedChecksum: string; checksum: string; ok: boolean; error?: string }>;
  missingViews: string[];
  /** why nothing could be compared (a manifest this version cannot check) */
  error?: string;
}

/** Recomputes every table's rows and checksum on the target and compares with the manifest. */
export async function verifyAgainstManifest(c: mysql.Connection, manifest: BackupManifest, mapDb: (db: string) => string = (d) => d): Promise<VerifyResult> {
  const result: VerifyResult = { ok: true, tables: [], missingViews: [] };
  if (manifest.format !== MANIFEST_FORMAT) return { ...result, ok: false, error: `the manifest's format is ${manifest.format}, this version checks ${MANIFEST_FORMAT} (its checksums are computed differently): the data was restored but not verified` };
  const hasher = new HashWorker();
  try {
    await verifyTables(c, manifest, mapDb, result, hasher);
  } finally {
    await hasher.close();
  }
  if (result.missingViews.length) result.ok = false;
  return result;
}

async function verifyTables(c: mysql.Connection, manifest: BackupManifest, mapDb: (db: string) => string, result: VerifyResult, hasher: HashWorker): Promise<void> {
  for (const db of manifest.databases) {
    const target = mapDb(db.name);
    for (const t of db.tables) {
      const row = { database: target, table: t.name, expectedRows: t.rows, rows: -1, expectedChecksum: t.checksum, checksum: '', ok: false } as VerifyResult['tables'][number];
      try {
        const [cols] = await c.query<mysql.RowDataPacket[]>('SELECT COLUMN_NAME AS c, DATA_TYPE AS d FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', [target, t.name]);
        const kinds = new Map(cols.map((r) => [String(r.c), valueKind(String(r.d))]));
        if (!cols.length) throw new Error('the table does not exist');
        const sum = await checksumTable(c, target, t.name, t.columns, kinds, t.checksumKind === 'ordered' ? t.orderBy : undefined, hasher);
        Object.assign(row, { rows: sum.rows, checksum: sum.value, ok: sum.rows === t.rows && sum.value === t.checksum });
      } catch (e) {
        row.error = (e as Error).message;
      }
      if (!row.ok) result.ok = false;
      result.tables.push(row);
    }
    if (db.views.length) {
      const [vs] = await c.query<mysql.RowDataPacket[]>("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'VIEW'", [target]);
      const have = new Set(vs.map((r) => String(r.t)));
      for (const v of db.views) if (!have.has(v)) result.missingViews.push(`${target}.${v}`);
    }
  }
}

/** Refuses to import over existing tables: the names that are in the way. */
export async function existingTables(c: mysql.Connection, manifest: BackupManifest): Promise<string[]> {
  const out: string[] = [];
  for (const db of manifest.databases) {
    const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [db.name]);
    const have = new Set(rows.map((r) => String(r.t)));
    for (const t of [...db.tables.map((x) => x.name), ...db.views]) if (have.has(t)) out.push(`${db.name}.${t}`);
  }
  return out;
}
