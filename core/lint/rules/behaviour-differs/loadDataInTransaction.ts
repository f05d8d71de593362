import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'load-data-in-transaction',
  category: 'behaviour-differs',
  severity: 'warning',
  versions: '< v7.6.0',
  until: '7.6',
  explanation:
    'Before v7.6.0 LOAD DATA commits on its own: it is not rolled back by ROLLBACK and it implicitly ends the surrounding transaction, so the all-or-nothing import the script expects does not happen.',
  fix: 'Upgrade to v7.6+ (LOAD DATA follows transaction semantics), or make the import idempotent and run it outside the transaction.',
  source: 'pingcap/docs: sql-statements/sql-statement-load-data.md; basic-features.md',
  quote:
    'For versions earlier than TiDB v7.6.0, no matter how many rows are committed in a transaction, `LOAD DATA` is not rolled back by the `ROLLBACK` statement in an explicit transaction.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      "begin;\nload data local infile 'x' into table t;\ncommit;",
      "SET autocommit = 0;\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;",
      "START TRANSACTION WITH CONSISTENT SNAPSHOT;\nROLLBACK TO SAVEPOINT a;\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;\nCOMMIT;",
    ],
    clean: [
      "LOAD DATA LOCAL INFILE 'x' INTO TABLE t;",
      "BEGIN;\nCOMMIT;\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;",
      "SET autocommit = 1;\nLOAD DATA LOCAL INFILE 'x' INTO TABLE t;",
    ],
  },
  kinds: ['LOAD'],
  check(ctx) {
    const s = ctx.s;
    if (!s.is(1, 'DATA') || !ctx.session.inTransaction) return;
    ctx.report(
      [0, 1],
      l10n.t(
        'Before v7.6.0 TiDB ({0}) commits LOAD DATA on its own: inside an explicit transaction it is not undone by ROLLBACK and ends the surrounding transaction. Run the import outside the transaction and make it idempotent, or upgrade to v7.6 or later.',
        String(ctx.target),
      ),
    );
  },
});
