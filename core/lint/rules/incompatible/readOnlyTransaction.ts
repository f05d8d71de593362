import { readSetAssignments } from '../../../sql/setStatement';
import type { Stmt } from '../../../sql/statement';
import { defineRule } from '../../rule';
import { assignmentRange, setsTxReadOnly } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

const message = () =>
  l10n.t(
    'TiDB implements read-only transactions only as a no-op behind tidb_enable_noop_functions, so this fails with error 1235 by default. Drop READ ONLY, or use a stale read (AS OF TIMESTAMP) for reporting queries.',
  );

/** READ ONLY items of a transaction characteristic list in [from, end), unless followed by AS OF. */
function readOnlyItems(s: Stmt, from: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of s.splitCommas(from, s.length)) {
    for (let i = a; i < b; i++) {
      if (s.seq(i, 'READ', 'ONLY') === -1) continue;
      if (s.is(i + 2, 'AS') && s.is(i + 3, 'OF')) continue; // stale read, supported
      out.push([i, i + 1]);
    }
  }
  return out;
}

export default defineRule({
  id: 'read-only-transaction',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'Read-only transactions are noop-only and error by default.',
  fix: 'Drop READ ONLY, or use stale read (AS OF TIMESTAMP) for reporting.',
  source: 'pingcap/tidb: pkg/sessionctx/variable tests',
  quote:
    '[variable:1235]function READ ONLY has only noop implementation in tidb now, use tidb_enable_noop_functions to enable these functions',
  quoteStatus: 'verified',
  examples: {
    flagged: ['SET tx_read_only = TRUE;', 'START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;', 'SET GLOBAL TRANSACTION READ ONLY;'],
    clean: ['START TRANSACTION READ WRITE;', 'SELECT @@transaction_read_only;', 'SET transaction_read_only = 0;\nSET tx_read_only = OFF;'],
  },
  kinds: ['START', 'SET'],
  check(ctx) {
    const s = ctx.s;
    if (s.kind === 'START') {
      if (!s.is(1, 'TRANSACTION')) return;
      for (const r of readOnlyItems(s, 2)) ctx.report(r, message());
      return;
    }
    // SET [GLOBAL|SESSION|LOCAL] TRANSACTION ... READ ONLY
    const t = s.is(1, 'TRANSACTION') ? 1 : s.is(1, 'GLOBAL', 'SESSION', 'LOCAL') && s.is(2, 'TRANSACTION') ? 2 : -1;
    if (t !== -1) {
      for (const r of readOnlyItems(s, t + 1)) ctx.report(r, message());
      return;
    }
    for (const a of readSetAssignments(s)) {
      if (!setsTxReadOnly(a)) continue;
      ctx.report(
        assignmentRange(s, a),
        l10n.t(
          'TiDB implements {0} only as a no-op behind tidb_enable_noop_functions, so enabling it fails with error 1235 by default. Drop the statement, or use a stale read (AS OF TIMESTAMP) for reporting queries.',
          a.name,
        ),
      );
    }
  },
});
