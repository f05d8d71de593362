import type { TableOption } from '../../../sql/ddl';
import { isClusteredPk } from '../../../sql/schema';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'shard-row-id-bits-clustered',
  category: 'incompatible',
  severity: 'error',
  versions: 'v5.0+; from v6.4.0 every PK is clustered by default',
  since: '5.0',
  explanation:
    'SHARD_ROW_ID_BITS only applies to tables keyed by the implicit _tidb_rowid. Since v6.4 a MySQL-style PRIMARY KEY (even VARCHAR or composite) is clustered by default, so the option is rejected unless the PK is declared NONCLUSTERED.',
  fix: 'Use AUTO_RANDOM on the PK, or declare the PK NONCLUSTERED.',
  source: 'pingcap/tidb: pkg/ddl error texts; pingcap/docs troubleshoot-hot-spot-issues.md; releases/release-6.4.0.md',
  quote: 'Unsupported shard_row_id_bits for table with primary key as row id',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'CREATE TABLE t (id BIGINT PRIMARY KEY, v INT) SHARD_ROW_ID_BITS = 4;',
      'XA START "x";\nCREATE TABLE h (id BIGINT AUTO_RANDOM PRIMARY KEY) SHARD_ROW_ID_BITS = 4;\nSELECT /*+ USE_INDEX(h, i) */ @@tidb_gc_life_time;',
      'CREATE TEMPORARY TABLE x (id BIGINT AUTO_RANDOM PRIMARY KEY, p INT REFERENCES parent(id)) SHARD_ROW_ID_BITS = 4 PRE_SPLIT_REGIONS=2 PARTITION BY HASH(id) PARTITIONS 4;',
    ],
    clean: ['ALTER TABLE unknown SHARD_ROW_ID_BITS = 6;', 'CREATE TABLE c (e INT);\nALTER TABLE c SHARD_ROW_ID_BITS = 6;'],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    let opts: TableOption[] = [];
    let pk: { columns: string[]; clustered?: 'CLUSTERED' | 'NONCLUSTERED' } | undefined;
    let colType: (n: string) => string | undefined = () => undefined;
    let table = '';
    const ct = ctx.createTable();
    if (ct) {
      opts = ct.options;
      table = ct.name?.name ?? '';
      const pkCol = ct.columns.find((c) => c.primaryKey !== undefined);
      const pkIdx = ct.indexes.find((i) => i.kind === 'PRIMARY');
      if (pkIdx) pk = { columns: pkIdx.parts.map((p) => p.column ?? ''), clustered: pkIdx.clustered?.value };
      else if (pkCol) pk = { columns: [pkCol.name], clustered: pkCol.clustered?.value };
      colType = (n) => ct.columns.find((c) => c.name.toLowerCase() === n.toLowerCase())?.type?.name;
    } else {
      const at = ctx.alterTable();
      if (!at?.name) return;
      const t = ctx.schema.table(at.name.db, at.name.name);
      if (!t) return;
      table = at.name.name;
      opts = at.specs.flatMap((sp) => sp.options);
      pk = t.primaryKey;
      colType = (n) => t.columns.get(n.toLowerCase())?.type;
    }
    const opt = opts.find((o) => o.name === 'SHARD_ROW_ID_BITS');
    if (!opt || !pk) return;
    if (s.num(opt.valueStart) === 0) return;
    if (!isClusteredPk(pk, colType, ctx.target)) return;
    const columns = pk.columns.join(', ');
    ctx.report(
      [opt.tok, Math.max(opt.tok, opt.valueEnd - 1)],
      pk.clustered === 'CLUSTERED'
        ? l10n.t(
            "TiDB rejects SHARD_ROW_ID_BITS on {0} because its primary key ({1}) is declared CLUSTERED and is the row key ('Unsupported shard_row_id_bits for table with primary key as row id'). Declare the primary key NONCLUSTERED, or use AUTO_RANDOM on a BIGINT primary key instead.",
            table,
            columns,
          )
        : ctx.target.gte('6.4')
          ? l10n.t(
              "TiDB rejects SHARD_ROW_ID_BITS on {0} because its primary key ({1}) is clustered by default from v6.4 and is the row key ('Unsupported shard_row_id_bits for table with primary key as row id'). Declare the primary key NONCLUSTERED, or use AUTO_RANDOM on a BIGINT primary key instead.",
              table,
              columns,
            )
          : l10n.t(
              "TiDB rejects SHARD_ROW_ID_BITS on {0} because its primary key ({1}) is a single integer column, which is clustered by default and is the row key ('Unsupported shard_row_id_bits for table with primary key as row id'). Declare the primary key NONCLUSTERED, or use AUTO_RANDOM on a BIGINT primary key instead.",
              table,
              columns,
            ),
    );
  },
});
