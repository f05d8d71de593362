import { readSetAssignments } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import { assignmentRange, earlierSetting, isTruthy, setsUnsupportedIsolation, unsupportedIsolation } from '../support/ruleHelpers';

function message(level: string): string {
  return `TiDB supports only REPEATABLE READ (snapshot isolation) and READ COMMITTED, so isolation level ${level} fails with error 8048 (with tidb_skip_isolation_level_check=1 it only warns and transactions still run as SI/RC). Use REPEATABLE READ and SELECT ... FOR UPDATE where write skew matters.`;
}

export default defineRule('unsupported-isolation-level', {
  kinds: ['SET'],
  check(ctx) {
    const s = ctx.s;
    let skipped: boolean | undefined;
    const isSkipped = () => {
      if (skipped === undefined) {
        const v = earlierSetting(ctx, 'tidb_skip_isolation_level_check');
        skipped = v !== undefined && isTruthy(v);
      }
      return skipped;
    };
    // SET [GLOBAL|SESSION|LOCAL] TRANSACTION ISOLATION LEVEL ...
    const t = s.is(1, 'TRANSACTION') ? 1 : s.is(1, 'GLOBAL', 'SESSION', 'LOCAL') && s.is(2, 'TRANSACTION') ? 2 : -1;
    if (t !== -1) {
      const i = s.find(['ISOLATION', 'LEVEL'], t + 1);
      if (i === -1) return;
      let level: string | undefined;
      let last = -1;
      if (s.is(i + 2, 'SERIALIZABLE')) {
        level = 'SERIALIZABLE';
        last = i + 2;
      } else if (s.seq(i + 2, 'READ', 'UNCOMMITTED') !== -1) {
        level = 'READ UNCOMMITTED';
        last = i + 3;
      }
      if (level && !isSkipped()) ctx.report([i, last], message(level));
      return;
    }
    for (const a of readSetAssignments(s)) {
      if (!setsUnsupportedIsolation(a) || isSkipped()) continue;
      ctx.report(assignmentRange(s, a), message(unsupportedIsolation(a.value)!));
    }
  },
});
