import { readSetAssignments } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import { assignmentRange, notLinted, setsOptimizerTrace } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'optimizer-trace',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'MySQL optimizer trace is not supported (TiDB has TRACE / PLAN REPLAYER instead).',
  fix: 'Use EXPLAIN ANALYZE, TRACE or PLAN REPLAYER DUMP.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'Optimizer trace',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      "SET GLOBAL optimizer_trace = 'enabled=on';",
      'SELECT trace FROM information_schema.optimizer_trace;',
      'USE information_schema;\nSELECT trace FROM optimizer_trace;',
    ],
    clean: ['SELECT @@optimizer_trace;', "SET @optimizer_trace = 'x';", 'SELECT trace FROM optimizer_trace WHERE id = 1;'],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    if (s.kind === 'SET') {
      for (const a of readSetAssignments(s)) {
        if (setsOptimizerTrace(a))
          ctx.report(
            assignmentRange(s, a),
            l10n.t(
              'TiDB does not support the MySQL optimizer trace, so setting {0} fails. Use EXPLAIN ANALYZE, TRACE or PLAN REPLAYER DUMP to study plans instead.',
              a.name,
            ),
          );
      }
      return;
    }
    // information_schema.OPTIMIZER_TRACE (or OPTIMIZER_TRACE after USE information_schema)
    const n = s.sparseFrom;
    const inIs = (ctx.session.db ?? '').toLowerCase() === 'information_schema';
    for (let i = 0; i < n; i++) {
      const t = s.tokens[i];
      if (t.kind === 'word' ? t.value !== 'OPTIMIZER_TRACE' : t.kind !== 'qident' || t.value.toLowerCase() !== 'optimizer_trace') continue;
      let first = i;
      if (s.op(i - 1) === '.') {
        if ((s.ident(i - 2) ?? '').toLowerCase() !== 'information_schema' || s.op(i - 3) === '.') continue;
        first = i - 2;
      } else if (!inIs || (!s.is(i - 1, 'FROM', 'JOIN') && s.op(i - 1) !== ',')) {
        continue;
      }
      if (s.op(i + 1) === '.' || s.op(i + 1) === '(') continue;
      ctx.report(
        [first, i],
        l10n.t(
          'TiDB has no information_schema.OPTIMIZER_TRACE table (the MySQL optimizer trace is not supported), so this query fails. Use EXPLAIN ANALYZE, TRACE or PLAN REPLAYER DUMP to study plans instead.',
        ),
      );
    }
  },
});
