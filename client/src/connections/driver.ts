// Talking to a MySQL-protocol server with mysql2: TLS modes, server flavour
// detection (TiDB, MySQL, MariaDB) and errors that say what to do next. No
// VS Code imports: the explorer and the tests use the same code.
import * as fs from 'node:fs';
import * as mysql from 'mysql2/promise';
import * as l10n from '@vscode/l10n';
import type { ConnectionProfile } from './profile';

export interface ServerInfo {
  flavor: 'tidb' | 'mysql' | 'mariadb';
  /** VERSION() as the server reports it */
  raw: string;
  /** the product version: TiDB's own (8.5.0), not the MySQL version it reports */
  version: string;
}

export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly errno?: number,
  ) {
    super(message);
  }
}

function sslOptions(p: ConnectionProfile): mysql.ConnectionOptions['ssl'] | undefined {
  switch (p.tls) {
    case 'off':
      return undefined;
    case 'preferred':
    case 'required':
      return { rejectUnauthorized: false };
    case 'verify-identity':
      // Node checks the certificate chain and that it names the host; TiDB Cloud uses public CAs.
      return p.caFile ? { ca: fs.readFileSync(p.caFile, 'utf8'), rejectUnauthorized: true } : { rejectUnauthorized: true };
  }
}

export function connectionOptions(p: ConnectionProfile, password: string | undefined, timeoutMs = 10_000): mysql.ConnectionOptions {
  return {
    host: p.host,
    port: p.port,
    user: p.user,
    password,
    database: p.database,
    ssl: sslOptions(p),
    connectTimeout: timeoutMs,
    multipleStatements: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    charset: 'utf8mb4',
  };
}

/** Opens one connection; TLS 'preferred' falls back to plain only when the server has no TLS at all. */
export async function connect(p: ConnectionProfile, password: string | undefined, timeoutMs?: number): Promise<mysql.Connection> {
  try {
    return await mysql.createConnection(connectionOptions(p, password, timeoutMs));
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { errno?: number; sqlMessage?: string };
    if (p.tls === 'preferred' && /does not support secure connection/i.test(err.message)) {
      try {
        return await mysql.createConnection(connectionOptions({ ...p, tls: 'off' }, password, timeoutMs));
      } catch (e2) {
        throw explain(e2, p);
      }
    }
    throw explain(e, p);
  }
}

/** An error message that says what failed and what to try, without the password. */
export function explain(e: unknown, p: Pick<ConnectionProfile, 'host' | 'port' | 'user' | 'tls'>): ConnectionError {
  const err = e as NodeJS.ErrnoException & { errno?: number; sqlMessage?: string };
  const where = `${p.host}:${p.port}`;
  switch (err.code) {
    case 'ER_ACCESS_DENIED_ERROR':
      return new ConnectionError(
        l10n.t(
          "Access denied for user '{0}' at {1} (error {2}). Check the user name and password; for TiDB Cloud the user has a prefix such as '2xxxx.root'.",
          p.user,
          where,
          String(err.errno),
        ),
        err.code,
        err.errno,
      );
    case 'ECONNREFUSED':
      return new ConnectionError(
        l10n.t(
          'Nothing is listening at {0}. Check the host and port (TiDB listens on 4000 by default) and that the server is running.',
          where,
        ),
        err.code,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConnectionError(l10n.t("Cannot resolve the host '{0}'. Check the host name.", p.host), err.code);
    case 'ETIMEDOUT':
      return new ConnectionError(
        l10n.t(
          'Timed out connecting to {0}. Check the network path and firewall; raise the connect timeout setting for slow links.',
          where,
        ),
        err.code,
      );
    case 'ER_BAD_DB_ERROR':
      return new ConnectionError(
        l10n.t('{0} at {1}. Leave the default database empty or pick an existing one.', err.sqlMessage ?? err.message, where),
        err.code,
        err.errno,
      );
    case 'HANDSHAKE_NO_SSL_SUPPORT':
      return new ConnectionError(noTls(where, p.tls), err.code);
  }
  if (/does not support secure connection/i.test(err.message ?? '')) {
    return new ConnectionError(noTls(where, p.tls), err.code);
  }
  if (/certificate|self.signed|unable to verify/i.test(err.message ?? '')) {
    return new ConnectionError(
      l10n.t(
        "TLS verification of {0} failed: {1}. For a private CA choose its PEM file; TiDB Cloud needs 'verify-identity' with the system CA store.",
        where,
        err.message,
      ),
      err.code,
    );
  }
  const message = err.sqlMessage ?? err.message ?? String(e);
  return new ConnectionError(
    err.errno ? l10n.t('{0} (error {1}) at {2}.', message, err.errno, where) : l10n.t('{0} at {1}.', message, where),
    err.code,
    err.errno,
  );
}

function noTls(where: string, tls: string): string {
  return l10n.t(
    "The server at {0} does not support TLS, but the connection requires it (TLS mode '{1}'). Use TLS 'off' or 'preferred' for this server.",
    where,
    tls,
  );
}

/** Reads VERSION() (and tidb_version() on TiDB) and tells TiDB, MySQL and MariaDB apart. */
export async function detectServer(conn: mysql.Connection): Promise<ServerInfo> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT VERSION() AS v');
  const raw = String(rows[0]?.v ?? '');
  const info = parseVersion(raw);
  if (info.flavor === 'tidb') {
    try {
      const [r2] = await conn.query<mysql.RowDataPacket[]>('SELECT tidb_version() AS v');
      const release = parseTidbVersion(String(r2[0]?.v ?? ''));
      if (release) info.version = release;
    } catch {
      // tidb_version() is optional: VERSION() already told us
    }
  }
  return info;
}

/** '8.0.11-TiDB-v8.5.0' -> TiDB 8.5.0; '10.11.6-MariaDB-0+deb12u1' -> MariaDB 10.11.6; '8.0.36' -> MySQL 8.0.36 */
export function parseVersion(raw: string): ServerInfo {
  const tidb = /-TiDB-v?(\d+\.\d+\.\d+[\w.-]*)/i.exec(raw);
  if (tidb) return { flavor: 'tidb', raw, version: tidb[1] };
  const num = /^(\d+\.\d+\.\d+)/.exec(raw)?.[1] ?? raw;
  if (/mariadb/i.test(raw)) return { flavor: 'mariadb', raw, version: num };
  return { flavor: 'mysql', raw, version: num };
}

/** The "Release Version: v8.5.0" line of tidb_version(). */
export function parseTidbVersion(text: string): string | undefined {
  return /Release Version:\s*v?([\w.-]+)/i.exec(text)?.[1];
}
