// What the analysis knows about tables, views and databases. Rules read it
// through `SchemaModel`; the file's own CREATE statements fill `FileSchema`
// as statements are processed, and a live schema from a connected database can
// be layered underneath through `SchemaProvider`.
import type { ColumnDef, CreateTable, IndexDef, PartitionDef } from './ddl';
import { INTEGER_TYPES } from './ddl';
import type { Stmt } from './statement';
import type { Version } from './version';

export interface ColumnInfo {
  name: string;
  /** upper-cased base type */
  type: string;
  args: string[];
  unsigned: boolean;
  charset?: string;
  collation?: string;
  /** declared with the BINARY attribute: the charset's _bin collation */
  binary?: boolean;
  autoIncrement: boolean;
  autoRandom: boolean;
  generated?: 'stored' | 'virtual';
  /** DEFAULT CURRENT_TIMESTAMP / NOW() / LOCALTIME... (insert-time) */
  defaultNow: boolean;
}

export interface TableInfo {
  db?: string;
  name: string;
  columns: Map<string, ColumnInfo>;
  primaryKey?: { columns: string[]; clustered?: 'CLUSTERED' | 'NONCLUSTERED' };
  partition?: { type: string; linear: boolean };
  temporary?: 'local' | 'global';
  charset?: string;
  collation?: string;
  /** index names, lower-cased */
  indexes: Set<string>;
  /** lower-cased index name (`primary`; a column-level UNIQUE is named after its column) -> its lower-cased columns */
  indexColumns?: Map<string, string[]>;
  /** created by CREATE TABLE ... LIKE a table the file does not define: columns, keys and charset are unknown */
  copiedFromUnknown?: boolean;
  /** rows on the live server (information_schema.TABLES.TABLE_ROWS), when the file has a connection */
  rows?: number;
}

/** A schema question a rule asked: kind (t table, f created in file, v view, d database), db, name, and the answer's fingerprint. */
export type SchemaLookup = [kind: 't' | 'f' | 'v' | 'd' | 'r' | 'R', db: string | undefined, name: string, fingerprint: string];

export interface DatabaseInfo {
  name: string;
  charset?: string;
  collation?: string;
}

/** A source of schema facts, e.g. a connected database. */
export interface SchemaProvider {
  table(db: string | undefined, name: string): TableInfo | undefined;
  isView(db: string | undefined, name: string): boolean;
  database(name: string): DatabaseInfo | undefined;
}

const key = (db: string | undefined, name: string) => `${(db ?? '').toLowerCase()}\u0000${name.toLowerCase()}`;

/**
 * The schema as the file defines it so far. Unqualified names resolve against
 * the current database; a name created without a database and looked up with one
 * (or the reverse) still matches, since the file rarely says which database it runs in.
 */
export class FileSchema implements SchemaProvider {
  private tables = new Map<string, TableInfo>();
  private views = new Set<string>();
  private databases = new Map<string, DatabaseInfo>();
  /** stored functions created earlier in this file (lower-cased name -> the name as written) */
  private functions = new Map<string, string>();
  /** the current database (USE x) */
  currentDb?: string;

  /**
   * When set, every lookup is recorded with a fingerprint of its answer: the
   * engine's cache reuses a statement's findings only while the schema facts
   * its rules looked at are unchanged.
   */
  lookups?: Map<string, SchemaLookup>;

  constructor(private readonly fallback?: SchemaProvider) {}

  table(db: string | undefined, name: string): TableInfo | undefined {
    const d = db ?? this.currentDb;
    const t =
      this.tables.get(key(d, name)) ??
      (d !== undefined ? this.tables.get(key(undefined, name)) : undefined) ??
      this.fallback?.table(d, name);
    if (this.lookups) this.lookups.set(`t\u0001${d ?? ''}\u0001${name}`, ['t', d, name, tableFingerprint(t)]);
    return t;
  }

  /** Re-asks a recorded lookup and returns the fingerprint of today's answer. */
  replay(lookup: SchemaLookup): string {
    const [kind, d, name] = lookup;
    const saved = this.lookups;
    this.lookups = undefined;
    try {
      switch (kind) {
        case 't':
          return tableFingerprint(this.table(d, name));
        case 'f':
          return String(this.createdInFile(d, name));
        case 'v':
          return String(this.isView(d, name));
        case 'r':
          return String(this.functionInFile(name) ?? '');
        case 'R':
          return String(this.hasFunctionsInFile());
        default:
          return JSON.stringify(this.database(name) ?? null);
      }
    } finally {
      this.lookups = saved;
    }
  }

  /**
   * Whether the table was created by an earlier statement of this file (a live
   * SchemaProvider underneath does not count): rules that treat such tables as
   * new and empty use this.
   */
  createdInFile(db: string | undefined, name: string): boolean {
    const d = db ?? this.currentDb;
    const r = this.tables.has(key(d, name)) || (d !== undefined && this.tables.has(key(undefined, name)));
    if (this.lookups) this.lookups.set(`f\u0001${d ?? ''}\u0001${name}`, ['f', d, name, String(r)]);
    return r;
  }

  /** A stored function an earlier CREATE FUNCTION of this file defined (any database): its name as written. */
  functionInFile(name: string): string | undefined {
    const r = this.functions.get(name.toLowerCase());
    if (this.lookups) this.lookups.set(`r\u0001\u0001${name}`, ['r', undefined, name, r ?? '']);
    return r;
  }

  /** Whether an earlier CREATE FUNCTION of this file defined any stored function (a statement with none to look up skips its calls). */
  hasFunctionsInFile(): boolean {
    const r = this.functions.size > 0;
    if (this.lookups) this.lookups.set('R', ['R', undefined, '', String(r)]);
    return r;
  }

  addFunction(name: string): void {
    this.functions.set(name.toLowerCase(), name);
  }

  dropFunction(name: string): void {
    this.functions.delete(name.toLowerCase());
  }

  isView(db: string | undefined, name: string): boolean {
    const d = db ?? this.currentDb;
    const r =
      this.views.has(key(d, name)) ||
      (d !== undefined && this.views.has(key(undefined, name))) ||
      (this.fallback?.isView(d, name) ?? false);
    if (this.lookups) this.lookups.set(`v\u0001${d ?? ''}\u0001${name}`, ['v', d, name, String(r)]);
    return r;
  }

  database(name: string): DatabaseInfo | undefined {
    const r = this.databases.get(name.toLowerCase()) ?? this.fallback?.database(name);
    if (this.lookups) this.lookups.set(`d\u0001\u0001${name}`, ['d', undefined, name, JSON.stringify(r ?? null)]);
    return r;
  }

  addDatabase(info: DatabaseInfo): void {
    this.databases.set(info.name.toLowerCase(), info);
  }

  dropDatabase(name: string): void {
    this.databases.delete(name.toLowerCase());
  }

  addTable(t: TableInfo): void {
    this.tables.set(key(t.db ?? this.currentDb, t.name), t);
  }

  dropTable(db: string | undefined, name: string): void {
    this.tables.delete(key(db ?? this.currentDb, name));
    this.tables.delete(key(undefined, name));
  }

  addView(db: string | undefined, name: string): void {
    this.views.add(key(db ?? this.currentDb, name));
  }

  dropView(db: string | undefined, name: string): void {
    this.views.delete(key(db ?? this.currentDb, name));
    this.views.delete(key(undefined, name));
  }
}

/** Everything rules can read of a table, as a string (Maps and Sets included). */
export function tableFingerprint(t: TableInfo | undefined): string {
  if (!t) return '';
  const cached = fingerprints.get(t);
  if (cached !== undefined) return cached;
  const fp = JSON.stringify(t, (_k, v) => (v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v));
  fingerprints.set(t, fp);
  return fp;
}

// Fingerprints per table object; the engine calls tableChanged() when it mutates one.
const fingerprints = new WeakMap<TableInfo, string>();

export function tableChanged(t: TableInfo): void {
  fingerprints.delete(t);
}

const NOW_FUNCS = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP', 'UTC_TIMESTAMP', 'SYSDATE']);

export function columnInfo(s: Stmt, c: ColumnDef): ColumnInfo {
  let defaultNow = false;
  if (c.default) {
    const w = s.word(c.default.start) || s.word(c.default.start + 1);
    defaultNow = NOW_FUNCS.has(w);
  }
  return {
    name: c.name,
    type: c.type?.name ?? '',
    args: c.type?.args ?? [],
    unsigned: c.type?.unsigned ?? false,
    charset: c.charset?.name,
    collation: c.collate?.name,
    binary: c.type?.binary !== undefined ? true : undefined,
    // SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE
    autoIncrement: c.autoIncrement !== undefined || c.type?.name === 'SERIAL',
    autoRandom: c.autoRandom !== undefined,
    generated: c.generated ? (c.generated.stored ? 'stored' : 'virtual') : undefined,
    defaultNow,
  };
}

/** Builds the table facts a CREATE TABLE statement declares. */
export function tableInfoFromCreate(s: Stmt, ct: CreateTable, like?: TableInfo): TableInfo | undefined {
  if (!ct.name) return undefined;
  if (like)
    return {
      ...like,
      db: ct.name.db,
      name: ct.name.name,
      columns: new Map(like.columns),
      indexes: new Set(like.indexes),
      indexColumns: new Map(like.indexColumns ?? []),
      temporary: ct.temporary,
    };
  const columns = new Map<string, ColumnInfo>();
  for (const c of ct.columns) columns.set(c.name.toLowerCase(), columnInfo(s, c));
  const info: TableInfo = {
    db: ct.name.db,
    name: ct.name.name,
    columns,
    temporary: ct.temporary,
    indexes: new Set(),
    indexColumns: new Map(),
  };
  if (ct.like) info.copiedFromUnknown = true;
  for (const c of ct.columns) {
    if (c.primaryKey !== undefined) {
      info.primaryKey = { columns: [c.name], clustered: c.clustered?.value };
      info.indexColumns!.set('primary', [c.name.toLowerCase()]);
    }
    if (c.unique !== undefined) info.indexColumns!.set(c.name.toLowerCase(), [c.name.toLowerCase()]);
  }
  ct.indexes.forEach((idx, n) => {
    if (idx.kind === 'PRIMARY') {
      info.primaryKey = { columns: idx.parts.map((p) => p.column ?? '').filter(Boolean), clustered: idx.clustered?.value };
    }
    if (idx.name) info.indexes.add(idx.name.toLowerCase());
    addIndexColumns(info, idx, n);
  });
  for (const o of ct.options) {
    if (o.name === 'CHARSET') info.charset = o.value.toLowerCase();
    if (o.name === 'COLLATE') info.collation = o.value.toLowerCase();
  }
  if (ct.partition) info.partition = partitionInfo(ct.partition);
  return info;
}

/** Records which columns an index covers (keys, not FOREIGN KEY or CHECK constraints). */
export function addIndexColumns(t: TableInfo, idx: IndexDef, n: number | string): void {
  if (idx.kind === 'FOREIGN' || idx.kind === 'CHECK') return;
  const cols = idx.parts.map((p) => p.column?.toLowerCase()).filter((c): c is string => !!c);
  if (!cols.length) return;
  if (!t.indexColumns) t.indexColumns = new Map();
  t.indexColumns.set(idx.kind === 'PRIMARY' ? 'primary' : (idx.name?.toLowerCase() ?? `#${n}`), cols);
}

/** Whether some index of the table covers the column. */
export function isIndexed(t: TableInfo, column: string): boolean {
  const c = column.toLowerCase();
  for (const cols of t.indexColumns?.values() ?? []) if (cols.includes(c)) return true;
  return false;
}

export function partitionInfo(p: PartitionDef): { type: string; linear: boolean } {
  return { type: p.type, linear: p.linear !== undefined };
}

/**
 * Whether a primary key is clustered (the row key) on the target version:
 * declared CLUSTERED; or no keyword and either v6.4+ (any PK) or v5.0-6.3 with a
 * single integer column (tidb_enable_clustered_index = INT_ONLY).
 */
export function isClusteredPk(
  pk: { columns: string[]; clustered?: 'CLUSTERED' | 'NONCLUSTERED' },
  columnType: (name: string) => string | undefined,
  target: Version,
): boolean {
  if (pk.clustered === 'CLUSTERED') return true;
  if (pk.clustered === 'NONCLUSTERED') return false;
  if (target.lt('5.0')) return pk.columns.length === 1 && INTEGER_TYPES.has(columnType(pk.columns[0]) ?? '');
  if (target.gte('6.4')) return true;
  return pk.columns.length === 1 && INTEGER_TYPES.has(columnType(pk.columns[0]) ?? '');
}
