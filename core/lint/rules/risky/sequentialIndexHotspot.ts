import type { ColumnInfo } from '../../../sql/schema';
import { columnInfo } from '../../../sql/schema';
import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';

export default defineRule('sequential-index-hotspot', {
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    const ct = ctx.createTable();
    let lookup: (n: string) => ColumnInfo | undefined;
    if (ct) {
      const cols = new Map(ct.columns.map((c) => [c.name.toLowerCase(), columnInfo(s, c)]));
      lookup = (n) => cols.get(n.toLowerCase());
    } else {
      const sites = indexSites(ctx);
      const name = sites[0]?.table;
      const t = name ? ctx.schema.table(name.db, name.name) : undefined;
      if (!t) return;
      // columns added by the same ALTER TABLE count too
      const added = new Map<string, ColumnInfo>();
      const at = ctx.alterTable();
      for (const spec of at?.specs ?? []) for (const c of spec.columns) added.set(c.name.toLowerCase(), columnInfo(s, c));
      lookup = (n) => added.get(n.toLowerCase()) ?? t.columns.get(n.toLowerCase());
    }
    for (const { index } of indexSites(ctx)) {
      if (index.kind !== 'INDEX' && index.kind !== 'UNIQUE') continue;
      const first = index.parts[0];
      if (!first?.column) continue;
      const c = lookup(first.column);
      if (!c || (c.type !== 'DATETIME' && c.type !== 'TIMESTAMP') || !c.defaultNow) continue;
      ctx.report([first.first, Math.max(first.first, first.end - 1)], `Index${index.name ? ` ${index.name}` : ''} starts with ${c.name}, an insert-time ${c.type} column (DEFAULT CURRENT_TIMESTAMP): every insert writes to the tail of the index, a write hotspot on one TiKV Region. Put a high-cardinality column first, or accept it for low write rates.`);
    }
  },
});
