import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';

export default defineRule('lateral-derived-table', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    for (let i = 1; i < n; i++) {
      if (s.word(i) !== 'LATERAL' || s.op(i + 1) !== '(') continue;
      if (!s.is(i - 1, 'JOIN', 'STRAIGHT_JOIN', 'FROM') && s.op(i - 1) !== ',') continue;
      ctx.report(
        i,
        'TiDB does not support lateral derived tables, so JOIN LATERAL (...) fails with a syntax error. Rewrite it as a correlated scalar subquery, a window function (ROW_NUMBER() ... = 1) or a join on a grouped derived table.',
      );
    }
  },
});
