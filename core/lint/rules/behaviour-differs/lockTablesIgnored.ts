import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

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
      // a dump restoring rows: the lock is harmless there
      "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\nLOCK TABLES `users` WRITE;\nINSERT INTO `users` VALUES (1,'a');\nUNLOCK TABLES;",
      "LOCK TABLES `users` WRITE;\n/*!40000 ALTER TABLE `users` DISABLE KEYS */;\nINSERT INTO `users` VALUES (1,'a');\n/*!40000 ALTER TABLE `users` ENABLE KEYS */;\nUNLOCK TABLES;",
      // UNLOCK TABLES alone is never a finding: the LOCK it pairs with is
      'UNLOCK TABLES;',
    ],
  },
  kinds: ['LOCK'],
  check(ctx) {
    const s = ctx.s;
    if (!s.is(1, 'TABLES', 'TABLE')) return;
    // mysqldump / mariadb-dump wrap each table's rows in LOCK TABLES t WRITE … UNLOCK TABLES: harmless in a restore
    if (ctx.session.dump) return;
    const message = () =>
      l10n.t(
        'With the default enable-table-lock=false TiDB ignores LOCK TABLES (it only returns a warning), so nothing is locked and other sessions can still write. Use a transaction with SELECT ... FOR UPDATE for mutual exclusion.',
      );
    const first = s.qname(2);
    // a dump without its header (--compact) still follows the lock with /*!40000 ALTER TABLE t DISABLE KEYS */
    if (first && s.is(first.last + 1, 'WRITE')) ctx.reportUnlessCreatedLater([0, 1], [`keys of ${first.name}`], [], message);
    else ctx.report([0, 1], message());
  },
});
