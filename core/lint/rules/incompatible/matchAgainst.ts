import { functionCalls } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';

export default defineRule('match-against', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    for (const c of functionCalls(s)) {
      if (c.name !== 'MATCH') continue;
      const close = s.match(c.open);
      let against = -1;
      if (close !== -1) {
        if (s.is(close + 1, 'AGAINST')) against = close + 1;
      } else {
        // skimmed INSERT body: only words and '(' are kept
        for (let j = c.open + 1; j < s.length && j < c.open + 64; j++) {
          if (s.is(j, 'AGAINST')) {
            against = j;
            break;
          }
          if (s.op(j) === '(') break;
        }
      }
      if (against === -1 || s.op(against + 1) !== '(') continue;
      const end = s.match(against + 1);
      ctx.report([c.at, end !== -1 ? end : against + 1], 'TiDB does not support MySQL full-text search: MATCH ... AGAINST fails. Use LIKE/REGEXP for small data, an external search engine, or TiDB Cloud full-text search (FTS_MATCH_WORD).');
    }
  },
});
