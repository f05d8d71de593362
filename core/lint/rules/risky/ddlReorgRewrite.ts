import { modifyRange, modifyTypeChanges, typeText } from '../support/typeChange';
import { defineRule } from '../../rule';

export default defineRule('ddl-reorg-rewrite', {
  since: '5.1',
  kinds: ['ALTER TABLE'],
  check(ctx) {
    for (const m of modifyTypeChanges(ctx)) {
      if (m.change !== 'reorg' || m.restricted) continue;
      const from = typeText(m.old);
      const to = typeText({ type: m.col.type!.name, args: m.col.type!.args, unsigned: m.col.type!.unsigned });
      ctx.report(modifyRange(ctx, m), `Changing column '${m.old.name}' of '${m.table.name}' from ${from} to ${to} is a reorg type change: TiDB rewrites every row and every index containing the column, which runs long on a big table. Schedule it off-peak, or add a new column and backfill it in batches.`);
    }
  },
});
