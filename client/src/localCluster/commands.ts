// TiDB: Create Local Cluster (kind), Delete Local Cluster, Local Cluster Status.
// Progress and cancel in a notification; on success a connection (root, no password,
// TLS off) is added and opened in the explorer; a failure names its step and shows
// the events and log lines it collected.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connections/manager';
import { newProfileId } from '../connections/store';
import type { CommandTable } from '../commandTable';
import { log } from '../log';
import { kube } from '../lazyKube';
import { StepError, STEPS, stepTitle, type Step } from './steps';
import { tidbAnswersOn } from './tidbAnswers';
import { DEFAULT_TIDB_VERSION, NAMESPACE, operatorAssetUrls, validateName, validateVersion } from './manifests';
import { checkPrerequisites } from './prerequisites';
import { runProcess } from './processRunner';
import { startPlayground, type Playground, type PlaygroundError } from './tiup';
import { setting } from '../settings';

export interface CreateArgs {
  name?: string;
  version?: string;
  hostPort?: number;
}

export type CreateOutcome =
  | { ok: true; connectionId: string }
  | { ok: false; step: Step; message: string; details: string[]; cancelled: boolean };

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function freeHostPort(preferred: number): Promise<number> {
  for (let p = preferred; p < preferred + 50; p++) if (await portFree(p)) return p;
  return preferred;
}

/** The operator manifest: a configured folder or mirror, else GitHub with a cache in global storage. */
function fetcher(context: vscode.ExtensionContext): (url: string) => Promise<string> {
  return async (url) => {
    const source = setting('localCluster.operatorManifests').trim();
    const file = path.basename(new URL(url).pathname);
    if (source && !/^https?:\/\//.test(source)) {
      const p = path.join(source, file);
      if (!fs.existsSync(p))
        throw new Error(vscode.l10n.t('{0} does not exist: tidb.localCluster.operatorManifests must be a folder holding {1}', p, file));
      return fs.readFileSync(p, 'utf8');
    }
    const cache = vscode.Uri.joinPath(context.globalStorageUri, 'operator', new URL(url).pathname.split('/').slice(-2).join('-'));
    try {
      return Buffer.from(await vscode.workspace.fs.readFile(cache)).toString('utf8');
    } catch {
      // not cached yet
    }
    let res: Response;
    try {
      res = await fetch(url);
    } catch (e) {
      throw new Error(
        vscode.l10n.t(
          'Could not download {0} ({1}). Offline? Download it elsewhere and set tidb.localCluster.operatorManifests to its folder.',
          url,
          (e as Error).message,
        ),
      );
    }
    if (!res.ok) throw new Error(vscode.l10n.t('Downloading {0} failed: HTTP {1}', url, res.status));
    const text = await res.text();
    await vscode.workspace.fs.writeFile(cache, Buffer.from(text, 'utf8'));
    return text;
  };
}

export async function createLocalClusterCommand(
  context: vscode.ExtensionContext,
  manager: ConnectionManager,
  args?: CreateArgs,
  showActivity?: (a: { label: string; detail?: string } | undefined) => void,
): Promise<CreateOutcome | undefined> {
  const name =
    args?.name ??
    (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('TiDB: Create Local Cluster (kind)'),
        prompt: vscode.l10n.t('A name for the kind cluster and the TiDB cluster'),
        value: 'tidb-local',
        validateInput: (v) => validateName(v.trim()),
      })
    )?.trim();
  if (!name) return;
  const version =
    args?.version ??
    (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('TiDB: Create Local Cluster (kind)'),
        prompt: vscode.l10n.t('TiDB version'),
        value: DEFAULT_TIDB_VERSION,
        validateInput: (v) => validateVersion(v.trim()),
      })
    )?.trim();
  if (!version) return;
  const hostPort = args?.hostPort ?? (await freeHostPort(4000));
  const operatorVersion = setting('localCluster.operatorVersion');
  const mirror = setting('localCluster.operatorManifests').trim();
  const steps = STEPS.length;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Local TiDB '{0}'", name), cancellable: true },
    async (progress, token) => {
      const ac = new AbortController();
      token.onCancellationRequested(() => ac.abort());
      let last: Step | undefined;
      try {
        const { createLocalCluster } = await kube();
        await createLocalCluster(
          { name, version, hostPort, operatorVersion, mirror: /^https?:\/\//.test(mirror) ? mirror : undefined },
          {
            run: runProcess,
            fetchText: fetcher(context),
            tidbAnswers: tidbAnswersOn,
            progress: (step, detail) => {
              if (step !== last) progress.report({ increment: 100 / steps });
              last = step;
              const title = stepTitle(step);
              progress.report({ message: `${title}${detail ? `: ${detail}` : ''}` });
              showActivity?.({ label: vscode.l10n.t("Local TiDB '{0}': {1}", name, title), detail });
              log().info(`[local cluster ${name}] ${title}${detail ? `: ${detail}` : ''}`);
            },
          },
          ac.signal,
        );
      } catch (e) {
        showActivity?.(undefined);
        const err = e instanceof StepError ? e : new StepError(last ?? 'prerequisites', (e as Error).message);
        const failed = vscode.l10n.t('{0} failed: {1}', stepTitle(err.step), err.message);
        log().error(`[local cluster ${name}] ${failed}${err.details.length ? `\n  ${err.details.join('\n  ')}` : ''}`);
        if (err.cancelled)
          void vscode.window.showInformationMessage(
            vscode.l10n.t("Creating '{0}' was cancelled; the kind cluster it had started was deleted.", name),
          );
        else {
          const showLog = vscode.l10n.t('Show Log');
          const deleteCluster = vscode.l10n.t('Delete Local Cluster');
          const installGuide = vscode.l10n.t('Open Install Guide');
          const actions = err.step === 'prerequisites' ? [installGuide, showLog] : [showLog, deleteCluster];
          void vscode.window.showErrorMessage(failed, ...actions).then((a) => {
            if (a === showLog) log().show();
            if (a === deleteCluster) void vscode.commands.executeCommand('tidb.deleteLocalCluster', name);
            if (a === installGuide) {
              const link = /https:\/\/\S+/.exec(err.message)?.[0];
              if (link) void vscode.env.openExternal(vscode.Uri.parse(link));
            }
          });
        }
        return { ok: false, step: err.step, message: err.message, details: err.details, cancelled: err.cancelled };
      }
      showActivity?.(undefined);
      const id = newProfileId();
      await manager.store.save({ id, name: `local: ${name}`, host: '127.0.0.1', port: hostPort, user: 'root', tls: 'off' }, 'user', '');
      manager.fire({ kind: 'changed', id });
      await manager.connect(id).catch(() => undefined);
      void vscode.commands.executeCommand('tidb.explorer.focus');
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t(
            "Local TiDB '{0}' is ready on 127.0.0.1:{1} (user root, no password). Add a local backup store (MinIO in the cluster) for backups and point-in-time recovery?",
            name,
            hostPort,
          ),
          vscode.l10n.t('Add Local Backup Store'),
        )
        .then((a) => a && vscode.commands.executeCommand('tidb.localCluster.addBackupStore', { namespace: NAMESPACE, name }));
      return { ok: true, connectionId: id };
    },
  );
}

export async function deleteLocalClusterCommand(manager: ConnectionManager, name?: string): Promise<boolean> {
  if (!name) {
    let clusters: string[] = [];
    try {
      clusters = await (await kube()).listKindClusters(runProcess);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot list kind clusters: {0}', (e as Error).message));
      return false;
    }
    if (!clusters.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no kind clusters on this machine.'));
      return false;
    }
    name = await vscode.window.showQuickPick(clusters, { placeHolder: vscode.l10n.t('The kind cluster to delete') });
    if (!name) return false;
  }
  const del = vscode.l10n.t('Delete');
  const ok = await vscode.window.showWarningMessage(
    vscode.l10n.t("Delete the kind cluster '{0}' and everything in it?", name),
    { modal: true },
    del,
  );
  if (ok !== del) return false;
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Deleting '{0}'…", name) },
      () => kube().then((k) => k.deleteLocalCluster(runProcess, name!)),
    );
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
    return false;
  }
  for (const p of manager.profiles().filter((x) => x.name === `local: ${name}`)) {
    await manager.disconnect(p.id);
    await manager.store.remove(p.id);
  }
  manager.fire({ kind: 'changed' });
  void vscode.window.showInformationMessage(vscode.l10n.t("Deleted '{0}'.", name));
  return true;
}

export async function localClusterStatusCommand(): Promise<string> {
  const pre = await checkPrerequisites(runProcess);
  const lines = [
    `Docker: ${pre.dockerVersion ?? vscode.l10n.t('not available')}`,
    `kind: ${pre.kindVersion ?? vscode.l10n.t('not available')}`,
    `TiUP: ${pre.tiupVersion ?? vscode.l10n.t('not on PATH')}`,
  ];
  if (pre.kindVersion) {
    const kinds = (
      await kube()
        .then((k) => k.listKindClusters(runProcess))
        .catch(() => [])
    ).join(', ');
    lines.push(kinds ? vscode.l10n.t('kind clusters: {0}', kinds) : vscode.l10n.t('kind clusters: none'));
  }
  lines.push(vscode.l10n.t('Operator manifests: {0}', operatorAssetUrls(setting('localCluster.operatorVersion')).crds));
  for (const p of pre.problems) lines.push(`- ${p.message} (${p.link})`);
  log().info(`${vscode.l10n.t('Local cluster status:')}\n  ${lines.join('\n  ')}`);
  void vscode.window.showInformationMessage(lines.slice(0, 4).join(' · '), vscode.l10n.t('Show Log')).then((a) => a && log().show());
  return lines.join('\n');
}

const playgrounds = new Map<string, Playground>();

/** TiDB: Start TiUP Playground — a local cluster without Docker, when tiup is installed. */
export async function startPlaygroundCommand(
  manager: ConnectionManager,
  args?: { version?: string; tag?: string },
): Promise<{ ok: boolean; port?: number; message?: string }> {
  const version =
    args?.version ??
    (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('TiDB: Start TiUP Playground'),
        prompt: vscode.l10n.t('TiDB version'),
        value: DEFAULT_TIDB_VERSION,
        validateInput: (v) => validateVersion(v.trim()),
      })
    )?.trim();
  if (!version) return { ok: false };
  const tag = args?.tag ?? `vscode-${Date.now().toString(36)}`;
  try {
    const pg = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('TiUP playground {0}', version), cancellable: true },
      (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        return startPlayground(version, tag, {
          signal: ac.signal,
          onLine: (l) => {
            log().info(`[tiup ${tag}] ${l}`);
            progress.report({ message: l.slice(0, 80) });
          },
        });
      },
    );
    playgrounds.set(tag, pg);
    const id = newProfileId();
    await manager.store.save({ id, name: `tiup: ${tag}`, host: '127.0.0.1', port: pg.port, user: 'root', tls: 'off' }, 'user', '');
    manager.fire({ kind: 'changed', id });
    void pg.exited.then(() => playgrounds.delete(tag));
    void vscode.window.showInformationMessage(
      pg.dashboard
        ? vscode.l10n.t(
            'TiUP playground \'{0}\' is up on 127.0.0.1:{1} (dashboard {2}). It stops when VS Code closes or with "TiDB: Stop TiUP Playground".',
            tag,
            pg.port,
            pg.dashboard,
          )
        : vscode.l10n.t(
            'TiUP playground \'{0}\' is up on 127.0.0.1:{1}. It stops when VS Code closes or with "TiDB: Stop TiUP Playground".',
            tag,
            pg.port,
          ),
    );
    return { ok: true, port: pg.port };
  } catch (e) {
    const err = e as PlaygroundError;
    log().error(`[tiup ${tag}] ${err.message}${err.output?.length ? `\n  ${err.output.join('\n  ')}` : ''}`);
    void vscode.window
      .showErrorMessage(vscode.l10n.t('TiUP playground: {0}', err.message), vscode.l10n.t('Show Log'))
      .then((a) => a && log().show());
    return { ok: false, message: err.message };
  }
}

export async function stopPlaygroundCommand(manager: ConnectionManager): Promise<void> {
  const tags = [...playgrounds.keys()];
  if (!tags.length) return void vscode.window.showInformationMessage(vscode.l10n.t('No TiUP playground started from VS Code is running.'));
  const tag =
    tags.length === 1 ? tags[0] : await vscode.window.showQuickPick(tags, { placeHolder: vscode.l10n.t('The playground to stop') });
  if (!tag) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Stopping TiUP playground '{0}'…", tag) },
    () => playgrounds.get(tag)!.stop(),
  );
  for (const p of manager.profiles().filter((x) => x.name === `tiup: ${tag}`)) {
    await manager.disconnect(p.id);
    await manager.store.remove(p.id);
  }
  manager.fire({ kind: 'changed' });
}

export async function stopAllPlaygrounds(): Promise<void> {
  await Promise.allSettled([...playgrounds.values()].map((p) => p.stop()));
}

/** The local-cluster commands (kind + TiDB Operator, TiUP playground); `activity` shows progress in the explorer. */
export function localClusterCommands(
  context: vscode.ExtensionContext,
  manager: ConnectionManager,
  activity: Parameters<typeof createLocalClusterCommand>[3],
): CommandTable {
  return {
    'tidb.createLocalCluster': (args?: CreateArgs) => createLocalClusterCommand(context, manager, args, activity),
    'tidb.deleteLocalCluster': (name?: string) => deleteLocalClusterCommand(manager, typeof name === 'string' ? name : undefined),
    'tidb.localClusterStatus': () => localClusterStatusCommand(),
    'tidb.startPlayground': (args?: { version?: string; tag?: string }) => startPlaygroundCommand(manager, args),
    'tidb.stopPlayground': () => stopPlaygroundCommand(manager),
  };
}
