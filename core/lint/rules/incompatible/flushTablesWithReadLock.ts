import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'flush-tables-with-read-lock',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'Global read lock (used by backup scripts) is not supported.',
  fix: 'Use BR / Dumpling with tidb_snapshot for consistent backups.',
  source: 'pingcap/docs: sql-statements/sql-statement-flush-tables.md',
  quote: 'The statement `FLUSH TABLES WITH READ LOCK` produces an error, as TiDB does not currently support locking tables.',
  quoteStatus: 'verified',
  tidb: { error: 1105, sqlState: 'HY000', message: 'FLUSH TABLES WITH READ LOCK is not supported.  Please use @@tidb_snapshot' },
  examples: {
    flagged: [
      'flush local tables with read lock;',
      '# backup step: freeze writes, record binlog position\nFLUSH TABLES WITH READ LOCK;\nSHOW MASTER STATUS;',
      'FLUSH TABLES orders, order_items WITH READ LOCK;',
    ],
    clean: ['FLUSH TABLES;\nFLUSH PRIVILEGES;\nFLUSH TABLES t;'],
  },
  kinds: ['FLUSH'],
  check(ctx) {
    const s = ctx.s;
    let i = 1;
    if (s.is(i, 'NO_WRITE_TO_BINLOG', 'LOCAL')) i++;
    if (!s.is(i, 'TABLES', 'TABLE')) return;
    const w = s.find(['WITH', 'READ', 'LOCK'], i + 1);
    if (w === -1) return;
    ctx.report(
      [0, w + 2],
      l10n.t(
        'TiDB does not support FLUSH TABLES WITH READ LOCK (there is no global read lock), so this statement fails. For a consistent backup use BR or Dumpling, or read at a fixed point with tidb_snapshot.',
      ),
    );
  },
});
