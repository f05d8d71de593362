import type { IndexDef } from '../../../sql/ddl';
import { defineRule } from '../../rule';

export default defineRule('foreign-key-not-enforced', {
  before: '6.6',
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const fks: IndexDef[] = [];
    const ct = ctx.createTable();
    if (ct) fks.push(...ct.indexes.filter((i) => i.kind === 'FOREIGN'));
    else for (const spec of ctx.alterTable()?.specs ?? []) if (spec.verb === 'ADD' && spec.index?.kind === 'FOREIGN') fks.push(spec.index);
    for (const idx of fks) {
      const ref = idx.references?.table?.name;
      ctx.report([idx.first, s.is(idx.tok + 1, 'KEY') ? idx.tok + 1 : idx.tok], `TiDB before v6.6.0 accepts this FOREIGN KEY${ref ? ` to '${ref}'` : ''} but does not enforce it, and it stays ineffective even after an upgrade. Enforce the integrity in the application, or upgrade to v6.6+ (GA in v8.5) and create the foreign keys there.`);
    }
  },
});
