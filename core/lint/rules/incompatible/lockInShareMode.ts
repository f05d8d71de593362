import { defineRule } from '../../rule';
import { earlierSetting, notLinted, isTruthy, matchCase } from '../support/ruleHelpers';

export default defineRule('lock-in-share-mode', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    let sawSelect = false;
    let promoted: boolean | undefined;
    for (let i = 0; i < n; i++) {
      const w = s.word(i);
      if (w === 'SELECT') sawSelect = true;
      if (!sawSelect) continue;
      let last = -1;
      let replaceFrom = i;
      if (w === 'LOCK' && s.seq(i, 'LOCK', 'IN', 'SHARE', 'MODE') !== -1) {
        last = i + 3;
      } else if (w === 'FOR' && s.is(i + 1, 'SHARE') && s.op(i - 1) !== '.') {
        last = i + 1;
        replaceFrom = i;
      } else {
        continue;
      }
      if (promoted === undefined) {
        // From v8.3.0 tidb_enable_shared_lock_promotion=ON turns the shared lock into FOR UPDATE.
        const v = ctx.target.gte('8.3') ? earlierSetting(ctx, 'tidb_enable_shared_lock_promotion') : undefined;
        promoted = v !== undefined && isTruthy(v);
      }
      if (promoted) return;
      const original = s.text(i, last);
      const clause = w === 'LOCK' ? 'LOCK IN SHARE MODE' : 'FOR SHARE';
      const promo = ctx.target.gte('8.3') ? ' (or set tidb_enable_shared_lock_promotion=ON, which does the same)' : '';
      ctx.report(
        [i, last],
        `TiDB has no shared row locks: ${clause} fails with error 1235 by default (with tidb_enable_noop_functions=ON it takes no lock at all). Use FOR UPDATE instead${promo}.`,
        {
          title: `Replace ${clause} with FOR UPDATE`,
          edits: [ctx.replaceTokens(replaceFrom, last, matchCase(original, 'FOR UPDATE'))],
          safe: true,
        },
      );
      i = last;
    }
  },
});
