import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';

export default defineRule('skip-locked', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    let lockAt = -1;
    for (let i = 0; i < n; i++) {
      if (s.seq(i, 'FOR', 'UPDATE|SHARE') !== -1 || s.seq(i, 'LOCK', 'IN', 'SHARE', 'MODE') !== -1) lockAt = i;
      if (lockAt !== -1 && s.seq(i, 'SKIP', 'LOCKED') !== -1) {
        ctx.report(
          [i, i + 1],
          'TiDB does not support SKIP LOCKED, so this locking read fails. For queue consumers use FOR UPDATE NOWAIT and retry, or split the queue into key ranges per worker.',
        );
        lockAt = -1;
      }
    }
  },
});
