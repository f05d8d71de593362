import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'event',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'The MySQL event scheduler does not exist in TiDB.',
  fix: 'Use an external scheduler (cron, Kubernetes CronJob) or TiDB TTL tables (v6.5+, GA v7.0) for expiry jobs.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'Events',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'DROP EVENT IF EXISTS e;',
      'ALTER EVENT ev_purge_sessions DISABLE;',
      'CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;',
    ],
    clean: ["XA START 'x';\nXA END 'x';", 'SELECT xa FROM t LIMIT 1;', 'DROP FUNCTION IF EXISTS f;'],
  },
  kinds: ['CREATE EVENT', 'ALTER EVENT', 'DROP EVENT'],
  check(ctx) {
    const kw = ctx.s.find(['EVENT']);
    ctx.report(
      [kw, kw + 1],
      l10n.t(
        'TiDB has no event scheduler: {0} EVENT fails. Use an external scheduler (cron, a Kubernetes CronJob) or a TTL table for expiry jobs.',
        ctx.s.word(0),
      ),
    );
  },
});
