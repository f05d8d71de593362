// Runs BACKUP / RESTORE on TiDB and reports progress from SHOW BACKUPS / SHOW RESTORES,
// polled on the same TiDB server (a second connection to it), matched by the running
// statement's connection id; cancel kills the task with KILL TIDB QUERY. No VS Code imports.
import * as l10n from '@vscode/l10n';
import { parseBackupResult, parseShowBrie, redactUrl, type BrTask } from './brSql';

export interface Queryable {
  query(sql: string, values?: unknown[]): Promise<Array<Record<string, unknown>>>;
}

export interface BrRun {
  kind: 'backup' | 'restore';
  sql: string;
  /** the statement's own connection (BACKUP blocks it until done) */
  task: Queryable & { threadId: number };
  /** a second connection to the same TiDB server, for SHOW and KILL */
  control: Queryable;
  pollMs?: number;
  signal?: AbortSignal;
  onProgress?: (t: BrTask) => void;
}

export class BrError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
  }
}

export async function runBr(r: BrRun): Promise<{ size?: number; backupTs?: string; destination: string }> {
  const show = r.kind === 'backup' ? 'SHOW BACKUPS' : 'SHOW RESTORES';
  let stop = false;
  let cancelled = false;
  const poll = (async () => {
    while (!stop) {
      await new Promise((res) => setTimeout(res, r.pollMs ?? 1000));
      if (stop) break;
      try {
        const mine = parseShowBrie(await r.control.query(show)).find((t) => t.connection === r.task.threadId);
        if (mine) r.onProgress?.(mine);
      } catch {
        // progress is best effort; the statement's own result decides
      }
    }
  })();
  const onAbort = () => {
    cancelled = true;
    void r.control.query('KILL TIDB QUERY ?', [r.task.threadId]).catch(() => undefined);
  };
  r.signal?.addEventListener('abort', onAbort);
  try {
    const rows = await r.task.query(r.sql);
    const res = rows[0] ? parseBackupResult(rows[0]) : undefined;
    return { size: res?.size, backupTs: res?.backupTs, destination: redactUrl(res?.destination ?? '') };
  } catch (e) {
    const msg = redactUrl((e as Error).message);
    const backup = r.kind === 'backup';
    throw new BrError(
      cancelled
        ? backup
          ? l10n.t('Cancelled: the backup task was killed ({0})', msg)
          : l10n.t('Cancelled: the restore task was killed ({0})', msg)
        : backup
          ? l10n.t('BACKUP failed: {0}', msg)
          : l10n.t('RESTORE failed: {0}', msg),
      cancelled,
    );
  } finally {
    stop = true;
    r.signal?.removeEventListener('abort', onAbort);
    await poll;
  }
}

/** RESTORE refuses to write over existing tables: the ones in the way. */
export async function restoreConflicts(c: Queryable, databases: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const db of databases) {
    const rows = await c.query('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [db]);
    for (const r of rows) out.push(`${db}.${String(r.t)}`);
  }
  return out;
}
