// The schema the client sends from a live connection, as a SchemaProvider the
// engine consults after the file's own CREATE statements.
import type { ColumnInfo, SchemaProvider, TableInfo } from '../../../core/sql/schema';
import type { SchemaSnapshot } from '../../../protocol/lsp';

export function schemaProvider(snap: SchemaSnapshot): SchemaProvider {
  const tables = new Map<string, TableInfo>();
  const views = new Set<string>();
  const key = (db: string | undefined, name: string) => `${(db ?? '').toLowerCase()}\u0000${name.toLowerCase()}`;
  for (const d of snap.databases) {
    for (const t of d.tables) {
      if (t.kind === 'view') {
        views.add(key(d.name, t.name));
        continue;
      }
      const columns = new Map<string, ColumnInfo>();
      for (const c of t.columns) columns.set(c.name.toLowerCase(), columnFromType(c.name, c.type));
      tables.set(key(d.name, t.name), {
        db: d.name,
        name: t.name,
        columns,
        indexes: new Set(),
        rows: typeof t.rows === 'number' && Number.isFinite(t.rows) && t.rows >= 0 ? t.rows : undefined,
      });
    }
  }
  const resolve = (db: string | undefined) => db ?? snap.defaultDatabase;
  return {
    table: (db, name) => tables.get(key(resolve(db), name)),
    isView: (db, name) => views.has(key(resolve(db), name)),
    database: (name) => (snap.databases.some((d) => d.name.toLowerCase() === name.toLowerCase()) ? { name } : undefined),
  };
}

/** 'varchar(255)', 'bigint unsigned', 'decimal(12,2)' -> ColumnInfo */
export function columnFromType(name: string, type: string): ColumnInfo {
  const m = /^\s*([a-z]+)\s*(?:\(([^)]*)\))?(.*)$/i.exec(type) ?? [type, type, '', ''];
  return {
    name,
    type: m[1].toUpperCase() === 'INTEGER' ? 'INT' : m[1].toUpperCase(),
    args: m[2] ? m[2].split(',').map((x) => x.trim()) : [],
    unsigned: /unsigned/i.test(m[3] ?? ''),
    autoIncrement: false,
    autoRandom: false,
    defaultNow: false,
  };
}
