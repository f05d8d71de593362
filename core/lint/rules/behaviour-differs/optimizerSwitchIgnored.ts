import { readSetAssignments } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import { assignmentRange, setsOptimizerSwitch } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'optimizer-switch-ignored',
  category: 'behaviour-differs',
  severity: 'warning',
  versions: 'all',
  explanation: 'optimizer_switch is read-only in TiDB and has no effect on plans; hints and TiDB variables differ.',
  fix: 'Use TiDB optimizer hints or tidb_opt_* variables.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'In TiDB, the MySQL system variable `optimizer_switch` is read-only and has no effect on query plans.',
  quoteStatus: 'verified',
  tidb: 'accepted, ignored',
  tags: ['unnecessary'],
  examples: {
    flagged: [
      "SET GLOBAL optimizer_switch = 'mrr=on';",
      "set optimizer_switch='derived_merge=off';",
      "SET @@SESSION.optimizer_switch = 'mrr=on';",
    ],
    clean: ["SELECT @@optimizer_switch;\nSET @optimizer_switch = 'x';"],
  },
  kinds: ['SET'],
  check(ctx) {
    const s = ctx.s;
    for (const a of readSetAssignments(s)) {
      if (!setsOptimizerSwitch(a)) continue;
      ctx.report(
        assignmentRange(s, a),
        l10n.t(
          'optimizer_switch has no effect on query plans in TiDB, so this setting changes nothing. Use TiDB optimizer hints or the tidb_opt_* system variables instead.',
        ),
      );
    }
  },
});
