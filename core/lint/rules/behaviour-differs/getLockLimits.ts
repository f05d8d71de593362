import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'get-lock-limits',
  category: 'behaviour-differs',
  severity: 'warning',
  versions: '< v6.1.0 any use; v6.1.0+ out-of-range timeouts',
  explanation:
    'Before v6.1.0 user-level locks were listed as unsupported (no real mutual exclusion). From v6.1.0 they work but TiDB clamps the timeout to 1..3600 seconds: GET_LOCK(x, 0) blocks up to 1 s instead of returning at once, GET_LOCK(x, -1) gives up after 1 hour instead of waiting forever, and deadlocks between user locks are not detected.',
  fix: 'Use a timeout between 1 and 3600 and handle a 0 result; on < v6.1 upgrade or use a lock row with SELECT ... FOR UPDATE.',
  source: 'pingcap/docs: functions-and-operators/locking-functions.md; releases/release-6.1.0.md',
  quote:
    'The minimum timeout permitted by TiDB is 1 second, and the maximum timeout is 1 hour (3600 seconds). This differs from MySQL, where both 0 second and unlimited timeouts (`timeout=-1`) are permitted. TiDB will automatically convert out-of-range values to the nearest permitted value and convert `timeout=-1` to 3600 seconds.',
  quoteStatus: 'verified',
  words: ['GET_LOCK'],
  examples: {
    flagged: ["SELECT GET_LOCK('m', 0);", "SELECT GET_LOCK('x', 0);", "SELECT GET_LOCK('nightly_rollup', 0);"],
    clean: ["SELECT GET_LOCK('job', 10);", "SELECT 'GET_LOCK(x, 0)' AS s;", "SELECT GET_LOCK('cron:cleanup', 10);"],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    const old = ctx.target.lt('6.1');
    for (let i = 0; i < n; i++) {
      if (s.word(i) !== 'GET_LOCK' || s.op(i + 1) !== '(' || s.op(i - 1) === '.') continue;
      const close = s.match(i + 1);
      if (close === -1 || close >= n) continue;
      if (old) {
        ctx.report(
          [i, close],
          l10n.t(
            'TiDB {0} does not support user-level locks (GET_LOCK arrived in v6.1.0), so this gives no real mutual exclusion. Upgrade to v6.1 or later, or lock a row with SELECT ... FOR UPDATE.',
            String(ctx.target),
          ),
        );
        continue;
      }
      const args = s.splitCommas(i + 2, close);
      if (args.length !== 2) continue;
      const [a, b] = args[1];
      const sign = s.op(a) === '-' || s.op(a) === '+';
      if (b - a !== (sign ? 2 : 1)) continue;
      const v = s.op(a) === '+' ? s.num(a + 1) : s.num(a);
      if (v === undefined || (v >= 1 && v <= 3600)) continue;
      const timeout = s.text(a, b - 1);
      ctx.report(
        [a, b - 1],
        v < 0
          ? l10n.t(
              'TiDB clamps GET_LOCK timeouts to 1..3600 seconds: a negative timeout (wait forever in MySQL) gives up after 3600 seconds. Use a timeout between 1 and 3600 and handle a 0 result.',
            )
          : v < 1
            ? l10n.t(
                'TiDB clamps GET_LOCK timeouts to 1..3600 seconds: a timeout of {0} (return at once in MySQL) is raised to 1 second. Use a timeout between 1 and 3600 and handle a 0 result.',
                timeout,
              )
            : l10n.t(
                'TiDB clamps GET_LOCK timeouts to 1..3600 seconds: a timeout of {0} is capped at 3600 seconds. Use a timeout between 1 and 3600 and handle a 0 result.',
                timeout,
              ),
      );
    }
  },
});
