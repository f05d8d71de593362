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
    title: vscode.l10n.t('Password for {0}', p.name),
    prompt: vscode.l10n.t(
      "{0}. Kept in VS Code's secret storage, never in settings. Leave empty for none.",
      `${p.user}@${p.host}:${p.port}`,
    ),
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

function tlsItems(): Array<vscode.QuickPickItem & { mode: TlsMode }> {
  return [
    {
      label: vscode.l10n.t('Verify identity'),
      description: vscode.l10n.t('TLS, the certificate must be valid for the host (TiDB Cloud)'),
      mode: 'verify-identity',
    },
    { label: vscode.l10n.t('Required'), description: vscode.l10n.t('TLS, certificate not checked'), mode: 'required' },
    { label: vscode.l10n.t('Preferred'), description: vscode.l10n.t('TLS when the server offers it'), mode: 'preferred' },
    { label: vscode.l10n.t('Off'), description: vscode.l10n.t('no TLS (local clusters, kind, tiup playground)'), mode: 'off' },
  ];
}

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
  const host = await input(
    title,
    start.host,
    vscode.l10n.t('Host name or IP address (TiDB Cloud: the host from the Connect dialog)'),
    (v) => (v.trim() ? undefined : vscode.l10n.t('A host is required')),
  );
  if (host === undefined) return;
  const port = await input(title, String(start.port), vscode.l10n.t('Port (TiDB listens on 4000)'), (v) =>
    /^\d+$/.test(v) && +v > 0 && +v < 65536 ? undefined : vscode.l10n.t('A port between 1 and 65535'),
  );
  if (port === undefined) return;
  const user = await input(title, start.user, vscode.l10n.t('User (TiDB Cloud users have a prefix, such as 2xxxx.root)'), (v) =>
    v ? undefined : vscode.l10n.t('A user is required'),
  );
  if (user === undefined) return;
  const database = await input(title, start.database ?? '', vscode.l10n.t('Default database (optional)'));
  if (database === undefined) return;
  const tls = await vscode.window.showQuickPick(
    tlsItems().map((i) => ({ ...i, picked: i.mode === start.tls })),
    { title, placeHolder: 'TLS', ignoreFocusOut: true },
  );
  if (!tls) return;
  let caFile = start.caFile;
  if (tls.mode === 'verify-identity') {
    const ca = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('System CA store'), description: vscode.l10n.t('TiDB Cloud and public CAs'), file: false },
        { label: vscode.l10n.t('A CA file…'), description: caFile ?? 'PEM', file: true },
      ],
      { title, placeHolder: vscode.l10n.t('Which certificate authorities to trust'), ignoreFocusOut: true },
    );
    if (!ca) return;
    if (ca.file) {
      const picked = await vscode.window.showOpenDialog({
        title: vscode.l10n.t('CA certificate (PEM)'),
        canSelectMany: false,
        filters: { [vscode.l10n.t('PEM certificates')]: ['pem', 'crt', 'cer'], [vscode.l10n.t('All files')]: ['*'] },
      });
      if (!picked?.[0]) return;
      caFile = picked[0].fsPath;
    } else caFile = undefined;
  } else caFile = undefined;
  const name = await input(title, start.name || `${user}@${host.trim()}`, vscode.l10n.t('A name for this connection'), (v) =>
    v.trim() ? undefined : vscode.l10n.t('A name is required'),
  );
  if (name === undefined) return;
  const env = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('None'), description: '', value: '' },
      ...ENVIRONMENTS.map((e) => ({
        label: e,
        description: e === 'prod' ? vscode.l10n.t('production: statements that change data or schema ask first') : '',
        value: e as string,
      })),
      ...(start.environment && !(ENVIRONMENTS as readonly string[]).includes(start.environment)
        ? [{ label: start.environment, description: vscode.l10n.t('custom'), value: start.environment }]
        : []),
    ].map((i) => ({ ...i, picked: (start.environment ?? '') === i.value })),
    {
      title,
      placeHolder: vscode.l10n.t('Which environment is this? (shown with a colour in the explorer and the status bar)'),
      ignoreFocusOut: true,
    },
  );
  if (!env) return;
  const production =
    env.value === 'prod'
      ? { value: true }
      : await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('No'), value: false },
            {
              label: vscode.l10n.t('Production'),
              description: vscode.l10n.t('ask before statements that change data or schema'),
              value: true,
            },
          ].map((i) => ({ ...i, picked: !!start.production === i.value })),
          { title, placeHolder: vscode.l10n.t('Is this a production database?'), ignoreFocusOut: true },
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
      {
        label: vscode.l10n.t('For me'),
        description: vscode.l10n.t('User settings'),
        scope: 'user' as const,
        picked: current !== 'workspace',
      },
      {
        label: vscode.l10n.t('For this workspace'),
        description: vscode.l10n.t('.vscode/settings.json, shareable; the password stays on this machine'),
        scope: 'workspace' as const,
        picked: current === 'workspace',
      },
    ],
    { title: vscode.l10n.t('Save the connection'), ignoreFocusOut: true },
  );
  return pick?.scope;
}

/** Opens and closes a fresh connection; the message ("Connected to …") says what answered. */
export async function testProfile(p: ConnectionProfile, password: string | undefined): Promise<string> {
  const t0 = performance.now();
  const c = await connect(p, password, connectTimeoutMs());
  try {
    const info = await detectServer(c);
    const secure = isEncrypted(c);
    const name = { tidb: 'TiDB', mysql: 'MySQL', mariadb: 'MariaDB' }[info.flavor];
    const where = `${p.host}:${p.port}`;
    const ms = Math.round(performance.now() - t0);
    return secure
      ? vscode.l10n.t('Connected to {0} {1} at {2}, TLS, {3} ms.', name, info.version, where, ms)
      : vscode.l10n.t('Connected to {0} {1} at {2}, no TLS, {3} ms.', name, info.version, where, ms);
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
        {
          label: `$(link) ${vscode.l10n.t('Paste a connection URL…')}`,
          description: 'mysql://user:password@host:4000/db?ssl-mode=VERIFY_IDENTITY',
          url: true,
        },
        { label: `$(edit) ${vscode.l10n.t('Enter the details')}`, url: false },
      ],
      { title: vscode.l10n.t('TiDB: Add Connection'), ignoreFocusOut: true },
    );
    if (!how) return;
    if (how.url) {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('TiDB: Add Connection'),
        prompt: vscode.l10n.t("A mysql:// URL. The password in it goes to VS Code's secret storage."),
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
    const filled = await form(base, vscode.l10n.t('TiDB: Add Connection'));
    if (!filled) return;
    base = filled;
    if (password === undefined) {
      password = await vscode.window.showInputBox({
        title: vscode.l10n.t('Password for {0}', base.name),
        prompt: vscode.l10n.t("Kept in VS Code's secret storage. Leave empty for none."),
        password: true,
        ignoreFocusOut: true,
      });
      if (password === undefined) return;
    }
  }
  const profile: ConnectionProfile = { ...base, id: newProfileId(), name: base.name || `${base.user}@${base.host}:${base.port}` };
  if (!scripted) {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing {0}…', profile.name) },
      () =>
        testProfile(profile, password).then(
          (ok) => ({ ok }),
          (e: Error) => ({ error: e.message }),
        ),
    );
    if ('error' in outcome) {
      const saveAnyway = vscode.l10n.t('Save Anyway');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Could not connect to {0}: {1}', profile.name, outcome.error),
        { modal: true },
        saveAnyway,
      );
      if (choice !== saveAnyway) return;
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
  const filled = await form(p, vscode.l10n.t('TiDB: Edit {0}', p.name));
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
  const remove = vscode.l10n.t('Remove');
  const ok = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the connection {0}? Its saved password is deleted too.', p.name),
    { modal: true },
    remove,
  );
  if (ok !== remove) return;
  await manager.disconnect(p.id);
  await manager.store.remove(p.id);
  manager.fire({ kind: 'changed', id: p.id });
}

/** A failed connect: what went wrong, with the two fixes one click away. */
function couldNotConnect(manager: ConnectionManager, p: StoredProfile, e: unknown): void {
  const edit = vscode.l10n.t('Edit Connection');
  const password = vscode.l10n.t('Set Password');
  void vscode.window
    .showErrorMessage(vscode.l10n.t('Could not connect to {0}: {1}', p.name, (e as Error).message), edit, password)
    .then((a) => {
      if (a === edit) void editConnection(manager, p);
      if (a === password) void setPassword(manager, p);
    });
}

export async function testConnection(manager: ConnectionManager, p: StoredProfile): Promise<void> {
  const password = await manager.store.password(p.id);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing {0}…', p.name) },
    async () => {
      try {
        void vscode.window.showInformationMessage(await testProfile(p, password));
      } catch (e) {
        couldNotConnect(manager, p, e);
      }
    },
  );
}

/** Picks a saved connection (for commands run from the palette). */
export async function pickConnection(
  manager: ConnectionManager,
  placeHolder = vscode.l10n.t('Choose a connection'),
): Promise<StoredProfile | undefined> {
  const list = manager.profiles();
  if (list.length === 0) {
    const add = await vscode.window.showInformationMessage(vscode.l10n.t('No TiDB connections yet.'), vscode.l10n.t('Add Connection'));
    return add ? addConnection(manager) : undefined;
  }
  const pick = await vscode.window.showQuickPick(
    list.map((p) => ({
      label: `${manager.isConnected(p.id) ? '$(database)' : '$(plug)'} ${p.name}`,
      description: p.production ? vscode.l10n.t('{0} · production', `${p.user}@${p.host}:${p.port}`) : `${p.user}@${p.host}:${p.port}`,
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
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Connecting to {0}…', p.name) },
          () => manager.connect(p.id),
        );
        await connected(p);
      } catch (e) {
        couldNotConnect(manager, p, e);
      }
    }),
    'tidb.disconnect': withProfile((p) => manager.disconnect(p.id)),
  };
}
