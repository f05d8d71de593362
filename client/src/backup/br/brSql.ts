// BR through SQL on TiDB: the storage URL builder (s3 with endpoint and path style for
// S3-compatible stores, gcs, azure, local), credentials redacted for anything shown or
// logged, BACKUP/RESTORE statements with their options, and the SHOW BACKUPS /
// SHOW RESTORES and BACKUP result rows read into objects. No VS Code imports.
import * as l10n from '@vscode/l10n';
import { escapeId } from 'mysql2';
import { quote } from '../logical/values';

export type Storage =
  | {
      kind: 's3';
      bucket: string;
      prefix: string;
      endpoint?: string;
      region?: string;
      pathStyle?: boolean;
      accessKey?: string;
      secretKey?: string;
    }
  | { kind: 'gcs'; bucket: string; prefix: string; credentialsFile?: string }
  | { kind: 'azure'; container: string; prefix: string; accountName?: string; accountKey?: string }
  | { kind: 'local'; path: string };

/** Query parameters that carry secrets: never shown, logged or kept in history. */
const SECRET_PARAMS = ['access-key', 'secret-access-key', 'session-token', 'account-key', 'sas-token', 'credentials-file'];

export class StorageError extends Error {}

export function storageUrl(s: Storage): string {
  const q = new URLSearchParams();
  const clean = (p: string) => p.replace(/^\/+|\/+$/g, '');
  switch (s.kind) {
    case 's3': {
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s.bucket))
        throw new StorageError(l10n.t("'{0}' is not a valid S3 bucket name", s.bucket));
      if (s.endpoint) {
        if (!/^https?:\/\//.test(s.endpoint)) throw new StorageError(l10n.t('The S3 endpoint must start with http:// or https://'));
        q.set('endpoint', s.endpoint);
      }
      if (s.region) q.set('region', s.region);
      if (s.pathStyle ?? !!s.endpoint) q.set('force-path-style', 'true');
      if (s.accessKey) q.set('access-key', s.accessKey);
      if (s.secretKey) q.set('secret-access-key', s.secretKey);
      return `s3://${s.bucket}/${clean(s.prefix)}${q.size ? `?${q}` : ''}`;
    }
    case 'gcs':
      if (s.credentialsFile) q.set('credentials-file', s.credentialsFile);
      return `gcs://${s.bucket}/${clean(s.prefix)}${q.size ? `?${q}` : ''}`;
    case 'azure':
      if (s.accountName) q.set('account-name', s.accountName);
      if (s.accountKey) q.set('account-key', s.accountKey);
      return `azure://${s.container}/${clean(s.prefix)}${q.size ? `?${q}` : ''}`;
    case 'local':
      if (!s.path.startsWith('/')) throw new StorageError(l10n.t('A local:// path must be absolute (it is a path on every TiKV node)'));
      return `local://${s.path}`;
  }
}

/** The warning a local:// destination deserves, in the user's language (call it when it is shown). */
export function localWarning(): string {
  return l10n.t(
    "local:// writes each TiKV node's part of the backup to that node's own disk: the backup is complete only when the directories of all TiKV and TiDB nodes are gathered. Use S3-compatible storage for anything you need to restore elsewhere.",
  );
}

/** localWarning()'s English (the text the tests read; keep the two the same). Shown: localWarning(). */
export const LOCAL_WARNING =
  "local:// writes each TiKV node's part of the backup to that node's own disk: the backup is complete only when the directories of all TiKV and TiDB nodes are gathered. Use S3-compatible storage for anything you need to restore elsewhere.";

/**
 * Keys whose values are secrets, normalised (percent-decoded, lower case, without
 * '-', '_', '.' and spaces), so access-key, access_key, Access%2DKey and AccessKey are one.
 */
const SECRET_KEYS = new Set(
  [
    ...SECRET_PARAMS,
    'access-key-id',
    'secret-key',
    'security-token',
    'token',
    'password',
    'passwd',
    'pwd',
    'secret',
    'aws-access-key-id',
    'aws-secret-access-key',
    'aws-session-token',
    'x-amz-credential',
    'x-amz-signature',
    'x-amz-security-token',
    'signature',
    'sig',
    'account-key',
    'accountkey',
    'shared-access-signature',
    'sas',
    'sastoken',
    'connection-string',
  ].map((k) => normaliseKey(k)),
);

function normaliseKey(k: string): string {
  let d = k;
  try {
    d = decodeURIComponent(k.replace(/\+/g, ' '));
  } catch {
    // not valid percent-encoding: use it as it is
  }
  return d.toLowerCase().replace(/[\s_.-]+/g, '');
}

/** true when `key` (as written in a URL or connection string) names a secret */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normaliseKey(key));
}

/**
 * The URL (or connection string) with every credential replaced by *** (for logs,
 * messages and the backups view): query parameters and ';'-separated settings whose
 * key names a secret in any spelling, and a password in the URL's user info.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/\b([a-z][\w+.-]*:\/\/)([^@/?#\s':]*):([^@/?#\s']*)@/gi, (_m, scheme: string, user: string) => `${scheme}${user}:***@`)
    .replace(/(^|[?&;#])(\s*)([^=&;?#]+?)(\s*=\s*)([^&;#]*)/g, (m, sep: string, pad: string, k: string, eq: string) =>
      isSecretKey(k) ? `${sep}${pad}${k}${eq}***` : m,
    );
}

/** true when redaction would change `url`: it carries a credential. */
export function hasCredentials(url: string): boolean {
  return redactUrl(url) !== url;
}

export interface BrOptions {
  /** MB/s per TiKV node */
  rateLimitMB?: number;
  concurrency?: number;
  checksum?: boolean;
  /** backup only: a timestamp, a TSO, or a relative time */
  snapshot?: string | number | { ago: number; unit: 'MICROSECOND' | 'SECOND' | 'MINUTE' | 'HOUR' | 'DAY' | 'WEEK' };
}

export type BrTarget = { databases: string[] | '*' } | { tables: Array<{ database: string; table: string }> };

function targetSql(t: BrTarget): string {
  if ('tables' in t) {
    if (!t.tables.length) throw new StorageError(l10n.t('No tables chosen'));
    return `TABLE ${t.tables.map((x) => `${escapeId(x.database)}.${escapeId(x.table)}`).join(', ')}`;
  }
  if (t.databases === '*') return 'DATABASE *';
  if (!t.databases.length) throw new StorageError(l10n.t('No databases chosen'));
  return `DATABASE ${t.databases.map((d) => escapeId(d)).join(', ')}`;
}

function optionsSql(o: BrOptions, backup: boolean): string {
  const parts: string[] = [];
  if (o.rateLimitMB !== undefined) {
    if (!(Number.isInteger(o.rateLimitMB) && o.rateLimitMB > 0))
      throw new StorageError(l10n.t('RATE_LIMIT must be a whole number of MB/s'));
    parts.push(`RATE_LIMIT = ${o.rateLimitMB} MB/SECOND`);
  }
  if (o.concurrency !== undefined) {
    if (!(Number.isInteger(o.concurrency) && o.concurrency > 0))
      throw new StorageError(l10n.t('CONCURRENCY must be a positive whole number'));
    parts.push(`CONCURRENCY = ${o.concurrency}`);
  }
  if (o.checksum !== undefined) parts.push(`CHECKSUM = ${o.checksum ? 'TRUE' : 'FALSE'}`);
  if (backup && o.snapshot !== undefined) {
    const s = o.snapshot;
    if (typeof s === 'number') parts.push(`SNAPSHOT = ${Math.trunc(s)}`);
    else if (typeof s === 'string') parts.push(`SNAPSHOT = ${quote(s)}`);
    else parts.push(`SNAPSHOT = ${Math.trunc(s.ago)} ${s.unit} AGO`);
  }
  return parts.length ? ` ${parts.join(' ')}` : '';
}

export function backupSql(target: BrTarget, url: string, o: BrOptions = {}): string {
  return `BACKUP ${targetSql(target)} TO ${quote(url)}${optionsSql(o, true)}`;
}

export function restoreSql(target: BrTarget, url: string, o: BrOptions = {}): string {
  return `RESTORE ${targetSql(target)} FROM ${quote(url)}${optionsSql(o, false)}`;
}

export interface BrTask {
  destination: string;
  state: string;
  /** percent, 0..100 */
  progress: number;
  queueTime: string;
  executionTime: string;
  finishTime: string | null;
  connection: number;
  message: string | null;
}

const nul = (v: unknown) => (v === null || v === undefined || String(v) === 'NULL' ? null : String(v));

/** SHOW BACKUPS / SHOW RESTORES rows. */
export function parseShowBrie(rows: Array<Record<string, unknown>>): BrTask[] {
  return rows.map((r) => ({
    destination: String(r.Destination ?? ''),
    state: String(r.State ?? ''),
    progress: Number(r.Progress ?? 0),
    queueTime: String(r.Queue_time ?? r['Queue Time'] ?? ''),
    executionTime: String(r.Execution_time ?? r['Execution Time'] ?? ''),
    finishTime: nul(r.Finish_time ?? r['Finish Time']),
    connection: Number(r.Connection ?? 0),
    message: nul(r.Message),
  }));
}

/** The row BACKUP returns when it finishes. */
export function parseBackupResult(row: Record<string, unknown>): {
  destination: string;
  size: number;
  backupTs: string;
  queueTime: string;
  executionTime: string;
} {
  return {
    destination: String(row.Destination ?? ''),
    size: Number(row.Size ?? 0),
    backupTs: String(row.BackupTS ?? ''),
    queueTime: String(row['Queue Time'] ?? ''),
    executionTime: String(row['Execution Time'] ?? ''),
  };
}
