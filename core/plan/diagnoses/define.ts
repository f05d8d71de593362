// One file per plan diagnosis (diagnoses.md), registered in ./index.ts, like the lint rules.
import type { Diagnosis, Plan, PlanNode, Severity } from '../model';
import type { NodeMetrics } from '../metrics';

export interface DiagnosisContext {
  plan: Plan;
  /** every node with its parent, parents first */
  nodes: Array<{ node: PlanNode; parent?: PlanNode }>;
  metrics(node: PlanNode): NodeMetrics;
  totalNs?: number;
}

export interface PlanRule {
  id: string;
  severity: Severity;
  /** the TiDB docs page that explains it */
  docsUrl: string;
  check(ctx: DiagnosisContext): Array<Omit<Diagnosis, 'rule' | 'severity' | 'docsUrl'> & { severity?: Severity }>;
}

export const defineRule = (r: PlanRule): PlanRule => r;

export const DOCS = 'https://docs.pingcap.com/tidb/stable/';

export const isScan = (n: PlanNode) => /Scan$/.test(n.operator) || n.operator === 'TableScan' || n.operator === 'IndexScan';
export const isReader = (n: PlanNode) => /^(TableReader|IndexReader|IndexLookUp|IndexMerge)$/.test(n.operator);
export const onTikv = (n: PlanNode) => /tikv/.test(n.task ?? '') || n.task === 'cop';
export const fmt = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : String(Math.round(n));
