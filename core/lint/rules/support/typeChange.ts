// Classifies a column type change (MODIFY/CHANGE COLUMN) the way TiDB's DDL
// does (types.CheckModifyTypeCompatible / checkTypeChangeSupported /
// needReorgToChange): meta-only, needs a data reorg, or not supported at all.
// Shared by ddl-reorg-rewrite and modify-column-type-restricted.
import type { RuleContext } from '../../context';
import type { AlterSpec, ColumnDef } from '../../../sql/ddl';
import { stringValue } from '../../../sql/lexer';
import type { ColumnInfo, TableInfo } from '../../../sql/schema';

/** The parts of a column type the classification needs (a schema ColumnInfo or a parsed DataType fit). */
export interface TypeLike {
  /** upper-cased base type as the DDL reader gives it */
  type: string;
  args: string[];
  unsigned: boolean;
}

/** TiDB's internal field type, reduced. */
export interface FieldType {
  /** TiDB type code name: varchar, char, tinyblob, blob, mediumblob, longblob, tiny, short, int24, long, longlong, ... */
  tp: string;
  /** display length / length; -1 when unspecified */
  flen: number;
  /** fraction digits (DECIMAL scale, fsp of time types); -1 when unspecified */
  dec: number;
  unsigned: boolean;
  /** BINARY/VARBINARY/BLOB */
  binary: boolean;
  /** ENUM/SET members */
  elems: string[];
}

export type TypeChange =
  /** same type, nothing to do */
  | 'none'
  /** the type changes but TiDB only rewrites metadata */
  | 'meta'
  /** TiDB rewrites every row and index containing the column */
  | 'reorg'
  /** TiDB rejects the change ("change from original type ... is currently unsupported yet") */
  | 'unsupported';

const INT_FLEN: Record<string, number> = { tiny: 4, short: 6, int24: 9, long: 11, longlong: 20 };
const BLOB_FLEN: Record<string, number> = { tinyblob: 255, blob: 65535, mediumblob: 16777215, longblob: 4294967295 };
const INT_TPS = new Set(Object.keys(INT_FLEN));
const STRING_TPS = new Set(['varchar', 'char', 'tinyblob', 'blob', 'mediumblob', 'longblob']);
const TIME_TPS = new Set(['date', 'datetime', 'timestamp']);

function argNum(a: string | undefined): number {
  if (a === undefined) return -1;
  const n = Number(a.trim());
  return Number.isFinite(n) ? n : -1;
}

/** Maps a DDL type name to TiDB's field type; undefined for names it does not know. */
export function fieldType(t: TypeLike): FieldType | undefined {
  const name = t.type.toUpperCase();
  const a0 = argNum(t.args[0]);
  const a1 = argNum(t.args[1]);
  const ft = (tp: string, flen = -1, dec = -1, binary = false): FieldType => ({ tp, flen, dec, unsigned: t.unsigned, binary, elems: [] });
  switch (name) {
    case 'TINYINT':
    case 'INT1':
    case 'BOOL':
    case 'BOOLEAN':
      return ft('tiny');
    case 'SMALLINT':
    case 'INT2':
      return ft('short');
    case 'MEDIUMINT':
    case 'INT3':
    case 'MIDDLEINT':
      return ft('int24');
    case 'INT':
    case 'INTEGER':
    case 'INT4':
      return ft('long');
    case 'BIGINT':
    case 'INT8':
      return ft('longlong');
    case 'SERIAL':
      return { ...ft('longlong'), unsigned: true };
    case 'BIT':
      return ft('bit', a0 === -1 ? 1 : a0);
    case 'DECIMAL':
    case 'DEC':
    case 'NUMERIC':
    case 'FIXED':
      return ft('decimal', a0 === -1 ? 10 : a0, a1 === -1 ? 0 : a1);
    case 'FLOAT':
      // FLOAT(p) with p > 24 is a DOUBLE
      if (t.args.length === 1 && a0 > 24) return ft('double');
      return ft('float', t.args.length === 2 ? a0 : -1, t.args.length === 2 ? a1 : -1);
    case 'DOUBLE':
    case 'REAL':
    case 'FLOAT8':
      return ft('double', t.args.length === 2 ? a0 : -1, t.args.length === 2 ? a1 : -1);
    case 'FLOAT4':
      return ft('float');
    case 'DATE':
      return ft('date');
    case 'DATETIME':
    case 'TIMESTAMP':
    case 'TIME': {
      const fsp = a0 === -1 ? 0 : a0;
      const base = name === 'TIME' ? 10 : 19;
      return ft(name.toLowerCase(), base + (fsp > 0 ? fsp + 1 : 0), fsp);
    }
    case 'YEAR':
      return ft('year');
    case 'JSON':
      return ft('json');
    case 'VARCHAR':
    case 'NVARCHAR':
    case 'VARCHARACTER':
      return ft('varchar', a0);
    case 'VARBINARY':
      return ft('varchar', a0, -1, true);
    case 'CHAR':
    case 'CHARACTER':
    case 'NCHAR':
      return ft('char', a0 === -1 ? 1 : a0);
    case 'BINARY':
      return ft('char', a0 === -1 ? 1 : a0, -1, true);
    case 'TINYTEXT':
      return ft('tinyblob', BLOB_FLEN.tinyblob);
    case 'TEXT':
      return ft('blob', a0 === -1 ? BLOB_FLEN.blob : a0);
    case 'MEDIUMTEXT':
    case 'LONG':
      return ft('mediumblob', BLOB_FLEN.mediumblob);
    case 'LONGTEXT':
      return ft('longblob', BLOB_FLEN.longblob);
    case 'TINYBLOB':
      return ft('tinyblob', BLOB_FLEN.tinyblob, -1, true);
    case 'BLOB':
      return ft('blob', a0 === -1 ? BLOB_FLEN.blob : a0, -1, true);
    case 'MEDIUMBLOB':
      return ft('mediumblob', BLOB_FLEN.mediumblob, -1, true);
    case 'LONGBLOB':
      return ft('longblob', BLOB_FLEN.longblob, -1, true);
    case 'ENUM':
    case 'SET':
      return { ...ft(name.toLowerCase()), elems: t.args.map((x) => elemValue(x)) };
    case 'VECTOR':
      return ft('vector', a0);
    default:
      return undefined;
  }
}

function elemValue(raw: string): string {
  const r = raw.trim();
  if (r.startsWith("'") || r.startsWith('"')) return stringValue(r);
  return r;
}

/** TiDB's needReorgToChange for two field types. */
function needReorgToChange(o: FieldType, t: FieldType): boolean {
  let oFlen = o.flen;
  let tFlen = t.flen;
  if (INT_TPS.has(o.tp) && INT_TPS.has(t.tp)) {
    oFlen = INT_FLEN[o.tp];
    tFlen = INT_FLEN[t.tp];
  }
  if ((o.tp === 'varchar' && t.tp === 'char') || (o.tp === 'char' && t.tp === 'varchar')) return true;
  if (tFlen > 0 && tFlen !== oFlen) {
    if (tFlen < oFlen) return true;
    if (o.tp === 'char' && o.binary && t.tp === 'char' && t.binary) return true;
  }
  if (t.dec > 0 && t.dec < o.dec) return true;
  if (o.unsigned !== t.unsigned && (INT_TPS.has(o.tp) || o.tp === 'decimal' || o.tp === 'float' || o.tp === 'double')) return true;
  return false;
}

/** TiDB's checkTypeChangeSupported: false when the conversion is rejected. */
function typeChangeSupported(o: FieldType, t: FieldType): boolean {
  const oTime = TIME_TPS.has(o.tp);
  const tTime = TIME_TPS.has(t.tp);
  if ((oTime || o.tp === 'time' || o.tp === 'year' || STRING_TPS.has(o.tp) || o.tp === 'json') && t.tp === 'bit') return false;
  if (
    (oTime ||
      o.tp === 'time' ||
      o.tp === 'year' ||
      o.tp === 'decimal' ||
      o.tp === 'float' ||
      o.tp === 'double' ||
      o.tp === 'json' ||
      o.tp === 'bit') &&
    (t.tp === 'enum' || t.tp === 'set')
  )
    return false;
  if ((o.tp === 'enum' || o.tp === 'set' || o.tp === 'bit' || o.tp === 'decimal' || o.tp === 'float' || o.tp === 'double') && tTime)
    return false;
  if (o.tp === 'vector' || t.tp === 'vector') return false;
  if ((o.tp === 'enum' || o.tp === 'set' || o.tp === 'bit') && t.tp === 'time') return false;
  return true;
}

/** Whether two field types are the same declared type (integer display widths ignored). */
function sameType(o: FieldType, t: FieldType): boolean {
  if (o.tp !== t.tp || o.unsigned !== t.unsigned || o.binary !== t.binary) return false;
  if (INT_TPS.has(o.tp)) return true;
  if (o.flen !== t.flen || o.dec !== t.dec) return false;
  if (o.elems.length !== t.elems.length) return false;
  return o.elems.every((e, i) => e === t.elems[i]);
}

/** Classifies changing a column from `from` to `to`; undefined when a type is not known. */
export function classifyTypeChange(from: TypeLike, to: TypeLike): TypeChange | undefined {
  const o = fieldType(from);
  const t = fieldType(to);
  if (!o || !t) return undefined;
  if (sameType(o, t)) return 'none';
  if (o.tp === t.tp) {
    if (o.tp === 'enum' || o.tp === 'set') {
      // appending members is metadata only; removing or changing one rewrites the data
      if (t.elems.length < o.elems.length) return 'reorg';
      return o.elems.every((e, i) => e === t.elems[i]) ? 'meta' : 'reorg';
    }
    if (o.tp === 'decimal') return 'reorg';
    return needReorgToChange(o, t) ? 'reorg' : 'meta';
  }
  if (!typeChangeSupported(o, t)) return 'unsupported';
  if ((STRING_TPS.has(o.tp) && STRING_TPS.has(t.tp)) || (INT_TPS.has(o.tp) && INT_TPS.has(t.tp))) {
    return needReorgToChange(o, t) ? 'reorg' : 'meta';
  }
  return 'reorg';
}

/** A short SQL-ish spelling of a type for messages. */
export function typeText(t: TypeLike): string {
  return t.type.toUpperCase() + (t.args.length ? `(${t.args.join(',')})` : '') + (t.unsigned ? ' UNSIGNED' : '');
}

export interface ModifyTypeChange {
  spec: AlterSpec;
  col: ColumnDef;
  old: ColumnInfo;
  table: TableInfo;
  change: Exclude<TypeChange, 'none'>;
  /** why TiDB rejects the change, when it does */
  restricted?: 'unsupported' | 'partition' | 'generated' | 'primary-key';
}

/**
 * The type changes of an ALTER TABLE's MODIFY/CHANGE specs whose old column is
 * known from the file schema, with the reason TiDB rejects each (if any).
 */
export function modifyTypeChanges(ctx: RuleContext): ModifyTypeChange[] {
  const at = ctx.alterTable();
  if (!at?.name) return [];
  const table = ctx.schema.table(at.name.db, at.name.name);
  if (!table) return [];
  const out: ModifyTypeChange[] = [];
  for (const spec of at.specs) {
    if (spec.verb !== 'MODIFY' && spec.verb !== 'CHANGE') continue;
    const col = spec.columns[0];
    if (!col?.type || !spec.oldName) continue;
    const old = table.columns.get(spec.oldName.toLowerCase());
    if (!old?.type) continue;
    const change = classifyTypeChange(old, { type: col.type.name, args: col.type.args, unsigned: col.type.unsigned });
    if (!change || change === 'none') continue;
    let restricted: ModifyTypeChange['restricted'];
    if (change === 'unsupported') restricted = 'unsupported';
    else if (table.partition) restricted = 'partition';
    else if (old.generated) restricted = 'generated';
    else if (change === 'reorg' && table.primaryKey?.columns.some((c) => c.toLowerCase() === old.name.toLowerCase()))
      restricted = 'primary-key';
    out.push({ spec, col, old, table, change, restricted });
  }
  return out;
}

/** Token range [first, last] of a MODIFY/CHANGE spec up to the end of its new type. */
export function modifyRange(ctx: RuleContext, m: ModifyTypeChange): [number, number] {
  const s = ctx.s;
  const t = m.col.type!;
  let e = t.argsRange ? t.argsRange[1] : t.tok;
  while (s.is(e + 1, 'UNSIGNED', 'SIGNED', 'ZEROFILL')) e++;
  return [m.spec.first, e];
}
