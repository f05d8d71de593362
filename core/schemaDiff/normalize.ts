// What the compare treats as equal: the same column or index written by hand and printed back by
// MySQL, MariaDB or TiDB (SHOW CREATE TABLE). Found on real schemas (test/fixtures/real-sql applied to
// MariaDB and compared with their text): type synonyms (INTEGER, BOOLEAN, NUMERIC, SERIAL), default
// lengths (DECIMAL = DECIMAL(10,0), CHAR = CHAR(1)), quoted numeric defaults (DEFAULT '0'),
// CURRENT_TIMESTAMP() vs CURRENT_TIMESTAMP, MariaDB's JSON as LONGTEXT with a json_valid CHECK,
// unnamed indexes (named after their first column), an index's USING BTREE (InnoDB's and TiDB's only
// kind), foreign keys' generated names (t_ibfk_1) and the index the server adds for a foreign key.
import { type ColumnDef, type IndexDef, readDataType } from '../sql/ddl';
import type { Stmt } from '../sql/statement';

/** MySQL 8.0.30+ prints utf8mb3 for utf8 (and utf8mb3_… for utf8_… collations); MariaDB and TiDB print utf8. */
export const utf8mb3 = (w: string) => w.replace(/^utf8(?=$|_)/, 'utf8mb3');

/** Tokens of [first, end) as normalized text: lower-cased, single-spaced, literals kept, integer widths dropped. */
export function tokensText(s: Stmt, first: number, end: number, skip?: Set<number>): string {
  const out: string[] = [];
  for (let i = first; i < end && i < s.length; i++) {
    if (skip?.has(i)) continue;
    const t = s.tokens[i];
    const raw = s.src.slice(t.start, t.end);
    if (t.kind === 'string') out.push(raw);
    else if (t.kind === 'qident') out.push(t.value.toLowerCase());
    else out.push(utf8mb3(raw.toLowerCase()));
  }
  return out
    .join(' ')
    .replace(/\b(tinyint|smallint|mediumint|int|integer|bigint) \( \d+ \)(?! zerofill)/g, (m, type) => (m === 'tinyint ( 1 )' ? m : type))
    .replace(/ \( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ , /g, ',');
}

/** The text of tokens [first, end) as written. */
export function sourceText(s: Stmt, first: number, end: number): string {
  return s.src.slice(s.tokens[first].start, s.tokens[Math.min(end, s.length) - 1].end);
}

const SYNONYMS: Record<string, string> = {
  INTEGER: 'int',
  INT4: 'int',
  INT8: 'bigint',
  INT1: 'tinyint',
  INT2: 'smallint',
  INT3: 'mediumint',
  MIDDLEINT: 'mediumint',
  NUMERIC: 'decimal',
  DEC: 'decimal',
  FIXED: 'decimal',
  REAL: 'double',
  FLOAT8: 'double',
  FLOAT4: 'float',
  BOOL: 'tinyint',
  BOOLEAN: 'tinyint',
  SERIAL: 'bigint',
};

const INTEGERS = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint']);

/**
 * A column's type as the servers print it, and the token after it: `integer` → `int`, `boolean` →
 * `tinyint(1)`, `numeric` → `decimal(10,0)`, `serial` → `bigint unsigned` (its AUTO_INCREMENT, NOT
 * NULL and UNIQUE are the caller's), integer display widths dropped (except tinyint(1) and ZEROFILL).
 */
export function columnType(s: Stmt, c: ColumnDef): { type: string; next: number } | undefined {
  if (!c.type) return undefined;
  const read = readDataType(s, c.type.tok);
  if (!read) return undefined;
  const t = c.type;
  const name = SYNONYMS[t.name] ?? t.name.toLowerCase();
  let args = t.args.map((a) => a.replace(/\s+/g, '').toLowerCase());
  if (t.name === 'BOOL' || t.name === 'BOOLEAN') args = ['1'];
  else if (INTEGERS.has(name) && !t.zerofill && !(name === 'tinyint' && args[0] === '1')) args = [];
  else if (name === 'decimal') args = [args[0] ?? '10', args[1] ?? '0'];
  else if (/^(char|binary|bit|nchar)$/.test(name) && !args.length) args = ['1'];
  else if (/^(datetime|timestamp|time)$/.test(name) && args[0] === '0') args = [];
  else if (/^(enum|set)$/.test(name)) args = t.args.map((a) => a.trim());
  const type = `${name}${args.length ? `(${args.join(',')})` : ''}${t.unsigned ? ' unsigned' : ''}${t.zerofill ? ' zerofill' : ''}${t.array ? ' array' : ''}`;
  return { type, next: read.next };
}

/** A column's attributes (after its type) as compared: numeric defaults unquoted, CURRENT_TIMESTAMP() as CURRENT_TIMESTAMP, charset names unquoted. */
export function attributes(attrs: string): string {
  return unquoteCharsets(attrs)
    .replace(/ (?:charset|char set) /g, ' character set ')
    .replace(/\b(default|on update) (?:current_timestamp|now|localtime|localtimestamp)\(\)/g, '$1 current_timestamp')
    .replace(/\b(default|on update) (?:now|localtime|localtimestamp)\b(?!\()/g, '$1 current_timestamp')
    .replace(/\bdefault - (?=\d)/g, 'default -')
    .replace(/\bdefault '(-?\d+(?:\.\d+)?)'/g, 'default $1');
}

/** `CHARACTER SET 'utf8'`, `CHARSET='latin1'`: the quotes are optional. */
export function unquoteCharsets(text: string): string {
  return text.replace(/\b(character set|charset|collate)( ?=)? '([^']+)'/g, (_, w, eq, v: string) =>
    `${w}${eq ?? ''} ${utf8mb3(v.toLowerCase())}`.replace('= ', '='),
  );
}

/** MariaDB stores JSON as LONGTEXT … COLLATE utf8mb4_bin CHECK (json_valid(`c`)): the JSON it was declared as. */
export function mariaDbJson(name: string, type: string, attrs: string): { type: string; attrs: string } {
  if (type !== 'longtext') return { type, attrs };
  const check = ` check(json_valid(${name}))`;
  if (!attrs.includes(check)) return { type, attrs };
  return {
    type: 'json',
    attrs: attrs
      .replace(check, '')
      .replace(/ (?:character set utf8mb4 )?collate utf8mb4_bin\b/, '')
      .replace(/ character set utf8mb4\b/, ''),
  };
}

const KIND_WORDS: Record<string, string> = {
  PRIMARY: 'primary key',
  UNIQUE: 'unique key',
  INDEX: 'key',
  FULLTEXT: 'fulltext key',
  SPATIAL: 'spatial key',
  FOREIGN: 'foreign key',
};

/** A foreign key name the server made up (MySQL/MariaDB `<table>_ibfk_<n>`, TiDB `fk_<n>`). */
export const GENERATED_FK = /(_ibfk_\d+|^fk_\d+)$/i;

export interface IndexShape {
  /** what identifies it between two sides: kind namespace and name (a foreign key with a made-up name: its definition) */
  id: string;
  /** the name to use in DROP INDEX / DROP FOREIGN KEY */
  name: string;
  key: string;
  columns: string[];
}

/**
 * An index as compared: `<kind> <name>(<parts>) <options>`. An unnamed index is named after its first
 * column (what the server does); USING BTREE / HASH is dropped: InnoDB and TiDB build B-trees whatever
 * is written (and MariaDB turns a UNIQUE key too long for a B-tree into USING HASH by itself); ASC is
 * every key part's default.
 */
export function indexShape(s: Stmt, i: IndexDef): IndexShape {
  const columns = i.parts.map((p) => (p.column ?? '').toLowerCase());
  const open = i.parts.length ? i.parts[0].first - 1 : -1;
  const close = open >= 0 && s.op(open) === '(' ? s.match(open) : -1;
  const kind = KIND_WORDS[i.kind] ?? i.kind.toLowerCase();
  const fkName = i.kind === 'FOREIGN' && i.name && !GENERATED_FK.test(i.name) ? i.name.toLowerCase() : '';
  const name = i.kind === 'PRIMARY' ? '' : i.kind === 'FOREIGN' ? fkName : (i.name ?? i.parts[0]?.column ?? '').toLowerCase();
  let key: string;
  if (close > open) {
    const rest = tokensText(s, close + 1, i.end)
      .replace(/ ?\busing (btree|hash)\b/, '')
      .trim();
    // ASC is every key part's default
    const parts = tokensText(s, open + 1, close).replace(/ asc(?=,|$)/g, '');
    key = `${kind}${name ? ` ${name}` : ''}(${parts})${rest ? ` ${rest}` : ''}`;
  } else key = tokensText(s, i.first, i.end);
  const realName = i.kind === 'PRIMARY' ? 'PRIMARY' : (i.name ?? i.parts[0]?.column ?? '');
  const id = i.kind === 'PRIMARY' ? 'primary' : i.kind === 'FOREIGN' ? `fk:${fkName || key}` : `key:${realName.toLowerCase()}`;
  return { id, name: realName, key, columns };
}

/**
 * Whether a plain index is the one the server created for a foreign key (same columns, named after
 * the constraint, a generated constraint name, or the first column): it exists on a live side and
 * not in the DDL that declared the foreign key, so it is not compared.
 */
export function isForeignKeyIndex(
  idx: { kind: string; name: string; columns: string[] },
  fks: Array<{ name: string; columns: string[] }>,
): boolean {
  if (idx.kind !== 'INDEX') return false;
  const n = idx.name.toLowerCase();
  return fks.some(
    (fk) => fk.columns.join(',') === idx.columns.join(',') && (n === fk.name.toLowerCase() || GENERATED_FK.test(n) || n === fk.columns[0]),
  );
}
