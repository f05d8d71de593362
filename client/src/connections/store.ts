// Where connection profiles live: the `tidb.connections` setting, per user (User
// settings) or per workspace (.vscode/settings.json) — never with a password. The
// password lives only in SecretStorage under a key derived from the profile id.
// No VS Code imports: the extension passes the two stores in.
import * as crypto from 'node:crypto';
import * as l10n from '@vscode/l10n';
import { DEFAULT_PORT, type ConnectionProfile, type TlsMode } from './profile';

export type ProfileScope = 'user' | 'workspace';

/** VS Code's SecretStorage has this shape. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

/** Reads and writes the raw `tidb.connections` arrays of each scope. */
export interface ProfileSettings {
  read(scope: ProfileScope): unknown;
  write(scope: ProfileScope, value: unknown[] | undefined): Thenable<void>;
}

export interface StoredProfile extends ConnectionProfile {
  scope: ProfileScope;
}

const TLS: readonly TlsMode[] = ['off', 'preferred', 'required', 'verify-identity'];

export const secretKey = (id: string) => `tidb.connection.${id}.password`;

export function newProfileId(): string {
  return crypto.randomUUID();
}

/**
 * Validates one entry a user may have edited by hand. Unknown keys are dropped,
 * and so is a `password` key: a password in settings.json is never used, and the
 * caller warns about it.
 */
export function sanitizeProfile(raw: unknown): { profile?: ConnectionProfile; problem?: string; hadPassword: boolean } {
  if (!raw || typeof raw !== 'object') return { problem: l10n.t('not an object'), hadPassword: false };
  const r = raw as Record<string, unknown>;
  const hadPassword = 'password' in r;
  const name = typeof r.name === 'string' && r.name.trim() ? r.name.trim() : undefined;
  const host = typeof r.host === 'string' && r.host.trim() ? r.host.trim() : undefined;
  if (!host) return { problem: l10n.t("'{0}' has no host", name ?? '?'), hadPassword };
  const port = r.port === undefined ? DEFAULT_PORT : Number(r.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return { problem: l10n.t("'{0}' has an invalid port", name ?? host), hadPassword };
  const tls = (typeof r.tls === 'string' && (TLS as string[]).includes(r.tls) ? r.tls : 'preferred') as TlsMode;
  const id =
    typeof r.id === 'string' && /^[\w-]{1,64}$/.test(r.id) ? r.id : `${host}-${port}-${String(r.user ?? 'root')}`.replace(/[^\w-]/g, '_');
  const profile: ConnectionProfile = {
    id,
    name: name ?? `${String(r.user ?? 'root')}@${host}:${port}`,
    host,
    port,
    user: typeof r.user === 'string' && r.user ? r.user : 'root',
    tls,
  };
  if (typeof r.database === 'string' && r.database) profile.database = r.database;
  if (typeof r.caFile === 'string' && r.caFile) profile.caFile = r.caFile;
  if (r.production === true) profile.production = true;
  if (typeof r.environment === 'string' && /^[\w-]{1,20}$/.test(r.environment.trim())) {
    profile.environment = r.environment.trim();
    // a prod environment is a production connection, whatever the flag says
    if (profile.environment.toLowerCase() === 'prod') profile.production = true;
  }
  return { profile, hadPassword };
}

/** What goes into settings.json: the profile without anything secret. */
function toSetting(p: ConnectionProfile): Record<string, unknown> {
  const out: Record<string, unknown> = { id: p.id, name: p.name, host: p.host, port: p.port, user: p.user, tls: p.tls };
  if (p.database) out.database = p.database;
  if (p.caFile) out.caFile = p.caFile;
  if (p.production) out.production = true;
  if (p.environment) out.environment = p.environment;
  return out;
}

export class ConnectionStore {
  /** problems found while reading the settings, for a warning */
  problems: string[] = [];
  /** the problem of a password written into settings.json (also in `problems`): worth a notice, not just the log */
  passwordProblem?: string;

  constructor(
    private readonly settings: ProfileSettings,
    private readonly secrets: SecretStore,
  ) {}

  /** Every profile: workspace ones first (they belong to the project), then the user's. */
  list(): StoredProfile[] {
    this.problems = [];
    this.passwordProblem = undefined;
    const out: StoredProfile[] = [];
    const seen = new Set<string>();
    for (const scope of ['workspace', 'user'] as const) {
      const raw = this.settings.read(scope);
      if (raw === undefined || raw === null) continue;
      if (!Array.isArray(raw)) {
        this.problems.push(l10n.t('tidb.connections ({0}) is not a list', scope));
        continue;
      }
      for (const entry of raw) {
        const { profile, problem, hadPassword } = sanitizeProfile(entry);
        if (hadPassword) {
          this.passwordProblem = l10n.t(
            "tidb.connections ({0}) contains a password for '{1}': it is ignored; remove it from settings.json and enter it when asked (it is then kept in VS Code's secret storage)",
            scope,
            profile?.name ?? '?',
          );
          this.problems.push(this.passwordProblem);
        }
        if (!profile) {
          this.problems.push(l10n.t('tidb.connections ({0}): {1}', scope, problem ?? ''));
          continue;
        }
        if (seen.has(profile.id)) continue;
        seen.add(profile.id);
        out.push({ ...profile, scope });
      }
    }
    return out;
  }

  get(id: string): StoredProfile | undefined {
    return this.list().find((p) => p.id === id);
  }

  /** Adds or replaces a profile in its scope; the password (if given) goes to the secret store. */
  async save(profile: ConnectionProfile, scope: ProfileScope, password?: string): Promise<void> {
    // a profile moved between scopes leaves the other one
    for (const s of ['user', 'workspace'] as const) {
      const current = this.rawList(s);
      const without = current.filter((e) => (e as { id?: unknown }).id !== profile.id);
      if (s === scope) await this.settings.write(s, [...without, toSetting(profile)]);
      else if (without.length !== current.length) await this.settings.write(s, without.length ? without : undefined);
    }
    if (password !== undefined) await this.secrets.store(secretKey(profile.id), password);
  }

  async remove(id: string): Promise<void> {
    for (const s of ['user', 'workspace'] as const) {
      const current = this.rawList(s);
      const without = current.filter((e) => (e as { id?: unknown }).id !== id);
      if (without.length !== current.length) await this.settings.write(s, without.length ? without : undefined);
    }
    await this.secrets.delete(secretKey(id));
  }

  password(id: string): Thenable<string | undefined> {
    return this.secrets.get(secretKey(id));
  }

  setPassword(id: string, password: string): Thenable<void> {
    return this.secrets.store(secretKey(id), password);
  }

  private rawList(scope: ProfileScope): unknown[] {
    const raw = this.settings.read(scope);
    return Array.isArray(raw) ? raw : [];
  }
}
