import { defineRule } from './defineRule';

export default defineRule('subpartition', {
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const n = s.sparseFrom;
    for (let i = 0; i < n; i++) {
      let last = -1;
      if (s.is(i, 'SUBPARTITION') && s.is(i + 1, 'BY')) {
        // SUBPARTITION BY [LINEAR] HASH|KEY (...) [SUBPARTITIONS n]
        let j = i + 2;
        while (j < n && j < i + 8 && s.op(j) !== '(') j++;
        last = s.op(j) === '(' && s.match(j) > j ? s.match(j) : Math.min(i + 2, n - 1);
        if (s.is(last + 1, 'SUBPARTITIONS')) last += s.tokens[last + 2]?.kind === 'number' ? 2 : 1;
      } else if (s.is(i, 'SUBPARTITIONS')) {
        last = s.tokens[i + 1]?.kind === 'number' ? i + 1 : i;
      }
      if (last === -1) continue;
      ctx.report([i, last], 'TiDB does not support subpartitioning (SUBPARTITION BY / SUBPARTITIONS): the statement fails. Use a single level of RANGE, LIST, HASH or KEY partitioning.');
      return;
    }
  },
});
