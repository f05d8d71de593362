import { get } from '../execInfo';
import { parseDurationNs } from '../units';
import { DOCS, defineRule } from './define';

// cop_task is timed by TiDB (send to receive), tikv_task by TiKV: a large gap is time
// spent on the network or waiting in queues, not in TiKV.
export default defineRule({
  id: 'cop-network-wait',
  severity: 'info',
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
          message: `${node.id}: a cop task took ${(avg / 1e6).toFixed(0)} ms on average as TiDB saw it, but TiKV worked only ${(tikvAvg / 1e6).toFixed(1)} ms: the rest is network or queueing.`,
          fix: "Check the network between TiDB and TiKV and TiKV's coprocessor thread pool (queue wait); distsql concurrency may be too high for the cluster.",
          impact: 20,
        },
      ];
    }),
});
