import type { TableOption } from '../analysis/ddl';
import { defineRule } from './defineRule';

export default defineRule('storage-engine-ignored', {
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    let opts: TableOption[] = [];
    const ct = ctx.createTable();
    if (ct) opts = ct.options;
    else {
      const at = ctx.alterTable();
      if (at) opts = at.specs.flatMap((sp) => sp.options);
    }
    for (const o of opts) {
      if (o.name !== 'ENGINE' || o.valueStart >= o.valueEnd) continue;
      const engine = s.ident(o.valueStart);
      if (engine === undefined || engine.toLowerCase() === 'innodb' || engine.toLowerCase() === 'default') continue;
      const t = s.tokens[o.valueStart];
      const text = t.kind === 'string' ? `'InnoDB'` : t.kind === 'qident' ? '`InnoDB`' : 'InnoDB';
      ctx.report([o.tok, o.valueStart], `TiDB accepts ENGINE=${engine} but ignores it: the table is an ordinary transactional, persistent and replicated TiDB table${/^(memory|heap)$/i.test(engine) ? ' (not an in-memory table)' : ''}. Use ENGINE=InnoDB or drop the option.`, {
        title: 'Use ENGINE=InnoDB',
        edits: [ctx.replaceTokens(o.valueStart, o.valueStart, text)],
        safe: true,
      });
    }
  },
});
