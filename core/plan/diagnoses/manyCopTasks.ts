import * as l10n from '@vscode/l10n';
import { get } from '../execInfo';
import { DOCS, defineRule, fmt } from './define';

/** Cop tasks one reader sends: each covers at most one Region. */
const MANY = 1000;

export default defineRule({
  id: 'too-many-cop-tasks',
  severity: 'info',
  title: 'One scan spread over thousands of Regions',
  explanation:
    'A single reader sent thousands of coprocessor tasks to TiKV: each task covers at most one Region, so the scan touched that many Regions. A narrower range (an index on the filter) or, for analytical reads, TiFlash reads far less.',
  examples: {
    flagged: ['fixtures/analyze_tiflash_index_hash_join_tikv'],
    clean: ['fixtures/analyze_index_lookup_bad_order_limit'],
  },
  docsUrl: `${DOCS}tiflash-overview`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      if (node.task !== 'root') return [];
      // a reader's own cop tasks; an IndexLookUp's are reported on its index and table sides
      const num = Math.max(
        ...[node, ...(node.operator === 'IndexLookUp' ? node.children : [])].map((n) =>
          Number(get(n.executionInfo, 'cop_task', 'num') ?? 0),
        ),
      );
      if (!(num >= MANY)) return [];
      const full = /TableFullScan|IndexFullScan|range:\[-inf,\+inf\]/.test(
        JSON.stringify(node.children.map((c) => [c.operator, c.operatorInfo, c.children.map((g) => g.operator)])),
      );
      return [
        {
          nodeId: node.id,
          message:
            node.operator === 'IndexLookUp'
              ? l10n.t(
                  "{0}'s index and table reads sent up to {1} coprocessor tasks to TiKV: one per Region touched, so the index range and the rows looked up are spread over about that many Regions.",
                  node.id,
                  fmt(num),
                )
              : l10n.t('{0} sent {1} coprocessor tasks to TiKV: the scan covers about {1} Regions.', node.id, fmt(num)),
          fix: full
            ? l10n.t(
                'A whole-table read this wide is analytical: add a TiFlash replica (ALTER TABLE … SET TIFLASH REPLICA 1) and let the optimizer use MPP.',
              )
            : l10n.t(
                'Narrow the range: an index whose leading columns match the filter reads fewer Regions; for analytical reads, a TiFlash replica.',
              ),
          impact: 25 + Math.min(15, Math.log10(num) * 3),
        },
      ];
    }),
});
