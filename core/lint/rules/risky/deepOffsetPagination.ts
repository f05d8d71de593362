import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';

export const DEEP_OFFSET = 10000;

export default defineRule('deep-offset-pagination', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    for (let i = 0; i < n; i++) {
      if (!s.is(i, 'LIMIT')) continue;
      let offset: number | undefined;
      let last = -1;
      if (s.tokens[i + 1]?.kind === 'number' && s.op(i + 2) === ',' && s.tokens[i + 3]?.kind === 'number') {
        offset = s.num(i + 1);
        last = i + 3;
      } else if (s.tokens[i + 1]?.kind === 'number' && s.is(i + 2, 'OFFSET') && s.tokens[i + 3]?.kind === 'number') {
        offset = s.num(i + 3);
        last = i + 3;
      }
      if (offset === undefined || !(offset >= DEEP_OFFSET)) continue;
      ctx.report([i, last], `LIMIT with offset ${offset} makes TiDB read and discard ${offset} rows across Regions before returning any. Use keyset pagination instead (WHERE id > last_seen_id ORDER BY id LIMIT n).`);
    }
  },
});
