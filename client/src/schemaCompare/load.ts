// A live database's schema for the compare: SHOW CREATE TABLE / VIEW / SEQUENCE of each, read into the
// engine's model (core/schemaDiff). Row counts (estimates from information_schema) for the size
// notes on reorgs. No VS Code imports.
import type * as mysql from 'mysql2/promise';
import {
  type SchemaModel,
  type SequenceModel,
  schemaModel,
  sequenceModel,
  type ViewModel,
  viewModel,
} from '../../../core/schemaDiff/model';
import { utf8mb3 } from '../../../core/schemaDiff/normalize';
import { showCreate } from '../explorer/catalog';

type Queryable = Pick<mysql.Connection, 'query'>;

export async function liveSchema(c: Queryable, db: string): Promise<SchemaModel> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    [db],
  );
  const creates: string[] = [];
  for (const r of rows) creates.push(await showCreate(c, db, String(r.name), 'table'));
  const [viewRows] = await c.query<mysql.RowDataPacket[]>(
    'SELECT TABLE_NAME AS name FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME',
    [db],
  );
  const views: ViewModel[] = [];
  for (const r of viewRows) {
    const v = viewModel(await showCreate(c, db, String(r.name), 'view'), db);
    if (v) views.push(v);
  }
  // TiDB and MariaDB list sequences as TABLE_TYPE 'SEQUENCE'; MySQL has none
  const [seqRows] = await c.query<mysql.RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME",
    [db],
  );
  const sequences: SequenceModel[] = [];
  for (const r of seqRows) {
    const q = sequenceModel(await showCreate(c, db, String(r.name), 'sequence'));
    if (q) sequences.push(q);
  }
  return { ...schemaModel(creates, views, sequences), collations: await defaultCollations(c) };
}

/** The server's default collation per charset: what a column that names only its charset gets. */
async function defaultCollations(c: Queryable): Promise<Map<string, string>> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    'SELECT CHARACTER_SET_NAME AS cs, DEFAULT_COLLATE_NAME AS co FROM information_schema.CHARACTER_SETS',
  );
  return new Map(rows.map((r) => [utf8mb3(String(r.cs).toLowerCase()), utf8mb3(String(r.co).toLowerCase())]));
}

export async function rowCounts(c: Queryable, db: string): Promise<Map<string, number>> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    "SELECT TABLE_NAME AS name, TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
    [db],
  );
  return new Map(rows.map((r) => [String(r.name).toLowerCase(), Number(r.n ?? 0)]));
}
