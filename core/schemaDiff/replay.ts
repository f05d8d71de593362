// A schema from a migrations folder: its DDL replayed in order, as the server would apply it. CREATE
// TABLE / LIKE, ALTER TABLE (columns, indexes, renames, defaults, index visibility, table options),
// CREATE / DROP INDEX, RENAME TABLE, DROP TABLE, views and sequences. What cannot be replayed
// faithfully (adding, dropping or reorganising single partitions, CONVERT TO CHARACTER SET, CREATE TABLE … AS SELECT) is listed
// with its line, never guessed at; data statements are not schema and are passed over.
import * as l10n from '@vscode/l10n';
import { parseAlterTable, parseCreateIndex, parseCreateTable, type AlterSpec } from '../sql/ddl';
import { split } from '../sql/splitter';
import { Stmt } from '../sql/statement';
import {
  type ColumnModel,
  type IndexModel,
  renderCreate,
  type SchemaModel,
  type SequenceModel,
  sequenceModel,
  type TableModel,
  tableModel,
  viewModel,
} from './model';

export interface Unreplayed {
  /** the file (as given) and 1-based line of the statement */
  file: string;
  line: number;
  statement: string;
  why: string;
}

export interface Replay {
  model: SchemaModel;
  unreplayed: Unreplayed[];
}

const q = (name: string) => `\`${name.replace(/`/g, '``')}\``;
const low = (n: string) => n.toLowerCase();

/** Replays files in the order given (name them so: V1__…, V2__…; see sqlFilesInOrder). */
export function replayDdl(files: Array<{ name: string; text: string }>): Replay {
  const model: SchemaModel = { tables: new Map(), views: new Map(), sequences: new Map() };
  const unreplayed: Unreplayed[] = [];
  for (const f of files) {
    for (const st of split(f.text).statements) {
      const s = new Stmt(f.text, st);
      const why = replayStatement(model, s);
      if (why) {
        const line = f.text.slice(0, s.start).split('\n').length;
        const statement = f.text.slice(s.start, s.end).replace(/\s+/g, ' ').slice(0, 100);
        unreplayed.push({ file: f.name, line, statement, why });
      }
    }
  }
  return { model, unreplayed };
}

/** Applies one statement; a reason when it changes the schema in a way this does not replay. */
function replayStatement(m: SchemaModel, s: Stmt): string | undefined {
  const text = s.src.slice(s.start, s.end);
  switch (s.kind) {
    case 'CREATE TABLE':
      return createTable(m, s, text);
    case 'ALTER TABLE':
      return alterTable(m, s);
    case 'CREATE INDEX': {
      const ci = parseCreateIndex(s);
      const t = ci?.table && m.tables.get(low(ci.table.name));
      if (!ci?.table || !ci.index.name) return l10n.t('an index without a name or table');
      if (!t) return l10n.t('the table {0} is not created before', ci.table.name);
      const kind = { UNIQUE: 'UNIQUE KEY', FULLTEXT: 'FULLTEXT KEY', SPATIAL: 'SPATIAL KEY' }[ci.index.kind as string] ?? 'KEY';
      const rest = s.src.slice(s.tokens[ci.table.last + 1].start, s.end).replace(/;\s*$/, '');
      return update(m, t, (p) => {
        p.indexes.push(index(`${kind} ${q(ci.index.name!)} ${rest}`));
      });
    }
    case 'DROP INDEX': {
      const on = s.find(['ON']);
      const name = s.ident(s.find(['INDEX']) + 1);
      const table = on === -1 ? undefined : s.qname(on + 1);
      const t = table && m.tables.get(low(table.name));
      if (!t || !name) return undefined;
      return update(m, t, (p) => {
        p.indexes = p.indexes.filter((i) => low(i.name) !== low(name));
      });
    }
    case 'DROP TABLE':
    case 'DROP TABLES':
    case 'DROP VIEW':
      for (const n of namesAfter(s, s.find(['IF', 'EXISTS']) !== -1 ? s.find(['EXISTS']) + 1 : s.find([s.kind.split(' ')[1]]) + 1)) {
        m.tables.delete(low(n));
        m.views.delete(low(n));
      }
      return undefined;
    case 'RENAME':
      // RENAME TABLE a TO b, c TO d
      for (const [a, b] of s.splitCommas(s.find(['TABLE']) + 1, s.sparseFrom)) {
        const from = s.qname(a);
        const to = from && s.is(from.last + 1, 'TO') ? s.qname(from.last + 2) : undefined;
        if (!from || !to || to.last >= b) return l10n.t('an unreadable RENAME TABLE');
        renameTable(m, from.name, to.name);
      }
      return undefined;
    case 'CREATE VIEW':
    case 'ALTER VIEW': {
      const v = viewModel(text);
      if (!v) return l10n.t('an unreadable view');
      m.views.set(low(v.name), v);
      return undefined;
    }
    case 'CREATE SEQUENCE': {
      const q2 = sequenceModel(text);
      if (!q2) return l10n.t('an unreadable sequence');
      if (!(/\bIF\s+NOT\s+EXISTS\b/i.test(text) && m.sequences.has(low(q2.name)))) m.sequences.set(low(q2.name), q2);
      return undefined;
    }
  }
  const head = `${s.word(0)} ${s.word(1)}`;
  if (head === 'DROP SEQUENCE') {
    for (const n of namesAfter(s, s.find(['IF', 'EXISTS']) !== -1 ? s.find(['EXISTS']) + 1 : 2)) m.sequences.delete(low(n));
    return undefined;
  }
  if (head === 'ALTER SEQUENCE') return alterSequence(m, text);
  return undefined;
}

/** The names of DROP TABLE a, db.b, … from token i. */
function namesAfter(s: Stmt, i: number): string[] {
  return s
    .splitCommas(i, s.sparseFrom)
    .map(([a]) => s.qname(a)?.name)
    .filter((n): n is string => n !== undefined);
}

function createTable(m: SchemaModel, s: Stmt, text: string): string | undefined {
  const ct = parseCreateTable(s);
  if (!ct?.name || ct.temporary) return undefined;
  const key = low(ct.name.name);
  if (ct.ifNotExists && m.tables.has(key)) return undefined;
  if (ct.like) {
    const src = m.tables.get(low(ct.like.name));
    if (!src) return l10n.t('the table {0} is not created before', ct.like.name);
    const t = tableModel(renderCreate({ ...src, name: ct.name.name }));
    if (t) m.tables.set(key, t);
    return undefined;
  }
  if (ct.asSelect !== undefined) return l10n.t('CREATE TABLE … AS SELECT: its columns come from a query');
  const t = tableModel(text);
  if (t) m.tables.set(key, t);
  return undefined;
}

function renameTable(m: SchemaModel, from: string, to: string): void {
  const t = m.tables.get(low(from));
  if (!t) return;
  m.tables.delete(low(from));
  const r = tableModel(renderCreate({ ...t, name: to }));
  if (r) m.tables.set(low(to), r);
}

/** A table's parts being changed by an ALTER. */
interface Parts {
  name: string;
  columns: ColumnModel[];
  indexes: IndexModel[];
  checksSql: string[];
  /** table options as written, by upper-cased name */
  options: Map<string, string>;
  partitionSql: string;
}

/** Changes a table by `f` and re-reads it (so its keys are normalized as a CREATE TABLE's are). */
function update(m: SchemaModel, t: TableModel, f: (p: Parts) => unknown): string | undefined {
  // f returns a reason when a change cannot be replayed
  const p: Parts = {
    name: t.name,
    columns: [...t.columns],
    indexes: [...t.indexes],
    checksSql: [...t.checksSql],
    options: optionsOf(t.optionsSql),
    partitionSql: t.partitionSql,
  };
  const why = f(p);
  if (typeof why === 'string') return why;
  const r = tableModel(renderCreate({ ...p, optionsSql: [...p.options.values()].join(' ') }));
  if (!r) return l10n.t('the altered table could not be read back');
  m.tables.delete(low(t.name));
  m.tables.set(low(r.name), r);
  return undefined;
}

function optionsOf(optionsSql: string): Map<string, string> {
  const text = `CREATE TABLE x (a INT) ${optionsSql}`;
  const s = new Stmt(text, split(text).statements[0]);
  const ct = parseCreateTable(s);
  return new Map((ct?.options ?? []).map((o) => [o.name, s.src.slice(s.tokens[o.tok].start, s.tokens[o.valueEnd - 1].end)]));
}

function alterTable(m: SchemaModel, s: Stmt): string | undefined {
  const at = parseAlterTable(s);
  const t = at?.name && m.tables.get(low(at.name.name));
  if (!at?.name) return l10n.t('an unreadable ALTER TABLE');
  if (!t) return l10n.t('the table {0} is not created before', at.name.name);
  let renameTo: string | undefined;
  const why = update(m, t, (p) => {
    for (const spec of at.specs) {
      if (spec.verb === 'RENAME' && spec.target === 'TABLE') {
        if (spec.newName) renameTo = spec.newName;
        continue;
      }
      const w = applySpec(p, s, spec);
      if (w) return w;
    }
  });
  if (why) return why;
  if (renameTo) renameTable(m, t.name, renameTo);
  return undefined;
}

/** One ALTER TABLE spec on the parts; a reason when it is not replayed. */
function applySpec(p: Parts, s: Stmt, spec: AlterSpec): string | undefined {
  const text = (a: number, b: number) => s.src.slice(s.tokens[a].start, s.tokens[b - 1].end);
  const col = (n: string) => p.columns.findIndex((c) => low(c.name) === low(n));
  const idx = (n: string) => p.indexes.findIndex((i) => low(i.name) === low(n));
  switch (spec.verb) {
    case 'ADD':
      if (spec.target === 'COLUMN') {
        for (const c of spec.columns) place(p, column(text(c.first, c.end)), spec, s);
        return spec.columns.length ? undefined : l10n.t('an unreadable ADD COLUMN');
      }
      if (spec.index?.kind === 'CHECK') p.checksSql.push(text(spec.index.first, spec.index.end));
      else if (spec.index) p.indexes.push(index(text(spec.index.first, spec.index.end)));
      else return 'ADD PARTITION';
      return undefined;
    case 'DROP':
      if (spec.target === 'COLUMN' && spec.name) {
        const i = col(spec.name);
        if (i !== -1) p.columns.splice(i, 1);
        p.indexes = p.indexes.flatMap((x) => withoutColumn(x, spec.name!));
      } else if (spec.target === 'PRIMARY KEY') p.indexes = p.indexes.filter((i) => i.kind !== 'PRIMARY');
      else if ((spec.target === 'INDEX' || spec.target === 'FOREIGN KEY') && spec.name) {
        const i = idx(spec.name);
        if (i !== -1) p.indexes.splice(i, 1);
      } else if (spec.target === 'PARTITION') return 'DROP PARTITION';
      return undefined;
    case 'MODIFY':
    case 'CHANGE': {
      const c = spec.columns[0];
      const i = spec.oldName === undefined ? -1 : col(spec.oldName);
      if (!c || i === -1)
        return spec.verb === 'MODIFY'
          ? l10n.t('no column {0} to modify', spec.oldName ?? '')
          : l10n.t('no column {0} to change', spec.oldName ?? '');
      p.columns.splice(i, 1);
      if (spec.verb === 'CHANGE' && low(c.name) !== low(spec.oldName!))
        p.indexes = p.indexes.map((x) => renameInIndex(x, spec.oldName!, c.name));
      place(p, column(text(c.first, c.end)), spec, s, i);
      return undefined;
    }
    case 'RENAME': {
      if (!spec.name || !spec.newName) return l10n.t('an unreadable RENAME');
      if (spec.target === 'COLUMN') {
        const i = col(spec.name);
        if (i === -1) return l10n.t('no column {0} to rename', spec.name);
        p.columns[i] = column(p.columns[i].sql.replace(/^(`(?:[^`]|``)+`|[\w$]+)/, q(spec.newName)));
        p.indexes = p.indexes.map((x) => renameInIndex(x, spec.name!, spec.newName!));
      } else {
        const i = idx(spec.name);
        if (i === -1) return l10n.t('no index {0} to rename', spec.name);
        p.indexes[i] = index(
          p.indexes[i].sql.replace(/^((?:UNIQUE|FULLTEXT|SPATIAL)\s+)?(KEY|INDEX)\s+(`(?:[^`]|``)+`|[\w$]+)/i, `$1$2 ${q(spec.newName)}`),
        );
      }
      return undefined;
    }
    case 'ALTER':
      return alterColumnOrIndex(p, s, spec);
    case 'OPTION':
      for (const o of spec.options) if (o.name !== 'AUTO_INCREMENT') p.options.set(o.name, text(o.tok, o.valueEnd));
      return undefined;
    case 'ALGORITHM':
    case 'LOCK':
    case 'SET TIFLASH REPLICA':
      return undefined;
    case 'CONVERT':
      return l10n.t('CONVERT TO CHARACTER SET changes every text column');
    case 'PARTITION':
      // the partitioning as a whole is replayed; operations on single partitions are not
      if (spec.partitionOp === 'BY') p.partitionSql = text(spec.first, spec.end);
      else if (spec.partitionOp === 'REMOVE') p.partitionSql = '';
      else if (['TRUNCATE', 'CHECK', 'OPTIMIZE', 'REPAIR', 'ANALYZE', 'REBUILD'].includes(spec.partitionOp ?? '')) return undefined;
      else return l10n.t('a partition operation ({0})', spec.partitionOp ?? 'PARTITION');
      return undefined;
    default:
      // mysqldump's DISABLE/ENABLE KEYS, FORCE (a rebuild), ORDER BY (row order), tablespaces: no schema change
      if (/^(DISABLE|ENABLE|FORCE|ORDER|DISCARD|IMPORT)$/.test(s.word(spec.first))) return undefined;
      return l10n.t('an ALTER TABLE clause not replayed ({0})', text(spec.first, spec.end).slice(0, 40));
  }
}

/** ALTER [COLUMN] c SET DEFAULT v / DROP DEFAULT / SET VISIBLE…; ALTER INDEX i [IN]VISIBLE. */
function alterColumnOrIndex(p: Parts, s: Stmt, spec: AlterSpec): string | undefined {
  const after =
    spec.nameTok === undefined ? '' : s.src.slice(s.tokens[spec.nameTok + 1]?.start ?? s.end, s.tokens[spec.end - 1].end).trim();
  if (spec.target === 'INDEX' && spec.name) {
    const i = p.indexes.findIndex((x) => low(x.name) === low(spec.name!));
    const vis = /^(VISIBLE|INVISIBLE|IGNORED|NOT\s+IGNORED)$/i.exec(after);
    if (i === -1 || !vis) return `ALTER INDEX ${spec.name} ${after}`;
    const word = /^(INVISIBLE|IGNORED)$/i.test(vis[1]) ? vis[1].toUpperCase() : '';
    p.indexes[i] = index(`${p.indexes[i].sql.replace(/\s+(VISIBLE|INVISIBLE|IGNORED|NOT\s+IGNORED)\b/gi, '')}${word ? ` ${word}` : ''}`);
    return undefined;
  }
  if (spec.target === 'COLUMN' && spec.name) {
    const i = p.columns.findIndex((c) => low(c.name) === low(spec.name!));
    if (i === -1) return l10n.t('no column {0} to alter', spec.name);
    const set = /^SET\s+DEFAULT\s+([\s\S]+)$/i.exec(after);
    if (!set && !/^DROP\s+DEFAULT$/i.test(after)) return `ALTER COLUMN ${spec.name} ${after}`;
    const sql = withoutDefault(p.columns[i].sql);
    p.columns[i] = column(set ? `${sql} DEFAULT ${set[1]}` : sql);
    return undefined;
  }
  return undefined;
}

/** A column definition without its DEFAULT clause. */
function withoutDefault(sql: string): string {
  const text = `CREATE TABLE x (${sql})`;
  const s = new Stmt(text, split(text).statements[0]);
  const c = parseCreateTable(s)?.columns[0];
  if (!c?.default) return sql;
  const from = s.tokens[c.default.tok].start;
  const to = s.tokens[c.default.end - 1].end;
  return `${text.slice(0, from).trimEnd()} ${text.slice(to).trimStart()}`.slice('CREATE TABLE x ('.length, -1).trim();
}

/** A column from its definition as written (FIRST / AFTER c are positions, not part of it). */
function column(sql: string): ColumnModel {
  const def = sql.replace(/\s+(FIRST|AFTER\s+(`(?:[^`]|``)+`|[\w$]+))\s*$/i, '');
  const t = tableModel(`CREATE TABLE x (${def})`);
  return t?.columns[0] ?? { name: def.split(/\s/)[0], key: def.toLowerCase(), sql: def };
}

function index(sql: string): IndexModel {
  const t = tableModel(`CREATE TABLE x (a INT, ${sql})`);
  return t?.indexes[0] ?? { name: sql, id: `key:${sql}`, kind: 'INDEX', key: sql.toLowerCase(), sql };
}

/** Puts a column at its FIRST / AFTER position, or at `at` (its old place), or last. */
function place(p: Parts, c: ColumnModel, spec: AlterSpec, s: Stmt, at?: number): void {
  const first = s.find(['FIRST'], spec.first, spec.end) !== -1;
  const after = spec.after ? p.columns.findIndex((x) => low(x.name) === low(spec.after!.name)) : -1;
  const i = first ? 0 : after !== -1 ? after + 1 : (at ?? p.columns.length);
  p.columns.splice(i, 0, c);
}

/** The key parts of an index definition, with their offsets in `sql`. */
function keyParts(sql: string): Array<{ column?: string; start: number; end: number }> {
  const prefix = 'CREATE TABLE x (a INT, ';
  const text = `${prefix}${sql})`;
  const s = new Stmt(text, split(text).statements[0]);
  const i = parseCreateTable(s)?.indexes[0];
  return (i?.parts ?? []).map((k) => ({
    column: k.column,
    start: s.tokens[k.first].start - prefix.length,
    end: s.tokens[k.end - 1].end - prefix.length,
  }));
}

/** An index after a column is dropped: without that key part, or gone when it was its only one (as MySQL does). */
function withoutColumn(x: IndexModel, name: string): IndexModel[] {
  const parts = keyParts(x.sql);
  const kept = parts.filter((k) => !k.column || low(k.column) !== low(name));
  if (kept.length === parts.length) return [x];
  if (!kept.length) return [];
  const sql =
    x.sql.slice(0, parts[0].start) + kept.map((k) => x.sql.slice(k.start, k.end)).join(', ') + x.sql.slice(parts[parts.length - 1].end);
  return [index(sql)];
}

function renameInIndex(x: IndexModel, from: string, to: string): IndexModel {
  const parts = keyParts(x.sql);
  if (!parts.some((k) => k.column && low(k.column) === low(from))) return x;
  let sql = x.sql;
  for (const k of [...parts].reverse())
    if (k.column && low(k.column) === low(from))
      sql = sql.slice(0, k.start) + sql.slice(k.start, k.end).replace(/^(`(?:[^`]|``)+`|[\w$]+)/, q(to)) + sql.slice(k.end);
  return index(sql);
}

/** ALTER SEQUENCE s option…: the options given replace the sequence's, the rest stay. */
function alterSequence(m: SchemaModel, text: string): string | undefined {
  const name = /^\s*ALTER\s+SEQUENCE\s+(?:IF\s+EXISTS\s+)?(?:(?:`(?:[^`]|``)+`|[\w$]+)\s*\.\s*)?(`(?:[^`]|``)+`|[\w$]+)([\s\S]*)$/i.exec(
    text,
  );
  const old: SequenceModel | undefined = name ? m.sequences.get(low(name[1].replace(/^`|`$/g, '').replace(/``/g, '`'))) : undefined;
  if (!name || !old) return l10n.t('a sequence not created before');
  const body = name[2].replace(/;\s*$/, '');
  if (/\bRESTART\b/i.test(body) && !/\b(INCREMENT|MINVALUE|MAXVALUE|CACHE|CYCLE|NOCACHE|NOCYCLE)\b/i.test(body)) return undefined;
  const given = (re: RegExp) => re.test(body);
  const o = old.options;
  const parts = [
    given(/\bSTART\b/i) ? '' : `START WITH ${o.start}`,
    given(/\bINCREMENT\b/i) ? '' : `INCREMENT BY ${o.increment}`,
    given(/\bMINVALUE\b/i) ? '' : `MINVALUE ${o.minvalue}`,
    given(/\bMAXVALUE\b/i) ? '' : `MAXVALUE ${o.maxvalue}`,
    given(/\b(NO\s*)?CACHE\b/i) ? '' : o.cache === '0' ? 'NOCACHE' : `CACHE ${o.cache}`,
    given(/\b(NO\s*)?CYCLE\b/i) ? '' : o.cycle ? 'CYCLE' : 'NOCYCLE',
  ];
  const r = sequenceModel(`CREATE SEQUENCE ${q(old.name)} ${body.replace(/\bRESTART(\s+WITH)?\s*=?\s*-?\d*/i, '')} ${parts.join(' ')}`);
  if (!r) return 'an unreadable ALTER SEQUENCE';
  m.sequences.set(low(r.name), r);
  return undefined;
}
