import { readSetAssignments } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import { assignmentRange, setsOptimizerSwitch } from '../support/ruleHelpers';

export default defineRule('optimizer-switch-ignored', {
  kinds: ['SET'],
  check(ctx) {
    const s = ctx.s;
    for (const a of readSetAssignments(s)) {
      if (!setsOptimizerSwitch(a)) continue;
      ctx.report(
        assignmentRange(s, a),
        'optimizer_switch has no effect on query plans in TiDB, so this setting changes nothing. Use TiDB optimizer hints or the tidb_opt_* system variables instead.',
      );
    }
  },
});
