import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';

export default defineRule('multi-valued-index-version', {
  before: '6.6',
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    for (const { index } of indexSites(ctx)) {
      for (const p of index.parts) {
        if (!p.expr) continue;
        const [open, close] = p.expr;
        for (let k = open + 1; k < close; k++) {
          // CAST(expr AS type ARRAY)
          if (!s.is(k, 'ARRAY') || s.op(k + 1) !== ')') continue;
          const castOpen = s.match(k + 1);
          if (castOpen < 0 || !s.is(castOpen - 1, 'CAST', 'CONVERT')) continue;
          ctx.report([castOpen - 1, k + 1], `Multi-valued indexes (CAST(... AS ... ARRAY) key parts) arrived in TiDB v6.6.0; on ${ctx.target} the index${index.name ? ` ${index.name}` : ''} fails. Upgrade to v6.6+ (GA in v7.1), or store the array values in an auxiliary table with an ordinary index.`);
        }
      }
    }
  },
});
