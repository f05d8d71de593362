import type { TableOption } from '../../../sql/ddl';
import { isClusteredPk } from '../../../sql/schema';
import { defineRule } from '../../rule';

export default defineRule('shard-row-id-bits-clustered', {
  since: '5.0',
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
    const why = pk.clustered === 'CLUSTERED' ? 'is declared CLUSTERED' : ctx.target.gte('6.4') ? `is clustered by default from v6.4` : 'is a single integer column, which is clustered by default';
    ctx.report([opt.tok, Math.max(opt.tok, opt.valueEnd - 1)], `TiDB rejects SHARD_ROW_ID_BITS on ${table} because its primary key (${pk.columns.join(', ')}) ${why} and is the row key ('Unsupported shard_row_id_bits for table with primary key as row id'). Declare the primary key NONCLUSTERED, or use AUTO_RANDOM on a BIGINT primary key instead.`);
  },
});
