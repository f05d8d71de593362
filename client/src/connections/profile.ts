// A saved connection, without its password (that lives in SecretStorage), and
// the mysql:// URL form users paste from TiDB Cloud, PlanetScale-style tools or ORMs.
import * as l10n from '@vscode/l10n';

export type TlsMode = 'off' | 'preferred' | 'required' | 'verify-identity';

export interface ConnectionProfile {
  id: string;
  name: string;
  host: string;
  /** default 4000, TiDB's port */
  port: number;
  user: string;
  database?: string;
  tls: TlsMode;
  /** PEM file of the CA for verify-identity; the system store when absent (TiDB Cloud) */
  caFile?: string;
  /** statements that change data or schema ask for confirmation (set by environment `prod` too) */
  production?: boolean;
  /** dev, test, staging, prod, or a team's own name: shown with a colour; `prod` implies `production` */
  environment?: string;
}

export const ENVIRONMENTS = ['dev', 'test', 'staging', 'prod'] as const;

/** The theme colour of an environment: prod red, staging orange, test yellow, dev green, others blue. */
export function environmentColor(env: string | undefined): string | undefined {
  if (!env) return undefined;
  return { prod: 'charts.red', staging: 'charts.orange', test: 'charts.yellow', dev: 'charts.green' }[env.toLowerCase()] ?? 'charts.blue';
}

export const DEFAULT_PORT = 4000;

export class ConnectionUrlError extends Error {}

const SSL_MODES: Record<string, TlsMode> = {
  disabled: 'off',
  false: 'off',
  preferred: 'preferred',
  required: 'required',
  true: 'required',
  verify_ca: 'verify-identity',
  verify_identity: 'verify-identity',
  strict: 'verify-identity',
};

/**
 * Reads mysql://user:password@host:port/db?ssl-mode=VERIFY_IDENTITY (also sslmode=,
 * ssl=true, sslaccept=strict). The password is returned separately so it can go
 * straight to SecretStorage.
 */
export function parseConnectionUrl(text: string): { profile: Omit<ConnectionProfile, 'id' | 'name'>; password?: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConnectionUrlError(l10n.t('Not a URL: expected mysql://user:password@host:port/database'));
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'tidb:' && url.protocol !== 'mariadb:') {
    throw new ConnectionUrlError(
      l10n.t("Unsupported scheme '{0}': use mysql://user:password@host:port/database", url.protocol.replace(/:$/, '')),
    );
  }
  if (!url.hostname) throw new ConnectionUrlError(l10n.t('The URL has no host: mysql://user:password@host:port/database'));
  const port = url.port ? Number(url.port) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConnectionUrlError(l10n.t("Invalid port '{0}'", url.port));
  let tls: TlsMode = 'preferred';
  for (const [k, v] of url.searchParams) {
    const key = k.toLowerCase().replace(/-/g, '');
    if (key === 'sslmode' || key === 'ssl' || key === 'sslaccept' || key === 'tls') {
      const mode = SSL_MODES[v.toLowerCase().replace(/-/g, '_')];
      if (!mode) throw new ConnectionUrlError(l10n.t("Unknown {0} '{1}': use DISABLED, PREFERRED, REQUIRED or VERIFY_IDENTITY", k, v));
      tls = mode;
    }
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
  return {
    profile: { host: url.hostname.replace(/^\[|\]$/g, ''), port, user: decodeURIComponent(url.username) || 'root', database, tls },
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** The URL form of a profile, without the password (safe to show and log). */
export function profileUrl(p: Pick<ConnectionProfile, 'host' | 'port' | 'user' | 'database' | 'tls'>): string {
  const mode = { off: 'DISABLED', preferred: 'PREFERRED', required: 'REQUIRED', 'verify-identity': 'VERIFY_IDENTITY' }[p.tls];
  return `mysql://${encodeURIComponent(p.user)}@${p.host.includes(':') ? `[${p.host}]` : p.host}:${p.port}/${p.database ? encodeURIComponent(p.database) : ''}?ssl-mode=${mode}`;
}
