import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'missing-primary-key',
  category: 'risky',
  severity: 'warning',
  versions: 'all',
  explanation:
    'Without a PK TiDB keys rows by an implicit, monotonically allocated _tidb_rowid (hotspot) and DM/TiCDC need a PK or not-null unique key to replicate updates correctly.',
  fix: 'Add a PRIMARY KEY (e.g. BIGINT AUTO_RANDOM). If a table truly cannot have one, SHARD_ROW_ID_BITS=4 PRE_SPLIT_REGIONS=4 removes the _tidb_rowid hotspot, but the finding stays (DM/TiCDC still need a PK or NOT NULL unique key); suppress it explicitly for such tables.',
  source: 'pingcap/docs: mysql-compatibility.md; troubleshoot-hot-spot-issues.md',
  quote: 'If you do not specify a primary key when creating a table, TiDB uses `_tidb_rowid` to identify the row.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: [
      'CREATE TABLE c (e INT);\nALTER TABLE c SHARD_ROW_ID_BITS = 6;',
      'CREATE TABLE t (a INT, b INT) SHARD_ROW_ID_BITS=4 PRE_SPLIT_REGIONS=2;',
      'CREATE TABLE r (payload JSON) /*T! SHARD_ROW_ID_BITS=4 PRE_SPLIT_REGIONS=2 */;',
    ],
    clean: [
      'CREATE TABLE c LIKE p;',
      'CREATE TEMPORARY TABLE tmp (a INT);',
      'CREATE GLOBAL TEMPORARY TABLE g (a INT) ON COMMIT DELETE ROWS;',
    ],
  },
  kinds: ['CREATE TABLE'],
  check(ctx) {
    const ct = ctx.createTable();
    if (!ct?.name || ct.temporary || ct.like || ct.asSelect !== undefined || ct.bodyOpen === undefined) return;
    if (ct.columns.some((c) => c.primaryKey !== undefined) || ct.indexes.some((i) => i.kind === 'PRIMARY')) return;
    const hasUnique = ct.columns.some((c) => c.unique !== undefined) || ct.indexes.some((i) => i.kind === 'UNIQUE');
    ctx.report(
      [ct.name.first, ct.name.last],
      hasUnique
        ? l10n.t(
            'Table {0} has no PRIMARY KEY: TiDB keys its rows by an implicit, monotonically allocated _tidb_rowid (a write hotspot), and DM/TiCDC need a primary key (or a NOT NULL unique key) to replicate updates reliably. Add a primary key, e.g. id BIGINT AUTO_RANDOM PRIMARY KEY.',
            ct.name.name,
          )
        : l10n.t(
            'Table {0} has no PRIMARY KEY: TiDB keys its rows by an implicit, monotonically allocated _tidb_rowid (a write hotspot), and DM/TiCDC need a primary key to replicate updates reliably. Add a primary key, e.g. id BIGINT AUTO_RANDOM PRIMARY KEY.',
            ct.name.name,
          ),
    );
  },
});
