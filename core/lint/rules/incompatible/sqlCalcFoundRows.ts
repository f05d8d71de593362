import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'sql-calc-found-rows',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'SQL_CALC_FOUND_ROWS is a no-op-only feature gated by tidb_enable_noop_functions; by default it errors (1235).',
  fix: 'Run a separate SELECT COUNT(*) with the same WHERE.',
  source: 'pingcap/tidb: pkg/planner/core/preprocess.go (checkNoopFuncs)',
  quote: 'function %s has only noop implementation in tidb now, use tidb_enable_noop_functions to enable these functions',
  quoteStatus: 'verified',
  tidb: {
    error: 1235,
    sqlState: '42000',
    message:
      'function SQL_CALC_FOUND_ROWS has only noop implementation in tidb now, use tidb_enable_noop_functions to enable these functions',
  },
  words: ['SQL_CALC_FOUND_ROWS'],
  examples: {
    flagged: [
      'SELECT DISTINCT SQL_CALC_FOUND_ROWS a FROM t LIMIT 5;',
      'SELECT SQL_CALC_FOUND_ROWS id, name FROM customers ORDER BY id LIMIT 20;',
      'SELECT SQL_CALC_FOUND_ROWS id FROM t WHERE id > 1 LIMIT 5;',
    ],
    clean: ['SELECT FOUND_ROWS();', "SELECT 'SQL_CALC_FOUND_ROWS' AS hint;"],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    for (let i = 0; i < n; i++) {
      if (s.word(i) !== 'SQL_CALC_FOUND_ROWS' || s.op(i - 1) === '.') continue;
      ctx.report(
        i,
        l10n.t(
          'TiDB implements SQL_CALC_FOUND_ROWS only as a no-op behind tidb_enable_noop_functions, so this SELECT fails with error 1235 by default. Run a separate SELECT COUNT(*) with the same WHERE clause instead of FOUND_ROWS().',
        ),
      );
    }
  },
});
