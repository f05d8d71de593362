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

/**
 * q = max(act, est) / max(min(act, est), 1), and which way it is off. `tasks`: a cop-side
 * operator whose estimate is per task (a partial aggregation, a pushed-down TopN or Limit)
 * while its actRows add up over all tasks is compared with est × tasks. `stoppedEarly`: a
 * Limit above stopped reading, so fewer rows than estimated is not an estimation error.
 */
export function misestimate(
  n: PlanNode,
  ctx: { tasks?: number; stoppedEarly?: boolean; probe?: ProbeSide } = {},
): { factor: number; direction: 'under' | 'over' } | undefined {
  if (n.actRows === undefined || n.estRows === undefined) return undefined;
  const act = n.actRows;
  const compare = (est: number) => {
    const hi = Math.max(act, est);
    const lo = Math.max(Math.min(act, est), 1);
    return { factor: hi / lo, direction: act > est ? ('under' as const) : ('over' as const) };
  };
  const est = n.estRows * (ctx.tasks ?? 1);
  if (ctx.stoppedEarly && act <= est) return undefined;
  const p = ctx.probe;
  if (!p) return compare(est);
  // the probe side of an index join / Apply: estRows is per outer row before v6.4, the total since;
  // with no version, either reading may hold and the kinder one is taken
  const readings = p.perLoop === true ? [est * p.loops] : p.perLoop === false ? [est] : [est, est * p.loops];
  const best = readings.map(compare).sort((a, b) => a.factor - b.factor)[0];
  // fewer rows than estimated is expected there: lookups of duplicate keys are made once (and Apply caches)
  return best.direction === 'over' ? undefined : best;
}

/** Where a node is on the inner (probe) side of an IndexJoin/IndexHashJoin/IndexMergeJoin/Apply. */
export interface ProbeSide {
  /** outer rows: how many times the probe side ran */
  loops: number;
  /** whether estRows is per loop: true before v6.4, false since, undefined when the version is unknown */
  perLoop?: boolean;
}

const NESTED_LOOP = /^(IndexJoin|IndexHashJoin|IndexMergeJoin|Apply)$/;

/** The probe child of a nested-loop join: labelled (Probe), else the second child. */
function probeChild(join: PlanNode): PlanNode | undefined {
  return join.children.find((c) => c.label === 'Probe') ?? (join.children.some((c) => c.label) ? undefined : join.children[1]);
}

/** `v6.5.3`, `8.0.11-TiDB-v7.5.1`, `6.1` → [major, minor] of TiDB. */
export function tidbVersion(v: string | undefined): [number, number] | undefined {
  if (!v) return undefined;
  const m = /TiDB-v?(\d+)\.(\d+)/i.exec(v) ?? /^v?(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Operators whose estRows in a cop/MPP task is per task while actRows is the sum over the tasks. */
const PER_TASK = /^(HashAgg|StreamAgg|TopN|Limit)$/;

/** How many tasks ran a cop-side operator: its own tikv_task/tiflash_task `tasks`, else its reader's cop_task `num`. */
function copTasks(n: PlanNode, parentOf: Map<PlanNode, PlanNode | undefined>): number | undefined {
  // a reader passes its cop-side child's per-task rows up unchanged
  const child = n.children[0];
  if (n.task === 'root' && n.children.length === 1 && child && /^(cop|batchCop)/.test(child.task ?? '') && PER_TASK.test(child.operator)) {
    const num = Number(get(n.executionInfo, 'cop_task', 'num') ?? NaN);
    return num > 1 ? num : undefined;
  }
  if (!/^(cop|batchCop|mpp)/.test(n.task ?? '') || !PER_TASK.test(n.operator)) return undefined;
  const own = get(n.executionInfo, 'tikv_task', 'tasks') ?? get(n.executionInfo, 'tiflash_task', 'tasks');
  let reader = parentOf.get(n);
  while (reader && /^(cop|batchCop|mpp)/.test(reader.task ?? '')) reader = parentOf.get(reader);
  const num = Number(own ?? get(reader?.executionInfo, 'cop_task', 'num') ?? NaN);
  return num > 1 ? num : undefined;
}

/** Operators that read all their input before returning a row: a Limit above them does not stop what is below. */
const BLOCKING = /^(Sort|TopN|HashAgg|Window|Shuffle)$/;

export interface NodeMetrics {
  inclusiveNs?: number;
  exclusiveNs?: number;
  /** of the plan's total time, 0..1 */
  inclusiveShare?: number;
  exclusiveShare?: number;
  misestimate?: { factor: number; direction: 'under' | 'over' };
}

const IN_STORAGE = /^(cop|batchCop|mpp)/;

/**
 * A node's time, where a TiKV/TiFlash operator's time (summed or maxed over tasks that ran
 * concurrently) is capped at the wall time of the TiDB reader waiting for it: it cannot have
 * taken longer than that, and compared uncapped with the statement's time it reads as more
 * than 100%. `parent` is given for a child whose parent is not in `parentOf` yet.
 */
function cappedTimeNs(n: PlanNode, parentOf: Map<PlanNode, PlanNode | undefined>, parent?: PlanNode): number | undefined {
  const t = timeNs(n);
  if (t === undefined || !IN_STORAGE.test(n.task ?? '')) return t;
  let up = parent ?? parentOf.get(n);
  while (up && IN_STORAGE.test(up.task ?? '')) up = parentOf.get(up);
  const wall = up ? timeNs(up) : undefined;
  return wall === undefined ? t : Math.min(t, wall);
}

/** Metrics per node, and the plan's total time (the first root's). */
export function planMetrics(plan: Plan, opts: { version?: string } = {}): { byNode: Map<PlanNode, NodeMetrics>; totalNs?: number } {
  const byNode = new Map<PlanNode, NodeMetrics>();
  const v = tidbVersion(opts.version);
  const perLoop = v ? v[0] < 6 || (v[0] === 6 && v[1] < 4) : undefined;
  const probes = new Map<PlanNode, ProbeSide>();
  const totalNs = plan.roots.length ? timeNs(plan.roots[0]) : undefined;
  // whether a Limit above (or one embedded in a reader: `limit embedded`) can stop this node early
  const stops = new Map<PlanNode, boolean>();
  const parentOf = new Map<PlanNode, PlanNode | undefined>();
  for (const { node, parent } of walk(plan.roots)) {
    parentOf.set(node, parent);
    const stoppedEarly =
      !!parent &&
      (parent.operator === 'Limit' ||
        /limit embedded/i.test(parent.operatorInfo ?? '') ||
        (stops.get(parent) === true && !BLOCKING.test(parent.operator)));
    stops.set(node, stoppedEarly);
    if (parent && NESTED_LOOP.test(parent.operator) && probeChild(parent) === node) {
      const outer = parent.children.find((c) => c !== node);
      const loops = outer ? rowsOf(outer) : undefined;
      if (loops !== undefined && loops > 1) probes.set(node, { loops, perLoop });
    } else if (parent && probes.has(parent)) probes.set(node, probes.get(parent)!);
    const inc = cappedTimeNs(node, parentOf);
    const childMax = Math.max(0, ...node.children.map((c) => cappedTimeNs(c, parentOf, node) ?? 0));
    const m: NodeMetrics = { misestimate: misestimate(node, { tasks: copTasks(node, parentOf), stoppedEarly, probe: probes.get(node) }) };
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
