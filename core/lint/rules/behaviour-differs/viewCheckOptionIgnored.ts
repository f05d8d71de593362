import { defineRule } from '../../rule';

export default defineRule('view-check-option-ignored', {
  kinds: ['CREATE VIEW'],
  check(ctx) {
    const s = ctx.s;
    const n = s.sparseFrom;
    for (let i = 0; i < n; i++) {
      if (!s.is(i, 'WITH') || s.depth(i) !== 0) continue;
      let j = i + 1;
      if (s.is(j, 'CASCADED', 'LOCAL')) j++;
      if (s.seq(j, 'CHECK', 'OPTION') === -1) continue;
      ctx.report(
        [i, j + 1],
        'TiDB accepts WITH CHECK OPTION only syntactically: rows written through the view are not checked against its WHERE clause. Remove the clause and enforce the condition in the application or with constraints.',
      );
      return;
    }
  },
});
