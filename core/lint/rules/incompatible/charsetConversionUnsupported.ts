import { type NameRef, STRING_TYPES } from '../../../sql/ddl';
import type { TableInfo } from '../../../sql/schema';
import { defineRule } from '../../rule';
import type { RuleContext } from '../../context';
import * as l10n from '@vscode/l10n';

function norm(cs: string): string {
  const c = cs.toLowerCase();
  return c === 'utf8mb3' ? 'utf8' : c;
}

function charsetOfCollation(coll: string | undefined): string | undefined {
  if (!coll) return undefined;
  const c = coll.toLowerCase();
  if (c === 'binary') return 'binary';
  const i = c.indexOf('_');
  return i > 0 ? norm(c.slice(0, i)) : undefined;
}

function supported(ctx: RuleContext, cs: string): boolean {
  if (cs === 'gbk') return ctx.target.gte('5.4');
  return cs === 'ascii' || cs === 'latin1' || cs === 'binary' || cs === 'utf8' || cs === 'utf8mb4';
}

const convertible = (from: string, to: string) => from === to || (from === 'utf8' && to === 'utf8mb4');

function tableCharset(ctx: RuleContext, t: TableInfo): string {
  if (t.charset) return norm(t.charset);
  const fromColl = charsetOfCollation(t.collation);
  if (fromColl) return fromColl;
  const dbName = t.db ?? ctx.schema.currentDb;
  const db = dbName !== undefined ? ctx.schema.database(dbName) : undefined;
  if (db?.charset) return norm(db.charset);
  return charsetOfCollation(db?.collation) ?? 'utf8mb4';
}

export default defineRule({
  id: 'charset-conversion-unsupported',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation:
    'TiDB supports only a few charset conversions online (utf8 -> utf8mb4); latin1 -> utf8/utf8mb4 and utf8mb4 -> utf8 are rejected.',
  fix: 'Export, convert, re-import; or create a new table and INSERT ... SELECT.',
  source: 'pingcap/tidb: ddl tests',
  quote: '[ddl:210]unsupported modify charset from latin1 to utf8',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;',
      'CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(500));\nALTER TABLE notes CONVERT TO CHARACTER SET latin1 COLLATE latin1_bin;',
      'CREATE DATABASE d DEFAULT CHARACTER SET latin1;\nUSE d;\nCREATE TABLE x (id INT PRIMARY KEY, a TEXT);\nALTER TABLE x CONVERT TO CHARSET utf8mb4;',
    ],
    clean: [
      'ALTER TABLE x CONVERT TO CHARACTER SET utf16;',
      "SELECT 'ALTER TABLE x CONVERT TO CHARACTER SET latin1';",
      'CREATE TABLE x (id INT PRIMARY KEY, a TEXT);\nALTER TABLE x CONVERT TO CHARACTER SET utf8mb4;',
    ],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const name = at.name.name;
    const known = ctx.schema.table(at.name.db, name);
    // CREATE TABLE ... LIKE a table the file does not define: the source charset is unknown until set
    const t = known?.copiedFromUnknown && !known.charset && !known.collation ? undefined : known;
    const report = (ref: NameRef, to: string, from: string | undefined, column?: string) => {
      // latin1 -> utf8/utf8mb4 was allowed by pingcap/tidb#34386 (May 2022) and reverted by #35025 before v6.1.0
      // shipped (cherry-picked as #35034): no released version converts it; pingcap/tidb#34008 is still open
      let msg: string;
      if (from === undefined)
        msg =
          column === undefined
            ? l10n.t(
                "TiDB converts table '{0}' online only from utf8 to utf8mb4 (or to the same charset), and the current charset of '{0}' is unknown here (the table is not created in this file): from utf8 this works, from latin1 or another charset TiDB answers \"ERROR 8200 (HY000): Unsupported modify charset from <old> to {1}\". Check the source charset first (and an index on a string column whose collation family changes fails too: indexed-collation-change). Export, convert and re-import the data, or create a new table with the target charset and INSERT ... SELECT into it.",
                name,
                to,
              )
            : l10n.t(
                "TiDB converts column '{0}' online only from utf8 to utf8mb4 (or to the same charset), and the current charset of '{1}' is unknown here (the table is not created in this file): from utf8 this works, from latin1 or another charset TiDB answers \"ERROR 8200 (HY000): Unsupported modify charset from <old> to {2}\". Check the source charset first (and an index on a string column whose collation family changes fails too: indexed-collation-change). Export, convert and re-import the data, or create a new table with the target charset and INSERT ... SELECT into it.",
                column,
                name,
                to,
              );
      else if (column === undefined)
        msg =
          from === 'latin1'
            ? l10n.t(
                'TiDB answers "ERROR 8200 (HY000): Unsupported modify charset from {0} to {1}" for table \'{2}\': only utf8 to utf8mb4 converts online (latin1 to utf8/utf8mb4 was briefly allowed on the v6.1 development branch and reverted before v6.1.0; no release supports it, see pingcap/tidb#34008). Export, convert and re-import the data, or create a new table with the target charset and INSERT ... SELECT into it.',
                from,
                to,
                name,
              )
            : l10n.t(
                'TiDB answers "ERROR 8200 (HY000): Unsupported modify charset from {0} to {1}" for table \'{2}\': only utf8 to utf8mb4 converts online. Export, convert and re-import the data, or create a new table with the target charset and INSERT ... SELECT into it.',
                from,
                to,
                name,
              );
      else
        msg =
          from === 'latin1'
            ? l10n.t(
                'TiDB answers "ERROR 8200 (HY000): Unsupported modify charset from {0} to {1}" for column \'{2}\': only utf8 to utf8mb4 converts online (latin1 to utf8/utf8mb4 was briefly allowed on the v6.1 development branch and reverted before v6.1.0; no release supports it, see pingcap/tidb#34008). Export, convert and re-import the data, or create a new table with the target charset and INSERT ... SELECT into it.',
                from,
                to,
                column,
              )
            : l10n.t(
                'TiDB answers "ERROR 8200 (HY000): Unsupported modify charset from {0} to {1}" for column \'{2}\': only utf8 to utf8mb4 converts online. Export, convert and re-import the data, or create a new table with the target charset and INSERT ... SELECT into it.',
                from,
                to,
                column,
              );
      // with the source charset unknown the conversion may well succeed (from utf8): a warning to check, not an error
      ctx.report([ref.keyword, ref.tok], msg, undefined, from === undefined ? { severity: 'warning' } : {});
    };
    for (const spec of at.specs) {
      if (spec.verb === 'CONVERT' && spec.convertCharset) {
        const to = norm(spec.convertCharset.name);
        if (!supported(ctx, to)) continue;
        if (!t) {
          report(spec.convertCharset, to, undefined);
          continue;
        }
        const from = tableCharset(ctx, t);
        let bad = convertible(from, to) ? undefined : from;
        if (bad === undefined) {
          for (const c of t.columns.values()) {
            const cs = c.charset ? norm(c.charset) : charsetOfCollation(c.collation);
            if (cs && !convertible(cs, to)) {
              bad = cs;
              break;
            }
          }
        }
        if (bad !== undefined) report(spec.convertCharset, to, bad);
      } else if ((spec.verb === 'MODIFY' || spec.verb === 'CHANGE') && spec.columns[0]?.charset) {
        const col = spec.columns[0];
        const to = norm(col.charset!.name);
        if (!supported(ctx, to)) continue;
        const what = spec.oldName ?? col.name;
        if (!t) {
          report(col.charset!, to, undefined, what);
          continue;
        }
        const old = spec.oldName ? t.columns.get(spec.oldName.toLowerCase()) : undefined;
        if (old && !STRING_TYPES.has(old.type)) continue;
        const from = (old?.charset ? norm(old.charset) : charsetOfCollation(old?.collation)) ?? tableCharset(ctx, t);
        if (!convertible(from, to)) report(col.charset!, to, from, what);
      }
    }
  },
});
