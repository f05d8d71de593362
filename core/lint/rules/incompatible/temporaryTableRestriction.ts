import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'temporary-table-restriction',
  category: 'incompatible',
  severity: 'error',
  versions: 'all; CREATE TEMPORARY TABLE itself requires v5.3.0+',
  explanation:
    "Temporary tables arrived in v5.3 and do not support TiDB's distribution options, partitioning or FKs; local temporary tables do not support ALTER TABLE. Before v5.3 CREATE TEMPORARY TABLE errors unless tidb_enable_noop_functions=ON, and then it creates an ordinary, persistent table.",
  fix: 'Remove the unsupported options from the temporary table; define local temporary tables in their final shape instead of altering them.',
  source: 'pingcap/docs: temporary-tables.md; releases/release-5.3.0.md',
  quote:
    'Local temporary tables and global temporary tables in TiDB are **NOT** compatible with the following TiDB features: - `AUTO_RANDOM` columns - `SHARD_ROW_ID_BITS` and `PRE_SPLIT_REGIONS` table options - Partitioned tables ... - Foreign keys ; TiDB local temporary tables do not support `ALTER TABLE`.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'CREATE TEMPORARY TABLE tmp_x (id INT, v INT) SHARD_ROW_ID_BITS = 4;',
      'CREATE GLOBAL TEMPORARY TABLE g (a INT, FOREIGN KEY (a) REFERENCES p(id)) ON COMMIT DELETE ROWS;',
    ],
    clean: [
      'CREATE TEMPORARY TABLE tmp_c (id BIGINT PRIMARY KEY, total DECIMAL(12,2));',
      'CREATE GLOBAL TEMPORARY TABLE g (a INT) ON COMMIT DELETE ROWS;\nALTER TABLE g ADD COLUMN b INT;',
      'CREATE TABLE n (id BIGINT PRIMARY KEY);\nALTER TABLE n ADD COLUMN c INT;\nDROP TEMPORARY TABLE IF EXISTS n;',
    ],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const ct = ctx.createTable();
    if (ct) {
      if (!ct.temporary) return;
      const tmp = s.find(['TEMPORARY']);
      const global = ct.temporary === 'global';
      if (ctx.target.lt('5.3')) {
        ctx.report(
          [tmp > 0 && s.is(tmp - 1, 'GLOBAL') ? tmp - 1 : tmp, tmp],
          global
            ? l10n.t(
                'TiDB supports global temporary tables only from v5.3.0; on {0} CREATE TEMPORARY TABLE fails (or, with tidb_enable_noop_functions=ON, silently creates an ordinary persistent table). Use a regular table and drop it explicitly.',
                String(ctx.target),
              )
            : l10n.t(
                'TiDB supports temporary tables only from v5.3.0; on {0} CREATE TEMPORARY TABLE fails (or, with tidb_enable_noop_functions=ON, silently creates an ordinary persistent table). Use a regular table and drop it explicitly.',
                String(ctx.target),
              ),
        );
        return;
      }
      const foreignKeys = () =>
        global
          ? l10n.t(
              'TiDB global temporary tables do not support foreign keys; the CREATE fails. Remove it from the temporary table definition.',
            )
          : l10n.t('TiDB temporary tables do not support foreign keys; the CREATE fails. Remove it from the temporary table definition.');
      for (const col of ct.columns) {
        if (col.autoRandom !== undefined)
          ctx.report(
            col.autoRandom,
            global
              ? l10n.t(
                  'TiDB global temporary tables do not support AUTO_RANDOM (column {0}); the CREATE fails. Remove it from the temporary table definition.',
                  col.name,
                )
              : l10n.t(
                  'TiDB temporary tables do not support AUTO_RANDOM (column {0}); the CREATE fails. Remove it from the temporary table definition.',
                  col.name,
                ),
          );
        if (col.references !== undefined) ctx.report(col.references, foreignKeys());
      }
      for (const idx of ct.indexes)
        if (idx.kind === 'FOREIGN') ctx.report([idx.tok, s.is(idx.tok + 1, 'KEY') ? idx.tok + 1 : idx.tok], foreignKeys());
      for (const o of ct.options) {
        if (o.name === 'SHARD_ROW_ID_BITS' || o.name === 'PRE_SPLIT_REGIONS')
          ctx.report(
            [o.tok, Math.max(o.tok, o.valueEnd - 1)],
            global
              ? l10n.t(
                  'TiDB global temporary tables do not support the {0} option; the CREATE fails. Remove it from the temporary table definition.',
                  o.name,
                )
              : l10n.t(
                  'TiDB temporary tables do not support the {0} option; the CREATE fails. Remove it from the temporary table definition.',
                  o.name,
                ),
          );
      }
      if (ct.partition)
        ctx.report(
          [ct.partition.tok, ct.partition.tok + 1],
          global
            ? l10n.t(
                'TiDB global temporary tables do not support partitioning; the CREATE fails. Remove it from the temporary table definition.',
              )
            : l10n.t('TiDB temporary tables do not support partitioning; the CREATE fails. Remove it from the temporary table definition.'),
        );
      return;
    }
    const at = ctx.alterTable();
    if (!at?.name) return;
    const t = ctx.schema.table(at.name.db, at.name.name);
    if (t?.temporary !== 'local') return;
    ctx.report(
      [0, at.name.last],
      l10n.t(
        '{0} is a local temporary table, and TiDB does not support ALTER TABLE on local temporary tables; the statement fails. Create the temporary table in its final shape instead.',
        at.name.name,
      ),
    );
  },
});
