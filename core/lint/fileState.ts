// The file's state as the engine walks it statement by statement: the schema the
// file builds (CREATE/ALTER/DROP/RENAME) and the session (USE, transactions, SET).
// Rules read it through RuleContext; the engine replays every stateful statement
// on each run, so a cached statement result is valid only under the same state.
import type { AlterSpec, AlterTable, CreateTable } from '../sql/ddl';
import { readCharset, readCollate } from '../sql/ddl';
import {
  addIndexColumns,
  columnInfo,
  type FileSchema,
  partitionInfo,
  type TableInfo,
  tableChanged,
  tableInfoFromCreate,
} from '../sql/schema';
import { isOff, isOn, readSetAssignments } from '../sql/setStatement';
import type { Stmt } from '../sql/statement';
import type { SessionState } from './context';
import { hashString } from './cache';

export function newSession(): SessionState {
  return { inTransaction: false, globals: new Map(), vars: new Map() };
}

/** Statements that can change the session state rules read (DDL only through its implicit commit). */
export const SESSION_KINDS = /^(USE|SET|BEGIN|START|COMMIT|ROLLBACK|XA|LOCK|UNLOCK)\b/;

/** A fingerprint of what rules can read of the session: part of every cache key. */
export function sessionHash(session: SessionState): number {
  return hashString(JSON.stringify([session, [...session.globals], [...session.vars]]));
}

/** Updates the file's schema and session state after a statement ran. */
export function applyStatement(
  s: Stmt,
  ct: CreateTable | undefined,
  at: AlterTable | undefined,
  schema: FileSchema,
  session: SessionState,
): void {
  const k = s.kind;
  // DDL commits the open transaction implicitly (with autocommit=0 the next statement opens a new one).
  if (/^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b/.test(k) && !session.autocommitOff) session.inTransaction = false;
  switch (k) {
    case 'USE':
      applyUse(s, schema, session);
      return;
    case 'CREATE DATABASE':
      applyCreateDatabase(s, schema);
      return;
    case 'DROP DATABASE':
      applyDropDatabase(s, schema);
      return;
    case 'CREATE TABLE':
      applyCreateTable(s, ct, schema);
      return;
    case 'CREATE INDEX':
      applyCreateIndex(s, schema);
      return;
    case 'CREATE FUNCTION':
    case 'DROP FUNCTION': {
      let i = s.find(['FUNCTION']) + 1;
      if (i <= 0 || s.find(['SONAME']) !== -1) return;
      if (s.seq(i, 'IF', 'NOT', 'EXISTS') !== -1) i += 3;
      else if (s.seq(i, 'IF', 'EXISTS') !== -1) i += 2;
      const q = s.qname(i);
      if (!q) return;
      if (k === 'CREATE FUNCTION') schema.addFunction(q.name);
      else schema.dropFunction(q.name);
      return;
    }
    case 'CREATE VIEW': {
      const q = s.qname(s.find(['VIEW']) + 1);
      if (q) schema.addView(q.db, q.name);
      return;
    }
    case 'DROP TABLE':
    case 'DROP VIEW':
      applyDrop(s, schema);
      return;
    case 'RENAME':
      applyRename(s, schema);
      return;
    case 'ALTER TABLE':
      applyAlterTable(s, at, schema);
      return;
    case 'BEGIN':
    case 'START':
    case 'COMMIT':
    case 'ROLLBACK':
      applyTransaction(s, session);
      return;
    case 'SET':
      applySet(s, session);
      return;
  }
}

function applyUse(s: Stmt, schema: FileSchema, session: SessionState): void {
  const db = s.ident(1);
  if (db === undefined) return;
  session.db = db;
  schema.currentDb = db;
}

function applyCreateDatabase(s: Stmt, schema: FileSchema): void {
  let i = s.afterCreateModifiers() + 1;
  if (s.seq(i, 'IF', 'NOT', 'EXISTS') !== -1) i += 3;
  const name = s.ident(i);
  if (name === undefined) return;
  let charset: string | undefined;
  let collation: string | undefined;
  for (let j = i + 1; j < s.length; j++) {
    const cs = readCharset(s, j);
    if (cs) charset = cs.ref.name;
    const co = readCollate(s, j);
    if (co) collation = co.ref.name;
  }
  schema.addDatabase({ name, charset, collation });
}

function applyDropDatabase(s: Stmt, schema: FileSchema): void {
  let i = 2;
  if (s.seq(i, 'IF', 'EXISTS') !== -1) i += 2;
  const name = s.ident(i);
  if (name !== undefined) schema.dropDatabase(name);
}

function applyCreateTable(s: Stmt, ct: CreateTable | undefined, schema: FileSchema): void {
  if (!ct?.name) return;
  const like = ct.like ? schema.table(ct.like.db, ct.like.name) : undefined;
  const info = tableInfoFromCreate(s, ct, like);
  if (info) schema.addTable(info);
}

function applyDrop(s: Stmt, schema: FileSchema): void {
  const table = s.kind === 'DROP TABLE';
  let i = s.find([table ? 'TABLE' : 'VIEW']) + 1;
  if (s.seq(i, 'IF', 'EXISTS') !== -1) i += 2;
  for (const [a] of s.splitCommas(i, s.length)) {
    const q = s.qname(a);
    if (!q) continue;
    if (table) schema.dropTable(q.db, q.name);
    else schema.dropView(q.db, q.name);
  }
}

/** RENAME TABLE a TO b, c TO d (classify() gives the kind 'RENAME'); it renames views too. */
function applyRename(s: Stmt, schema: FileSchema): void {
  if (!s.is(1, 'TABLE', 'TABLES')) return;
  for (const [a, b] of s.splitCommas(2, s.length)) {
    const from = s.qname(a);
    const to = from && s.is(from.last + 1, 'TO') ? s.qname(from.last + 2) : undefined;
    if (!from || !to || to.last >= b) continue;
    if (schema.isView(from.db, from.name)) {
      schema.dropView(from.db, from.name);
      schema.addView(to.db, to.name);
      continue;
    }
    const t = schema.table(from.db, from.name);
    if (!t) continue;
    schema.dropTable(from.db, from.name);
    schema.addTable({ ...t, db: to.db, name: to.name });
  }
}

/** CREATE [UNIQUE] INDEX name ON t (a, b(10), (expr)): the columns it covers. */
function applyCreateIndex(s: Stmt, schema: FileSchema): void {
  const i = s.find(['INDEX']);
  const on = s.find(['ON']);
  if (i < 0 || on < 0) return;
  const q = s.qname(on + 1);
  const t = q ? schema.table(q.db, q.name) : undefined;
  if (!q || !t || s.op(q.last + 1) !== '(') return;
  const close = s.match(q.last + 1);
  const parts = s.splitCommas(q.last + 2, close).map(([a]) => ({ column: s.op(a) === '(' ? undefined : s.ident(a), first: a, end: a }));
  tableChanged(t);
  addIndexColumns(
    t,
    { kind: s.is(1, 'UNIQUE') ? 'UNIQUE' : 'INDEX', name: s.ident(i + 1), tok: i, first: 0, end: s.length, parts },
    `#create${i}`,
  );
}

function applyAlterTable(s: Stmt, at: AlterTable | undefined, schema: FileSchema): void {
  if (!at?.name) return;
  const t = schema.table(at.name.db, at.name.name);
  if (!t) return;
  tableChanged(t);
  for (const spec of at.specs) applyAlterSpec(s, at, spec, t, schema);
}

/** One ALTER TABLE specification's effect on the table. */
function applyAlterSpec(s: Stmt, at: AlterTable, spec: AlterSpec, t: TableInfo, schema: FileSchema): void {
  if (spec.verb === 'ADD' && spec.target === 'COLUMN') {
    for (const c of spec.columns) {
      t.columns.set(c.name.toLowerCase(), columnInfo(s, c));
      // TiDB cannot add a clustered PK to an existing table: a PK added by ALTER is NONCLUSTERED.
      if (c.primaryKey !== undefined) t.primaryKey = { columns: [c.name], clustered: 'NONCLUSTERED' };
    }
  } else if ((spec.verb === 'MODIFY' || spec.verb === 'CHANGE') && spec.columns[0]) {
    if (spec.oldName) t.columns.delete(spec.oldName.toLowerCase());
    const c = spec.columns[0];
    t.columns.set(c.name.toLowerCase(), columnInfo(s, c));
  } else if (spec.verb === 'DROP' && spec.target === 'COLUMN' && spec.name) {
    t.columns.delete(spec.name.toLowerCase());
  } else if (spec.verb === 'DROP' && spec.target === 'PRIMARY KEY') {
    t.primaryKey = undefined;
    t.indexColumns?.delete('primary');
  } else if (spec.verb === 'ADD' && spec.index) {
    if (spec.index.kind === 'PRIMARY') {
      // A PK added by ALTER is NONCLUSTERED (adding a CLUSTERED one fails).
      t.primaryKey = { columns: spec.index.parts.map((p) => p.column ?? '').filter(Boolean), clustered: 'NONCLUSTERED' };
    }
    if (spec.index.name) t.indexes.add(spec.index.name.toLowerCase());
    addIndexColumns(t, spec.index, `#alter${t.indexColumns?.size ?? 0}`);
  } else if (spec.verb === 'DROP' && spec.target === 'INDEX' && spec.name) {
    t.indexes.delete(spec.name.toLowerCase());
    t.indexColumns?.delete(spec.name.toLowerCase());
  } else if (spec.verb === 'RENAME' && spec.target === 'COLUMN' && spec.name && spec.newName) {
    const c = t.columns.get(spec.name.toLowerCase());
    if (c) {
      t.columns.delete(spec.name.toLowerCase());
      t.columns.set(spec.newName.toLowerCase(), { ...c, name: spec.newName });
    }
  } else if (spec.verb === 'RENAME' && spec.target === 'TABLE' && spec.newName) {
    schema.dropTable(at.name!.db, at.name!.name);
    schema.addTable({ ...t, name: spec.newName });
  } else if (spec.verb === 'CONVERT' && spec.convertCharset) {
    applyConvertCharset(t, spec.convertCharset.name, spec.convertCollate?.name);
  } else if (spec.verb === 'OPTION') {
    applyTableOptions(spec, t, schema);
  } else if (spec.verb === 'PARTITION' && spec.partitionOp === 'BY') {
    const i = s.find(['PARTITION', 'BY'], spec.first, spec.end);
    if (i !== -1) {
      const p = parseCreatePartition(s, i, spec.end);
      if (p) t.partition = p;
    }
  } else if (spec.verb === 'PARTITION' && spec.partitionOp === 'REMOVE') {
    t.partition = undefined;
  }
}

/** CONVERT TO CHARACTER SET: the table default and every text column change. */
function applyConvertCharset(t: TableInfo, charset: string, collation: string | undefined): void {
  t.charset = charset;
  t.collation = collation;
  for (const [n, c] of t.columns) {
    // new objects: a CREATE TABLE ... LIKE copy shares its ColumnInfo objects with the original
    if (c.charset || TEXT_COLUMN_TYPES.has(c.type)) t.columns.set(n, { ...c, charset, collation });
  }
}

/** Table options: a new default charset applies to columns added later; existing text columns keep the charset they had. */
function applyTableOptions(spec: AlterSpec, t: TableInfo, schema: FileSchema): void {
  if (!t.copiedFromUnknown && spec.options.some((o) => o.name === 'CHARSET' || o.name === 'COLLATE')) {
    const csOf = (coll?: string) => (coll?.includes('_') ? coll.slice(0, coll.indexOf('_')) : undefined);
    const dbName = t.db ?? schema.currentDb;
    const db = dbName !== undefined ? schema.database(dbName) : undefined;
    const had = t.charset ?? csOf(t.collation) ?? db?.charset ?? csOf(db?.collation) ?? 'utf8mb4';
    for (const [n, c] of t.columns) {
      if (!c.charset && !c.collation && TEXT_COLUMN_TYPES.has(c.type)) t.columns.set(n, { ...c, charset: had });
    }
  }
  for (const o of spec.options) {
    if (o.name === 'CHARSET') t.charset = o.value.toLowerCase();
    if (o.name === 'COLLATE') t.collation = o.value.toLowerCase();
  }
}

function applyTransaction(s: Stmt, session: SessionState): void {
  switch (s.kind) {
    case 'BEGIN':
      if (s.length === 1 || s.is(1, 'WORK', 'PESSIMISTIC', 'OPTIMISTIC')) session.inTransaction = true;
      return;
    case 'START':
      if (s.is(1, 'TRANSACTION')) session.inTransaction = true;
      return;
    case 'COMMIT':
      session.inTransaction = false;
      return;
    case 'ROLLBACK':
      if (!s.is(1, 'TO') && !s.is(2, 'TO')) session.inTransaction = false;
      return;
  }
}

function applySet(s: Stmt, session: SessionState): void {
  for (const a of readSetAssignments(s)) {
    // SET GLOBAL autocommit does not change this session; an unknown value (@saved) leaves the state as it was.
    if (a.name === 'autocommit' && a.scope !== 'USER' && a.scope !== 'GLOBAL') {
      if (isOff(a.value)) session.inTransaction = session.autocommitOff = true;
      else if (isOn(a.value) || a.value === 'DEFAULT') session.inTransaction = session.autocommitOff = false;
    }
    // mysqldump and mariadb-dump open every file by saving the session: SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT
    if (a.scope === 'USER' && /^old_(character_set_client|unique_checks|foreign_key_checks|sql_mode|time_zone)$/.test(a.name))
      session.dump = true;
    if (a.scope === 'GLOBAL') session.globals.set(a.name, a.value);
    if (a.scope !== 'USER') session.vars.set(a.name, a.value);
  }
}

const TEXT_COLUMN_TYPES = new Set([
  'CHAR',
  'VARCHAR',
  'TEXT',
  'TINYTEXT',
  'MEDIUMTEXT',
  'LONGTEXT',
  'ENUM',
  'SET',
  'CHARACTER',
  'NCHAR',
  'NVARCHAR',
]);

function parseCreatePartition(s: Stmt, i: number, end: number) {
  const w = s.word(i + 2) === 'LINEAR' ? s.word(i + 3) : s.word(i + 2);
  if (!w) return undefined;
  return partitionInfo({ tok: i, type: w, linear: s.is(i + 2, 'LINEAR') ? i + 2 : undefined, columns: false, columnCount: 0, end });
}
