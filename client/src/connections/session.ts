// One open connection profile: a dedicated connection that runs the user's SQL
// (so USE, SET and transactions persist between runs, as in the mysql client) and
// a small pool for the explorer, schema snapshots and KILL QUERY. Both are opened
// lazily; a lost SQL connection is reopened on the next run with a notice that
// session state was reset. No VS Code imports.
import * as mysql from 'mysql2/promise';
import * as l10n from '@vscode/l10n';
import { isEncrypted, onEnd, threadId } from './mysqlInternals';
import { cancelQuery, streamStatement, type RunOptions, type RunResult } from './stream';
import { connect, connectionOptions, detectServer, explain, type ServerInfo } from './driver';
import type { ConnectionProfile } from './profile';

export interface SessionOptions {
  connectTimeoutMs: number;
  /** told when the SQL connection was lost and reopened */
  notice?: (message: string) => void;
}

export interface RunControl extends RunOptions {
  /** aborting kills the statement on the server */
  signal?: AbortSignal;
  /** 0 or absent: no limit; else the statement is killed after this many ms */
  timeoutMs?: number;
  /** stop reading (KILL QUERY) once a result set passes the row limit; default true */
  stopAtLimit?: boolean;
}

export class StatementError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly errno?: number,
    readonly sqlState?: string,
    readonly cancelled = false,
    readonly connectionLost = false,
  ) {
    super(message);
  }
}

const LOST = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ER_SERVER_SHUTDOWN', 'ETIMEDOUT']);

export class Session {
  server!: ServerInfo;
  private conn?: mysql.Connection;
  private lostReason?: string;
  private pool?: mysql.Pool;
  /** the profile as it connected (TLS 'preferred' resolved to what worked) */
  private effective: ConnectionProfile;
  private running?: Promise<unknown>;

  private constructor(
    readonly profile: ConnectionProfile,
    private readonly password: string | undefined,
    private readonly opts: SessionOptions,
  ) {
    this.effective = profile;
  }

  /** Connects the SQL connection and detects the server; fails with a ConnectionError that says what to do. */
  static async open(profile: ConnectionProfile, password: string | undefined, opts: SessionOptions): Promise<Session> {
    const s = new Session(profile, password, opts);
    await s.sqlConnection();
    return s;
  }

  get connected(): boolean {
    return !!this.conn && !this.lostReason;
  }

  /** The pool for metadata queries (explorer, schema, KILL). */
  meta(): mysql.Pool {
    if (!this.pool) {
      this.pool = mysql.createPool({
        ...connectionOptions(this.effective, this.password, this.opts.connectTimeoutMs),
        connectionLimit: 3,
        maxIdle: 1,
        idleTimeout: 60_000,
      });
      // a broken pooled connection is dropped by the pool; nothing to do but not crash
      this.pool.on('connection', (c) => c.on('error', () => undefined));
    }
    return this.pool;
  }

  /** Runs metadata queries with errors that name the server and never the password. */
  async withMeta<T>(f: (q: mysql.Pool) => Promise<T>): Promise<T> {
    try {
      return await f(this.meta());
    } catch (e) {
      const err = e as { code?: string; errno?: number; sqlState?: string; message: string };
      if (err.errno && err.sqlState)
        throw new StatementError(l10n.t('{0} (error {1})', err.message, err.errno), err.code, err.errno, err.sqlState);
      throw explain(e, this.profile);
    }
  }

  private async sqlConnection(): Promise<mysql.Connection> {
    if (this.conn && !this.lostReason) return this.conn;
    const wasLost = this.lostReason;
    this.conn?.destroy();
    this.conn = undefined;
    const c = await connect(this.profile, this.password, this.opts.connectTimeoutMs);
    // connect() may have fallen back from TLS 'preferred' to plain; the pool does the same
    const secure = isEncrypted(c);
    if (this.profile.tls === 'preferred' && !secure) this.effective = { ...this.profile, tls: 'off' };
    c.on('error', (e: Error & { code?: string }) => {
      this.lostReason = e.code ?? e.message;
    });
    onEnd(c, () => {
      this.lostReason ??= l10n.t('closed by the server');
    });
    this.server = await detectServer(c);
    this.conn = c;
    this.lostReason = undefined;
    if (wasLost) {
      this.opts.notice?.(
        l10n.t(
          'The connection to {0} was lost ({1}) and has been reopened. Session state (USE, SET, temporary tables, an open transaction) was reset.',
          this.profile.name,
          wasLost,
        ),
      );
    }
    return c;
  }

  /** Runs one statement on the SQL connection; one at a time. */
  async run(sql: string, ctl: RunControl = {}): Promise<RunResult> {
    if (this.running) throw new StatementError(l10n.t('Another statement is still running on this connection. Cancel it first.'));
    const p = this.runNow(sql, ctl);
    this.running = p;
    try {
      return await p;
    } finally {
      this.running = undefined;
    }
  }

  private async runNow(sql: string, ctl: RunControl): Promise<RunResult> {
    if (ctl.signal?.aborted) throw new StatementError(l10n.t('Cancelled before it started.'), undefined, undefined, undefined, true);
    let c: mysql.Connection;
    try {
      c = await this.sqlConnection();
    } catch (e) {
      throw explain(e, this.profile);
    }
    const id = threadId(c);
    let cancelled: 'user' | 'timeout' | undefined;
    let pendingKill: Promise<void> | undefined;
    const kill = (why: 'user' | 'timeout' | 'limit') => (pendingKill = killNow(why));
    const killNow = async (why: 'user' | 'timeout' | 'limit') => {
      if (why !== 'limit') cancelled ??= why;
      try {
        const ctl2 = await this.meta().getConnection();
        try {
          await cancelQuery(ctl2, id, this.server.flavor);
        } finally {
          ctl2.release();
        }
      } catch {
        // the statement may have finished meanwhile; if the server is gone, the run fails by itself
      }
    };
    const onAbort = () => void kill('user');
    ctl.signal?.addEventListener('abort', onAbort);
    const timer = ctl.timeoutMs ? setTimeout(() => void kill('timeout'), ctl.timeoutMs) : undefined;
    try {
      const r = await streamStatement(c, sql, { ...ctl, onLimit: ctl.stopAtLimit === false ? undefined : () => void kill('limit') });
      if (cancelled) r.cancelled = cancelled;
      return r;
    } catch (e) {
      const err = e as { code?: string; errno?: number; sqlState?: string; message: string; fatal?: boolean };
      if (cancelled) {
        throw new StatementError(
          cancelled === 'timeout'
            ? l10n.t(
                'Cancelled after {0} s (the tidb.query.timeout setting): the statement was killed on the server ({1}).',
                Math.round((ctl.timeoutMs ?? 0) / 1000),
                err.message,
              )
            : l10n.t('Cancelled: the statement was killed on the server ({0}).', err.message),
          err.code,
          err.errno,
          err.sqlState,
          true,
        );
      }
      if (err.fatal || LOST.has(err.code ?? '')) {
        this.lostReason ??= err.code ?? err.message;
        throw new StatementError(
          l10n.t(
            'The connection to {0} was lost while the statement ran ({1}). It may or may not have been applied; check before running it again. The next statement reconnects.',
            this.profile.name,
            err.code ?? err.message,
          ),
          err.code,
          err.errno,
          err.sqlState,
          false,
          true,
        );
      }
      throw new StatementError(
        err.errno
          ? err.sqlState
            ? l10n.t('Error {0} ({1}): {2}', err.errno, err.sqlState, err.message)
            : l10n.t('Error {0}: {1}', err.errno, err.message)
          : err.message,
        err.code,
        err.errno,
        err.sqlState,
      );
    } finally {
      ctl.signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
      // a KILL still on its way must land before the next statement starts on this connection
      await pendingKill;
    }
  }

  /** The server-side id of the SQL connection (for tests and KILL). */
  sqlThreadId(): number | undefined {
    return this.conn ? threadId(this.conn) : undefined;
  }

  async close(): Promise<void> {
    const c = this.conn;
    this.conn = undefined;
    const p = this.pool;
    this.pool = undefined;
    await Promise.allSettled([c?.end(), p?.end()]);
    c?.destroy();
  }
}
