import { defineRule } from '../../rule';

export default defineRule('temporary-table-restriction', {
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const ct = ctx.createTable();
    if (ct) {
      if (!ct.temporary) return;
      const tmp = s.find(['TEMPORARY']);
      const kind = ct.temporary === 'global' ? 'global temporary' : 'temporary';
      if (ctx.target.lt('5.3')) {
        ctx.report([tmp > 0 && s.is(tmp - 1, 'GLOBAL') ? tmp - 1 : tmp, tmp], `TiDB supports ${kind} tables only from v5.3.0; on ${ctx.target} CREATE TEMPORARY TABLE fails (or, with tidb_enable_noop_functions=ON, silently creates an ordinary persistent table). Use a regular table and drop it explicitly.`);
        return;
      }
      const what = (x: string) => `TiDB ${kind} tables do not support ${x}; the CREATE fails. Remove it from the temporary table definition.`;
      for (const col of ct.columns) {
        if (col.autoRandom !== undefined) ctx.report(col.autoRandom, what(`AUTO_RANDOM (column ${col.name})`));
        if (col.references !== undefined) ctx.report(col.references, what('foreign keys'));
      }
      for (const idx of ct.indexes) if (idx.kind === 'FOREIGN') ctx.report([idx.tok, s.is(idx.tok + 1, 'KEY') ? idx.tok + 1 : idx.tok], what('foreign keys'));
      for (const o of ct.options) {
        if (o.name === 'SHARD_ROW_ID_BITS' || o.name === 'PRE_SPLIT_REGIONS') ctx.report([o.tok, Math.max(o.tok, o.valueEnd - 1)], what(`the ${o.name} option`));
      }
      if (ct.partition) ctx.report([ct.partition.tok, ct.partition.tok + 1], what('partitioning'));
      return;
    }
    const at = ctx.alterTable();
    if (!at?.name) return;
    const t = ctx.schema.table(at.name.db, at.name.name);
    if (t?.temporary !== 'local') return;
    ctx.report([0, at.name.last], `${at.name.name} is a local temporary table, and TiDB does not support ALTER TABLE on local temporary tables; the statement fails. Create the temporary table in its final shape instead.`);
  },
});
