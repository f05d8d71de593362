// Runs the Performance views' queries on a session's metadata pool (never on the user's SQL
// connection, which may be busy with the very statement being looked at). No VS Code imports.
import type { RowDataPacket } from 'mysql2/promise';
import type { Session } from '../connections/session';
import { capabilities } from './capabilities';
import {
  type Binding,
  bindings,
  MEMORY_OPS_HISTORY,
  type MemoryKill,
  memoryKills,
  RUNAWAY_WATCHES,
  SHOW_BINDINGS,
  statsHealthyQuery,
  type TableHealth,
  tableHealth,
  unhealthyTables,
  type Watch,
  watches,
} from './guardrails';
import {
  digestPlans,
  evictedCount,
  evictedQuery,
  executions,
  killQuerySql,
  plansOfDigestQuery,
  processes,
  processlistQuery,
  type DigestPlan,
  type Execution,
  type Process,
  type Query,
  type SlowDigest,
  type SlowOrder,
  slowDigests,
  slowQueriesQuery,
  slowestExecutionQuery,
  statementPlanQuery,
  summaryPlans,
  summaryPlansQuery,
  type TopStatement,
  topStatements,
  topStatementsQuery,
  type Window,
} from './queries';

async function rows(session: Session, q: Query): Promise<Record<string, unknown>[]> {
  return session.withMeta(async (pool) => {
    const [r] = await pool.query<RowDataPacket[]>(q.sql, q.params);
    return r as Record<string, unknown>[];
  });
}

export async function loadProcesses(session: Session): Promise<Process[]> {
  return processes(await rows(session, processlistQuery(session.server.flavor)));
}

/** KILL QUERY (or KILL TIDB QUERY without Global Kill) for one process; returns the statement it ran. */
export async function killQuery(session: Session, p: Pick<Process, 'id'>): Promise<string> {
  const sql = killStatement(session, p);
  await session.withMeta((pool) => pool.query(sql));
  return sql;
}

export function killStatement(session: Session, p: Pick<Process, 'id'>): string {
  const caps = capabilities(session.server);
  return killQuerySql(session.server.flavor, p.id, caps.globalKill.ok);
}

export async function loadSlowDigests(session: Session, w: Window, order: SlowOrder, limit: number): Promise<SlowDigest[]> {
  return slowDigests(await rows(session, slowQueriesQuery(w, order, limit)));
}

export async function loadSlowestExecution(session: Session, digest: string, w: Window): Promise<Execution | undefined> {
  return executions(await rows(session, slowestExecutionQuery(digest, w)))[0];
}

export async function loadPlansOfDigest(session: Session, digest: string, w: Window): Promise<DigestPlan[]> {
  return digestPlans(await rows(session, plansOfDigestQuery(digest, w)));
}

export interface TopStatementsResult {
  statements: TopStatement[];
  /** digests the summary evicted in the window: the list is incomplete when > 0 */
  evicted: number;
}

export async function loadTopStatements(session: Session, w: Window | undefined, limit: number): Promise<TopStatementsResult> {
  const [statements, evicted] = await Promise.all([
    rows(session, topStatementsQuery(w, limit)).then(topStatements),
    rows(session, evictedQuery(w))
      .then(evictedCount)
      .catch(() => 0),
  ]);
  return { statements, evicted };
}

export async function loadStatementPlan(
  session: Session,
  s: Pick<TopStatement, 'digest' | 'planDigest'>,
): Promise<{ plan: string; sample: string } | undefined> {
  const [r] = await rows(session, statementPlanQuery(s.digest, s.planDigest));
  if (!r) return undefined;
  const get = (k: string) => String(r[k] ?? r[k.toUpperCase()] ?? '');
  return { plan: get('plan'), sample: get('query_sample_text') };
}

export async function loadSummaryPlans(session: Session, digest: string): Promise<DigestPlan[]> {
  return summaryPlans(await rows(session, summaryPlansQuery(digest)));
}

export async function loadBindings(session: Session): Promise<Binding[]> {
  return bindings(await rows(session, { sql: SHOW_BINDINGS, params: [] }));
}

export async function loadWatches(session: Session): Promise<Watch[]> {
  return watches(await rows(session, { sql: RUNAWAY_WATCHES, params: [] }));
}

/** Tables whose statistics health is under 80, worst first. */
export async function loadUnhealthyTables(session: Session, db?: string): Promise<TableHealth[]> {
  return unhealthyTables(tableHealth(await rows(session, statsHealthyQuery(db))));
}

export async function loadMemoryKills(session: Session): Promise<MemoryKill[]> {
  return memoryKills(await rows(session, { sql: MEMORY_OPS_HISTORY, params: [] }));
}

/** Runs a cluster-wide statement (a binding, a watch, ANALYZE) on the metadata pool. */
export async function runOnPool(session: Session, sql: string): Promise<void> {
  await session.withMeta((pool) => pool.query(sql));
}
