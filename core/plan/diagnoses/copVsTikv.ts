import * as l10n from '@vscode/l10n';
import { get } from '../execInfo';
import { parseDurationNs } from '../units';
import { DOCS, defineRule } from './define';

// cop_task is timed by TiDB (send to receive), tikv_task by TiKV: a large gap is time
// spent on the network or waiting in queues, not in TiKV.
export default defineRule({
  id: 'cop-network-wait',
  severity: 'info',
  title: 'Time between TiDB and TiKV',
  explanation: 'A cop task took much longer as TiDB measured it than TiKV spent on it: the rest is network or queueing.',
  examples: {
    flagged: [
      {
        note: 'hand-made after the execution info format of sql-statement-explain-analyze.md',
        plan: '| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n| TableReader_5 | 10 | 10 | root | | time:900ms, loops:2, cop_task: {num: 3, max: 400ms, min: 200ms, avg: 300ms, p95: 400ms} | data:TableFullScan_4 | 1 KB | N/A |\n| └─TableFullScan_4 | 10 | 10 | cop[tikv] | table:t | tikv_task:{proc max:3ms, min:1ms, avg: 2ms, p80:3ms, p95:3ms, iters:3, tasks:3} | keep order:false | N/A | N/A |',
      },
    ],
    clean: ['fixtures/legacy_v2_v3_point_get_count'],
  },
  docsUrl: `${DOCS}sql-statement-explain-analyze`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const avg = parseDurationNs(get(node.executionInfo, 'cop_task', 'avg'));
      const num = Number(get(node.executionInfo, 'cop_task', 'num') ?? NaN);
      if (avg === undefined || !(num > 0)) return [];
      const cop = node.children[0];
      const t = cop?.executionInfo;
      const tikvAvg = parseDurationNs(get(t, 'tikv_task', 'avg') ?? get(t, 'tikv_task', 'time'));
      if (tikvAvg === undefined || avg < 50e6 || avg < 5 * Math.max(tikvAvg, 1e6)) return [];
      return [
        {
          nodeId: node.id,
          message: l10n.t(
            '{0}: a cop task took {1} ms on average as TiDB saw it, but TiKV worked only {2} ms: the rest is network or queueing.',
            node.id,
            (avg / 1e6).toFixed(0),
            (tikvAvg / 1e6).toFixed(1),
          ),
          fix: l10n.t(
            "Check the network between TiDB and TiKV and TiKV's coprocessor thread pool (queue wait); distsql concurrency may be too high for the cluster.",
          ),
          impact: 20,
        },
      ];
    }),
});
