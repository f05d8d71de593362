// Add / edit / remove / test connections, and the password prompt. A connection can
// be filled from a pasted mysql:// URL; the password goes to SecretStorage only.
import * as vscode from 'vscode';
import type { CommandTable } from '../commandTable';
import { log } from '../log';
import { connect, detectServer } from './driver';
import { isEncrypted } from './mysqlInternals';
import type { ConnectionManager } from './manager';
import {
  ConnectionUrlError,
  DEFAULT_PORT,
  ENVIRONMENTS,
  parseConnectionUrl,
  profileUrl,
  type ConnectionProfile,
  type TlsMode,
} from './profile';
import { newProfileId, type ProfileScope, type StoredProfile } from './store';
import { setting } from '../settings';

export { settingsStore } from './settingsStore';

export function connectTimeoutMs(): number {
  return Math.max(1, setting('connection.connectTimeout')) * 1000;
}

export async function askPassword(p: StoredProfile): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `Password for ${p.name}`,
    prompt: `${p.user}@${p.host}:${p.port}. Kept in VS Code's secret storage, never in settings. Leave empty for none.`,
    password: true,
    ignoreFocusOut: true,
  });
}

/** Arguments for scripted use (tests, other extensions): no prompts when `url` or `host` is given. */
export interface AddConnectionArgs {
  name?: string;
  url?: string;
  host?: string;
  port?: number;
  user?: string;
  database?: string;
  tls?: TlsMode;
  password?: string;
  scope?: ProfileScope;
  production?: boolean;
  environment?: string;
}

const TLS_ITEMS: Array<vscode.QuickPickItem & { mode: TlsMode }> = [
  { label: 'Verify identity', description: 'TLS, the certificate must be valid for the host (TiDB Cloud)', mode: 'verify-identity' },
  { label: 'Required', description: 'TLS, certificate not checked', mode: 'required' },
  { label: 'Preferred', description: 'TLS when the server offers it', mode: 'preferred' },
  { label: 'Off', description: 'no TLS (local clusters, kind, tiup playground)', mode: 'off' },
];

async function input(
  title: string,
  value: string,
  prompt: string,
  validate?: (v: string) => string | undefined,
): Promise<string | undefined> {
  return vscode.window.showInputBox({ title, value, prompt, ignoreFocusOut: true, validateInput: validate });
}

/** Walks the user through the fields, starting from `start`. undefined: cancelled. */
async function form(
  start: Omit<ConnectionProfile, 'id'> & { id?: string },
  title: string,
): Promise<(Omit<ConnectionProfile, 'id'> & { id?: string }) | undefined> {
  const host = await input(title, start.host, 'Host name or IP address (TiDB Cloud: the host from the Connect dialog)', (v) =>
    v.trim() ? undefined : 'A host is required',
  );
  if (host === undefined) return;
  const port = await input(title, String(start.port), 'Port (TiDB listens on 4000)', (v) =>
    /^\d+$/.test(v) && +v > 0 && +v < 65536 ? undefined : 'A port between 1 and 65535',
  );
  if (port === undefined) return;
  const user = await input(title, start.user, 'User (TiDB Cloud users have a prefix, such as 2xxxx.root)', (v) =>
    v ? undefined : 'A user is required',
  );
  if (user === undefined) return;
  const database = await input(title, start.database ?? '', 'Default database (optional)');
  if (database === undefined) return;
  const tls = await vscode.window.showQuickPick(
    TLS_ITEMS.map((i) => ({ ...i, picked: i.mode === start.tls })),
    { title, placeHolder: 'TLS', ignoreFocusOut: true },
  );
  if (!tls) return;
  let caFile = start.caFile;
  if (tls.mode === 'verify-identity') {
    const ca = await vscode.window.showQuickPick(
      [
        { label: 'System CA store', description: 'TiDB Cloud and public CAs', file: false },
        { label: 'A CA file…', description: caFile ?? 'PEM', file: true },
      ],
      { title, placeHolder: 'Which certificate authorities to trust', ignoreFocusOut: true },
    );
    if (!ca) return;
    if (ca.file) {
      const picked = await vscode.window.showOpenDialog({
        title: 'CA certificate (PEM)',
        canSelectMany: false,
        filters: { 'PEM certificates': ['pem', 'crt', 'cer'], 'All files': ['*'] },
      });
      if (!picked?.[0]) return;
      caFile = picked[0].fsPath;
    } else caFile = undefined;
  } else caFile = undefined;
  const name = await input(title, start.name || `${user}@${host.trim()}`, 'A name for this connection', (v) =>
    v.trim() ? undefined : 'A name is required',
  );
  if (name === undefined) return;
  const env = await vscode.window.showQuickPick(
    [
      { label: 'None', description: '', value: '' },
      ...ENVIRONMENTS.map((e) => ({
        label: e,
        description: e === 'prod' ? 'production: statements that change data or schema ask first' : '',
        value: e as string,
      })),
      ...(start.environment && !(ENVIRONMENTS as readonly string[]).includes(start.environment)
        ? [{ label: start.environment, description: 'custom', value: start.environment }]
        : []),
    ].map((i) => ({ ...i, picked: (start.environment ?? '') === i.value })),
    { title, placeHolder: 'Which environment is this? (shown with a colour in the explorer and the status bar)', ignoreFocusOut: true },
  );
  if (!env) return;
  const production =
    env.value === 'prod'
      ? { value: true }
      : await vscode.window.showQuickPick(
          [
            { label: 'No', value: false },
            { label: 'Production', description: 'ask before statements that change data or schema', value: true },
          ].map((i) => ({ ...i, picked: !!start.production === i.value })),
          { title, placeHolder: 'Is this a production database?', ignoreFocusOut: true },
        );
  if (!production) return;
  return {
    id: start.id,
    name: name.trim(),
    host: host.trim(),
    port: Number(port),
    user,
    database: database || undefined,
    tls: tls.mode,
    caFile,
    production: production.value || undefined,
    environment: env.value || undefined,
  };
}

async function pickScope(current?: ProfileScope): Promise<ProfileScope | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) return 'user';
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'For me', description: 'User settings', scope: 'user' as const, picked: current !== 'workspace' },
      {
        label: 'For this workspace',
        description: '.vscode/settings.json, shareable; the password stays on this machine',
        scope: 'workspace' as const,
        picked: current === 'workspace',
      },
    ],
    { title: 'Save the connection', ignoreFocusOut: true },
  );
  return pick?.scope;
}

/** Opens and closes a fresh connection; the message says what answered. */
export async function testProfile(p: ConnectionProfile, password: string | undefined): Promise<string> {
  const t0 = performance.now();
  const c = await connect(p, password, connectTimeoutMs());
  try {
    const info = await detectServer(c);
    const secure = isEncrypted(c);
    const name = { tidb: 'TiDB', mysql: 'MySQL', mariadb: 'MariaDB' }[info.flavor];
    return `${name} ${info.version} at ${p.host}:${p.port}${secure ? ', TLS' : ', no TLS'}, ${Math.round(performance.now() - t0)} ms`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function addConnection(manager: ConnectionManager, args?: AddConnectionArgs): Promise<StoredProfile | undefined> {
  const store = manager.store;
  let password = args?.password;
  let base: Omit<ConnectionProfile, 'id'> = {
    name: args?.name ?? '',
    host: args?.host ?? '127.0.0.1',
    port: args?.port ?? DEFAULT_PORT,
    user: args?.user ?? 'root',
    database: args?.database,
    tls: args?.tls ?? 'preferred',
    production: args?.production,
    environment: args?.environment,
  };
  if (args?.url) {
    const parsed = parseConnectionUrl(args.url);
    base = { ...base, ...parsed.profile, name: args.name ?? '' };
    password ??= parsed.password;
  }
  const scripted = !!(args?.url || args?.host);
  if (!scripted) {
    const how = await vscode.window.showQuickPick(
      [
        { label: '$(link) Paste a connection URL…', description: 'mysql://user:password@host:4000/db?ssl-mode=VERIFY_IDENTITY', url: true },
        { label: '$(edit) Enter the details', url: false },
      ],
      { title: 'TiDB: Add Connection', ignoreFocusOut: true },
    );
    if (!how) return;
    if (how.url) {
      const text = await vscode.window.showInputBox({
        title: 'TiDB: Add Connection',
        prompt: "A mysql:// URL. The password in it goes to VS Code's secret storage.",
        placeHolder: 'mysql://user:password@host:4000/database?ssl-mode=VERIFY_IDENTITY',
        password: false,
        ignoreFocusOut: true,
        validateInput: (v) => {
          try {
            parseConnectionUrl(v);
            return undefined;
          } catch (e) {
            return e instanceof ConnectionUrlError ? e.message : String(e);
          }
        },
      });
      if (!text) return;
      const parsed = parseConnectionUrl(text);
      base = { ...base, ...parsed.profile };
      password = parsed.password;
    }
    const filled = await form(base, 'TiDB: Add Connection');
    if (!filled) return;
    base = filled;
    if (password === undefined) {
      password = await vscode.window.showInputBox({
        title: `Password for ${base.name}`,
        prompt: "Kept in VS Code's secret storage. Leave empty for none.",
        password: true,
        ignoreFocusOut: true,
      });
      if (password === undefined) return;
    }
  }
  const profile: ConnectionProfile = { ...base, id: newProfileId(), name: base.name || `${base.user}@${base.host}:${base.port}` };
  if (!scripted) {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Testing ${profile.name}…` },
      () =>
        testProfile(profile, password).then(
          (ok) => ({ ok }),
          (e: Error) => ({ error: e.message }),
        ),
    );
    if ('error' in outcome) {
      const choice = await vscode.window.showWarningMessage(
        `Could not connect to ${profile.name}: ${outcome.error}`,
        { modal: true },
        'Save Anyway',
      );
      if (choice !== 'Save Anyway') return;
    } else log().info(`Connection test: ${outcome.ok}`);
  }
  const scope = args?.scope ?? (scripted ? 'user' : await pickScope());
  if (!scope) return;
  await store.save(profile, scope, password ?? '');
  log().info(`Saved connection ${profile.name} (${profileUrl(profile)}) in ${scope} settings`);
  manager.fire({ kind: 'changed', id: profile.id });
  return store.get(profile.id);
}

export async function editConnection(manager: ConnectionManager, p: StoredProfile): Promise<void> {
  const filled = await form(p, `TiDB: Edit ${p.name}`);
  if (!filled) return;
  const scope = await pickScope(p.scope);
  if (!scope) return;
  await manager.disconnect(p.id);
  await manager.store.save({ ...filled, id: p.id }, scope);
  manager.fire({ kind: 'changed', id: p.id });
}

export async function setPassword(manager: ConnectionManager, p: StoredProfile): Promise<void> {
  const pw = await askPassword(p);
  if (pw === undefined) return;
  await manager.store.setPassword(p.id, pw);
  await manager.disconnect(p.id);
  manager.fire({ kind: 'changed', id: p.id });
}

export async function removeConnection(manager: ConnectionManager, p: StoredProfile): Promise<void> {
  const ok = await vscode.window.showWarningMessage(
    `Remove the connection ${p.name}? Its saved password is deleted too.`,
    { modal: true },
    'Remove',
  );
  if (ok !== 'Remove') return;
  await manager.disconnect(p.id);
  await manager.store.remove(p.id);
  manager.fire({ kind: 'changed', id: p.id });
}

/** A failed connect: what went wrong, with the two fixes one click away. */
function couldNotConnect(manager: ConnectionManager, p: StoredProfile, e: unknown): void {
  void vscode.window
    .showErrorMessage(`Could not connect to ${p.name}: ${(e as Error).message}`, 'Edit Connection', 'Set Password')
    .then((a) => {
      if (a === 'Edit Connection') void editConnection(manager, p);
      if (a === 'Set Password') void setPassword(manager, p);
    });
}

export async function testConnection(manager: ConnectionManager, p: StoredProfile): Promise<void> {
  const password = await manager.store.password(p.id);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Testing ${p.name}…` }, async () => {
    try {
      const ok = await testProfile(p, password);
      void vscode.window.showInformationMessage(`Connected to ${ok}.`);
    } catch (e) {
      couldNotConnect(manager, p, e);
    }
  });
}

/** Picks a saved connection (for commands run from the palette). */
export async function pickConnection(manager: ConnectionManager, placeHolder = 'Choose a connection'): Promise<StoredProfile | undefined> {
  const list = manager.profiles();
  if (list.length === 0) {
    const add = await vscode.window.showInformationMessage('No TiDB connections yet.', 'Add Connection');
    return add ? addConnection(manager) : undefined;
  }
  const pick = await vscode.window.showQuickPick(
    list.map((p) => ({
      label: `${manager.isConnected(p.id) ? '$(database)' : '$(plug)'} ${p.name}`,
      description: `${p.user}@${p.host}:${p.port}${p.production ? ' · production' : ''}`,
      profile: p,
    })),
    { placeHolder },
  );
  return pick?.profile;
}

/** A command's connection argument: an explorer connection item, a profile id, or (none) the user's pick. */
async function profileFromArg(manager: ConnectionManager, arg: unknown): Promise<StoredProfile | undefined> {
  if (arg && typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'connection' && 'profile' in arg)
    return (arg as { profile: StoredProfile }).profile;
  if (typeof arg === 'string') return manager.store.get(arg);
  return pickConnection(manager);
}

/** The connection commands; `connected` runs after a Connect that succeeded (the caller binds the active document). */
export function connectionCommands(manager: ConnectionManager, connected: (p: StoredProfile) => Promise<void>): CommandTable {
  const withProfile = (run: (p: StoredProfile) => Promise<unknown>) => async (arg?: unknown) => {
    const p = await profileFromArg(manager, arg);
    if (p) await run(p);
  };
  return {
    'tidb.addConnection': (args?: AddConnectionArgs) => addConnection(manager, args),
    'tidb.editConnection': withProfile((p) => editConnection(manager, p)),
    'tidb.removeConnection': withProfile((p) => removeConnection(manager, p)),
    'tidb.testConnection': withProfile((p) => testConnection(manager, p)),
    'tidb.setConnectionPassword': withProfile((p) => setPassword(manager, p)),
    'tidb.connect': withProfile(async (p) => {
      try {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Connecting to ${p.name}…` }, () =>
          manager.connect(p.id),
        );
        await connected(p);
      } catch (e) {
        couldNotConnect(manager, p, e);
      }
    }),
    'tidb.disconnect': withProfile((p) => manager.disconnect(p.id)),
  };
}
