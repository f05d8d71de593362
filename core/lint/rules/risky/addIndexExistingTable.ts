import { parseCreateIndex } from '../../../sql/ddl';
import { defineRule } from '../../rule';

const MESSAGE = (table: string) =>
  `Adding an index to the existing table '${table}' backfills the whole table and consumes TiKV I/O while it runs. Run it off-peak, tune tidb_ddl_reorg_worker_cnt, and check that fast reorg (tidb_ddl_enable_fast_reorg) is enabled.`;

export default defineRule('add-index-existing-table', {
  kinds: ['ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    if (s.kind === 'CREATE INDEX') {
      const ci = parseCreateIndex(s);
      if (!ci?.table) return;
      if (ci.index.kind !== 'INDEX' && ci.index.kind !== 'UNIQUE') return;
      // Only a table created earlier in this file is new (and empty); a live schema does not make it so.
      if (ctx.schema.createdInFile(ci.table.db, ci.table.name)) return;
      ctx.report([ci.index.tok, ci.table.last], MESSAGE(ci.table.name));
      return;
    }
    const at = ctx.alterTable();
    if (!at?.name) return;
    if (ctx.schema.createdInFile(at.name.db, at.name.name)) return;
    for (const spec of at.specs) {
      if (spec.verb !== 'ADD') continue;
      let range: [number, number] | undefined;
      if (spec.index && (spec.index.kind === 'INDEX' || spec.index.kind === 'UNIQUE')) {
        range = [spec.first, spec.index.parts.length ? Math.max(spec.first, spec.index.parts[spec.index.parts.length - 1].end) : spec.index.tok];
      } else if (spec.target === 'COLUMN') {
        const c = spec.columns.find((col) => col.unique !== undefined);
        if (c) range = [c.unique!, ctx.s.is(c.unique! + 1, 'KEY') ? c.unique! + 1 : c.unique!];
      }
      if (!range) continue;
      ctx.report(range, MESSAGE(at.name.name));
      return;
    }
  },
});
