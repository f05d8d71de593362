// Token-level readers for the DDL structures rules need: column definitions,
// index definitions, table options, partition clauses and ALTER TABLE
// specifications. They work on any statement, including TiDB-only syntax that
// node-sql-parser rejects, and never throw on malformed input.
import type { QualifiedName, Stmt } from './statement';

export interface DataType {
  /** upper-cased base type: BIGINT, VARCHAR, DOUBLE, ... */
  name: string;
  tok: number;
  /** raw arguments inside (...) */
  args: string[];
  /** token indexes of '(' and ')' around the arguments */
  argsRange?: [number, number];
  unsigned: boolean;
  zerofill?: number;
  /** CAST(... AS type ARRAY) style; also column types declared with ARRAY */
  array?: boolean;
  /** the BINARY attribute of a string type (VARCHAR(10) BINARY): the charset's _bin collation */
  binary?: number;
}

export interface NameRef {
  name: string;
  tok: number;
  /** token index of the keyword that introduced it (CHARACTER/CHARSET/COLLATE) */
  keyword: number;
}

export interface ColumnDef {
  name: string;
  nameTok: number;
  /** token range [first, end) of the whole definition */
  first: number;
  end: number;
  type?: DataType;
  charset?: NameRef;
  collate?: NameRef;
  notNull: boolean;
  autoIncrement?: number;
  autoRandom?: number;
  /** DEFAULT: keyword token and [start, end) of the value */
  default?: { tok: number; start: number; end: number };
  onUpdate?: number;
  primaryKey?: number;
  clustered?: { value: 'CLUSTERED' | 'NONCLUSTERED'; tok: number };
  unique?: number;
  generated?: { tok: number; stored: boolean; storedTok?: number; exprStart: number; exprEnd: number };
  references?: number;
  checks: CheckDef[];
  comment?: number;
}

export interface CheckDef {
  tok: number;
  /** token index of the ( and ) */
  open: number;
  close: number;
  notEnforced: boolean;
}

export interface KeyPart {
  column?: string;
  /** for functional key parts: [open, close] token indexes of the expression parens */
  expr?: [number, number];
  first: number;
  end: number;
  desc?: number;
}

export type IndexKind = 'PRIMARY' | 'UNIQUE' | 'INDEX' | 'FULLTEXT' | 'SPATIAL' | 'FOREIGN' | 'CHECK';

export interface IndexDef {
  kind: IndexKind;
  name?: string;
  /** token of the defining keyword (PRIMARY, UNIQUE, KEY, INDEX, FULLTEXT, SPATIAL, FOREIGN, CHECK) */
  tok: number;
  first: number;
  end: number;
  parts: KeyPart[];
  using?: { type: string; tok: number };
  clustered?: { value: 'CLUSTERED' | 'NONCLUSTERED'; tok: number };
  check?: CheckDef;
  references?: { table?: QualifiedName; tok: number };
  withParser?: string;
}

export interface TableOption {
  /** upper-cased option name with single spaces: ENGINE, DEFAULT CHARSET -> CHARSET, COLLATE, SHARD_ROW_ID_BITS, ... */
  name: string;
  tok: number;
  /** [start, end) token range of the value */
  valueStart: number;
  valueEnd: number;
  /** the first value token as text (unquoted) */
  value: string;
}

export interface PartitionDef {
  tok: number;
  type: 'RANGE' | 'LIST' | 'HASH' | 'KEY' | 'SYSTEM_TIME' | string;
  linear?: number;
  columns: boolean;
  /** number of columns or expressions in the partitioning function */
  columnCount: number;
  subpartition?: number;
  subpartitions?: number;
  end: number;
}

export interface CreateTable {
  name?: QualifiedName;
  temporary?: 'local' | 'global';
  ifNotExists: boolean;
  like?: QualifiedName;
  /** token index of the SELECT (or AS) of CREATE TABLE ... [AS] SELECT */
  asSelect?: number;
  columns: ColumnDef[];
  indexes: IndexDef[];
  options: TableOption[];
  partition?: PartitionDef;
  bodyOpen?: number;
  bodyClose?: number;
}

const TABLE_OPTION_WORDS = new Set([
  'ENGINE',
  'AUTO_INCREMENT',
  'AVG_ROW_LENGTH',
  'CHARSET',
  'CHARACTER',
  'CHECKSUM',
  'COLLATE',
  'COMMENT',
  'COMPRESSION',
  'CONNECTION',
  'DATA',
  'INDEX',
  'DELAY_KEY_WRITE',
  'ENCRYPTION',
  'INSERT_METHOD',
  'KEY_BLOCK_SIZE',
  'MAX_ROWS',
  'MIN_ROWS',
  'PACK_KEYS',
  'PASSWORD',
  'ROW_FORMAT',
  'STATS_AUTO_RECALC',
  'STATS_PERSISTENT',
  'STATS_SAMPLE_PAGES',
  'TABLESPACE',
  'UNION',
  'SHARD_ROW_ID_BITS',
  'PRE_SPLIT_REGIONS',
  'AUTO_ID_CACHE',
  'AUTO_RANDOM_BASE',
  'TTL',
  'TTL_ENABLE',
  'TTL_JOB_INTERVAL',
  'PLACEMENT',
  'DEFAULT',
  'SECONDARY_ENGINE',
  'STORAGE',
  'AUTOEXTEND_SIZE',
  'ENGINE_ATTRIBUTE',
  'SECONDARY_ENGINE_ATTRIBUTE',
  'STATS_BUCKETS',
  'STATS_TOPN',
  'STATS_COL_CHOICE',
  'STATS_COL_LIST',
  'STATS_SAMPLE_RATE',
  'NOCACHE',
  'CACHE',
  'NOCOMPRESS',
  'START',
  'INCREMENT',
  'MINVALUE',
  'MAXVALUE',
  'CYCLE',
  'NOCYCLE',
  'NOMINVALUE',
  'NOMAXVALUE',
  'PAGE_CHECKSUM',
  'TRANSACTIONAL',
  'SECONDARY_ENGINE',
  'AFFINITY',
]);

const INDEX_START = new Set([
  'PRIMARY',
  'UNIQUE',
  'KEY',
  'INDEX',
  'FULLTEXT',
  'SPATIAL',
  'FOREIGN',
  'CHECK',
  'CONSTRAINT',
  'VECTOR',
  'COLUMNAR',
]);

const TWO_WORD_TYPES: Record<string, string[]> = {
  DOUBLE: ['PRECISION'],
  CHARACTER: ['VARYING'],
  NATIONAL: ['CHAR', 'VARCHAR', 'CHARACTER'],
  LONG: ['VARCHAR', 'VARBINARY'],
};

export const INTEGER_TYPES = new Set([
  'TINYINT',
  'SMALLINT',
  'MEDIUMINT',
  'INT',
  'INTEGER',
  'BIGINT',
  'INT1',
  'INT2',
  'INT3',
  'INT4',
  'INT8',
  'MIDDLEINT',
  'BOOL',
  'BOOLEAN',
  'SERIAL',
]);
export const STRING_TYPES = new Set([
  'CHAR',
  'VARCHAR',
  'TINYTEXT',
  'TEXT',
  'MEDIUMTEXT',
  'LONGTEXT',
  'CHARACTER',
  'NCHAR',
  'NVARCHAR',
  'ENUM',
  'SET',
  'LONG',
  'NATIONAL',
]);
export const TEXTUAL_TYPES = new Set([
  'CHAR',
  'VARCHAR',
  'TINYTEXT',
  'TEXT',
  'MEDIUMTEXT',
  'LONGTEXT',
  'CHARACTER',
  'NCHAR',
  'NVARCHAR',
  'NATIONAL',
  'LONG',
]);

/** Reads a data type at i. Returns the type and the index after it. */
export function readDataType(s: Stmt, i: number): { type: DataType; next: number } | undefined {
  const w = s.word(i);
  if (!w) return undefined;
  let name = w;
  let j = i + 1;
  const second = TWO_WORD_TYPES[w];
  if (second?.includes(s.word(j))) {
    name = w === 'NATIONAL' || w === 'LONG' ? s.word(j) : w;
    // CHARACTER VARYING (n) is VARCHAR (n)
    if (w === 'CHARACTER' && s.word(j) === 'VARYING') name = 'VARCHAR';
    j++;
  }
  if (name === 'INTEGER') name = 'INT';
  const type: DataType = { name, tok: i, args: [], unsigned: false };
  if (s.op(j) === '(') {
    const close = s.match(j);
    if (close > j) {
      type.argsRange = [j, close];
      for (const [a, b] of s.splitCommas(j + 1, close)) if (b > a) type.args.push(s.text(a, b - 1));
      j = close + 1;
    }
  }
  for (;;) {
    const v = s.word(j);
    if (v === 'UNSIGNED') {
      type.unsigned = true;
      j++;
    } else if (v === 'BINARY') {
      type.binary = j;
      j++;
    } else if (v === 'SIGNED' || v === 'ASCII' || v === 'UNICODE' || v === 'BYTE') {
      j++;
    } else if (v === 'ZEROFILL') {
      type.zerofill = j;
      type.unsigned = true;
      j++;
    } else if (v === 'ARRAY') {
      type.array = true;
      j++;
    } else break;
  }
  if (name === 'SERIAL') type.unsigned = true;
  return { type, next: j };
}

/** Reads CHARACTER SET x / CHARSET x / CHAR SET x at i (with optional '='). */
export function readCharset(s: Stmt, i: number): { ref: NameRef; next: number } | undefined {
  let j: number;
  if (s.is(i, 'CHARSET')) j = i + 1;
  else if (s.is(i, 'CHARACTER', 'CHAR') && s.is(i + 1, 'SET')) j = i + 2;
  else return undefined;
  if (s.op(j) === '=') j++;
  const name = s.ident(j);
  if (name === undefined) return undefined;
  return { ref: { name: name.toLowerCase(), tok: j, keyword: i }, next: j + 1 };
}

export function readCollate(s: Stmt, i: number): { ref: NameRef; next: number } | undefined {
  if (!s.is(i, 'COLLATE')) return undefined;
  let j = i + 1;
  if (s.op(j) === '=') j++;
  const name = s.ident(j);
  if (name === undefined) return undefined;
  return { ref: { name: name.toLowerCase(), tok: j, keyword: i }, next: j + 1 };
}

/** Reads a column definition (name, type, attributes) in [i, end). */
export function readColumnDef(s: Stmt, i: number, end: number): ColumnDef | undefined {
  const name = s.ident(i);
  if (name === undefined) return undefined;
  const col: ColumnDef = { name, nameTok: i, first: i, end, notNull: false, checks: [] };
  // qualified column names are not allowed here; a '.' means this is not a column definition
  const dt = readDataType(s, i + 1);
  if (!dt) return col;
  col.type = dt.type;
  let j = dt.next;
  while (j < end) j = readColumnAttribute(s, col, j, end);
  return col;
}

/** Reads the column attribute at `j` into `col`; returns where the next one starts. */
function readColumnAttribute(s: Stmt, col: ColumnDef, j: number, end: number): number {
  const cs = readCharset(s, j);
  if (cs) {
    col.charset = cs.ref;
    return cs.next;
  }
  const co = readCollate(s, j);
  if (co) {
    col.collate = co.ref;
    return co.next;
  }
  const w = s.word(j);
  switch (w) {
    case 'NOT':
      if (!s.is(j + 1, 'NULL')) return j + 1;
      col.notNull = true;
      return j + 2;
    case 'AUTO_INCREMENT':
      col.autoIncrement = j;
      return j + 1;
    case 'AUTO_RANDOM':
      col.autoRandom = j;
      return s.op(j + 1) === '(' ? skipParens(s, j + 1) : j + 1;
    case 'DEFAULT':
      return readDefault(s, col, j, end);
    case 'ON': {
      if (!s.is(j + 1, 'UPDATE')) return j + 1;
      col.onUpdate = j;
      const k = j + 3;
      return s.op(k) === '(' ? skipParens(s, k) : k;
    }
    case 'PRIMARY':
      col.primaryKey = j;
      return j + (s.is(j + 1, 'KEY') ? 2 : 1);
    case 'KEY':
      // "KEY" alone after a column type means PRIMARY KEY in MySQL
      if (col.primaryKey === undefined && col.unique === undefined) col.primaryKey = j;
      return j + 1;
    case 'UNIQUE':
      col.unique = j;
      return j + (s.is(j + 1, 'KEY') ? 2 : 1);
    case 'CLUSTERED':
    case 'NONCLUSTERED':
      col.clustered = { value: w, tok: j };
      return j + 1;
    case 'GENERATED':
    case 'AS':
      return readGenerated(s, col, w, j);
    case 'REFERENCES':
      col.references = j;
      return skipReference(s, j, end);
    case 'CONSTRAINT':
      return j + (s.is(j + 1, 'CHECK') ? 1 : 2);
    case 'CHECK':
      return readColumnCheck(s, col, j, end);
    case 'COMMENT':
      col.comment = j;
      return j + 2;
    default:
      return j + 1;
  }
}

/** DEFAULT literal | (expr) | func(...) | -1 | NEXT VALUE FOR seq. */
function readDefault(s: Stmt, col: ColumnDef, j: number, end: number): number {
  const start = j + 1;
  let k = start;
  if (s.op(k) === '(') k = skipParens(s, k);
  else {
    if (s.op(k) === '-' || s.op(k) === '+') k++;
    if (s.tokens[k]?.kind === 'word' && s.op(k + 1) === '(') k = skipParens(s, k + 1);
    else if (s.word(k) === 'NEXT' && s.is(k + 1, 'VALUE')) k += 4 + (s.op(k + 4) === '.' ? 2 : 0);
    else k++;
  }
  col.default = { tok: j, start, end: Math.min(k, end) };
  return k;
}

/** [GENERATED ALWAYS] AS (expr) [VIRTUAL | STORED | PERSISTENT]. */
function readGenerated(s: Stmt, col: ColumnDef, w: 'GENERATED' | 'AS', j: number): number {
  let k = w === 'GENERATED' ? s.seq(j, 'GENERATED', 'ALWAYS', 'AS') : j;
  if (k === -1) return j + 1;
  if (w === 'AS') k = j + 1;
  if (s.op(k) !== '(') return k;
  const close = s.match(k);
  const g = { tok: j, stored: false, exprStart: k + 1, exprEnd: close > k ? close : k + 1 } as ColumnDef['generated'] & object;
  k = close > k ? close + 1 : k + 1;
  if (s.is(k, 'STORED', 'PERSISTENT')) {
    g.stored = true;
    g.storedTok = k;
    k++;
  } else if (s.is(k, 'VIRTUAL')) k++;
  col.generated = g;
  return k;
}

/** CHECK (expr) [[NOT] ENFORCED]; an unclosed CHECK ( … (truncated SQL) ends the column. */
function readColumnCheck(s: Stmt, col: ColumnDef, j: number, end: number): number {
  const open = j + 1;
  if (s.op(open) !== '(') return j + 1;
  const close = s.match(open);
  if (close < open) return end;
  let k = close + 1;
  let notEnforced = false;
  if (s.is(k, 'NOT') && s.is(k + 1, 'ENFORCED')) {
    notEnforced = true;
    k += 2;
  } else if (s.is(k, 'ENFORCED')) k++;
  col.checks.push({ tok: j, open, close, notEnforced });
  return k;
}

function skipParens(s: Stmt, i: number): number {
  const close = s.match(i);
  return close > i ? close + 1 : i + 1;
}

function skipReference(s: Stmt, i: number, end: number): number {
  let j = i + 1;
  const q = s.qname(j);
  if (q) j = q.last + 1;
  if (s.op(j) === '(') j = skipParens(s, j);
  while (j < end) {
    if (s.is(j, 'MATCH')) j += 2;
    else if (s.is(j, 'ON') && s.is(j + 1, 'DELETE', 'UPDATE')) {
      j += 2;
      if (s.is(j, 'SET') || s.is(j, 'NO')) j += 2;
      else j++;
    } else break;
  }
  return j;
}

/** Reads an index or constraint definition in [i, end). */
export function readIndexDef(s: Stmt, i: number, end: number): IndexDef | undefined {
  let j = i;
  let name: string | undefined;
  if (s.is(j, 'CONSTRAINT')) {
    j++;
    if (!s.is(j, 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) {
      name = s.ident(j);
      j++;
    }
  }
  const w = s.word(j);
  let kind: IndexKind;
  const tok = j;
  switch (w) {
    case 'PRIMARY':
      kind = 'PRIMARY';
      j += s.is(j + 1, 'KEY') ? 2 : 1;
      break;
    case 'UNIQUE':
      kind = 'UNIQUE';
      j += s.is(j + 1, 'KEY', 'INDEX') ? 2 : 1;
      break;
    case 'KEY':
    case 'INDEX':
      kind = 'INDEX';
      j++;
      break;
    case 'FULLTEXT':
    case 'SPATIAL':
      kind = w;
      j += s.is(j + 1, 'KEY', 'INDEX') ? 2 : 1;
      break;
    case 'FOREIGN':
      kind = 'FOREIGN';
      j += s.is(j + 1, 'KEY') ? 2 : 1;
      break;
    case 'CHECK':
      kind = 'CHECK';
      break;
    case 'VECTOR':
    case 'COLUMNAR':
      kind = 'INDEX';
      j += s.is(j + 1, 'KEY', 'INDEX') ? 2 : 1;
      break;
    default:
      return undefined;
  }
  const def: IndexDef = { kind, name, tok, first: i, end, parts: [] };
  if (kind === 'CHECK') {
    const open = j + 1;
    if (s.op(open) === '(') {
      const close = s.match(open);
      const k = close + 1;
      let notEnforced = false;
      if (s.is(k, 'NOT') && s.is(k + 1, 'ENFORCED')) notEnforced = true;
      def.check = { tok, open, close, notEnforced };
      void k;
    }
    return def;
  }
  // optional index name, IF NOT EXISTS, USING type before the key parts
  while (j < end && s.op(j) !== '(') {
    if (s.is(j, 'USING', 'TYPE') && s.word(j + 1)) {
      def.using = { type: s.word(j + 1), tok: j };
      j += 2;
    } else if (s.is(j, 'IF') && s.is(j + 1, 'NOT')) j += 3;
    else {
      if (def.name === undefined) def.name = s.ident(j);
      j++;
    }
  }
  if (s.op(j) === '(') {
    const close = s.match(j);
    if (close > j) {
      def.parts = readKeyParts(s, j + 1, close);
      j = close + 1;
    }
  }
  while (j < end) {
    const v = s.word(j);
    if ((v === 'USING' || v === 'TYPE') && s.word(j + 1)) {
      def.using = { type: s.word(j + 1), tok: j };
      j += 2;
    } else if (v === 'CLUSTERED' || v === 'NONCLUSTERED') {
      def.clustered = { value: v, tok: j };
      j++;
    } else if (v === 'REFERENCES') {
      def.references = { table: s.qname(j + 1), tok: j };
      j = skipReference(s, j, end);
    } else if (v === 'WITH' && s.is(j + 1, 'PARSER')) {
      def.withParser = s.ident(j + 2) ?? s.word(j + 2);
      j += 3;
    } else j++;
  }
  return def;
}

export function readKeyParts(s: Stmt, from: number, to: number): KeyPart[] {
  const parts: KeyPart[] = [];
  for (const [a, b] of s.splitCommas(from, to)) {
    if (b <= a) continue;
    const part: KeyPart = { first: a, end: b };
    if (s.op(a) === '(') {
      part.expr = [a, s.match(a)];
    } else {
      part.column = s.ident(a);
    }
    for (let k = a; k < b; k++) if (s.depth(k) === s.depth(a) && s.is(k, 'DESC') && k > a) part.desc = k;
    parts.push(part);
  }
  return parts;
}

/** Reads table options in [i, end) until PARTITION, AS/SELECT or the end. Returns options and the stop index. */
export function readTableOptions(s: Stmt, i: number, end: number): { options: TableOption[]; next: number } {
  const options: TableOption[] = [];
  let j = i;
  while (j < end) {
    if (s.op(j) === ',') {
      j++;
      continue;
    }
    const w = s.word(j);
    if (!w || w === 'PARTITION' || w === 'AS' || w === 'SELECT' || w === 'IGNORE' || w === 'REPLACE' || w === 'WITH' || w === 'TABLE')
      break;
    // an option this reader does not know (STATS_METHOD=, PAGE_COMPRESSED=, ...) still has the NAME = value shape
    if (!TABLE_OPTION_WORDS.has(w) && s.op(j + 1) !== '=') break;
    const tok = j;
    let name = w;
    let k = j + 1;
    if (w === 'DEFAULT') {
      // DEFAULT CHARSET / DEFAULT CHARACTER SET / DEFAULT COLLATE
      name = s.word(k);
      k++;
      if (!name) break;
    }
    if (name === 'CHARACTER' || name === 'CHAR') {
      if (s.is(k, 'SET')) k++;
      name = 'CHARSET';
    } else if (name === 'PLACEMENT' && s.is(k, 'POLICY')) {
      k++;
      name = 'PLACEMENT POLICY';
    } else if ((name === 'DATA' || name === 'INDEX') && s.is(k, 'DIRECTORY')) {
      k++;
      name += ' DIRECTORY';
    } else if (name === 'STORAGE') {
      k++;
    }
    if (s.op(k) === '=') k++;
    const valueStart = k;
    // The value runs to the next option word at this depth (TTL takes an expression).
    let e = k + 1;
    if (s.op(k) === '(') e = skipParens(s, k);
    while (e < end && name === 'TTL' && !(s.depth(e) === s.depth(tok) && TABLE_OPTION_WORDS.has(s.word(e))) && s.word(e) !== 'PARTITION')
      e++;
    options.push({ name, tok, valueStart, valueEnd: Math.min(e, end), value: s.ident(valueStart) ?? s.text(valueStart) });
    j = e;
  }
  return { options, next: j };
}

/** Reads PARTITION BY ... at i. */
export function readPartition(s: Stmt, i: number, end: number): PartitionDef | undefined {
  if (!s.is(i, 'PARTITION') || !s.is(i + 1, 'BY')) return undefined;
  let j = i + 2;
  const def: PartitionDef = { tok: i, type: '', columns: false, columnCount: 0, end };
  if (s.is(j, 'LINEAR')) def.linear = j++;
  def.type = s.word(j);
  j++;
  if (def.type === 'KEY' && s.is(j, 'ALGORITHM')) j += 3;
  if (s.is(j, 'COLUMNS')) {
    def.columns = true;
    j++;
  }
  if (s.op(j) === '(') {
    const close = s.match(j);
    def.columnCount = close > j + 1 ? s.splitCommas(j + 1, close).length : 0;
    j = close > j ? close + 1 : j + 1;
  }
  for (let k = j; k < end; k++) {
    if (s.is(k, 'SUBPARTITION') && s.is(k + 1, 'BY')) def.subpartition = k;
    else if (s.is(k, 'SUBPARTITIONS')) def.subpartitions = k;
  }
  return def;
}

/** Parses CREATE [TEMPORARY|GLOBAL TEMPORARY] TABLE. Undefined when the statement is not one. */
export function parseCreateTable(s: Stmt): CreateTable | undefined {
  if (s.kind !== 'CREATE TABLE') return undefined;
  const ct: CreateTable = { ifNotExists: false, columns: [], indexes: [], options: [] };
  for (let i = 1; i < s.length && !s.is(i, 'TABLE'); i++) {
    if (s.is(i, 'TEMPORARY')) ct.temporary = s.is(i - 1, 'GLOBAL') ? 'global' : 'local';
  }
  let j = s.find(['TABLE']) + 1;
  if (s.seq(j, 'IF', 'NOT', 'EXISTS') !== -1) {
    ct.ifNotExists = true;
    j += 3;
  }
  ct.name = s.qname(j);
  if (!ct.name) return ct;
  j = ct.name.last + 1;
  const n = s.sparseFrom;
  if (s.is(j, 'LIKE')) {
    ct.like = s.qname(j + 1);
    return ct;
  }
  if (s.op(j) === '(' && s.is(j + 1, 'LIKE')) {
    ct.like = s.qname(j + 2);
    return ct;
  }
  if (s.op(j) === '(' && !s.is(j + 1, 'SELECT', 'WITH')) {
    const close = s.match(j);
    const bodyEnd = close > j ? close : n;
    ct.bodyOpen = j;
    ct.bodyClose = close > j ? close : undefined;
    for (const [a, b] of s.splitCommas(j + 1, bodyEnd)) {
      if (b <= a) continue;
      const w = s.word(a);
      if (INDEX_START.has(w) && isIndexDefStart(s, a)) {
        const idx = readIndexDef(s, a, b);
        if (idx) ct.indexes.push(idx);
      } else {
        const col = readColumnDef(s, a, b);
        if (col) ct.columns.push(col);
      }
    }
    j = bodyEnd + 1;
  }
  const opts = readTableOptions(s, j, n);
  ct.options = opts.options;
  j = opts.next;
  const part = s.find(['PARTITION', 'BY'], j, n, 0);
  if (part !== -1) {
    ct.partition = readPartition(s, part, n);
    j = part;
  }
  // CREATE TABLE t [(...)] [options] [IGNORE|REPLACE] [AS] SELECT|TABLE|WITH|(SELECT
  for (let k = j; k < n; k++) {
    if (s.depth(k) !== 0) continue;
    if (
      s.is(k, 'SELECT', 'WITH') ||
      (s.is(k, 'AS') && (s.is(k + 1, 'SELECT', 'WITH', 'TABLE', 'VALUES') || s.op(k + 1) === '(')) ||
      (s.op(k) === '(' && s.is(k + 1, 'SELECT', 'WITH'))
    ) {
      ct.asSelect = k;
      break;
    }
  }
  return ct;
}

/** An element of a CREATE TABLE body starting with INDEX/KEY/... is an index, unless it is a column named like one. */
function isIndexDefStart(s: Stmt, a: number): boolean {
  const w = s.word(a);
  if (w === 'KEY' || w === 'INDEX')
    return s.op(a + 1) === '(' || readDataType(s, a + 1) === undefined || s.op(a + 2) === '(' || s.is(a + 2, 'USING');
  if (w === 'CHECK') return s.op(a + 1) === '(';
  if (w === 'PRIMARY') return s.is(a + 1, 'KEY');
  if (w === 'UNIQUE') return true;
  if (w === 'FOREIGN') return s.is(a + 1, 'KEY');
  if (w === 'FULLTEXT' || w === 'SPATIAL') return s.is(a + 1, 'KEY', 'INDEX') || s.op(a + 1) === '(' || !!s.ident(a + 1);
  if (w === 'CONSTRAINT') return true;
  if (w === 'VECTOR' || w === 'COLUMNAR') return s.is(a + 1, 'INDEX', 'KEY');
  return false;
}

// ---------------------------------------------------------------- ALTER TABLE

export type AlterVerb =
  | 'ADD'
  | 'DROP'
  | 'MODIFY'
  | 'CHANGE'
  | 'ALTER'
  | 'RENAME'
  | 'CONVERT'
  | 'OPTION'
  | 'PARTITION'
  | 'SET TIFLASH REPLICA'
  | 'ALGORITHM'
  | 'LOCK'
  | 'OTHER';

export interface AlterSpec {
  verb: AlterVerb;
  /** token range [first, end) */
  first: number;
  end: number;
  /** what the spec targets */
  target?: 'COLUMN' | 'INDEX' | 'PRIMARY KEY' | 'FOREIGN KEY' | 'CHECK' | 'PARTITION' | 'CONSTRAINT' | 'TABLE';
  /** ADD COLUMN / MODIFY / CHANGE definitions (ADD COLUMN (a ..., b ...) gives several) */
  columns: ColumnDef[];
  /** ADD INDEX/KEY/UNIQUE/PRIMARY KEY/FOREIGN KEY/CHECK/FULLTEXT/SPATIAL */
  index?: IndexDef;
  /** the object a DROP/ALTER/RENAME/CHANGE refers to */
  name?: string;
  nameTok?: number;
  /** RENAME ... TO new name */
  newName?: string;
  /** CHANGE old new: the old name */
  oldName?: string;
  /** AFTER column / FIRST */
  after?: { name: string; tok: number };
  /** table options set by this spec (ENGINE=, SHARD_ROW_ID_BITS=, ALGORITHM=, CHARSET=, ...) */
  options: TableOption[];
  /** partition operation word: ADD, DROP, REORGANIZE, COALESCE, EXCHANGE, TRUNCATE, CHECK, ... */
  partitionOp?: string;
  /** CONVERT TO CHARACTER SET x */
  convertCharset?: NameRef;
  convertCollate?: NameRef;
}

export interface AlterTable {
  name?: QualifiedName;
  specs: AlterSpec[];
}

const PARTITION_OPS = new Set([
  'ADD',
  'DROP',
  'REORGANIZE',
  'COALESCE',
  'EXCHANGE',
  'TRUNCATE',
  'CHECK',
  'OPTIMIZE',
  'REPAIR',
  'IMPORT',
  'DISCARD',
  'REBUILD',
  'ANALYZE',
  'REMOVE',
]);

export function parseAlterTable(s: Stmt): AlterTable | undefined {
  if (s.kind !== 'ALTER TABLE') return undefined;
  let j = s.find(['TABLE']) + 1;
  const name = s.qname(j);
  const at: AlterTable = { name, specs: [] };
  if (!name) return at;
  j = name.last + 1;
  const n = s.sparseFrom;
  if (j >= n) return at;
  for (const [a, b] of s.splitCommas(j, n)) {
    if (b <= a) continue;
    const prev = at.specs[at.specs.length - 1];
    // DROP PARTITION p1, p2 / TRUNCATE PARTITION p1, p2: a bare name continues the previous spec.
    if (prev && prev.target === 'PARTITION' && b - a === 1 && s.ident(a) !== undefined) {
      prev.end = b;
      continue;
    }
    // Partition options may follow the last spec without a comma: ALTER TABLE t ENGINE=InnoDB PARTITION BY ...
    const p = s.find(['PARTITION', 'BY'], a + 1, b, s.depth(a));
    if (p !== -1) {
      at.specs.push(...readAlterSpecs(s, a, p), ...readAlterSpecs(s, p, b));
      continue;
    }
    at.specs.push(...readAlterSpecs(s, a, b));
  }
  return at;
}

function readAlterSpecs(s: Stmt, a: number, b: number): AlterSpec[] {
  const spec: AlterSpec = { verb: 'OTHER', first: a, end: b, columns: [], options: [] };
  const w = s.word(a);
  const j = a + 1;
  switch (w) {
    case 'ADD':
      readAddSpec(s, spec, a, b);
      break;
    case 'DROP':
      readDropSpec(s, spec, j);
      break;
    case 'MODIFY':
    case 'CHANGE':
      readModifySpec(s, spec, w, j, b);
      break;
    case 'ALTER':
      readAlterColumnOrIndexSpec(s, spec, j);
      break;
    case 'RENAME':
      readRenameSpec(s, spec, j);
      break;
    case 'CONVERT': {
      spec.verb = 'CONVERT';
      const cs = readCharset(s, s.is(j, 'TO') ? j + 1 : j);
      if (cs) {
        spec.convertCharset = cs.ref;
        const co = readCollate(s, cs.next);
        if (co) spec.convertCollate = co.ref;
      }
      break;
    }
    case 'SET':
      if (s.seq(j, 'TIFLASH', 'REPLICA') !== -1) spec.verb = 'SET TIFLASH REPLICA';
      break;
    case 'ALGORITHM':
    case 'LOCK':
      spec.verb = w;
      spec.options = readTableOptionsLoose(s, a, b);
      break;
    case 'PARTITION':
      spec.verb = 'PARTITION';
      spec.target = 'PARTITION';
      spec.partitionOp = 'BY';
      break;
    default: {
      if (PARTITION_OPS.has(w) && (s.is(j, 'PARTITION') || s.is(j, 'PARTITIONING'))) {
        spec.verb = 'PARTITION';
        spec.target = 'PARTITION';
        spec.partitionOp = w;
        break;
      }
      const opts = readTableOptionsLoose(s, a, b);
      if (opts.length > 0) {
        spec.verb = 'OPTION';
        spec.options = opts;
      }
    }
  }
  // A spec may be followed by table options without a comma: ADD INDEX ..., ALGORITHM=INSTANT is comma-separated,
  // but `ALTER TABLE t ENGINE=InnoDB ROW_FORMAT=DYNAMIC` is not; readTableOptionsLoose covers that case.
  return [spec];
}

/** ADD [COLUMN] col … | ADD (col, …) | ADD INDEX/KEY/PRIMARY KEY/FOREIGN KEY/CHECK … | ADD PARTITION. */
function readAddSpec(s: Stmt, spec: AlterSpec, a: number, b: number): void {
  spec.verb = 'ADD';
  let j = a + 1;
  if (s.is(j, 'PARTITION')) {
    spec.target = 'PARTITION';
    spec.partitionOp = 'ADD';
    return;
  }
  if (s.is(j, 'COLUMN')) j++;
  if (s.seq(j, 'IF', 'NOT', 'EXISTS') !== -1) j += 3;
  if (isIndexDefStart(s, j) && !s.is(a + 1, 'COLUMN')) {
    const idx = readIndexDef(s, j, b);
    if (idx) {
      spec.index = idx;
      spec.target =
        idx.kind === 'PRIMARY' ? 'PRIMARY KEY' : idx.kind === 'FOREIGN' ? 'FOREIGN KEY' : idx.kind === 'CHECK' ? 'CHECK' : 'INDEX';
      return;
    }
  }
  spec.target = 'COLUMN';
  if (s.op(j) === '(') {
    const close = s.match(j);
    for (const [c, d] of s.splitCommas(j + 1, close > j ? close : b)) {
      if (d <= c) continue;
      if (isIndexDefStart(s, c)) continue;
      const col = readColumnDef(s, c, d);
      if (col) spec.columns.push(col);
    }
  } else {
    const col = readColumnDef(s, j, b);
    if (col) spec.columns.push(col);
    readPosition(s, spec, j, b);
  }
}

/** DROP PRIMARY KEY | FOREIGN KEY fk | INDEX/KEY [IF EXISTS] i | PARTITION … | CHECK/CONSTRAINT c | [COLUMN] [IF EXISTS] c. */
function readDropSpec(s: Stmt, spec: AlterSpec, j: number): void {
  spec.verb = 'DROP';
  const x = s.word(j);
  if (x === 'PRIMARY') spec.target = 'PRIMARY KEY';
  else if (x === 'FOREIGN') {
    spec.target = 'FOREIGN KEY';
    spec.name = s.ident(j + 2);
    spec.nameTok = j + 2;
  } else if (x === 'INDEX' || x === 'KEY') {
    spec.target = 'INDEX';
    let k = j + 1;
    if (s.seq(k, 'IF', 'EXISTS') !== -1) k += 2;
    spec.name = s.ident(k);
    spec.nameTok = k;
  } else if (x === 'PARTITION') {
    spec.target = 'PARTITION';
    spec.partitionOp = 'DROP';
  } else if (x === 'CHECK' || x === 'CONSTRAINT') {
    spec.target = x === 'CHECK' ? 'CHECK' : 'CONSTRAINT';
    spec.name = s.ident(j + 1);
    spec.nameTok = j + 1;
  } else {
    spec.target = 'COLUMN';
    let k = x === 'COLUMN' ? j + 1 : j;
    if (s.seq(k, 'IF', 'EXISTS') !== -1) k += 2;
    spec.name = s.ident(k);
    spec.nameTok = k;
  }
}

/** MODIFY [COLUMN] col def | CHANGE [COLUMN] old col def, with FIRST / AFTER. */
function readModifySpec(s: Stmt, spec: AlterSpec, w: 'MODIFY' | 'CHANGE', j: number, b: number): void {
  spec.verb = w;
  spec.target = 'COLUMN';
  if (s.is(j, 'COLUMN')) j++;
  if (s.seq(j, 'IF', 'EXISTS') !== -1) j += 2;
  if (w === 'CHANGE') {
    spec.oldName = s.ident(j);
    spec.nameTok = j;
    j++;
  }
  const col = readColumnDef(s, j, b);
  if (col) {
    spec.columns.push(col);
    if (w === 'MODIFY') {
      spec.oldName = col.name;
      spec.nameTok = col.nameTok;
    }
  }
  spec.name = spec.oldName;
  readPosition(s, spec, j, b);
}

/** ALTER INDEX i … | ALTER CHECK/CONSTRAINT c … | ALTER [COLUMN] c SET/DROP DEFAULT …. */
function readAlterColumnOrIndexSpec(s: Stmt, spec: AlterSpec, j: number): void {
  spec.verb = 'ALTER';
  const x = s.word(j);
  if (x === 'INDEX' || x === 'KEY') {
    spec.target = 'INDEX';
    spec.name = s.ident(j + 1);
    spec.nameTok = j + 1;
  } else if (x === 'CHECK' || x === 'CONSTRAINT') {
    spec.target = 'CHECK';
    spec.name = s.ident(j + 1);
  } else {
    spec.target = 'COLUMN';
    const k = x === 'COLUMN' ? j + 1 : j;
    spec.name = s.ident(k);
    spec.nameTok = k;
  }
}

/** RENAME COLUMN/INDEX/KEY a TO b | RENAME [TO|AS] new_table. */
function readRenameSpec(s: Stmt, spec: AlterSpec, j: number): void {
  spec.verb = 'RENAME';
  const x = s.word(j);
  if (x === 'COLUMN' || x === 'INDEX' || x === 'KEY') {
    spec.target = x === 'COLUMN' ? 'COLUMN' : 'INDEX';
    spec.name = s.ident(j + 1);
    spec.nameTok = j + 1;
    spec.oldName = spec.name;
    if (s.is(j + 2, 'TO')) spec.newName = s.ident(j + 3);
  } else {
    spec.target = 'TABLE';
    const k = s.is(j, 'TO', 'AS') ? j + 1 : j;
    spec.newName = s.ident(k);
  }
}

/** Table options in a spec, also ALGORITHM= and LOCK= which readTableOptions does not know. */
function readTableOptionsLoose(s: Stmt, a: number, b: number): TableOption[] {
  const out: TableOption[] = [];
  let j = a;
  while (j < b) {
    const w = s.word(j);
    if (w === 'ALGORITHM' || w === 'LOCK') {
      const k = s.op(j + 1) === '=' ? j + 2 : j + 1;
      out.push({ name: w, tok: j, valueStart: k, valueEnd: k + 1, value: s.ident(k) ?? '' });
      j = k + 1;
      continue;
    }
    const r = readTableOptions(s, j, b);
    if (r.options.length === 0) break;
    out.push(...r.options);
    j = r.next;
  }
  return out;
}

function readPosition(s: Stmt, spec: AlterSpec, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    if (s.depth(k) !== s.depth(from)) continue;
    if (s.is(k, 'AFTER')) {
      const name = s.ident(k + 1);
      if (name !== undefined) spec.after = { name, tok: k + 1 };
    }
  }
}

// ---------------------------------------------------------------- CREATE INDEX

export interface CreateIndex {
  /** the table the index is created on */
  table?: QualifiedName;
  /** the index definition; kind UNIQUE/FULLTEXT/SPATIAL/INDEX, tok = that keyword (UNIQUE/FULLTEXT/SPATIAL or INDEX) */
  index: IndexDef;
}

/** Parses CREATE [UNIQUE|FULLTEXT|SPATIAL|VECTOR|COLUMNAR] INDEX name [USING t] ON tbl (key parts) [options]. */
export function parseCreateIndex(s: Stmt): CreateIndex | undefined {
  if (s.kind !== 'CREATE INDEX') return undefined;
  const idx = s.afterCreateModifiers();
  if (!s.is(idx, 'INDEX')) return undefined;
  const kw = s.is(idx - 1, 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'VECTOR', 'COLUMNAR') ? idx - 1 : idx;
  const n = s.sparseFrom;
  const on = s.find(['ON'], idx + 1, n, 0);
  const table = on !== -1 ? s.qname(on + 1) : undefined;
  const index = readIndexDef(s, kw, n);
  if (!index) return undefined;
  return { table, index };
}
