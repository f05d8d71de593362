import { isClusteredPk } from '../../../sql/schema';
import { defineRule } from '../../rule';

export default defineRule('alter-clustered-primary-key', {
  since: '5.0',
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const name = at.name.name;
    for (const spec of at.specs) {
      // DROP PRIMARY KEY, or its MySQL spelling DROP INDEX `PRIMARY`
      const dropIndexPrimary = spec.verb === 'DROP' && spec.target === 'INDEX' && spec.name?.toUpperCase() === 'PRIMARY';
      if ((spec.verb === 'DROP' && spec.target === 'PRIMARY KEY') || dropIndexPrimary) {
        const t = ctx.schema.table(at.name.db, name);
        const last = dropIndexPrimary ? spec.nameTok ?? spec.first + 1 : ctx.s.is(spec.first + 2, 'KEY') ? spec.first + 2 : spec.first + 1;
        // CREATE TABLE ... LIKE a table the file does not define: its PK is unknown too
        if (!t || (t.copiedFromUnknown && !t.primaryKey)) {
          ctx.report([spec.first, last], `TiDB cannot drop a clustered primary key (ERROR 8200), and the primary key of '${name}' is clustered unless it was declared NONCLUSTERED (every PK is clustered by default from v6.4). Check the table's PK; to change it, create a new table with the desired key and copy the data.`);
        } else if (t.primaryKey && isClusteredPk(t.primaryKey, (c) => t.columns.get(c.toLowerCase())?.type, ctx.target)) {
          ctx.report([spec.first, last], `The primary key of '${name}' is clustered on this TiDB version, and TiDB cannot drop a clustered primary key (ERROR 8200 Unsupported drop primary key when the table is using clustered index). Create a new table with the desired key and copy the data, or declare the PK NONCLUSTERED when the table is created.`);
        }
      } else if (spec.verb === 'ADD' && spec.index?.kind === 'PRIMARY' && spec.index.clustered?.value === 'CLUSTERED') {
        ctx.report([spec.index.tok, spec.index.clustered.tok], `TiDB cannot add a CLUSTERED primary key to the existing table '${name}' (ERROR 8200): the clustered key is the row key. Add it as NONCLUSTERED, or create a new table with the clustered key and copy the data.`);
      } else if (spec.verb === 'ADD' && spec.target === 'COLUMN') {
        for (const c of spec.columns) {
          if (c.primaryKey !== undefined && c.clustered?.value === 'CLUSTERED') {
            ctx.report([c.primaryKey, c.clustered.tok], `TiDB cannot add a CLUSTERED primary key to the existing table '${name}' (ERROR 8200): the clustered key is the row key. Add it as NONCLUSTERED, or create a new table with the clustered key and copy the data.`);
          }
        }
      }
    }
  },
});
