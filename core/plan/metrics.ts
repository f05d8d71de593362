// What EXPLAIN ANALYZE numbers mean per node: the rows that count, wall time
// (inclusive, and exclusive of children, which run concurrently: the slowest
// child is subtracted, as TiDB Dashboard does), the misestimate factor.
import { get } from './execInfo';
import { walk, type Plan, type PlanNode } from './model';
import { parseDurationNs } from './units';

/** Actual rows when analysed, else estimated. */
export const rowsOf = (n: PlanNode): number | undefined => n.actRows ?? n.estRows;

/** Wall time of a node in ns: `time` for root operators; the TiKV/TiFlash task's max for cop operators. */
export function timeNs(n: PlanNode): number | undefined {
  const e = n.executionInfo;
  if (!e) return undefined;
  const t = parseDurationNs(get(e, 'time'));
  if (t !== undefined) return t;
  for (const task of ['tikv_task', 'tiflash_task']) {
    const v = parseDurationNs(get(e, task, 'time') ?? get(e, task, 'proc max'));
    if (v !== undefined) return v;
  }
  return parseDurationNs(get(e, 'proc max'));
}

/** q = max(act, est) / max(min(act, est), 1), and which way it is off. */
export function misestimate(n: PlanNode): { factor: number; direction: 'under' | 'over' } | undefined {
  if (n.actRows === undefined || n.estRows === undefined) return undefined;
  const hi = Math.max(n.actRows, n.estRows);
  const lo = Math.max(Math.min(n.actRows, n.estRows), 1);
  return { factor: hi / lo, direction: n.actRows > n.estRows ? 'under' : 'over' };
}

export interface NodeMetrics {
  inclusiveNs?: number;
  exclusiveNs?: number;
  /** of the plan's total time, 0..1 */
  inclusiveShare?: number;
  exclusiveShare?: number;
  misestimate?: { factor: number; direction: 'under' | 'over' };
}

/** Metrics per node, and the plan's total time (the first root's). */
export function planMetrics(plan: Plan): { byNode: Map<PlanNode, NodeMetrics>; totalNs?: number } {
  const byNode = new Map<PlanNode, NodeMetrics>();
  const totalNs = plan.roots.length ? timeNs(plan.roots[0]) : undefined;
  for (const { node } of walk(plan.roots)) {
    const inc = timeNs(node);
    const childMax = Math.max(0, ...node.children.map((c) => timeNs(c) ?? 0));
    const m: NodeMetrics = { misestimate: misestimate(node) };
    if (inc !== undefined) {
      m.inclusiveNs = inc;
      m.exclusiveNs = Math.max(0, inc - childMax);
      if (totalNs) {
        m.inclusiveShare = Math.min(1, inc / totalNs);
        m.exclusiveShare = Math.min(1, m.exclusiveNs / totalNs);
      }
    }
    byNode.set(node, m);
  }
  return { byNode, totalNs };
}
