import { defineRule } from '../../rule';

export default defineRule({
  id: 'lock-tables-ignored',
  category: 'behaviour-differs',
  severity: 'info',
  versions: 'all (enforced only with config enable-table-lock=true)',
  explanation:
    "With the default enable-table-lock=false, LOCK TABLES / UNLOCK TABLES do not take effect and return the warning 'LOCK/UNLOCK TABLES is not supported', so scripts relying on them for mutual exclusion are unprotected (mysqldump's use is harmless). Table locks are experimental in every version even when enabled.",
  fix: 'Rely on transactions / SELECT ... FOR UPDATE; enable enable-table-lock only if really needed.',
  source:
    'pingcap/docs: tidb-configuration-file.md#enable-table-lock; sql-statements/sql-statement-lock-tables-and-unlock-tables.md; basic-features.md',
  quote:
    'When the configuration item is set to `false`, executing the `LOCK TABLES` or `UNLOCK TABLES` statement does not take effect and returns the "LOCK/UNLOCK TABLES is not supported" warning.',
  quoteStatus: 'verified',
  tidb: 'accepted, ignored',
  tags: ['unnecessary'],
  examples: {
    flagged: [
      'LOCK TABLE t READ;',
      'LOCK TABLES orders WRITE;\nUPDATE orders SET status = 2 WHERE id = 1;\nUNLOCK TABLES;',
      'LOCK TABLES `accounts` WRITE, audit READ;\nUPDATE accounts SET b = 1 WHERE id = 1;\nunlock tables;',
    ],
    clean: [
      'LOCK INSTANCE FOR BACKUP;\nSELECT lock_tables FROM t WHERE id = 1;',
      '# backup step: freeze writes, record binlog position\nFLUSH TABLES WITH READ LOCK;\nSHOW MASTER STATUS;',
    ],
  },
  kinds: ['LOCK', 'UNLOCK'],
  check(ctx) {
    const s = ctx.s;
    if (!s.is(1, 'TABLES', 'TABLE')) return;
    if (s.kind === 'LOCK') {
      ctx.report(
        [0, 1],
        'With the default enable-table-lock=false TiDB ignores LOCK TABLES (it only returns a warning), so nothing is locked and other sessions can still write. Use a transaction with SELECT ... FOR UPDATE for mutual exclusion.',
      );
    } else {
      ctx.report(
        [0, 1],
        'With the default enable-table-lock=false TiDB ignores UNLOCK TABLES (it only returns a warning): no table locks were taken. Use transactions with SELECT ... FOR UPDATE for mutual exclusion.',
      );
    }
  },
});
