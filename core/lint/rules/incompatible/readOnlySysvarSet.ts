import { readSetAssignments } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import { assignmentRange, setsReadOnlySysvar } from '../support/ruleHelpers';

export default defineRule('read-only-sysvar-set', {
  kinds: ['SET'],
  check(ctx) {
    const s = ctx.s;
    for (const a of readSetAssignments(s)) {
      if (!setsReadOnlySysvar(a)) continue;
      const advice =
        a.name === 'sql_auto_is_null'
          ? 'Rewrite queries that rely on it to use LAST_INSERT_ID().'
          : 'To fence writes use tidb_super_read_only or tidb_restricted_read_only instead.';
      ctx.report(
        assignmentRange(s, a),
        `In TiDB ${a.name} is only a no-op behind tidb_enable_noop_functions: enabling it fails with error 1235 by default, and even when accepted it has no effect. ${advice}`,
      );
    }
  },
});
