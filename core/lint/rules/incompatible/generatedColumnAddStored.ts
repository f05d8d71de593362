import { defineRule } from '../../rule';

export default defineRule('generated-column-add-stored', {
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    for (const spec of at.specs) {
      if (spec.verb !== 'ADD' || spec.target !== 'COLUMN') continue;
      for (const c of spec.columns) {
        const g = c.generated;
        if (!g?.stored || g.storedTok === undefined) continue;
        ctx.report(g.storedTok, `TiDB cannot add a STORED generated column with ALTER TABLE ('${c.name}' on '${at.name.name}'); stored generated columns can only be declared in CREATE TABLE. Add it as VIRTUAL (and index it if needed).`, {
          title: 'Add the generated column as VIRTUAL',
          edits: [ctx.replaceTokens(g.storedTok, g.storedTok, 'VIRTUAL')],
          safe: false,
        });
      }
    }
  },
});
