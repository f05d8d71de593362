// Runs the time-travel queries on a session's metadata pool. No VS Code imports.
import type { RowDataPacket } from 'mysql2/promise';
import type { Session } from '../connections/session';
import { DROPPED_JOBS, type DroppedObject, droppedObjects, GC_WINDOW, type GcWindow, gcWindow, restorable } from './history';

async function rows(session: Session, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return session.withMeta(async (pool) => {
    const [r] = await pool.query<RowDataPacket[]>(sql, params);
    return r as Record<string, unknown>[];
  });
}

export async function loadGcWindow(session: Session): Promise<GcWindow> {
  const [r] = await rows(session, GC_WINDOW.sql);
  return gcWindow(r ?? {});
}

/** Finished drops and truncates still inside the GC window, the newest first. */
export async function loadRestorable(session: Session, w: GcWindow): Promise<DroppedObject[]> {
  return restorable(droppedObjects(await rows(session, DROPPED_JOBS.sql)), w);
}

/** The names a restored object must not take: the database's tables, or the databases. */
export async function takenNames(session: Session, d: DroppedObject): Promise<Set<string>> {
  const r =
    d.kind === 'database'
      ? await rows(session, 'SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA')
      : await rows(session, 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [d.db]);
  return new Set(r.map((x) => String(x.name)));
}

export async function grants(session: Session): Promise<string[]> {
  return (await rows(session, 'SHOW GRANTS')).map((r) => String(Object.values(r)[0] ?? ''));
}

export async function runOnPool(session: Session, sql: string, params: unknown[] = []): Promise<void> {
  await session.withMeta((pool) => pool.query(sql, params));
}
