import { readSetAssignments } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import { assignmentRange, earlierSetting, isTruthy, setsUnsupportedIsolation, unsupportedIsolation } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

function message(level: string): string {
  return l10n.t(
    'TiDB supports only REPEATABLE READ (snapshot isolation) and READ COMMITTED, so isolation level {0} fails with error 8048 (with tidb_skip_isolation_level_check=1 it only warns and transactions still run as SI/RC). Use REPEATABLE READ and SELECT ... FOR UPDATE where write skew matters.',
    level,
  );
}

export default defineRule({
  id: 'unsupported-isolation-level',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation:
    'TiDB supports only snapshot isolation (reported as REPEATABLE-READ) and READ COMMITTED; other levels error unless tidb_skip_isolation_level_check=1, in which case the statement succeeds with a warning and transactions still run as SI/RC.',
  fix: 'Use REPEATABLE READ (SI) plus SELECT ... FOR UPDATE to prevent write skew.',
  source: 'pingcap/docs: transaction-isolation-levels.md; develop/dev-guide-transaction-restraints.md',
  quote: 'The isolation levels supported by TiDB are RC (Read Committed) and SI (Snapshot Isolation)',
  quoteStatus: 'verified',
  tidb: {
    error: 8048,
    sqlState: 'HY000',
    message: "The isolation level 'SERIALIZABLE' is not supported. Set tidb_skip_isolation_level_check=1 to skip this error",
  },
  examples: {
    flagged: [
      "SET @@tx_isolation = 'read-uncommitted';",
      'set transaction isolation level read uncommitted;',
      "SET GLOBAL transaction_isolation = 'SERIALIZABLE';",
    ],
    clean: [
      "SELECT 'SERIALIZABLE', @@transaction_isolation;",
      'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;',
      'SET tidb_skip_isolation_level_check = 1;\nSET TRANSACTION ISOLATION LEVEL SERIALIZABLE;',
    ],
  },
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
