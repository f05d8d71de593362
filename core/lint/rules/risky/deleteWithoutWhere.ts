import { deleteTables, findAtDepth, mainVerb } from '../../../sql/queryRefs';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'delete-without-where',
  category: 'risky',
  severity: 'error',
  versions: 'all',
  explanation: "Deletes every row in one transaction: huge transaction, GC pressure, possible 'transaction too large'.",
  fix: 'Use TRUNCATE TABLE if intended, or add a WHERE / use BATCH ON id LIMIT n DELETE ... (v6.1+).',
  source: 'pingcap/docs: develop/dev-guide-optimize-sql-best-practices.md; non-transactional-dml.md',
  quote:
    'When you need to delete all data from a table, it is recommended to use the `TRUNCATE` statement ... It is not recommended to use `DELETE` for full table data',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: ['DELETE FROM logs;', 'DELETE FROM staging;', 'DELETE s FROM sessions s JOIN users u ON u.id = s.user_id;'],
    clean: [
      "SELECT 'DELETE FROM t' AS hint;",
      'DELETE FROM t WHERE id IN (SELECT id FROM u);',
      'CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;',
    ],
  },
  kinds: ['DELETE', 'WITH'],
  check(ctx) {
    const s = ctx.s;
    const verb = mainVerb(s);
    if (verb === -1 || !s.is(verb, 'DELETE')) return;
    const d = s.depth(verb);
    if (findAtDepth(s, ['WHERE'], verb + 1, d) !== -1) return;
    if (s.sparseFrom < s.length) return;
    const { targets } = deleteTables(s, verb);
    const names = targets.map((t) => t.name);
    const last = targets.length > 0 ? Math.max(...targets.map((t) => t.last)) : verb;
    ctx.report(
      [verb, last],
      names.length > 0
        ? l10n.t(
            "DELETE without WHERE removes every row of {0} in one transaction (huge transaction, GC pressure, possibly 'transaction too large'). Use TRUNCATE TABLE if that is intended, or add a WHERE / use BATCH ON <key> LIMIT n DELETE ... (v6.1+).",
            names.join(', '),
          )
        : l10n.t(
            "DELETE without WHERE removes every row of the table in one transaction (huge transaction, GC pressure, possibly 'transaction too large'). Use TRUNCATE TABLE if that is intended, or add a WHERE / use BATCH ON <key> LIMIT n DELETE ... (v6.1+).",
          ),
    );
  },
});
