import { readSetAssignments } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import {
  assignmentRange,
  INSTANCE_LOCAL_SYSVARS,
  READ_ONLY_SYSVARS,
  setsOptimizerSwitch,
  setsOptimizerTrace,
  setsUnsupportedIsolation,
  TX_READ_ONLY_VARS,
} from '../support/ruleHelpers';

/** No-op variables (mysqldump, binlog) whose SET GLOBAL changes nothing that matters. */
const EXEMPT = new Set(['gtid_purged', 'sql_log_bin']);

function message(name: string): string {
  return `In TiDB SET GLOBAL ${name} is persisted in the cluster and applies to every TiDB instance, also after restarts (in MySQL it affects one server until restart). Use SET SESSION for temporary tuning, or record this as intentional cluster configuration.`;
}

export default defineRule('set-global-persisted', {
  kinds: ['SET'],
  check(ctx) {
    const s = ctx.s;
    // SET GLOBAL TRANSACTION ISOLATION LEVEL READ COMMITTED|REPEATABLE READ persists transaction_isolation.
    if (s.is(1, 'GLOBAL') && s.is(2, 'TRANSACTION')) {
      const i = s.find(['ISOLATION', 'LEVEL'], 3);
      if (i === -1 || s.is(i + 2, 'SERIALIZABLE') || s.seq(i + 2, 'READ', 'UNCOMMITTED') !== -1) return;
      if (s.find(['READ', 'ONLY'], 3) !== -1) return;
      ctx.report([1, Math.min(s.length - 1, i + 3)], message('TRANSACTION ISOLATION LEVEL'));
      return;
    }
    for (const a of readSetAssignments(s)) {
      if (a.scope !== 'GLOBAL') continue;
      const n = a.name;
      if (n.startsWith('tidb_') || INSTANCE_LOCAL_SYSVARS.has(n) || EXEMPT.has(n)) continue;
      // reported by read-only-sysvar-set, read-only-transaction, unsupported-isolation-level,
      // optimizer-switch-ignored, optimizer-trace (or no-op variables)
      if (READ_ONLY_SYSVARS.has(n) || TX_READ_ONLY_VARS.has(n)) continue;
      if (setsUnsupportedIsolation(a) || setsOptimizerSwitch(a) || setsOptimizerTrace(a)) continue;
      ctx.report(assignmentRange(s, a), message(n));
    }
  },
});
