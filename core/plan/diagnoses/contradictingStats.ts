import * as l10n from '@vscode/l10n';
import type { PlanNode } from '../model';
import { DOCS, defineRule, fmt } from './define';

const HEAD = '| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n';
/** Operators that pass every row of their input on: they cannot return fewer rows than their child. */
const PASS_THROUGH = /^(Projection|TableReader|IndexReader|IndexLookUp|Sort|Window|ExchangeSender|ExchangeReceiver)$/;

export default defineRule({
  id: 'self-contradicting-stats',
  severity: 'info',
  title: 'Runtime statistics that contradict themselves',
  explanation:
    'An operator that cannot filter (a Projection, a reader, a Sort) reports fewer rows than its child produced, with no Limit above it: the statement did not run to the end (killed, an error, a client that stopped reading), so the figures below it are not those of a full run.',
  examples: {
    flagged: [
      {
        plan:
          HEAD +
          '| Projection_4 | 50000.00 | 1024 | root | | time:30s, loops:2 | test.t.a | 10 KB | N/A |\n' +
          '| └─TableReader_7 | 50000.00 | 1024 | root | | time:30s, loops:2, cop_task: {num: 8, max: 29s} | data:Selection_6 | 2 MB | N/A |\n' +
          '|   └─Selection_6 | 50000.00 | 48000 | cop[tikv] | | tikv_task:{time:29s, loops:60} | gt(test.t.b, 1) | N/A | N/A |\n' +
          '|     └─TableFullScan_5 | 1000000.00 | 1000000 | cop[tikv] | table:t | tikv_task:{time:28s, loops:1000} | keep order:false | N/A | N/A |',
        note: 'hand-made in the EXPLAIN ANALYZE format of sql-statement-explain-analyze.md: a statement killed after 30 s (max_execution_time)',
      },
    ],
    clean: ['fixtures/analyze_index_lookup_bad_order_limit', 'fixtures/analyze_tiflash_index_hash_join_tikv'],
  },
  docsUrl: `${DOCS}sql-statement-explain-analyze`,
  check: ({ nodes }) => {
    const parentOf = new Map<PlanNode, PlanNode | undefined>(nodes.map(({ node, parent }) => [node, parent]));
    const stopsAbove = (n: PlanNode) => {
      for (let p = parentOf.get(n); p; p = parentOf.get(p))
        if (/^(Limit|TopN|Apply)$/.test(p.operator) || /limit embedded/i.test(p.operatorInfo ?? '')) return true;
      return false;
    };
    const out = [];
    for (const { node } of nodes) {
      if (!PASS_THROUGH.test(node.operator) || node.actRows === undefined) continue;
      const child =
        node.operator === 'IndexLookUp'
          ? node.children.find((c) => c.label === 'Probe')
          : node.children.length === 1
            ? node.children[0]
            : undefined;
      if (!child || child.actRows === undefined) continue;
      if (child.actRows < node.actRows * 1.5 || child.actRows - node.actRows < 1000 || stopsAbove(node)) continue;
      out.push({
        nodeId: node.id,
        message: l10n.t(
          "{0} returned {1} rows while {2} below it produced {3}, and {4} cannot filter: the statement stopped before the end (killed, an error, or a client that stopped reading), so this run's figures describe a partial execution.",
          node.id,
          fmt(node.actRows),
          child.id,
          fmt(child.actRows),
          node.operator,
        ),
        fix: l10n.t(
          'Check the statement ended normally (no max_execution_time or memory quota kill, no error), and compare with a complete EXPLAIN ANALYZE before acting on the numbers below this operator.',
        ),
        impact: 15,
      });
      break;
    }
    return out;
  },
});
