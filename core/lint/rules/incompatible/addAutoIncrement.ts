import type { ColumnDef } from '../../../sql/ddl';
import type { Stmt } from '../../../sql/statement';
import { defineRule } from '../../rule';

/** The token that gives a column definition AUTO_INCREMENT: the attribute, the SERIAL type, or SERIAL DEFAULT VALUE. */
function autoIncrementTok(s: Stmt, c: ColumnDef): number | undefined {
  if (c.autoIncrement !== undefined) return c.autoIncrement;
  if (c.type?.name === 'SERIAL') return c.type.tok;
  for (let k = c.nameTok + 1; k < c.end; k++) if (s.is(k, 'SERIAL') && s.is(k + 1, 'DEFAULT') && s.is(k + 2, 'VALUE')) return k;
  return undefined;
}

export default defineRule('add-auto-increment', {
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const s = ctx.s;
    const table = at.name.name;
    for (const spec of at.specs) {
      if (spec.verb === 'ADD' && spec.target === 'COLUMN') {
        for (const c of spec.columns) {
          const tok = autoIncrementTok(s, c);
          if (tok === undefined) continue;
          ctx.report(tok, `TiDB cannot add a column with AUTO_INCREMENT to the existing table '${table}' (ERROR 8200 Unsupported add column '${c.name}' constraint AUTO_INCREMENT). Create a new table with the column and copy the data, or use AUTO_RANDOM or a SEQUENCE default instead.`);
        }
      } else if ((spec.verb === 'MODIFY' || spec.verb === 'CHANGE') && spec.columns[0]) {
        const c = spec.columns[0];
        const tok = autoIncrementTok(s, c);
        if (tok === undefined) continue;
        const t = ctx.schema.table(at.name.db, at.name.name);
        const old = t && spec.oldName ? t.columns.get(spec.oldName.toLowerCase()) : undefined;
        if (!old || old.autoIncrement) continue;
        ctx.report(tok, `TiDB cannot add the AUTO_INCREMENT attribute to the existing column '${old.name}' of '${table}' (ERROR 8200 Unsupported modify column: can't set auto_increment). Create a new table with the attribute and copy the data, or use AUTO_RANDOM or a SEQUENCE default instead.`);
      }
    }
  },
});
