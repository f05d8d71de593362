import * as l10n from '@vscode/l10n';
import { formatFactor } from '../units';
import { DOCS, defineRule, fmt } from './define';

/** estRows vs actRows off by this factor or more (TiDB Dashboard flags 100). */
const FACTOR = 100;

function misestimateMessage(id: string, est: number, act: string, under: boolean, factor: string): string {
  if (est === 1)
    return under
      ? l10n.t(
          '{0}: estimated 1 row, actually {1} (underestimated {2}). Plans built on such estimates pick the wrong join order, join type or index.',
          id,
          act,
          factor,
        )
      : l10n.t(
          '{0}: estimated 1 row, actually {1} (overestimated {2}). Plans built on such estimates pick the wrong join order, join type or index.',
          id,
          act,
          factor,
        );
  return under
    ? l10n.t(
        '{0}: estimated {1} rows, actually {2} (underestimated {3}). Plans built on such estimates pick the wrong join order, join type or index.',
        id,
        fmt(est),
        act,
        factor,
      )
    : l10n.t(
        '{0}: estimated {1} rows, actually {2} (overestimated {3}). Plans built on such estimates pick the wrong join order, join type or index.',
        id,
        fmt(est),
        act,
        factor,
      );
}

export default defineRule({
  id: 'row-misestimate',
  severity: 'warning',
  title: 'Row estimate far from the actual rows',
  explanation:
    'EXPLAIN ANALYZE shows estRows and actRows apart by 10x or more where the error starts: statistics are outdated or missing, and join order or index choice may be wrong.',
  examples: {
    flagged: ['fixtures_all/docs2025__analyze-slow-queries__L201', 'fixtures/analyze_index_lookup_bad_order_limit'],
    clean: ['fixtures/legacy_v2_v3_point_get_count'],
  },
  docsUrl: `${DOCS}sql-tuning-best-practice`,
  check: ({ nodes, metrics, totalNs }) =>
    nodes.flatMap(({ node }) => {
      const m = metrics(node).misestimate;
      if (!m || m.factor < FACTOR || Math.max(node.actRows!, node.estRows!) < 1000) return [];
      // estimated from pseudo statistics: the pseudo-stats advice says so, and a misestimate on top of it adds nothing
      if (/stats:pseudo/.test(node.operatorInfo ?? '')) return [];
      // report where the error starts: not on parents that inherit a child's misestimate in the same direction
      if (
        node.children.some((c) => {
          const cm = metrics(c).misestimate;
          return cm && cm.factor >= FACTOR && cm.direction === m.direction;
        })
      )
        return [];
      return [
        {
          nodeId: node.id,
          // a statement done in under 100 ms has no plan choice worth alarming about
          severity: totalNs !== undefined && totalNs < 1e8 ? ('info' as const) : m.factor >= 10_000 ? ('error' as const) : undefined,
          message: misestimateMessage(node.id, node.estRows!, fmt(node.actRows!), m.direction === 'under', formatFactor(m.factor)),
          fix: l10n.t(
            'Refresh statistics (ANALYZE TABLE), check SHOW STATS_HEALTHY; for correlated columns consider extended statistics or a hint.',
          ),
          impact: 30 + Math.min(40, Math.log10(m.factor) * 10),
        },
      ];
    }),
});
