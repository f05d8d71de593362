// Applying a sync script: its statements one by one on the target's connection, stopping at the
// first failure and saying exactly which were applied and which not; on TiDB, while a statement
// runs, its DDL job's progress from ADMIN SHOW DDL JOBS (schema state, rows backfilled) and, on
// cancel, ADMIN CANCEL DDL JOBS for it. No VS Code imports.
import type { RowDataPacket } from 'mysql2/promise';
import type { Session } from '../connections/session';
import * as l10n from '@vscode/l10n';
import { statementsOf } from '../query/statements';

/** DDL jobs still in flight (the newest first). */
export const RUNNING_DDL_JOBS = "ADMIN SHOW DDL JOBS 20 WHERE STATE NOT IN ('synced', 'done', 'cancelled', 'rollback done')";

export interface DdlJob {
  id: string;
  db: string;
  table: string;
  type: string;
  schemaState: string;
  rows: number;
  state: string;
  comments: string;
}

export function ddlJobs(rows: Array<Record<string, unknown>>): DdlJob[] {
  const s = (r: Record<string, unknown>, k: string) => (r[k] === null || r[k] === undefined || r[k] === 'NULL' ? '' : String(r[k]));
  return rows.map((r) => ({
    id: s(r, 'JOB_ID'),
    db: s(r, 'DB_NAME'),
    table: s(r, 'TABLE_NAME'),
    type: s(r, 'JOB_TYPE'),
    schemaState: s(r, 'SCHEMA_STATE'),
    rows: Number(s(r, 'ROW_COUNT') || 0),
    state: s(r, 'STATE'),
    comments: s(r, 'COMMENTS'),
  }));
}

/** "add index on shop.orders: running, write reorganization, 1,580,334 rows (ingest, DXF)" */
export function describeJob(j: DdlJob): string {
  const where = j.table ? `${j.db}.${j.table}` : j.db;
  const parts = [
    j.state,
    j.schemaState !== 'none' ? j.schemaState : '',
    j.rows ? l10n.t('{0} rows', j.rows.toLocaleString('en-US')) : '',
  ].filter(Boolean);
  return j.comments
    ? l10n.t('{0} on {1}: {2} ({3})', j.type, where, parts.join(', '), j.comments)
    : l10n.t('{0} on {1}: {2}', j.type, where, parts.join(', '));
}

export function cancelJobSql(id: string): string {
  if (!/^\d{1,20}$/.test(id)) throw new Error(l10n.t("Not a DDL job id: '{0}'", id));
  return `ADMIN CANCEL DDL JOBS ${id}`;
}

export interface ApplyOutcome {
  applied: string[];
  /** the statement that failed, with the server's message */
  failed?: { sql: string; message: string };
  notRun: string[];
  cancelled: boolean;
}

/** The statements of a script (comments are not statements). */
export function scriptStatements(text: string): string[] {
  return statementsOf(text).map((s) => s.text);
}

/**
 * Runs the statements in order on the session's SQL connection. On TiDB, `onProgress` hears the
 * running DDL jobs every `pollMs` while a statement runs; aborting cancels those jobs and kills the
 * statement. Never continues after a failure.
 */
export async function applyStatements(
  session: Session,
  statements: string[],
  opts: { signal?: AbortSignal; onStep?: (i: number, sql: string) => void; onProgress?: (jobs: DdlJob[]) => void; pollMs?: number } = {},
): Promise<ApplyOutcome> {
  const out: ApplyOutcome = { applied: [], notRun: [], cancelled: false };
  const tidb = session.server.flavor === 'tidb';
  for (let i = 0; i < statements.length; i++) {
    const sql = statements[i];
    if (opts.signal?.aborted) {
      out.cancelled = true;
      out.notRun = statements.slice(i);
      return out;
    }
    opts.onStep?.(i, sql);
    let timer: NodeJS.Timeout | undefined;
    let seen: DdlJob[] = [];
    const poll = async () => {
      try {
        seen = await session.withMeta(async (q) =>
          ddlJobs((await q.query<RowDataPacket[]>(RUNNING_DDL_JOBS))[0] as Record<string, unknown>[]),
        );
        opts.onProgress?.(seen);
      } catch {
        // progress is a courtesy: the statement's own outcome is what counts
      }
      timer = setTimeout(() => void poll(), opts.pollMs ?? 2000);
    };
    const onAbort = () => {
      for (const j of seen) void session.withMeta((q) => q.query(cancelJobSql(j.id))).catch(() => undefined);
    };
    if (tidb) timer = setTimeout(() => void poll(), opts.pollMs ?? 2000);
    opts.signal?.addEventListener('abort', onAbort);
    try {
      await session.run(sql, { signal: opts.signal, stopAtLimit: false });
      out.applied.push(sql);
    } catch (e) {
      out.failed = { sql, message: (e as Error).message };
      out.cancelled = !!opts.signal?.aborted;
      out.notRun = statements.slice(i + 1);
      return out;
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }
  return out;
}
