// Logical export that works on any MySQL-protocol server: a consistent snapshot
// (tidb_snapshot on TiDB across parallel connections; START TRANSACTION WITH
// CONSISTENT SNAPSHOT elsewhere), SHOW CREATE kept verbatim (TiDB's /*T![...] */
// comments survive), tables before views in dependency order, rows streamed with
// back-pressure as exact literals, generated columns left out, optional gzip, and a
// manifest with row counts and checksums. The output is plain SQL the mysql client
// can load too. No VS Code imports.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as zlib from 'node:zlib';
import { escapeId } from 'mysql2';
import type * as mysql from 'mysql2/promise';
import type { ServerInfo } from '../../connections/driver';
import { manifestPath, type BackupManifest } from './manifest';
import { BINARY_DATA_TYPES, literal, TableChecksum, type FieldLike } from './values';

export interface ExportOptions {
  databases: string[];
  /** only these tables (per database); all when absent */
  tables?: Record<string, string[]>;
  file: string;
  gzip?: boolean;
  /** parallel table readers on TiDB (tidb_snapshot makes them consistent) */
  parallel?: number;
  signal?: AbortSignal;
  onProgress?: (p: { table: string; rows: number; tablesDone: number; tablesTotal: number; bytes: number }) => void;
}

export interface TableInfo {
  name: string;
  kind: 'table' | 'view';
  columns: Array<{ name: string; binary: boolean; generated: boolean; large?: boolean }>;
  /** primary key columns, in key order (empty: no primary key) */
  primaryKey: string[];
}

/** SQL that makes the server print a row as its VALUES tuple: QUOTE() for text and numbers, 0x… for bytes. */
export function rowTupleSql(cols: Array<{ name: string; binary: boolean }>): string {
  const parts = cols.map((c) => (c.binary ? `IF(${escapeId(c.name)} IS NULL, 'NULL', IF(LENGTH(${escapeId(c.name)}) = 0, '''''', CONCAT('0x', LOWER(HEX(CAST(${escapeId(c.name)} AS BINARY))))))` : `QUOTE(${escapeId(c.name)})`));
  return `CONCAT('(', ${parts.join(", ',', ")}, ')')`;
}

/** A source of connections to the server (a pool, or a factory in tests). */
export interface ConnectionSource {
  get(): Promise<mysql.Connection>;
  release(c: mysql.Connection): Promise<void>;
}

const INSERT_BYTES = 1 << 20;

async function tablesOf(c: mysql.Connection, db: string, only?: string[]): Promise<TableInfo[]> {
  const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT TABLE_NAME AS t, TABLE_TYPE AS k FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME', [db]);
  const [cols] = await c.query<mysql.RowDataPacket[]>('SELECT TABLE_NAME AS t, COLUMN_NAME AS c, DATA_TYPE AS d, EXTRA AS e FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION', [db]);
  const byTable = new Map<string, TableInfo['columns']>();
  for (const r of cols) {
    const list = byTable.get(String(r.t)) ?? [];
    const d = String(r.d).toLowerCase();
    list.push({ name: String(r.c), binary: BINARY_DATA_TYPES.has(d), generated: /GENERATED/i.test(String(r.e ?? '')), large: /blob|text|json|geometry|long/.test(d) });
    byTable.set(String(r.t), list);
  }
  const [pks] = await c.query<mysql.RowDataPacket[]>("SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND INDEX_NAME = 'PRIMARY' ORDER BY TABLE_NAME, SEQ_IN_INDEX", [db]);
  const pkOf = new Map<string, string[]>();
  for (const r of pks) pkOf.set(String(r.t), [...(pkOf.get(String(r.t)) ?? []), String(r.c)]);
  return rows
    .filter((r) => !/SEQUENCE/i.test(String(r.k)) && (!only || only.includes(String(r.t))))
    .map((r) => ({ name: String(r.t), kind: /VIEW/i.test(String(r.k)) ? 'view' : 'table', columns: byTable.get(String(r.t)) ?? [], primaryKey: pkOf.get(String(r.t)) ?? [] }));
}

/** Views in an order where each comes after the views it reads. */
export function orderViews(views: Array<{ name: string; ddl: string }>): Array<{ name: string; ddl: string }> {
  const names = new Set(views.map((v) => v.name));
  const deps = new Map(views.map((v) => [v.name, [...names].filter((n) => n !== v.name && new RegExp(`\`${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\``).test(v.ddl.slice(v.ddl.search(/\bAS\b/i))))]));
  const out: Array<{ name: string; ddl: string }> = [];
  const seen = new Set<string>();
  const visit = (v: { name: string; ddl: string }, stack: Set<string>) => {
    if (seen.has(v.name) || stack.has(v.name)) return;
    stack.add(v.name);
    for (const d of deps.get(v.name) ?? []) visit(views.find((x) => x.name === d)!, stack);
    seen.add(v.name);
    out.push(v);
  };
  for (const v of views) visit(v, new Set());
  return out;
}

/** DEFINER=`user`@`host` names a user the target may not have: dropped, the view runs as its creator there. */
export function portableViewDdl(ddl: string): string {
  return ddl.replace(/\s+DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`/i, '');
}

class Out {
  bytes = 0;
  private stream: fs.WriteStream;
  private sink: NodeJS.WritableStream;
  constructor(file: string, gzip: boolean) {
    this.stream = fs.createWriteStream(file);
    this.sink = gzip ? zlib.createGzip() : this.stream;
    if (gzip) (this.sink as zlib.Gzip).pipe(this.stream);
  }
  /** false when the caller should wait for drain */
  write(s: string): boolean {
    this.bytes += Buffer.byteLength(s);
    return this.sink.write(s);
  }
  drain(): Promise<void> {
    return new Promise((r) => this.sink.once('drain', () => r()));
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('finish', () => resolve());
      this.stream.once('error', reject);
      this.sink.end();
    });
  }
}

/** Streams one table's rows as INSERT statements, pausing the connection when the file is behind. */
function dumpRows(c: mysql.Connection, db: string, t: TableInfo, out: Out, onRows: (n: number) => void, signal?: AbortSignal): Promise<TableChecksum> {
  const cols = t.columns.filter((x) => !x.generated);
  const ordered = t.primaryKey.length > 0;
  const sum = new TableChecksum(ordered ? 'ordered' : 'sum64');
  const orderBy = ordered ? ` ORDER BY ${t.primaryKey.map((k) => escapeId(k)).join(', ')}` : '';
  if (cols.length === 0) return Promise.resolve(sum);
  const head = `INSERT INTO ${escapeId(t.name)} (${cols.map((x) => escapeId(x.name)).join(', ')}) VALUES\n`;
  const core = (c as unknown as { connection: import('mysql2').Connection }).connection;
  return new Promise((resolve, reject) => {
    let batch: string[] = [];
    let seen = 0;
    let size = 0;
    const flush = () => {
      if (!batch.length) return true;
      if (ordered) sum.addJoined(batch.join('\n'), batch.length);
      const ok = out.write(`${head}${batch.join(',\n')};\n`);
      batch = [];
      size = 0;
      return ok;
    };
    let i = 0;
    // Tables without possibly huge columns: the server formats each row as one tuple
    // (QUOTE / HEX), so the client parses one value per row. Others: per value here.
    const serverSide = !cols.some((x) => x.large);
    const q = serverSide
      ? core.query({ sql: `SELECT ${rowTupleSql(cols)} FROM ${escapeId(db)}.${escapeId(t.name)}${orderBy}`, rowsAsArray: true })
      : core.query({
        sql: `SELECT ${cols.map((x) => escapeId(x.name)).join(', ')} FROM ${escapeId(db)}.${escapeId(t.name)}${orderBy}`,
        rowsAsArray: true,
        typeCast: ((field: FieldLike) => literal(field, cols[i++ % cols.length].binary)) as never,
      });
    q.on('result', (row: unknown) => {
      const tuple = serverSide ? String((row as unknown[])[0]) : `(${(row as string[]).join(',')})`;
      if (!ordered) sum.add(tuple);
      batch.push(tuple);
      size += tuple.length;
      seen++;
      if (seen % 10_000 === 0) onRows(seen);
      if (signal?.aborted) {
        core.destroy();
        reject(new Error('cancelled'));
        return;
      }
      if (size >= INSERT_BYTES && !flush()) {
        core.pause();
        void out.drain().then(() => core.resume());
      }
    });
    q.on('error', (e: Error) => reject(e));
    q.on('end', () => {
      flush();
      onRows(seen);
      resolve(sum);
    });
  });
}

export async function exportLogical(source: ConnectionSource, server: ServerInfo, opts: ExportOptions): Promise<BackupManifest> {
  const out = new Out(opts.file, !!opts.gzip);
  const isTidb = server.flavor === 'tidb';
  const manifest: BackupManifest = {
    format: 'tidb-toolkit-logical/1',
    createdAt: new Date().toISOString(),
    server: { flavor: server.flavor, version: server.version },
    consistency: isTidb ? 'tidb_snapshot' : 'consistent-snapshot-transaction',
    file: opts.file,
    gzip: !!opts.gzip,
    bytes: 0,
    databases: [],
  };
  const main = await source.get();
  const extra: mysql.Connection[] = [];
  try {
    await main.query("SET SESSION time_zone = '+00:00'");
    let snapshot: string | undefined;
    const readers: mysql.Connection[] = [main];
    // Parallel readers pay off on TiDB (the work is in the cluster) and on big machines; on a
    // small one the server and this process already share the cores (measured: 2 cores, 1 GB:
    // one reader 7.1 s, four 9.1 s), so MySQL/MariaDB get one reader per four cores.
    const want = Math.max(1, opts.parallel ?? (isTidb ? 4 : Math.min(4, Math.floor(os.availableParallelism() / 4))));
    if (isTidb) {
      // one timestamp for every reader
      await main.query('START TRANSACTION');
      const [r] = await main.query<mysql.RowDataPacket[]>('SELECT @@tidb_current_ts AS ts');
      snapshot = String(r[0].ts);
      await main.query('COMMIT');
      await main.query('SET @@tidb_snapshot = ?', [snapshot]);
      for (let k = 1; k < want; k++) {
        const c = await source.get();
        await c.query("SET SESSION time_zone = '+00:00'");
        await c.query('SET @@tidb_snapshot = ?', [snapshot]);
        extra.push(c);
        readers.push(c);
      }
    } else {
      // Parallel readers share one snapshot when they all start it under a brief global read
      // lock (as mydumper does); without the RELOAD privilege one reader does everything.
      let locked = false;
      if (want > 1) {
        try {
          await main.query('FLUSH TABLES WITH READ LOCK');
          locked = true;
          for (let k = 1; k < want; k++) {
            const c = await source.get();
            await c.query("SET SESSION time_zone = '+00:00'");
            await c.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
            await c.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
            extra.push(c);
            readers.push(c);
          }
        } catch {
          for (const c of extra.splice(0)) await source.release(c);
          readers.length = 1;
        }
      }
      await main.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await main.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
      if (locked) await main.query('UNLOCK TABLES');
    }
    out.write(`-- TiDB Toolkit logical backup: ${opts.databases.join(', ')} from ${server.flavor} ${server.version} at ${manifest.createdAt}${snapshot ? ` (tidb_snapshot ${snapshot})` : ''}\n`);
    out.write("SET NAMES utf8mb4;\nSET time_zone = '+00:00';\nSET FOREIGN_KEY_CHECKS = 0;\nSET UNIQUE_CHECKS = 0;\nSET SQL_MODE = 'NO_AUTO_VALUE_ON_ZERO';\n");
    if (isTidb) out.write('/*T! SET @@allow_auto_random_explicit_insert = 1 */;\n');
    const plan: Array<{ db: string; tables: TableInfo[] }> = [];
    for (const db of opts.databases) plan.push({ db, tables: await tablesOf(main, db, opts.tables?.[db]) });
    const total = plan.reduce((n, p) => n + p.tables.filter((t) => t.kind === 'table').length, 0);
    let done = 0;
    for (const { db, tables } of plan) {
      const [dbRow] = await main.query<mysql.RowDataPacket[]>(`SHOW CREATE DATABASE ${escapeId(db)}`);
      out.write(`\n${String(dbRow[0]['Create Database']).replace(/^CREATE DATABASE/i, 'CREATE DATABASE IF NOT EXISTS').replace(/IF NOT EXISTS\s+\/\*!32312 IF NOT EXISTS\*\//i, 'IF NOT EXISTS')};\nUSE ${escapeId(db)};\n`);
      const entry: BackupManifest['databases'][number] = { name: db, tables: [], views: [] };
      manifest.databases.push(entry);
      const baseTables = tables.filter((t) => t.kind === 'table');
      for (const t of baseTables) {
        const [r] = await main.query<mysql.RowDataPacket[]>(`SHOW CREATE TABLE ${escapeId(db)}.${escapeId(t.name)}`);
        out.write(`\n${String(r[0]['Create Table'])};\n`);
      }
      // table data: with several readers each table goes to its own temporary file, appended in order
      const results = new Map<string, { sum: TableChecksum }>();
      if (readers.length === 1) {
        for (const t of baseTables) {
          const sum = await dumpRows(main, db, t, out, (n) => opts.onProgress?.({ table: `${db}.${t.name}`, rows: n, tablesDone: done, tablesTotal: total, bytes: out.bytes }), opts.signal);
          results.set(t.name, { sum });
          done++;
        }
      } else {
        const queue = [...baseTables];
        const parts = new Map<string, string>();
        await Promise.all(readers.map(async (c) => {
          for (let t = queue.shift(); t; t = queue.shift()) {
            const part = `${opts.file}.part-${parts.size}-${process.pid}`;
            parts.set(t.name, part);
            const partOut = new Out(part, false);
            try {
              const sum = await dumpRows(c, db, t, partOut, (n) => opts.onProgress?.({ table: `${db}.${t!.name}`, rows: n, tablesDone: done, tablesTotal: total, bytes: out.bytes }), opts.signal);
              results.set(t.name, { sum });
            } finally {
              await partOut.close();
            }
            done++;
          }
        }));
        // tables in their order, each copied from its part file
        for (const t of baseTables) {
          const part = parts.get(t.name)!;
          for await (const chunk of fs.createReadStream(part, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
            if (!out.write(chunk as string)) await out.drain();
          }
          fs.rmSync(part, { force: true });
        }
      }
      for (const t of baseTables) {
        const sum = results.get(t.name)!.sum;
        const kept = t.columns.filter((x) => !x.generated);
        entry.tables.push({ name: t.name, rows: sum.rows, checksum: sum.value, columns: kept.map((x) => x.name), rowFormat: kept.some((x) => x.large) ? 'client' : 'server', checksumKind: sum.kind, orderBy: t.primaryKey.length ? t.primaryKey : undefined });
      }
      const views: Array<{ name: string; ddl: string }> = [];
      for (const v of tables.filter((t) => t.kind === 'view')) {
        const [r] = await main.query<mysql.RowDataPacket[]>(`SHOW CREATE VIEW ${escapeId(db)}.${escapeId(v.name)}`);
        views.push({ name: v.name, ddl: portableViewDdl(String(r[0]['Create View'])) });
      }
      for (const v of orderViews(views)) {
        out.write(`\n${v.ddl};\n`);
        entry.views.push(v.name);
      }
    }
    out.write('\nSET FOREIGN_KEY_CHECKS = 1;\nSET UNIQUE_CHECKS = 1;\n-- end of backup\n');
    if (!isTidb) await main.query('COMMIT');
  } finally {
    await out.close();
    await source.release(main);
    for (const c of extra) await source.release(c);
  }
  manifest.bytes = fs.statSync(opts.file).size;
  fs.writeFileSync(manifestPath(opts.file), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Reads a table back the way export did and returns its checksum (for verification). */
export async function checksumTable(c: mysql.Connection, db: string, table: string, columns: string[], binary: Set<string>, rowFormat: 'server' | 'client' = 'client', orderBy?: string[]): Promise<TableChecksum> {
  const sum = new TableChecksum(orderBy?.length ? 'ordered' : 'sum64');
  const order = orderBy?.length ? ` ORDER BY ${orderBy.map((k) => escapeId(k)).join(', ')}` : '';
  const core = (c as unknown as { connection: import('mysql2').Connection }).connection;
  await new Promise<void>((resolve, reject) => {
    let i = 0;
    const from = `FROM ${escapeId(db)}.${escapeId(table)}`;
    const q = rowFormat === 'server'
      ? core.query({ sql: `SELECT ${rowTupleSql(columns.map((name) => ({ name, binary: binary.has(name) })))} ${from}${order}`, rowsAsArray: true })
      : core.query({ sql: `SELECT ${columns.map((x) => escapeId(x)).join(', ')} ${from}${order}`, rowsAsArray: true, typeCast: ((f: FieldLike) => literal(f, binary.has(columns[i++ % columns.length]))) as never });
    q.on('result', (row: unknown) => sum.add(rowFormat === 'server' ? String((row as unknown[])[0]) : (row as string[])));
    q.on('error', reject);
    q.on('end', () => resolve());
  });
  return sum;
}

export { tablesOf };
