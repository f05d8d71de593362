// A schema as the compare sees it: per table its columns, indexes, options and partitioning, each
// with a normalized key (what must be equal) and the text to write back (what a migration uses).
// Built from CREATE TABLE text (SHOW CREATE TABLE of a live server, or a folder's DDL) with the
// engine's lexer and DDL reader, so TiDB-only syntax is read as well as MySQL's. What is noise:
// AUTO_INCREMENT=n counters, comments (TiDB's /*T![…] … */ features are kept as their content),
// whitespace and case, integer display widths (int(11) vs int), `DEFAULT NULL` on a nullable column,
// a column's CHARACTER SET / COLLATE equal to its table's default (MySQL, MariaDB and TiDB print them
// only when they differ), utf8 vs utf8mb3, and ENGINE / CHARSET / COLLATE given on one side only
// (a hand-written DDL that leaves them to the server's default).
import { type ColumnDef, parseCreateTable } from '../sql/ddl';
import { split } from '../sql/splitter';
import { Stmt } from '../sql/statement';
import { attributes, columnType, indexShape, isForeignKeyIndex, mariaDbJson, sourceText, tokensText, utf8mb3 } from './normalize';

export interface ColumnModel {
  name: string;
  /** what must be equal */
  key: string;
  /** the type as the servers print it (bigint unsigned, decimal(10,2), varchar(20)) */
  type?: string;
  /** the definition as written, for ADD / MODIFY COLUMN */
  sql: string;
}

export interface IndexModel {
  /** PRIMARY for the primary key; the name DROP INDEX / DROP FOREIGN KEY takes */
  name: string;
  /** what pairs it with the other side's (see normalize.ts indexShape) */
  id: string;
  kind: string;
  key: string;
  sql: string;
  /** the index the server made for a foreign key: kept for rendering, not compared */
  implicit?: boolean;
  /** a foreign key's referenced table (lower-cased) */
  references?: string;
}

export interface TableModel {
  name: string;
  columns: ColumnModel[];
  indexes: IndexModel[];
  /** table options that matter (engine, charset, collation, comment, TiDB's shard/auto-random options), normalized */
  options: string;
  /** the same, by lower-cased option name */
  optionMap: Map<string, string>;
  /** the table options as written (for re-rendering an altered table) */
  optionsSql: string;
  partition: string;
  partitionSql: string;
  /** CHECK constraints as written: kept when re-rendering, not compared (servers print them differently) */
  checksSql: string[];
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

export interface SequenceModel {
  name: string;
  /** the options that define it, normalized with their defaults (START is not compared: see diff.ts) */
  key: string;
  options: SequenceOptions;
  createSql: string;
}

export interface SequenceOptions {
  start: string;
  increment: string;
  minvalue: string;
  maxvalue: string;
  cache: string;
  cycle: boolean;
}

export interface SchemaModel {
  /** by lower-cased name */
  tables: Map<string, TableModel>;
  views: Map<string, ViewModel>;
  sequences: Map<string, SequenceModel>;
  /** a live side's default collation per charset (information_schema.CHARACTER_SETS), for columns that name only a charset */
  collations?: Map<string, string>;
}

const unquote = (n: string) => (n.startsWith('`') ? n.slice(1, -1).replace(/``/g, '`') : n);
const NAME = '(?:`(?:[^`]|``)+`|[\\w$]+)';

/**
 * A sequence from SHOW CREATE SEQUENCE (TiDB and MariaDB print every option:
 * `CREATE SEQUENCE \`s\` start with 1 minvalue 1 maxvalue 9223372036854775806 increment by 1 cache 1000 nocycle ENGINE=InnoDB`)
 * or a hand-written CREATE SEQUENCE that leaves options to their defaults, which are the same on
 * TiDB (sql-statement-create-sequence.md) and MariaDB: INCREMENT 1, MINVALUE 1 / MAXVALUE
 * 9223372036854775806 ascending (-9223372036854775807 / -1 descending), START at the bound the
 * sequence starts from, CACHE 1000, NOCYCLE.
 */
export function sequenceModel(text: string): SequenceModel | undefined {
  const m = new RegExp(
    `^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?SEQUENCE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:${NAME}\\s*\\.\\s*)?(${NAME})([\\s\\S]*?);?\\s*$`,
    'i',
  ).exec(text);
  if (!m) return undefined;
  const name = unquote(m[1]);
  const body = m[2].replace(/\/\*[\s\S]*?\*\//g, ' ').toLowerCase();
  const num = (re: RegExp) => re.exec(body)?.[1];
  const increment = num(/\bincrement\s*(?:by\s*|=\s*)?(-?\d+)/) ?? '1';
  const desc = increment.startsWith('-');
  const minvalue = (/\bno\s*minvalue\b/.test(body) ? undefined : num(/\bminvalue\s*=?\s*(-?\d+)/)) ?? (desc ? '-9223372036854775807' : '1');
  const maxvalue = (/\bno\s*maxvalue\b/.test(body) ? undefined : num(/\bmaxvalue\s*=?\s*(-?\d+)/)) ?? (desc ? '-1' : '9223372036854775806');
  const start = num(/\bstart\s*(?:with\s*|=\s*)?(-?\d+)/) ?? (desc ? maxvalue : minvalue);
  const cache = /\bnocache\b|\bno\s+cache\b/.test(body) ? '0' : (num(/\bcache\s*=?\s*(\d+)/) ?? '1000');
  const cycle = /(^|[^\w])cycle\b/.test(body.replace(/\bno\s*cycle\b/g, ''));
  const options = { start, increment, minvalue, maxvalue, cache, cycle };
  const key = `increment ${increment} minvalue ${minvalue} maxvalue ${maxvalue} cache ${cache} ${cycle ? 'cycle' : 'nocycle'}`;
  const createSql = `CREATE SEQUENCE \`${name.replace(/`/g, '``')}\` START WITH ${start} INCREMENT BY ${increment} MINVALUE ${minvalue} MAXVALUE ${maxvalue} ${cache === '0' ? 'NOCACHE' : `CACHE ${cache}`} ${cycle ? 'CYCLE' : 'NOCYCLE'}`;
  return { name, key, options, createSql };
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
  const parts = m[1].split(/\s*\.\s*(?=`|[\w$])/);
  const name = unquote(parts[parts.length - 1].trim());
  let query = m[2].trim();
  if (db) {
    const qualifier = new RegExp(`\`${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/`/g, '``')}\`\\.`, 'g');
    query = query.replace(qualifier, '');
  }
  return { name, key: viewKey(query), createSql: `CREATE OR REPLACE VIEW \`${name.replace(/`/g, '``')}\` AS ${query}` };
}

/**
 * A view's query as compared: the servers store it expanded (MariaDB and MySQL write every column
 * as `db`.`table`.`column` AS `column`), a migration writes it as typed. Quotes, table qualifiers,
 * an alias equal to its column and spacing around punctuation are dropped. String literals are kept.
 */
function viewKey(query: string): string {
  return query
    .split(/('(?:[^'\\]|\\.|'')*')/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/`/g, '')
            .toLowerCase()
            .replace(/\b[a-z_$][\w$]*\.(?=[a-z_$])/g, '')
            .replace(/\b([a-z_$][\w$]*) as \1\b/g, '$1')
            .replace(/\s*([,()=<>+*/-])\s*/g, '$1')
            .replace(/\s+/g, ' '),
    )
    .join('')
    .trim();
}

/** Tokens of a column's inline PRIMARY KEY / UNIQUE [KEY] / CLUSTERED, with the indexes they stand for added to `out`. */
function inlineKeys(s: Stmt, c: ColumnDef, out: IndexModel[], inPrimaryKey: boolean): number[] {
  const toks: number[] = [];
  const q = `\`${c.name.replace(/`/g, '``')}\``;
  const n = c.name.toLowerCase();
  if (c.primaryKey !== undefined) {
    toks.push(c.primaryKey);
    if (s.is(c.primaryKey, 'PRIMARY') && s.is(c.primaryKey + 1, 'KEY')) toks.push(c.primaryKey + 1);
    const cl = c.clustered ? ` ${c.clustered.value}` : '';
    if (c.clustered) toks.push(c.clustered.tok);
    out.push({
      name: 'PRIMARY',
      id: 'primary',
      kind: 'PRIMARY',
      key: `primary key(${n})${cl.toLowerCase()}`,
      sql: `PRIMARY KEY (${q})${cl}`,
    });
  }
  // (with PRIMARY KEY on the same column the servers make no second, unique, index)
  const serialUnique = c.type?.name === 'SERIAL' && c.primaryKey === undefined && !inPrimaryKey;
  if ((c.unique !== undefined || serialUnique) && !out.some((x) => x.id === `key:${n}`)) {
    // SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE
    if (c.unique !== undefined) toks.push(c.unique);
    if (c.unique !== undefined && s.is(c.unique + 1, 'KEY')) toks.push(c.unique + 1);
    out.push({ name: c.name, id: `key:${n}`, kind: 'UNIQUE', key: `unique key ${n}(${n})`, sql: `UNIQUE KEY ${q} (${q})` });
  }
  return toks;
}

/** The text of tokens [first, end) as written, without the tokens in `skip`. */
function sourceSkipping(s: Stmt, first: number, end: number, skip: number[]): string {
  if (!skip.length) return sourceText(s, first, end);
  const runs: string[] = [];
  let from = -1;
  for (let i = first; i <= Math.min(end, s.length); i++) {
    const keep = i < Math.min(end, s.length) && !skip.includes(i);
    if (keep && from === -1) from = i;
    if (!keep && from !== -1) {
      runs.push(sourceText(s, from, i));
      from = -1;
    }
  }
  return runs.join(' ');
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
  const opt = (n: string) => ct.options.find((o) => o.name === n)?.value.toLowerCase();
  const tableCollate = opt('COLLATE') && utf8mb3(opt('COLLATE')!);
  const tableCharset = opt('CHARSET') ? utf8mb3(opt('CHARSET')!) : tableCollate?.split('_')[0];
  const inlineIndexes: IndexModel[] = [];
  const pkColumns = new Set(
    ct.indexes.filter((i) => i.kind === 'PRIMARY').flatMap((i) => i.parts.map((p) => (p.column ?? '').toLowerCase())),
  );
  const columns = ct.columns.map((c): ColumnModel => {
    // PRIMARY KEY / UNIQUE written on the column: the servers print them as the table's indexes
    const inline = inlineKeys(s, c, inlineIndexes, pkColumns.has(c.name.toLowerCase()));
    // a column's charset / collation equal to the table's is what the server prints as nothing
    const skip = new Set<number>(inline);
    const range = (r: { keyword: number; tok: number }) => {
      for (let i = r.keyword; i <= r.tok; i++) skip.add(i);
    };
    const charset0 = c.charset ? utf8mb3(c.charset.name.toLowerCase()) : undefined;
    // VARCHAR(n) BINARY is the charset's _bin collation
    const binaryCollate = c.type?.binary !== undefined && !c.collate ? `${charset0 ?? tableCharset ?? ''}_bin` : undefined;
    const collate = c.collate ? utf8mb3(c.collate.name.toLowerCase()) : binaryCollate;
    const charset = charset0 ?? collate?.split('_')[0];
    const keepCollate = collate && collate !== tableCollate;
    if (c.collate && !keepCollate) range(c.collate);
    // with a collation kept, the charset it implies is redundant
    if (c.charset && (keepCollate ? charset === collate!.split('_')[0] : charset === tableCharset)) range(c.charset);
    const n = c.name.toLowerCase();
    const t = columnType(s, c);
    let attrs = ` ${tokensText(s, t?.next ?? c.nameTok + 1, c.end, skip)}`;
    if (binaryCollate && keepCollate && binaryCollate !== '_bin') attrs = ` collate ${binaryCollate}${attrs}`;
    const serial = c.type?.name === 'SERIAL';
    if (serial && !/ auto_increment\b/.test(attrs)) attrs += ' auto_increment';
    // MySQL and MariaDB print DEFAULT NULL for a nullable column, a hand-written DDL often does not
    if (!c.notNull) attrs = attrs.replace(/ default null\b/, '');
    // NULL is the default and a primary key's columns are NOT NULL whether written or not: said once, at the end
    attrs = attributes(attrs.replace(/ (?<!default )not null\b/, '').replace(/ (?<!default )null\b/, ''));
    const json = mariaDbJson(n, t?.type ?? '', attrs);
    const notNull = c.notNull || serial || c.primaryKey !== undefined || pkColumns.has(n);
    const key = `${n} ${json.type}${json.attrs.trimEnd()}${notNull ? ' not null' : ''}`.replace(/ {2,}/g, ' ');
    return { name: c.name, key, type: json.type, sql: sourceSkipping(s, c.first, c.end, inline) };
  });
  const checksSql = ct.indexes.filter((i) => i.kind === 'CHECK').map((i) => sourceText(s, i.first, i.end));
  const shaped = ct.indexes.filter((i) => i.kind !== 'CHECK').map((i) => ({ def: i, shape: indexShape(s, i) }));
  const fks = shaped.filter((x) => x.def.kind === 'FOREIGN').map((x) => ({ name: x.def.name ?? '', columns: x.shape.columns }));
  const declared = new Set(shaped.map((x) => x.shape.id));
  const indexes = [
    // a column's inline key, unless the table (as re-rendered after an ALTER) declares it too
    ...inlineIndexes.filter((i) => !declared.has(i.id)),
    ...shaped.map(
      ({ def, shape }): IndexModel => ({
        name: shape.name,
        id: shape.id,
        kind: def.kind,
        key: shape.key,
        sql: sourceText(s, def.first, def.end),
        implicit: isForeignKeyIndex({ kind: def.kind, name: shape.name, columns: shape.columns }, fks) || undefined,
        references: def.references?.table?.name.toLowerCase(),
      }),
    ),
  ];
  const optionMap = new Map(
    ct.options
      .filter((o) => KEPT_OPTIONS.has(o.name))
      .map((o) => {
        const v = tokensText(s, o.valueStart, o.valueEnd);
        const bare = /^(ENGINE|CHARSET|COLLATE)$/.test(o.name) ? utf8mb3(v.replace(/^'(.*)'$/, '$1').toLowerCase()) : v;
        return [o.name.toLowerCase(), bare] as [string, string];
      }),
  );
  if (tableCharset && !optionMap.has('charset')) optionMap.set('charset', tableCharset);
  const options = [...optionMap]
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(' ');
  const optionsSql = ct.options
    .filter((o) => o.name !== 'AUTO_INCREMENT')
    .map((o) => sourceText(s, o.tok, o.valueEnd))
    .join(' ');
  const partition = ct.partition ? tokensText(s, ct.partition.tok, ct.partition.end) : '';
  const partitionSql = ct.partition ? sourceText(s, ct.partition.tok, ct.partition.end) : '';
  const name = ct.name.name;
  const text = sourceText(s, 0, s.length).replace(/\s+AUTO_INCREMENT\s*=\s*\d+/i, '');
  return { name, columns, indexes, options, optionMap, optionsSql, partition, partitionSql, checksSql, createSql: text };
}

/** A schema from CREATE TABLE statements (others are ignored), views and sequences. */
export function schemaModel(
  creates: Iterable<string>,
  views: Iterable<ViewModel> = [],
  sequences: Iterable<SequenceModel> = [],
): SchemaModel {
  const tables = new Map<string, TableModel>();
  for (const sql of creates) {
    const t = tableModel(sql);
    if (t) tables.set(t.name.toLowerCase(), t);
  }
  return {
    tables,
    views: new Map([...views].map((v) => [v.name.toLowerCase(), v])),
    sequences: new Map([...sequences].map((q) => [q.name.toLowerCase(), q])),
  };
}

/**
 * CREATE TABLE text for a table model whose columns or indexes were changed (a replayed ALTER):
 * the parts as written, in order, with the options and partitioning as written.
 */
export function renderCreate(t: Pick<TableModel, 'name' | 'columns' | 'indexes' | 'checksSql' | 'optionsSql' | 'partitionSql'>): string {
  const body = [...t.columns.map((c) => c.sql), ...t.indexes.map((i) => i.sql), ...t.checksSql].map((l) => `  ${l}`).join(',\n');
  return `CREATE TABLE \`${t.name.replace(/`/g, '``')}\` (\n${body}\n)${t.optionsSql ? ` ${t.optionsSql}` : ''}${t.partitionSql ? `\n${t.partitionSql}` : ''}`;
}
