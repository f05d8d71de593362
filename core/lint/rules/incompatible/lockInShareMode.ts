import { defineRule } from '../../rule';
import { earlierSetting, notLinted, isTruthy, matchCase } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'lock-in-share-mode',
  category: 'incompatible',
  severity: 'error',
  versions: 'all; v8.3.0+ can promote it to an exclusive lock via tidb_enable_shared_lock_promotion',
  explanation:
    'TiDB has no shared row locks. By default the statement fails with error 1235; with tidb_enable_noop_functions=ON it runs without any lock (silently unsafe); from v8.3.0, tidb_enable_shared_lock_promotion=ON turns it into an exclusive FOR UPDATE lock.',
  fix: 'Quick fix: FOR SHARE / LOCK IN SHARE MODE -> FOR UPDATE (stronger, safe).',
  source: 'pingcap/tidb: pkg/expression/errors.go; pingcap/docs releases/release-8.3.0.md',
  quote:
    'TiDB does not support `SELECT LOCK IN SHARE MODE` yet. Starting from v8.3.0, TiDB supports upgrading `SELECT LOCK IN SHARE MODE` to exclusive locks',
  quoteStatus: 'verified',
  tidb: {
    error: 1235,
    sqlState: '42000',
    message:
      'function LOCK IN SHARE MODE has only noop implementation in tidb now, use tidb_enable_noop_functions to enable these functions',
  },
  words: ['SHARE'],
  examples: {
    flagged: [
      'SELECT id FROM t WHERE id = 1 LOCK IN SHARE MODE;',
      'INSERT INTO t2 SELECT * FROM (SELECT a FROM t1 FOR SHARE) x;',
      'CREATE TABLE a (id BIGINT AUTO_RANDOM PRIMARY KEY) ENGINE=MyISAM;\nSELECT id FROM a WHERE id = 1 LOCK IN SHARE MODE;',
    ],
    clean: [
      'SELECT a FROM t WHERE id = 1 FOR UPDATE;',
      'SELECT id FROM orders WHERE id = 1 FOR UPDATE;',
      "SELECT 'lock in share mode', 'FOR SHARE' AS x FROM t LIMIT 1;",
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    let sawSelect = false;
    let promoted: boolean | undefined;
    for (let i = 0; i < n; i++) {
      const w = s.word(i);
      if (w === 'SELECT') sawSelect = true;
      if (!sawSelect) continue;
      let last = -1;
      let replaceFrom = i;
      if (w === 'LOCK' && s.seq(i, 'LOCK', 'IN', 'SHARE', 'MODE') !== -1) {
        last = i + 3;
      } else if (w === 'FOR' && s.is(i + 1, 'SHARE') && s.op(i - 1) !== '.') {
        last = i + 1;
        replaceFrom = i;
      } else {
        continue;
      }
      if (promoted === undefined) {
        // From v8.3.0 tidb_enable_shared_lock_promotion=ON turns the shared lock into FOR UPDATE.
        const v = ctx.target.gte('8.3') ? earlierSetting(ctx, 'tidb_enable_shared_lock_promotion') : undefined;
        promoted = v !== undefined && isTruthy(v);
      }
      if (promoted) return;
      const original = s.text(i, last);
      const clause = w === 'LOCK' ? 'LOCK IN SHARE MODE' : 'FOR SHARE';
      ctx.report(
        [i, last],
        ctx.target.gte('8.3')
          ? l10n.t(
              'TiDB has no shared row locks: {0} fails with error 1235 by default (with tidb_enable_noop_functions=ON it takes no lock at all). Use FOR UPDATE instead (or set tidb_enable_shared_lock_promotion=ON, which does the same).',
              clause,
            )
          : l10n.t(
              'TiDB has no shared row locks: {0} fails with error 1235 by default (with tidb_enable_noop_functions=ON it takes no lock at all). Use FOR UPDATE instead.',
              clause,
            ),
        {
          title: l10n.t('Replace {0} with FOR UPDATE', clause),
          edits: [ctx.replaceTokens(replaceFrom, last, matchCase(original, 'FOR UPDATE'))],
          safe: true,
        },
      );
      i = last;
    }
  },
});
