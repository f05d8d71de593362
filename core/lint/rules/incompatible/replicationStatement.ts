import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'replication-statement',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'TiDB does not speak the MySQL replication protocol.',
  fix: 'Use TiDB DM (MySQL -> TiDB) or TiCDC (TiDB -> MySQL).',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: "It's important to note that TiDB does not support the MySQL replication protocol.",
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'STOP REPLICA;\nRESET REPLICA ALL;',
      "PURGE BINARY LOGS BEFORE '2024-06-01 00:00:00';",
      "CHANGE MASTER TO MASTER_HOST='10.0.0.5', MASTER_AUTO_POSITION=1;",
    ],
    clean: [
      'SHOW MASTER STATUS;\nSTART TRANSACTION;\nCOMMIT;\nRESET PERSIST;',
      "SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/ 'uuid:1-5';\nSET @@SESSION.SQL_LOG_BIN = 0;",
    ],
  },
  kinds: ['CHANGE', 'START', 'STOP', 'RESET', 'PURGE'],
  check(ctx) {
    const s = ctx.s;
    const verb = s.word(0);
    let last = -1;
    if (verb === 'CHANGE') {
      // CHANGE MASTER TO / CHANGE REPLICATION SOURCE TO / CHANGE REPLICATION FILTER
      if (s.seq(1, 'MASTER', 'TO') !== -1) last = 2;
      else if (s.seq(1, 'REPLICATION', 'SOURCE', 'TO') !== -1) last = 3;
      else if (s.seq(1, 'REPLICATION', 'FILTER') !== -1) last = 2;
    } else if (verb === 'START' || verb === 'STOP' || verb === 'RESET') {
      // START|STOP|RESET SLAVE|REPLICA, START|STOP GROUP_REPLICATION, RESET MASTER
      if (s.is(1, 'SLAVE', 'REPLICA')) last = 1;
      else if (verb !== 'RESET' && s.is(1, 'GROUP_REPLICATION')) last = 1;
      else if (verb === 'RESET' && s.is(1, 'MASTER')) last = 1;
      else if (verb === 'RESET' && s.seq(1, 'BINARY', 'LOGS', 'AND', 'GTIDS') !== -1) last = 4;
    } else if (verb === 'PURGE') {
      // PURGE BINARY|MASTER LOGS TO '...' / BEFORE ...
      if (s.seq(1, 'BINARY|MASTER', 'LOGS') !== -1) last = 2;
    }
    if (last === -1) return;
    ctx.report(
      [0, last],
      l10n.t(
        '{0}: TiDB does not speak the MySQL replication protocol, so this statement fails. Use TiDB Data Migration (DM) to replicate from MySQL, or TiCDC to replicate out of TiDB.',
        s.text(0, last).replace(/\s+/g, ' ').toUpperCase(),
      ),
    );
  },
});
