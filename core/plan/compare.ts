// Two plans of the same statement side by side: what changed. Operators are matched by
// what they are and what they read (operator, table, index, Build/Probe side), in tree
// order, not by their numeric ids, which differ between any two plans.
import * as l10n from '@vscode/l10n';
import { timeNs } from './metrics';
import { walk, type Plan, type PlanNode } from './model';

export interface OperatorDelta {
  before?: PlanNode;
  after?: PlanNode;
  /** inclusive wall time, ns */
  beforeNs?: number;
  afterNs?: number;
  beforeRows?: number;
  afterRows?: number;
}

export interface PlanComparison {
  /** the statement's time in each plan, when both were analysed */
  beforeNs?: number;
  afterNs?: number;
  /** "900 ms → 3.0 ms, 300× faster" */
  headline?: string;
  matched: OperatorDelta[];
  onlyBefore: PlanNode[];
  onlyAfter: PlanNode[];
}

const table = (n: PlanNode) => /table:([^,\s]+)/.exec(`${n.accessObject ?? ''} ${n.operatorInfo ?? ''}`)?.[1] ?? '';
const index = (n: PlanNode) => /index:([^,\s(]+)/.exec(`${n.accessObject ?? ''} ${n.operatorInfo ?? ''}`)?.[1] ?? '';

/** What an operator is, independent of its numeric id. */
export const signature = (n: PlanNode) => [n.operator, n.label ?? '', table(n), index(n)].join('|');

export function comparePlans(before: Plan, after: Plan, format: (ns: number) => string): PlanComparison {
  const list = (p: Plan) => [...walk(p.roots)].map(({ node }) => node);
  const a = list(before);
  const b = list(after);
  const pool = new Map<string, PlanNode[]>();
  for (const n of a) pool.set(signature(n), [...(pool.get(signature(n)) ?? []), n]);
  const matched: OperatorDelta[] = [];
  const onlyAfter: PlanNode[] = [];
  const used = new Set<PlanNode>();
  for (const n of b) {
    const candidates = pool.get(signature(n));
    const m = candidates?.shift();
    if (!m) {
      onlyAfter.push(n);
      continue;
    }
    used.add(m);
    matched.push({
      before: m,
      after: n,
      beforeNs: timeNs(m),
      afterNs: timeNs(n),
      beforeRows: m.actRows ?? m.estRows,
      afterRows: n.actRows ?? n.estRows,
    });
  }
  const onlyBefore = a.filter((n) => !used.has(n));
  const beforeNs = before.roots[0] ? timeNs(before.roots[0]) : undefined;
  const afterNs = after.roots[0] ? timeNs(after.roots[0]) : undefined;
  let headline: string | undefined;
  if (beforeNs !== undefined && afterNs !== undefined && beforeNs > 0 && afterNs > 0) {
    const f = beforeNs / afterNs;
    const times = (x: number) => (x >= 10 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
    headline =
      f >= 1.05
        ? l10n.t('{0} → {1}, {2}× faster', format(beforeNs), format(afterNs), times(f))
        : f <= 1 / 1.05
          ? l10n.t('{0} → {1}, {2}× slower', format(beforeNs), format(afterNs), times(1 / f))
          : l10n.t('{0} → {1}, about the same', format(beforeNs), format(afterNs));
  }
  return { beforeNs, afterNs, headline, matched, onlyBefore, onlyAfter };
}
