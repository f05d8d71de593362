import { readSetAssignments } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import { assignmentRange, setsReadOnlySysvar } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'read-only-sysvar-set',
  category: 'incompatible',
  severity: 'error',
  versions: 'all (noop-gated since v4.0)',
  explanation:
    'These variables exist only as no-ops gated by tidb_enable_noop_functions: by default enabling them fails (error 1235), and with noop functions enabled the setting is accepted but has no effect, so a maintenance script that relies on read_only=ON to fence writes does not fence anything.',
  fix: 'Use tidb_super_read_only / tidb_restricted_read_only (v5.2+/v6.2+) to fence writes, or drop the statement; for sql_auto_is_null rewrite queries to use LAST_INSERT_ID().',
  source: 'pingcap/docs: system-variables.md#tidb_enable_noop_functions-new-in-v40',
  quote:
    'The `tx_read_only`, `transaction_read_only`, `offline_mode`, `super_read_only`, `read_only` and `sql_auto_is_null` system variables',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'SET GLOBAL read_only = ON;',
      'SET SESSION sql_auto_is_null = 1;',
      '-- fence writes before the cut-over\nSET GLOBAL super_read_only = 1;\nSET GLOBAL offline_mode = ON;',
    ],
    clean: ['SET @read_only = 1;', 'SET GLOBAL read_only = OFF;\nSET GLOBAL super_read_only = 0;\nSET sql_auto_is_null = FALSE;'],
  },
  kinds: ['SET'],
  check(ctx) {
    const s = ctx.s;
    for (const a of readSetAssignments(s)) {
      if (!setsReadOnlySysvar(a)) continue;
      ctx.report(
        assignmentRange(s, a),
        a.name === 'sql_auto_is_null'
          ? l10n.t(
              'In TiDB {0} is only a no-op behind tidb_enable_noop_functions: enabling it fails with error 1235 by default, and even when accepted it has no effect. Rewrite queries that rely on it to use LAST_INSERT_ID().',
              a.name,
            )
          : l10n.t(
              'In TiDB {0} is only a no-op behind tidb_enable_noop_functions: enabling it fails with error 1235 by default, and even when accepted it has no effect. To fence writes use tidb_super_read_only or tidb_restricted_read_only instead.',
              a.name,
            ),
      );
    }
  },
});
