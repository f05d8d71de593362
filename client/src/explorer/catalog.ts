// Schema queries for the explorer and for the language server's live schema:
// information_schema with placeholders, paged and filtered so a schema with
// 10,000 tables stays responsive. No VS Code imports.
import type * as mysql from 'mysql2/promise';
import { escapeId } from 'mysql2';
import type { SchemaSnapshot } from '../../../protocol/lsp';

export interface TableEntry {
  name: string;
  kind: 'table' | 'view' | 'sequence';
  rows?: number;
  comment?: string;
}

export interface ColumnEntry {
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  extra: string;
  generated: boolean;
  key: string;
}

export interface IndexEntry {
  name: string;
  unique: boolean;
  columns: string[];
  /** TiDB: CLUSTERED / NONCLUSTERED for the primary key; '' elsewhere */
  clustered?: string;
  visible: boolean;
}

/** A connection or a pool: anything that runs a query. */
export type Queryable = Pick<mysql.Connection, 'query'>;

export interface PartitionEntry {
  name: string;
  method: string;
  expression: string;
  description: string;
  rows?: number;
}

const SYSTEM = new Set(['information_schema', 'performance_schema', 'mysql', 'sys', 'metrics_schema']);

export async function listDatabases(c: Queryable, includeSystem = false): Promise<string[]> {
  const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME');
  return rows.map((r) => String(r.name)).filter((n) => includeSystem || !SYSTEM.has(n.toLowerCase()));
}

/** One page of a database's tables, optionally filtered by a substring. */
/** TABLE_TYPE conditions per kind: BASE TABLE (and SYSTEM VIEW in system schemas), VIEW, SEQUENCE. */
const KIND_SQL: Record<TableEntry['kind'], string> = {
  table: "TABLE_TYPE NOT IN ('VIEW', 'SEQUENCE')",
  view: "TABLE_TYPE = 'VIEW'",
  sequence: "TABLE_TYPE = 'SEQUENCE'",
};

export async function listTables(
  c: Queryable,
  db: string,
  opts: { offset?: number; limit?: number; filter?: string; kind?: TableEntry['kind'] } = {},
): Promise<{ tables: TableEntry[]; total: number }> {
  const limit = Math.max(1, Math.min(opts.limit ?? 500, 5000));
  const offset = Math.max(0, opts.offset ?? 0);
  const like = opts.filter ? `%${opts.filter.replace(/[\\%_]/g, (m) => '\\' + m)}%` : '%';
  const kind = opts.kind ? ` AND ${KIND_SQL[opts.kind]}` : '';
  const [count] = await c.query<mysql.RowDataPacket[]>(
    `SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE ?${kind}`,
    [db, like],
  );
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    `SELECT TABLE_NAME AS name, TABLE_TYPE AS type, TABLE_ROWS AS table_rows, TABLE_COMMENT AS comment FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE ?${kind} ORDER BY TABLE_NAME LIMIT ? OFFSET ?`,
    [db, like, limit, offset],
  );
  return {
    total: Number(count[0]?.n ?? 0),
    tables: rows.map((r) => ({
      name: String(r.name),
      kind: /VIEW/i.test(String(r.type)) ? 'view' : /SEQUENCE/i.test(String(r.type)) ? 'sequence' : 'table',
      rows: r.table_rows === null || r.table_rows === undefined ? undefined : Number(r.table_rows),
      comment: r.comment && !/VIEW/i.test(String(r.type)) ? String(r.comment) : undefined,
    })),
  };
}

export async function listColumns(c: Queryable, db: string, table: string): Promise<ColumnEntry[]> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    'SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra, COLUMN_KEY AS col_key FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
    [db, table],
  );
  return rows.map((r) => ({
    name: String(r.name),
    type: String(r.type),
    nullable: r.nullable === 'YES',
    default: r.dflt === null || r.dflt === undefined ? null : String(r.dflt),
    extra: String(r.extra ?? ''),
    generated: /GENERATED/i.test(String(r.extra ?? '')),
    key: String(r.col_key ?? ''),
  }));
}

/** How many tables, views and sequences a database has. */
export async function countObjects(c: Queryable, db: string): Promise<Record<TableEntry['kind'], number>> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    'SELECT TABLE_TYPE AS type, COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? GROUP BY TABLE_TYPE',
    [db],
  );
  const out = { table: 0, view: 0, sequence: 0 };
  for (const r of rows) {
    const t = String(r.type);
    out[t === 'VIEW' ? 'view' : t === 'SEQUENCE' ? 'sequence' : 'table'] += Number(r.n);
  }
  return out;
}

/** A table's partitions (none for an unpartitioned table). */
export async function listPartitions(c: Queryable, db: string, table: string): Promise<PartitionEntry[]> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    'SELECT PARTITION_NAME AS name, PARTITION_METHOD AS method, PARTITION_EXPRESSION AS expr, PARTITION_DESCRIPTION AS descr, TABLE_ROWS AS table_rows FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND PARTITION_NAME IS NOT NULL ORDER BY PARTITION_ORDINAL_POSITION',
    [db, table],
  );
  return rows.map((r) => ({
    name: String(r.name),
    method: String(r.method ?? ''),
    expression: String(r.expr ?? ''),
    description: String(r.descr ?? ''),
    rows: r.table_rows === null || r.table_rows === undefined ? undefined : Number(r.table_rows),
  }));
}

/** TiDB's TABLES.TIDB_ROW_ID_SHARDING_INFO: 'PK_AUTO_RANDOM_BITS=5' for an AUTO_RANDOM key. */
export function autoRandomBits(shardingInfo: string | null | undefined): number | undefined {
  const m = /PK_AUTO_RANDOM_BITS=(\d+)/i.exec(shardingInfo ?? '');
  return m ? Number(m[1]) : undefined;
}

/** TiDB only: the AUTO_RANDOM shard bits of a table's primary key, if it has them. */
export async function tidbAutoRandom(c: Queryable, db: string, table: string): Promise<number | undefined> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    'SELECT TIDB_ROW_ID_SHARDING_INFO AS info FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
    [db, table],
  );
  return autoRandomBits(rows[0]?.info as string | undefined);
}

/** SHOW CREATE TABLE / VIEW / SEQUENCE, identifiers escaped. */
export async function showCreate(c: Queryable, db: string, name: string, kind: 'table' | 'view' | 'sequence'): Promise<string> {
  const what = kind === 'view' ? 'VIEW' : kind === 'sequence' ? 'SEQUENCE' : 'TABLE';
  const [rows] = await c.query<mysql.RowDataPacket[]>(`SHOW CREATE ${what} ${escapeId(db)}.${escapeId(name)}`);
  const r = rows[0] ?? {};
  const text = r['Create Table'] ?? r['Create View'] ?? r['Create Sequence'] ?? Object.values(r)[1];
  return String(text ?? '');
}

export async function listIndexes(c: Queryable, db: string, table: string): Promise<IndexEntry[]> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    'SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX',
    [db, table],
  );
  const byName = new Map<string, IndexEntry>();
  for (const r of rows) {
    const name = String(r.INDEX_NAME);
    let idx = byName.get(name);
    if (!idx) {
      // MySQL and TiDB: IS_VISIBLE YES/NO; MariaDB 10.6+: IGNORED YES/NO
      const visible =
        r.IS_VISIBLE !== undefined ? String(r.IS_VISIBLE) !== 'NO' : r.IGNORED !== undefined ? String(r.IGNORED) !== 'YES' : true;
      idx = { name, unique: Number(r.NON_UNIQUE) === 0, columns: [], visible };
      if (r.TIDB_PK_TYPE !== undefined) idx.clustered = name === 'PRIMARY' ? String(r.TIDB_PK_TYPE ?? '') : '';
      byName.set(name, idx);
    }
    idx.columns.push(r.COLUMN_NAME === null ? `(${String(r.EXPRESSION ?? 'expression')})` : String(r.COLUMN_NAME));
  }
  return [...byName.values()];
}

/** The schema the language server needs for completion and schema-aware rules (capped per database). */
export async function schemaSnapshot(
  c: Queryable,
  connection: string,
  defaultDatabase?: string,
  maxTablesPerDb = 2000,
): Promise<SchemaSnapshot> {
  const dbs = await listDatabases(c);
  const snap: SchemaSnapshot = { connection, defaultDatabase, databases: [] };
  for (const db of dbs) {
    const { tables } = await listTables(c, db, { limit: maxTablesPerDb });
    const [cols] = await c.query<mysql.RowDataPacket[]>(
      'SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION',
      [db],
    );
    const byTable = new Map<string, Array<{ name: string; type: string }>>();
    for (const r of cols) {
      const list = byTable.get(String(r.t)) ?? [];
      list.push({ name: String(r.c), type: String(r.type) });
      byTable.set(String(r.t), list);
    }
    snap.databases.push({
      name: db,
      tables: tables.map((t) => ({ name: t.name, kind: t.kind, columns: byTable.get(t.name) ?? [], rows: t.rows })),
    });
  }
  return snap;
}
