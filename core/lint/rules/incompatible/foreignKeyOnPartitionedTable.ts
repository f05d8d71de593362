import type { IndexDef } from '../../../sql/ddl';
import { defineRule } from '../../rule';

export default defineRule('foreign-key-on-partitioned-table', {
  since: '6.6',
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const fkRange = (idx: IndexDef): [number, number] => [idx.first, s.is(idx.tok + 1, 'KEY') ? idx.tok + 1 : idx.tok];
    const ct = ctx.createTable();
    if (ct) {
      if (!ct.partition) return;
      for (const idx of ct.indexes) {
        if (idx.kind !== 'FOREIGN') continue;
        ctx.report(fkRange(idx), `TiDB does not support foreign keys on partitioned tables, and '${ct.name?.name ?? 'this table'}' is partitioned (PARTITION BY ${ct.partition.type}). Drop the foreign key and enforce the relationship in the application, or do not partition the table.`);
      }
      return;
    }
    const at = ctx.alterTable();
    if (!at?.name) return;
    const t = ctx.schema.table(at.name.db, at.name.name);
    const partitioned = !!t?.partition || at.specs.some((sp) => sp.verb === 'PARTITION' && sp.partitionOp === 'BY');
    if (!partitioned) return;
    for (const spec of at.specs) {
      if (spec.verb !== 'ADD' || spec.index?.kind !== 'FOREIGN') continue;
      ctx.report(fkRange(spec.index), `TiDB does not support foreign keys on partitioned tables, and '${at.name.name}' is partitioned. Drop the foreign key and enforce the relationship in the application.`);
    }
  },
});
