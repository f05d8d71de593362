// One file per plan diagnosis, registered in ./index.ts, shaped like the lint rules:
// id, severity, title, explanation, docs page, examples and the check.
import type { Diagnosis, Plan, PlanNode, Severity } from '../model';
import type { NodeMetrics } from '../metrics';

export interface DiagnosisContext {
  plan: Plan;
  /** every node with its parent, parents first */
  nodes: Array<{ node: PlanNode; parent?: PlanNode }>;
  metrics(node: PlanNode): NodeMetrics;
  totalNs?: number;
  /** the TiDB version that produced the plan, when known */
  version?: string;
  /** SHOW WARNINGS after the EXPLAIN, when the plan comes from a connection */
  warnings?: PlanWarning[];
}

export interface PlanWarning {
  level: string;
  code: number;
  message: string;
}

/**
 * A plan a diagnosis example is run on: the name of an EXPLAIN output from the TiDB
 * docs in test/fixtures/explain (`fixtures/<name>` or `fixtures_all/<name>`, each with
 * its citation), or a hand-made plan when the docs have none that shows it.
 */
export type PlanExample = string | { plan: string; note: string; warnings?: PlanWarning[] };

export interface PlanRule {
  id: string;
  severity: Severity;
  /** a short name for the reference page */
  title: string;
  /** what it detects and why it matters */
  explanation: string;
  /** the TiDB docs page that explains it */
  docsUrl: string;
  /** plans it must diagnose and a near miss it must not: test/plan/examples.test.ts runs them, docs/plan-advice.md lists them */
  examples: { flagged: readonly PlanExample[]; clean: readonly PlanExample[] };
  check(ctx: DiagnosisContext): Array<Omit<Diagnosis, 'rule' | 'severity' | 'docsUrl'> & { severity?: Severity; docsUrl?: string }>;
}

export const defineRule = (r: PlanRule): PlanRule => r;

export const DOCS = 'https://docs.pingcap.com/tidb/stable/';

export const isScan = (n: PlanNode) => /Scan$/.test(n.operator) || n.operator === 'TableScan' || n.operator === 'IndexScan';
export const isReader = (n: PlanNode) => /^(TableReader|IndexReader|IndexLookUp|IndexMerge)$/.test(n.operator);
export const onTikv = (n: PlanNode) => /tikv/.test(n.task ?? '') || n.task === 'cop';
export const fmt = (n: number) =>
  n >= 1e9
    ? `${(n / 1e9).toFixed(1)}B`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`
      : n >= 1e4
        ? `${Math.round(n / 1e3)}k`
        : String(Math.round(n));
