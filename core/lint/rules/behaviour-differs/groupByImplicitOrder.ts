import { defineRule } from '../../rule';

export default defineRule('group-by-implicit-order', {
  kinds: ['SELECT', 'WITH', '(', 'TABLE'],
  check(ctx) {
    const s = ctx.s;
    for (const b of s.queryBlocks()) {
      if (!b.topLevel) continue;
      const g = b.clauseAt.get('GROUP BY');
      if (g === undefined || b.clauses.has('ORDER BY')) continue;
      // an ORDER BY outside the block that sorts the whole (set-operation) result
      if (s.find(['ORDER', 'BY'], b.end, s.sparseFrom, 0) !== -1) continue;
      ctx.report([g, g + 1], 'TiDB (like MySQL 8.0) does not sort GROUP BY results: groups come back in arbitrary order, unlike MySQL 5.7. Add an explicit ORDER BY if the caller relies on the order.');
    }
  },
});
