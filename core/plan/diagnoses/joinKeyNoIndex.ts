import * as l10n from '@vscode/l10n';
import { rowsOf } from '../metrics';
import type { PlanNode } from '../model';
import { DOCS, defineRule, fmt } from './define';

const HEAD = '| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n';

/** The scan under a reader with no Selection or range to narrow it: the whole table is read. */
function wholeTableBelow(n: PlanNode): PlanNode | undefined {
  let cur: PlanNode | undefined = n;
  while (cur && cur.children.length === 1 && !/Scan$/.test(cur.operator)) {
    if (cur.operator === 'Selection' || /Agg$/.test(cur.operator)) return undefined;
    cur = cur.children[0];
  }
  return cur && /^(TableFullScan|TableScan)$/.test(cur.operator) && !/range:\[(?!-inf,\+inf\])/.test(cur.operatorInfo ?? '')
    ? cur
    : undefined;
}

export default defineRule({
  id: 'join-key-no-index',
  severity: 'warning',
  title: 'Join that reads a whole table for a few keys',
  explanation:
    "A hash join on TiKV reads the whole of one table to match a handful of rows from the other side: with an index on that table's join column, TiDB could use an index join and read only the matching rows.",
  examples: {
    flagged: [
      {
        plan:
          HEAD +
          '| HashJoin_9 | 120.00 | 118 | root | | time:4.2s, loops:2, build_hash_table:{total:3ms} | inner join, equal:[eq(shop.users.id, shop.orders.user_id)] | 30 KB | N/A |\n' +
          '| ├─TableReader_13(Build) | 12.00 | 10 | root | | time:3ms, loops:2, cop_task: {num: 1, max: 2ms} | data:Selection_12 | 1 KB | N/A |\n' +
          '| │ └─Selection_12 | 12.00 | 10 | cop[tikv] | | tikv_task:{time:1ms, loops:1} | eq(shop.users.country, "IS") | N/A | N/A |\n' +
          '| │   └─TableFullScan_11 | 5000.00 | 5000 | cop[tikv] | table:users | tikv_task:{time:1ms, loops:5} | keep order:false | N/A | N/A |\n' +
          '| └─TableReader_15(Probe) | 8000000.00 | 8000000 | root | | time:4.1s, loops:7814, cop_task: {num: 310, max: 600ms} | data:TableFullScan_14 | 40 MB | N/A |\n' +
          '|   └─TableFullScan_14 | 8000000.00 | 8000000 | cop[tikv] | table:orders | tikv_task:{time:590ms, loops:7900} | keep order:false | N/A | N/A |',
        note: 'hand-made in the EXPLAIN ANALYZE format of sql-statement-explain-analyze.md: 10 users matched against all 8M orders',
      },
    ],
    clean: ['fixtures/analyze_tiflash_mpp_tpch_q4', 'fixtures_all/docs2025__sql-tuning-best-practice__L540'],
  },
  docsUrl: `${DOCS}explain-joins`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      if (node.operator !== 'HashJoin' || node.task !== 'root' || node.children.length !== 2) return [];
      const keys = /equal:\[([^\]]*)\]/.exec(node.operatorInfo ?? '')?.[1];
      if (!keys) return [];
      const sides = node.children.map((c) => ({ c, rows: rowsOf(c) ?? 0, scan: wholeTableBelow(c) }));
      for (const [small, big] of [sides, [...sides].reverse()]) {
        if (!big.scan || !/tikv/.test(big.scan.task ?? '') || big.rows < 1_000_000 || small.rows > 1000) continue;
        const table = /table:([^,\s]+)/.exec(`${big.scan.accessObject ?? ''} ${big.scan.operatorInfo ?? ''}`)?.[1];
        const col = table ? [...keys.matchAll(/([\w$]+)\.([\w$]+)\.([\w$]+)/g)].find((m) => m[2] === table)?.[3] : undefined;
        return [
          {
            nodeId: node.id,
            message: !table
              ? l10n.t(
                  '{0} reads all {1} rows of the table to match {2} from {3}: the join column has no index the optimizer could use.',
                  node.id,
                  fmt(big.rows),
                  fmt(small.rows),
                  small.c.id,
                )
              : col
                ? l10n.t(
                    '{0} reads all {1} rows of {2} to match {3} from {4}: the join column {2}.{5} has no index the optimizer could use.',
                    node.id,
                    fmt(big.rows),
                    table,
                    fmt(small.rows),
                    small.c.id,
                    col,
                  )
                : l10n.t(
                    '{0} reads all {1} rows of {2} to match {3} from {4}: the join column has no index the optimizer could use.',
                    node.id,
                    fmt(big.rows),
                    table,
                    fmt(small.rows),
                    small.c.id,
                  ),
            fix: !table
              ? l10n.t(
                  "Add an index on the table's join column; TiDB can then use an index join (INL_JOIN) that reads only the matching rows.",
                )
              : col
                ? l10n.t(
                    'Add an index on {0}({1}); TiDB can then use an index join (INL_JOIN) that reads only the matching rows.',
                    table,
                    col,
                  )
                : l10n.t(
                    "Add an index on {0}'s join column; TiDB can then use an index join (INL_JOIN) that reads only the matching rows.",
                    table,
                  ),
            impact: 45 + Math.min(20, Math.log10(big.rows / Math.max(small.rows, 1)) * 4),
          },
        ];
      }
      return [];
    }),
});
