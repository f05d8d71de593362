import { defineRule } from './defineRule';

export default defineRule('add-auto-increment', {
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const table = at.name.name;
    for (const spec of at.specs) {
      if (spec.verb === 'ADD' && spec.target === 'COLUMN') {
        for (const c of spec.columns) {
          if (c.autoIncrement === undefined) continue;
          ctx.report(c.autoIncrement, `TiDB cannot add a column with AUTO_INCREMENT to the existing table '${table}' (ERROR 8200 Unsupported add column '${c.name}' constraint AUTO_INCREMENT). Create a new table with the column and copy the data, or use AUTO_RANDOM or a SEQUENCE default instead.`);
        }
      } else if ((spec.verb === 'MODIFY' || spec.verb === 'CHANGE') && spec.columns[0]?.autoIncrement !== undefined) {
        const t = ctx.schema.table(at.name.db, at.name.name);
        const old = t && spec.oldName ? t.columns.get(spec.oldName.toLowerCase()) : undefined;
        if (!old || old.autoIncrement) continue;
        const c = spec.columns[0];
        ctx.report(c.autoIncrement!, `TiDB cannot add the AUTO_INCREMENT attribute to the existing column '${old.name}' of '${table}' (ERROR 8200 Unsupported modify column: can't set auto_increment). Create a new table with the attribute and copy the data, or use AUTO_RANDOM or a SEQUENCE default instead.`);
      }
    }
  },
});
