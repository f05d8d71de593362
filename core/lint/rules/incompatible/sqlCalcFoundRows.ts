import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';

export default defineRule('sql-calc-found-rows', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    for (let i = 0; i < n; i++) {
      if (s.word(i) !== 'SQL_CALC_FOUND_ROWS' || s.op(i - 1) === '.') continue;
      ctx.report(
        i,
        'TiDB implements SQL_CALC_FOUND_ROWS only as a no-op behind tidb_enable_noop_functions, so this SELECT fails with error 1235 by default. Run a separate SELECT COUNT(*) with the same WHERE clause instead of FOUND_ROWS().',
      );
    }
  },
});
