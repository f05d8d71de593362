import { findAtDepth, mainVerb, tableFactors } from '../../../sql/queryRefs';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'update-without-where',
  category: 'risky',
  severity: 'error',
  versions: 'all',
  explanation: "Rewrites every (joined) row in one transaction: huge transaction, GC pressure, possible 'transaction too large'.",
  fix: 'Add a WHERE clause, or batch with BATCH ON id LIMIT n UPDATE ... (non-transactional UPDATE needs v6.5+; BATCH DELETE v6.1+).',
  source: 'pingcap/docs: develop/dev-guide-optimize-sql-best-practices.md; non-transactional-dml.md; basic-features.md',
  quote: 'When you update a large amount of data, it is recommended to use [bulk update]',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: [
      "UPDATE t30 SET v = 'x';",
      "START TRANSACTION;\nINSERT INTO audit_log (actor, action) VALUES ('system', 'nightly');\nUPDATE accounts SET frozen = 1;\nCOMMIT;",
      'UPDATE orders SET status = 1;',
    ],
    clean: [
      'UPDATE users SET status = 1 WHERE id = 5;',
      'BATCH ON id LIMIT 1000 UPDATE t SET a = 1 WHERE b = 2;',
      'INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = a + 1;',
    ],
  },
  kinds: ['UPDATE', 'WITH'],
  check(ctx) {
    const s = ctx.s;
    const verb = mainVerb(s);
    if (verb === -1 || !s.is(verb, 'UPDATE')) return;
    const d = s.depth(verb);
    if (findAtDepth(s, ['WHERE'], verb + 1, d) !== -1) return;
    if (s.sparseFrom < s.length) return;
    let i = verb + 1;
    while (s.is(i, 'LOW_PRIORITY', 'IGNORE')) i++;
    const set = findAtDepth(s, ['SET'], i, d);
    const refs = tableFactors(s, i, set === -1 ? s.length : set);
    const last = refs.length > 0 ? refs[0].last : verb;
    ctx.report(
      [verb, last],
      refs.length > 1
        ? l10n.t(
            "UPDATE without WHERE rewrites every row of {0} in one transaction (the join condition does not bound the rows the way WHERE does): huge transaction, GC pressure, possibly 'transaction too large'. Add a WHERE clause, or batch it with BATCH ON <key> LIMIT n UPDATE ... (v6.5+).",
            refs.map((r) => r.name).join(' JOIN '),
          )
        : refs.length === 1
          ? l10n.t(
              "UPDATE without WHERE rewrites every row of {0} in one transaction: huge transaction, GC pressure, possibly 'transaction too large'. Add a WHERE clause, or batch it with BATCH ON <key> LIMIT n UPDATE ... (v6.5+).",
              refs[0].name,
            )
          : l10n.t(
              "UPDATE without WHERE rewrites every row of the table in one transaction: huge transaction, GC pressure, possibly 'transaction too large'. Add a WHERE clause, or batch it with BATCH ON <key> LIMIT n UPDATE ... (v6.5+).",
            ),
    );
  },
});
