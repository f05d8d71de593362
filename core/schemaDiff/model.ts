// A schema as the compare sees it: per table its columns, indexes, options and partitioning, each
// with a normalized key (what must be equal) and the text to write back (what a migration uses).
// Built from CREATE TABLE text (SHOW CREATE TABLE of a live server, or a folder's DDL) with the
// engine's lexer and DDL reader, so TiDB-only syntax is read as well as MySQL's. What is noise:
// AUTO_INCREMENT=n counters, comments (TiDB's /*T![…] … */ features are kept as their content),
// whitespace and case, integer display widths (int(11) vs int), `DEFAULT NULL` on a nullable column.
import { parseCreateTable } from '../sql/ddl';
import { split } from '../sql/splitter';
import { Stmt } from '../sql/statement';

export interface ColumnModel {
  name: string;
  /** what must be equal */
  key: string;
  /** the definition as written, for ADD / MODIFY COLUMN */
  sql: string;
}

export interface IndexModel {
  /** PRIMARY for the primary key */
  name: string;
  kind: string;
  key: string;
  sql: string;
}

export interface TableModel {
  name: string;
  columns: ColumnModel[];
  indexes: IndexModel[];
  /** table options that matter (engine, charset, collation, comment, TiDB's shard/auto-random options), normalized */
  options: string;
  partition: string;
  /** the CREATE TABLE as read, AUTO_INCREMENT=n removed */
  createSql: string;
}

export interface ViewModel {
  name: string;
  /** the query, normalized (no DEFINER / ALGORITHM / SQL SECURITY, no qualifier of its own database) */
  key: string;
  /** CREATE OR REPLACE VIEW … AS <query>, for the migration */
  createSql: string;
}

export interface SchemaModel {
  /** by lower-cased name */
  tables: Map<string, TableModel>;
  views: Map<string, ViewModel>;
}

/**
 * A view from SHOW CREATE VIEW (or a CREATE VIEW in a file). `db`: the view's database, whose
 * qualifiers MySQL and MariaDB write into the stored query (`shop`.`t`.`id`) and which would make two
 * databases' views always differ.
 */
export function viewModel(text: string, db?: string): ViewModel | undefined {
  const m = /\bVIEW\s+((?:`(?:[^`]|``)+`|[\w$]+)(?:\s*\.\s*(?:`(?:[^`]|``)+`|[\w$]+))?)\s+(?:\([^)]*\)\s*)?AS\s+([\s\S]*?);?\s*$/i.exec(
    text,
  );
  if (!m) return undefined;
  const unq = (n: string) => (n.startsWith('`') ? n.slice(1, -1).replace(/``/g, '`') : n);
  const parts = m[1].split(/\s*\.\s*(?=`|[\w$])/);
  const name = unq(parts[parts.length - 1].trim());
  let query = m[2].trim();
  if (db) {
    const qualifier = new RegExp(`\`${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/`/g, '``')}\`\\.`, 'g');
    query = query.replace(qualifier, '');
  }
  const key = query.replace(/`/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return { name, key, createSql: `CREATE OR REPLACE VIEW \`${name.replace(/`/g, '``')}\` AS ${query}` };
}

/** Tokens of [first, end) as normalized text: lower-cased, single-spaced, literals kept, integer widths dropped. */
function tokensText(s: Stmt, first: number, end: number): string {
  const out: string[] = [];
  for (let i = first; i < end && i < s.length; i++) {
    const t = s.tokens[i];
    const raw = s.src.slice(t.start, t.end);
    if (t.kind === 'string') out.push(raw);
    else if (t.kind === 'qident') out.push(t.value.toLowerCase());
    else out.push(raw.toLowerCase());
  }
  return out
    .join(' ')
    .replace(/\b(tinyint|smallint|mediumint|int|integer|bigint) \( \d+ \)(?! zerofill)/g, (m, type) => (m === 'tinyint ( 1 )' ? m : type))
    .replace(/ \( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ , /g, ',');
}

/** The text of tokens [first, end) as written. */
function sourceText(s: Stmt, first: number, end: number): string {
  return s.src.slice(s.tokens[first].start, s.tokens[Math.min(end, s.length) - 1].end);
}

const KEPT_OPTIONS = new Set([
  'ENGINE',
  'CHARSET',
  'COLLATE',
  'COMMENT',
  'SHARD_ROW_ID_BITS',
  'PRE_SPLIT_REGIONS',
  'AUTO_ID_CACHE',
  'AUTO_RANDOM_BASE',
  'TTL',
]);

/** A table from its CREATE TABLE statement; undefined when the text is not one. */
export function tableModel(createSql: string): TableModel | undefined {
  const [st] = split(createSql).statements;
  if (!st) return undefined;
  const s = new Stmt(createSql, st);
  const ct = parseCreateTable(s);
  if (!ct?.name) return undefined;
  const columns = ct.columns.map((c): ColumnModel => {
    let key = tokensText(s, c.first, c.end);
    // MySQL and MariaDB print DEFAULT NULL for a nullable column, a hand-written DDL often does not
    if (!c.notNull) key = key.replace(/ default null\b/, '');
    return { name: c.name, key, sql: sourceText(s, c.first, c.end) };
  });
  const indexes = ct.indexes
    .filter((i) => i.kind !== 'CHECK')
    .map((i): IndexModel => {
      const name = i.kind === 'PRIMARY' ? 'PRIMARY' : (i.name ?? `${i.parts.map((p) => p.column).join('_')}`);
      return { name, kind: i.kind, key: tokensText(s, i.first, i.end), sql: sourceText(s, i.first, i.end) };
    });
  const options = ct.options
    .filter((o) => KEPT_OPTIONS.has(o.name))
    .map((o) => `${o.name.toLowerCase()}=${tokensText(s, o.valueStart, o.valueEnd)}`)
    .sort()
    .join(' ');
  const partition = ct.partition ? tokensText(s, ct.partition.tok, ct.partition.end) : '';
  const name = ct.name.name;
  const text = sourceText(s, 0, s.length).replace(/\s+AUTO_INCREMENT\s*=\s*\d+/i, '');
  return { name, columns, indexes, options, partition, createSql: text };
}

/** A schema from CREATE TABLE statements (others are ignored) and views. */
export function schemaModel(creates: Iterable<string>, views: Iterable<ViewModel> = []): SchemaModel {
  const tables = new Map<string, TableModel>();
  for (const sql of creates) {
    const t = tableModel(sql);
    if (t) tables.set(t.name.toLowerCase(), t);
  }
  return { tables, views: new Map([...views].map((v) => [v.name.toLowerCase(), v])) };
}

/** Every CREATE [OR REPLACE] VIEW of a SQL file's text. */
export function createViewsIn(text: string): ViewModel[] {
  return split(text)
    .statements.map((st) => new Stmt(text, st))
    .filter((s) => s.kind.startsWith('CREATE') && /\bVIEW\b/i.test(text.slice(s.start, Math.min(s.end, s.start + 200))))
    .map((s) => viewModel(text.slice(s.start, s.end)))
    .filter((v): v is ViewModel => !!v);
}

/** Every CREATE TABLE of a SQL file or folder text, each as its own statement text. */
export function createTablesIn(text: string): string[] {
  return split(text)
    .statements.map((st) => new Stmt(text, st))
    .filter((s) => s.kind === 'CREATE TABLE')
    .map((s) => text.slice(s.start, s.end));
}
