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
import * as l10n from '@vscode/l10n';

/** No-op variables (mysqldump, binlog) whose SET GLOBAL changes nothing that matters. */
const EXEMPT = new Set(['gtid_purged', 'sql_log_bin']);

function message(name: string): string {
  return l10n.t(
    'In TiDB SET GLOBAL {0} is persisted in the cluster and applies to every TiDB instance, also after restarts (in MySQL it affects one server until restart). Use SET SESSION for temporary tuning, or record this as intentional cluster configuration.',
    name,
  );
}

export default defineRule({
  id: 'set-global-persisted',
  category: 'behaviour-differs',
  severity: 'info',
  versions: 'all (v4.0+)',
  explanation:
    "In TiDB a SET GLOBAL is persisted in the cluster and applies to every TiDB instance (MySQL: one instance, lost on restart), so 'temporary' tuning in scripts is permanent.",
  fix: 'Use SET SESSION, or record the change as intentional cluster configuration.',
  source: 'pingcap/docs: sql-statements/sql-statement-set-variable.md; system-variables.md',
  quote:
    'Changes made with `SET GLOBAL` will be propagated to all TiDB instances in the cluster. This differs from MySQL, where changes do not propagate to replicas. ... Changes made with `SET GLOBAL` will persist through TiDB server restarts. This means that `SET GLOBAL` in TiDB behaves more similar to `SET PERSIST` as available in MySQL 8.0 and above.',
  quoteStatus: 'verified',
  examples: {
    flagged: ["SET GLOBAL time_zone = '+00:00';", 'set @@global.max_execution_time = 30000;', 'SET @@GLOBAL.validate_password.length = 8;'],
    clean: ['SET GLOBAL read_only = ON;', 'SET SESSION validate_password.policy = LOW;', "SET PERSIST validate_password.policy = 'LOW';"],
  },
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
