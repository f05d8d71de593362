import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';

export default defineRule('with-rollup-version', {
  before: '7.4',
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    let groupBy = false;
    for (let i = 0; i < n; i++) {
      if (s.seq(i, 'GROUP', 'BY') !== -1) groupBy = true;
      if (!groupBy || s.seq(i, 'WITH', 'ROLLUP') === -1) continue;
      ctx.report(
        [i, i + 1],
        `TiDB ${ctx.target} does not support GROUP BY ... WITH ROLLUP (added in v7.4.0), so this query fails. Upgrade to v7.4 or later, or compute the subtotals with UNION ALL of coarser GROUP BY queries.`,
      );
    }
  },
});
