// The plan advice: every diagnosis rule, run over a parsed plan, ranked by impact.
import { walk, type Diagnosis, type Plan, type PlanNode } from '../model';
import { planMetrics, type NodeMetrics } from '../metrics';
import apply from './apply';
import backoff from './backoff';
import cartesian from './cartesian';
import coprCache from './coprCache';
import copSkew from './copSkew';
import contradictingStats from './contradictingStats';
import copVsTikv from './copVsTikv';
import type { DiagnosisContext, PlanRule, PlanWarning } from './define';
import fullScan from './fullScan';
import hashJoinBuild from './hashJoinBuild';
import indexJoinOuter from './indexJoinOuter';
import indexLookup from './indexLookup';
import joinKeyNoIndex from './joinKeyNoIndex';
import limitNotPushed from './limitNotPushed';
import manyCopTasks from './manyCopTasks';
import misestimate from './misestimate';
import mvccGarbage from './mvccGarbage';
import noPartitionPruning from './noPartitionPruning';
import notPushedDown from './notPushedDown';
import optimizerWarnings from './optimizerWarnings';
import orFullScan from './orFullScan';
import pseudoStats from './pseudoStats';
import slowest from './slowest';
import sortOverScan from './sortOverScan';
import spill from './spill';
import unsargable from './unsargable';
import wrongIndex from './wrongIndex';

export const PLAN_RULES: readonly PlanRule[] = [
  cartesian,
  spill,
  fullScan,
  orFullScan,
  misestimate,
  pseudoStats,
  wrongIndex,
  indexLookup,
  limitNotPushed,
  hashJoinBuild,
  joinKeyNoIndex,
  indexJoinOuter,
  apply,
  copSkew,
  mvccGarbage,
  backoff,
  copVsTikv,
  notPushedDown,
  noPartitionPruning,
  unsargable,
  sortOverScan,
  slowest,
  coprCache,
  manyCopTasks,
  contradictingStats,
  optimizerWarnings,
];

const RANK = { error: 2, warning: 1, info: 0 } as const;

/** All diagnoses of a plan, most important first. A rule that throws is skipped, not fatal. */
/** `version`: the TiDB version that produced the plan (a connection's VERSION(), or the user's option), when known. */
export function diagnose(plan: Plan, opts: { version?: string; warnings?: PlanWarning[] } = {}): Diagnosis[] {
  if (plan.format === 'mysql_json') return [];
  const { byNode, totalNs } = planMetrics(plan, opts);
  const ctx: DiagnosisContext = {
    plan,
    version: opts.version,
    warnings: opts.warnings,
    nodes: [...walk(plan.roots)].map(({ node, parent }) => ({ node, parent })),
    metrics: (n: PlanNode): NodeMetrics => byNode.get(n) ?? {},
    totalNs,
  };
  const out: Diagnosis[] = [];
  for (const rule of PLAN_RULES) {
    try {
      for (const d of rule.check(ctx))
        out.push({ ...d, rule: rule.id, severity: d.severity ?? rule.severity, docsUrl: d.docsUrl ?? rule.docsUrl });
    } catch {
      // a rule's bug must not hide the others
    }
  }
  return out.sort((a, b) => RANK[b.severity] - RANK[a.severity] || b.impact - a.impact);
}
