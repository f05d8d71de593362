import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'xa-transaction',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'TiDB uses 2PC internally but does not expose XA.',
  fix: 'Use a single TiDB transaction or an application-level saga.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: '`XA` syntax (TiDB uses a two-phase commit internally, but this is not exposed via an SQL interface)',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'XA START "x";',
      'XA RECOVER CONVERT XID;',
      "-- two-phase commit driven by the payment coordinator\nXA BEGIN 'pay-7781', 'ledger';\nUPDATE ledger_entries SET state = 'reserved' WHERE payment_id = 7781;\nXA END 'pay-7781', 'ledger';\nXA PREPARE 'pay-7781', 'ledger';\nXA ROLLBACK 'pay-7781', 'ledger';",
    ],
    clean: ['DROP EVENT IF EXISTS e;', 'SELECT xa FROM t LIMIT 1;', 'DROP FUNCTION IF EXISTS f;'],
  },
  kinds: ['XA'],
  check(ctx) {
    ctx.report(
      [0, 1],
      l10n.t(
        'TiDB does not expose XA transactions (it uses two-phase commit internally only), so XA statements fail. Use a single TiDB transaction or an application-level saga.',
      ),
    );
  },
});
