import { STRING_TYPES } from '../../../sql/ddl';
import type { DatabaseInfo, TableInfo } from '../../../sql/schema';
import { isIndexed } from '../../../sql/schema';
import type { RuleContext } from '../../context';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** TiDB's default collation of each charset (SHOW CHARACTER SET; utf8mb4 is utf8mb4_bin unless default_collation_for_utf8mb4 says otherwise). */
const DEFAULT_COLLATION: Record<string, string> = {
  utf8mb4: 'utf8mb4_bin',
  utf8: 'utf8_bin',
  utf8mb3: 'utf8_bin',
  latin1: 'latin1_bin',
  ascii: 'ascii_bin',
  binary: 'binary',
  gbk: 'gbk_chinese_ci',
};
const cs = (c: string) => (c.toLowerCase() === 'utf8mb3' ? 'utf8' : c.toLowerCase());
const coll = (c: string) => c.toLowerCase().replace(/^utf8mb3_/, 'utf8_');

/** pingcap/tidb pkg/util/collate CompatibleCollate: the collation changes TiDB allows on an indexed column. */
export function compatibleCollate(a: string, b: string): boolean {
  const A = coll(a);
  const B = coll(b);
  const pair = (xs: string[]) => xs.includes(A) && xs.includes(B);
  if (pair(['utf8mb4_general_ci', 'utf8_general_ci'])) return true;
  if (pair(['utf8mb4_unicode_ci', 'utf8_unicode_ci'])) return true;
  if (['utf8mb4_bin', 'utf8_bin', 'latin1_bin'].includes(A) && ['utf8mb4_bin', 'utf8_bin'].includes(B)) return true;
  return A === B;
}

function tableCollation(t: TableInfo, db: DatabaseInfo | undefined): string {
  if (t.collation) return coll(t.collation);
  if (t.charset) return DEFAULT_COLLATION[cs(t.charset)] ?? `${cs(t.charset)}_bin`;
  if (db?.collation) return coll(db.collation);
  if (db?.charset) return DEFAULT_COLLATION[cs(db.charset)] ?? `${cs(db.charset)}_bin`;
  return 'utf8mb4_bin';
}

function columnCollation(c: { charset?: string; collation?: string; binary?: boolean }, fallback: string): string {
  if (c.collation) return coll(c.collation);
  const charset = c.charset ? cs(c.charset) : fallback.split('_')[0];
  if (c.binary) return `${charset}_bin`;
  if (c.charset) return DEFAULT_COLLATION[charset] ?? `${charset}_bin`;
  return fallback;
}

const database = (ctx: RuleContext, t: TableInfo) => {
  const name = t.db ?? ctx.schema.currentDb;
  return name !== undefined ? ctx.schema.database(name) : undefined;
};

export default defineRule({
  id: 'indexed-collation-change',
  category: 'incompatible',
  severity: 'error',
  versions: 'all (with the new collation framework, the default since v4.0)',
  explanation:
    'TiDB cannot change the collation of a column an index covers (a COLLATE, a BINARY attribute or CONVERT TO CHARACTER SET … that moves it to another collation family): the ALTER fails with ERROR 8200 "Unsupported modifying collation of column … when index is defined on it".',
  fix: 'Drop the index, change the collation, and add the index again (on a large table, plan for the index build), or keep the collation.',
  source: 'pingcap/tidb: pkg/ddl (checkModifyCharsetAndCollation, ErrUnsupportedModifyCollation); pkg/util/collate CompatibleCollate',
  quote: "Unsupported modifying collation of column 'b' from 'utf8_bin' to 'utf8_general_ci' when index is defined on it.",
  quoteStatus: 'verified',
  tidb: {
    error: 8200,
    sqlState: 'HY000',
    message: "Unsupported modifying collation of column 'b' from 'utf8_bin' to 'utf8_general_ci' when index is defined on it.",
  },
  examples: {
    flagged: [
      'CREATE TABLE t (id INT PRIMARY KEY, b VARCHAR(10) COLLATE utf8_bin, KEY b_idx (b));\nALTER TABLE t MODIFY b VARCHAR(10) COLLATE utf8_general_ci;',
      'CREATE TABLE u (id INT PRIMARY KEY, email VARCHAR(100) COLLATE utf8mb4_general_ci UNIQUE);\nALTER TABLE u CHANGE email email VARCHAR(100) BINARY;',
      'CREATE TABLE s (id INT PRIMARY KEY, code VARCHAR(20)) DEFAULT CHARSET=utf8 COLLATE=utf8_general_ci;\nCREATE INDEX ix_code ON s (code);\nALTER TABLE s CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
    ],
    clean: [
      // utf8 -> utf8mb4 in the same collation family is allowed
      'CREATE TABLE s (id INT PRIMARY KEY, code VARCHAR(20), KEY (code)) DEFAULT CHARSET=utf8 COLLATE=utf8_general_ci;\nALTER TABLE s CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;',
      'CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(10) COLLATE utf8mb4_bin);\nALTER TABLE t MODIFY note VARCHAR(10) COLLATE utf8mb4_general_ci;',
      'ALTER TABLE unknown_table MODIFY b VARCHAR(10) COLLATE utf8mb4_general_ci;',
    ],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const t = ctx.schema.table(at.name.db, at.name.name);
    if (!t || t.copiedFromUnknown) return;
    const tcoll = tableCollation(t, database(ctx, t));
    for (const spec of at.specs) {
      if ((spec.verb === 'MODIFY' || spec.verb === 'CHANGE') && spec.columns[0]) {
        const c = spec.columns[0];
        const oldName = (spec.oldName ?? c.name).toLowerCase();
        const old = t.columns.get(oldName);
        if (!old || !STRING_TYPES.has(old.type) || !isIndexed(t, oldName)) continue;
        const explicit =
          c.collate ?? c.charset ?? (c.type?.binary !== undefined ? { tok: c.type.binary, keyword: c.type.binary } : undefined);
        if (!explicit) continue;
        const from = columnCollation(old, tcoll);
        const to = columnCollation({ charset: c.charset?.name, collation: c.collate?.name, binary: c.type?.binary !== undefined }, from);
        if (compatibleCollate(from, to)) continue;
        ctx.report(
          [explicit.keyword, explicit.tok],
          l10n.t(
            "TiDB rejects this: \"Unsupported modifying collation of column '{0}' from '{1}' to '{2}' when index is defined on it.\" (ERROR 8200). Drop the index on {0}, change the collation, then add the index again.",
            oldName,
            from,
            to,
          ),
        );
      } else if (spec.verb === 'CONVERT' && spec.convertCharset) {
        const toCharset = cs(spec.convertCharset.name);
        const toTable = spec.convertCollate ? coll(spec.convertCollate.name) : (DEFAULT_COLLATION[toCharset] ?? `${toCharset}_bin`);
        for (const [name, col] of t.columns) {
          if (!STRING_TYPES.has(col.type) || !isIndexed(t, name)) continue;
          const from = columnCollation(col, tcoll);
          if (compatibleCollate(from, toTable)) continue;
          ctx.report(
            [spec.convertCharset.keyword, spec.convertCharset.tok],
            l10n.t(
              "TiDB rejects this: \"Unsupported converting collation of column '{0}' from '{1}' to '{2}' when index is defined on it.\" (ERROR 8200). Drop the indexes on the string columns, convert, then add them again, or convert to a collation of the same family ({3}).",
              name,
              from,
              toTable,
              from.replace(/^utf8(mb4)?_/, `${toCharset}_`),
            ),
          );
          break;
        }
      }
    }
  },
});
