import { modifyRange, modifyTypeChanges, typeText } from '../support/typeChange';
import { defineRule } from '../../rule';

export default defineRule('modify-column-type-restricted', {
  since: '5.1',
  kinds: ['ALTER TABLE'],
  check(ctx) {
    for (const m of modifyTypeChanges(ctx)) {
      if (!m.restricted) continue;
      const from = typeText(m.old);
      const to = typeText({ type: m.col.type!.name, args: m.col.type!.args, unsigned: m.col.type!.unsigned });
      const col = m.old.name;
      const why =
        m.restricted === 'unsupported' ? `TiDB does not support changing column '${col}' from ${from} to ${to} (ERROR 8200 Unsupported modify column: change from original type ${from} to ${to} is currently unsupported yet).`
        : m.restricted === 'partition' ? `TiDB does not support changing the type of column '${col}' (${from} to ${to}) because '${m.table.name}' is partitioned (ERROR 8200 Unsupported modify column: table is partition table).`
        : m.restricted === 'generated' ? `TiDB does not support changing the type of the generated column '${col}' (${from} to ${to}) (ERROR 8200 Unsupported modify column).`
        : `Changing the primary-key column '${col}' from ${from} to ${to} rewrites its data, which TiDB rejects (ERROR 8200 Unsupported modify column: column has primary key flag).`;
      ctx.report(modifyRange(ctx, m), `${why} Add a new column, backfill it in batches and swap the names instead.`);
    }
  },
});
