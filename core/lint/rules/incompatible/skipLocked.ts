import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'skip-locked',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'SKIP LOCKED (queue-style consumers) is not supported.',
  fix: 'Use FOR UPDATE NOWAIT and retry, or partition the work queue by key ranges.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: '`SKIP LOCKED` syntax [#18207]',
  quoteStatus: 'verified',
  words: ['LOCKED'],
  examples: {
    flagged: [
      'SELECT a INTO v FROM t WHERE id = 1 FOR UPDATE SKIP LOCKED;',
      'SELECT id FROM jobs WHERE s = 0 LIMIT 1 FOR UPDATE SKIP LOCKED;',
      "CREATE TABLE queue_jobs (\n  id BIGINT AUTO_RANDOM PRIMARY KEY,\n  state VARCHAR(16) NOT NULL,\n  run_at DATETIME NOT NULL,\n  KEY idx_state_run (state, run_at)\n);\nSELECT id FROM queue_jobs WHERE state = 'ready' AND run_at <= NOW() ORDER BY run_at LIMIT 50 FOR UPDATE SKIP LOCKED;",
    ],
    clean: ["SELECT 'FOR UPDATE SKIP LOCKED' AS x;", 'SELECT id FROM jobs LIMIT 1 FOR UPDATE NOWAIT;'],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    let lockAt = -1;
    for (let i = 0; i < n; i++) {
      if (s.seq(i, 'FOR', 'UPDATE|SHARE') !== -1 || s.seq(i, 'LOCK', 'IN', 'SHARE', 'MODE') !== -1) lockAt = i;
      if (lockAt !== -1 && s.seq(i, 'SKIP', 'LOCKED') !== -1) {
        ctx.report(
          [i, i + 1],
          l10n.t(
            'TiDB does not support SKIP LOCKED, so this locking read fails. For queue consumers use FOR UPDATE NOWAIT and retry, or split the queue into key ranges per worker.',
          ),
        );
        lockAt = -1;
      }
    }
  },
});
