// Runs one statement and streams its rows: every result set (CALL can return
// several), column names and types, a row limit with a truncation marker,
// affected rows, warnings, elapsed time; and cancels a running statement by
// killing the query on the server from a second connection. No VS Code imports.
import type * as mysql from 'mysql2/promise';
import * as l10n from '@vscode/l10n';
import type { FieldPacket } from 'mysql2';
import { columnTypeOf, coreOf } from './mysqlInternals';

export interface ColumnInfo {
  name: string;
  /** the MySQL protocol type name, e.g. LONGLONG, VAR_STRING, NEWDECIMAL */
  type: string;
}

export interface ResultSet {
  columns: ColumnInfo[];
  rows: unknown[][];
  /** rows the server sent (also those past the limit) */
  rowCount: number;
  truncated: boolean;
  /** the statement was stopped once the limit was passed: rowCount is a lower bound */
  stoppedEarly?: boolean;
}

export interface RunResult {
  sets: ResultSet[];
  affectedRows?: number;
  insertId?: number | string;
  warnings: Array<{ level: string; code: number; message: string }>;
  elapsedMs: number;
  /** set when the statement was killed but the server still answered with rows */
  cancelled?: 'user' | 'timeout';
}

export interface RunOptions {
  /** rows kept per result set; the rest are counted and dropped */
  rowLimit?: number;
  /** called with each batch of kept rows as they arrive (for a streaming grid) */
  onRows?: (setIndex: number, rows: unknown[][]) => void;
  /** called with every result set's columns as it starts */
  onColumns?: (setIndex: number, columns: ColumnInfo[]) => void;
  /** maps each kept row (e.g. to display cells) before it is stored */
  mapRow?: (row: unknown[]) => unknown[];
  /**
   * Called once when a result set passes the row limit. If it stops the statement
   * (KILL QUERY) the run still succeeds with what was kept, marked stoppedEarly,
   * instead of reading millions of rows only to drop them.
   */
  onLimit?: () => void;
}

const TYPE_NAMES: Record<number, string> = {
  0: 'DECIMAL',
  1: 'TINY',
  2: 'SHORT',
  3: 'LONG',
  4: 'FLOAT',
  5: 'DOUBLE',
  6: 'NULL',
  7: 'TIMESTAMP',
  8: 'LONGLONG',
  9: 'INT24',
  10: 'DATE',
  11: 'TIME',
  12: 'DATETIME',
  13: 'YEAR',
  15: 'VARCHAR',
  16: 'BIT',
  245: 'JSON',
  246: 'NEWDECIMAL',
  247: 'ENUM',
  248: 'SET',
  249: 'TINY_BLOB',
  250: 'MEDIUM_BLOB',
  251: 'LONG_BLOB',
  252: 'BLOB',
  253: 'VAR_STRING',
  254: 'STRING',
  255: 'GEOMETRY',
};

export function columnsOf(fields: FieldPacket[]): ColumnInfo[] {
  return fields.map((f) => ({
    name: f.name,
    type: TYPE_NAMES[columnTypeOf(f)] ?? String(columnTypeOf(f)),
  }));
}

export function streamStatement(c: mysql.Connection, sql: string, opts: RunOptions = {}): Promise<RunResult> {
  const limit = opts.rowLimit ?? 10_000;
  const core = coreOf(c);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const result: RunResult = { sets: [], warnings: [], elapsedMs: 0 };
    let current: ResultSet | undefined;
    let limitStop: ResultSet | undefined;
    let pending: unknown[][] = [];
    const flush = () => {
      if (pending.length && opts.onRows) opts.onRows(result.sets.length - 1, pending);
      pending = [];
    };
    const q = core.query({ sql, rowsAsArray: true });
    // A throw inside a driver event handler would leave the promise pending forever: guard both.
    const guard =
      <A extends unknown[]>(f: (...a: A) => void) =>
      (...a: A) => {
        try {
          f(...a);
        } catch (e) {
          reject(e);
        }
      };
    q.on(
      'fields',
      guard((fields: FieldPacket[] | undefined) => {
        // a CALL ends with an OK packet announced by an empty 'fields' event
        if (!fields) return;
        flush();
        current = { columns: columnsOf(fields), rows: [], rowCount: 0, truncated: false };
        result.sets.push(current);
        opts.onColumns?.(result.sets.length - 1, current.columns);
      }),
    );
    q.on(
      'result',
      guard((row: unknown) => {
        if (Array.isArray(row) && current) {
          current.rowCount++;
          if (current.rows.length < limit) {
            const kept = opts.mapRow ? opts.mapRow(row) : row;
            current.rows.push(kept);
            pending.push(kept);
            if (pending.length >= 1000) flush();
          } else if (!current.truncated) {
            current.truncated = true;
            if (opts.onLimit) {
              limitStop = current;
              opts.onLimit();
            }
          }
        } else {
          // an OK packet: INSERT/UPDATE/DDL, or the end of a CALL
          const ok = row as { affectedRows?: number; insertId?: number; warningStatus?: number };
          result.affectedRows = (result.affectedRows ?? 0) + (ok.affectedRows ?? 0);
          if (ok.insertId) result.insertId = ok.insertId;
        }
      }),
    );
    // A fatal error (the connection killed or reset) goes to the connection, not to
    // an event-style query: listen there too, or the run would never settle.
    const onConnError = (e: Error) => {
      flush();
      reject(Object.assign(e, { fatal: true }));
    };
    const onConnEnd = () =>
      onConnError(
        Object.assign(new Error(l10n.t('Connection lost: the server closed the connection.')), { code: 'PROTOCOL_CONNECTION_LOST' }),
      );
    core.once('error', onConnError);
    core.once('end', onConnEnd);
    const done = () => {
      core.off('error', onConnError);
      core.off('end', onConnEnd);
    };
    q.on('error', async (e: Error & { errno?: number }) => {
      done();
      flush();
      // the kill we asked for at the row limit: 1317 query interrupted (MySQL, MariaDB), TiDB's 1317 too
      if (limitStop && (e.errno === 1317 || e.errno === 3024)) {
        limitStop.stoppedEarly = true;
        result.elapsedMs = performance.now() - t0;
        resolve(result);
        return;
      }
      reject(e);
    });
    q.on('end', async () => {
      done();
      flush();
      result.elapsedMs = performance.now() - t0;
      try {
        const [w] = await c.query<mysql.RowDataPacket[]>('SHOW WARNINGS');
        result.warnings = w.map((r) => ({ level: String(r.Level), code: Number(r.Code), message: String(r.Message) }));
      } catch {
        // warnings are a bonus
      }
      resolve(result);
    });
  });
}

/**
 * Stops the statement running on connection `id` by killing the query (not the
 * connection) from another connection. TiDB before v6.1 needs KILL TIDB QUERY.
 */
export async function cancelQuery(
  control: mysql.Connection,
  id: number,
  flavor: 'tidb' | 'mysql' | 'mariadb',
  tidbGlobalKill = true,
): Promise<void> {
  const sql = flavor === 'tidb' && !tidbGlobalKill ? 'KILL TIDB QUERY ?' : 'KILL QUERY ?';
  await control.query(sql, [id]);
}
