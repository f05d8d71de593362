import * as l10n from '@vscode/l10n';
import { formatDuration } from '../units';
import { DOCS, defineRule } from './define';

export default defineRule({
  id: 'slowest-operator',
  severity: 'info',
  title: 'Where the time goes',
  explanation: 'The operator with the largest own time in EXPLAIN ANALYZE: where to start reading the plan.',
  examples: {
    flagged: ['fixtures/legacy_v3_analyze_count_execinfo_rows', 'fixtures/analyze_point_get'],
    clean: ['fixtures/legacy_v2_v3_point_get_count'],
  },
  docsUrl: `${DOCS}sql-tuning-best-practice`,
  check: ({ nodes, metrics, totalNs }) => {
    if (!totalNs) return [];
    let best: { id: string; ns: number; share: number } | undefined;
    for (const { node } of nodes) {
      const m = metrics(node);
      if (m.exclusiveNs !== undefined && m.exclusiveShare !== undefined && (!best || m.exclusiveNs > best.ns))
        best = { id: node.id, ns: m.exclusiveNs, share: m.exclusiveShare };
    }
    if (!best || best.share < 0.3) return [];
    return [
      {
        nodeId: best.id,
        message: l10n.t(
          "Start here: {0} spends {1} itself, {2}% of the statement's {3}.",
          best.id,
          formatDuration(best.ns),
          Math.round(best.share * 100),
          formatDuration(totalNs),
        ),
        impact: 10 + best.share * 30,
      },
    ];
  },
});
