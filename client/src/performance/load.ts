// Runs the Performance views' queries on a session's metadata pool (never on the user's SQL
// connection, which may be busy with the very statement being looked at). No VS Code imports.
import type { RowDataPacket } from 'mysql2/promise';
import type { Session } from '../connections/session';
import { capabilities } from './capabilities';
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
