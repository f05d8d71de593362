// Cheap activation: commands, views and status bar items are registered at once;
// database connections open only when the user expands one or runs SQL; the
// language server starts when VS Code activates us (see activationEvents).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentStatusNotification } from '../../protocol/lsp';
import {
  addConnection,
  askPassword,
  connectTimeoutMs,
  editConnection,
  pickConnection,
  removeConnection,
  setPassword,
  settingsStore,
  testConnection,
  type AddConnectionArgs,
} from './connections/commands';
import { ConnectionManager } from './connections/manager';
import { SchemaSync } from './lint/schemaSync';
import type { StoredProfile } from './connections/store';
import {
  backupCommand,
  operatorBackupCommand,
  restoreCommand,
  type BackupArgs,
  type OperatorBackupArgs,
  type RestoreArgs,
} from './backup/commands';
import { BackupHistory, type BackupRecord } from './backup/history';
import { BackupsView } from './backup/view';
import { ExplainCommands } from './explain/commands';
import { createPlanPanels, type PlanPanels } from './explain/planPanel';
import { DDL_SCHEME, DdlDocuments, registerExplorerCommands } from './explorer/commands';
import { ExplorerProvider, type Node } from './explorer/tree';
import { createLanguageClient } from './languageClient';
import {
  createLocalClusterCommand,
  deleteLocalClusterCommand,
  localClusterStatusCommand,
  startPlaygroundCommand,
  stopAllPlaygrounds,
  stopPlaygroundCommand,
  type CreateArgs,
} from './localCluster/commands';
import { lintWorkspace, setTargetVersion, showRuleDocumentation } from './lint/commands';
import { TargetVersionStatus } from './lint/statusBar';
import { log } from './log';
import { QueryRunner } from './query/commands';
import { DocumentConnections } from './query/documentConnection';
import { ResultsPanel } from './query/resultsPanel';

let client: LanguageClient | undefined;
let manager: ConnectionManager | undefined;

/** What the extension exports: for tests and for other extensions. */
export interface TidbToolkitApi {
  manager: ConnectionManager;
  explorer: ExplorerProvider;
  results: ResultsPanel;
  runner: QueryRunner;
  documents: DocumentConnections;
  explain: ExplainCommands;
  plans: PlanPanels;
  backups: BackupHistory;
}

export async function activate(context: vscode.ExtensionContext): Promise<TidbToolkitApi> {
  const status = new TargetVersionStatus();
  context.subscriptions.push(status, log());
  client = createLanguageClient(context);
  const c = client;

  // connections, explorer, running SQL
  const store = settingsStore(context.secrets);
  const m = new ConnectionManager(store, {
    connectTimeoutMs,
    askPassword,
    notice: (msg) => {
      log().warn(msg);
      void vscode.window.showWarningMessage(msg);
    },
  });
  manager = m;
  const problems = () => {
    store.list();
    for (const p of store.problems) log().warn(p);
    if (store.problems.some((p) => /password/.test(p)))
      void vscode.window.showWarningMessage(store.problems.find((p) => /password/.test(p))!);
  };
  problems();
  const docs = new DocumentConnections(m, context.workspaceState);
  const results = new ResultsPanel(context.extensionUri);
  const runner = new QueryRunner(m, docs, results);
  const explorer = new ExplorerProvider(m);
  const ddl = new DdlDocuments();
  const schema = new SchemaSync(c, m, docs);
  let explain: ExplainCommands | undefined;
  const plans = createPlanPanels(context, () => explain!.pickOther());
  explain = new ExplainCommands(m, docs, plans);
  const ex = explain;
  const view = vscode.window.createTreeView('tidb.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  const backups = new BackupHistory(context.globalState);
  const backupsView = new BackupsView(backups);
  /** explorer nodes and the Backups view pass their item; the palette passes nothing */
  const backupArgs = (arg: unknown): BackupArgs => {
    const n = arg as Node | undefined;
    if (n && typeof n === 'object' && 'kind' in n) {
      if (n.kind === 'connection') return { connectionId: n.profile.id };
      if (n.kind === 'database') return { connectionId: n.connectionId, databases: [n.database] };
    }
    return (arg as BackupArgs) ?? {};
  };
  const profileArg = async (arg: unknown): Promise<StoredProfile | undefined> => {
    if (arg && typeof arg === 'object' && (arg as Node).kind === 'connection')
      return (arg as Extract<Node, { kind: 'connection' }>).profile;
    if (typeof arg === 'string') return store.get(arg);
    return pickConnection(m);
  };
  context.subscriptions.push(
    docs,
    results,
    explorer,
    schema,
    view,
    vscode.workspace.registerTextDocumentContentProvider(DDL_SCHEME, ddl),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tidb.connections')) {
        problems();
        m.fire({ kind: 'changed' });
      }
    }),
    vscode.commands.registerCommand('tidb.addConnection', (args?: AddConnectionArgs) => addConnection(m, args)),
    vscode.commands.registerCommand('tidb.editConnection', async (arg?: unknown) => {
      const p = await profileArg(arg);
      if (p) await editConnection(m, p);
    }),
    vscode.commands.registerCommand('tidb.removeConnection', async (arg?: unknown) => {
      const p = await profileArg(arg);
      if (p) await removeConnection(m, p);
    }),
    vscode.commands.registerCommand('tidb.testConnection', async (arg?: unknown) => {
      const p = await profileArg(arg);
      if (p) await testConnection(m, p);
    }),
    vscode.commands.registerCommand('tidb.setConnectionPassword', async (arg?: unknown) => {
      const p = await profileArg(arg);
      if (p) await setPassword(m, p);
    }),
    vscode.commands.registerCommand('tidb.connect', async (arg?: unknown) => {
      const p = await profileArg(arg);
      if (!p) return;
      try {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Connecting to ${p.name}…` }, () =>
          m.connect(p.id),
        );
        const doc = vscode.window.activeTextEditor?.document;
        if (doc && !docs.get(doc.uri)) await docs.set(doc.uri, p.id);
      } catch (e) {
        void vscode.window
          .showErrorMessage(`Could not connect to ${p.name}: ${(e as Error).message}`, 'Edit Connection', 'Set Password')
          .then((a) => {
            if (a === 'Edit Connection') void editConnection(m, p);
            if (a === 'Set Password') void setPassword(m, p);
          });
      }
    }),
    vscode.commands.registerCommand('tidb.disconnect', async (arg?: unknown) => {
      const p = await profileArg(arg);
      if (p) await m.disconnect(p.id);
    }),
    vscode.commands.registerCommand('tidb.chooseConnection', () => docs.choose()),
    vscode.commands.registerCommand('tidb.runStatement', () => runner.runStatement()),
    vscode.commands.registerCommand('tidb.runFile', () => runner.runFile()),
    vscode.commands.registerCommand('tidb.cancelQuery', () => runner.cancel()),
    vscode.commands.registerCommand('tidb.exportResults', () => results.export(0)),
    vscode.commands.registerCommand('tidb.refreshSchema', () => schema.invalidate()),
    plans,
    backupsView,
    vscode.window.createTreeView('tidb.backups', { treeDataProvider: backupsView }),
    vscode.commands.registerCommand('tidb.backup', (arg?: unknown) => backupCommand(m, backups, backupArgs(arg))),
    vscode.commands.registerCommand('tidb.restore', (arg?: unknown) => {
      const n = arg as Node | BackupRecord | RestoreArgs | undefined;
      if (n && 'method' in n && 'location' in n) return restoreCommand(m, backups, { record: n as BackupRecord });
      if (n && 'kind' in n && (n as Node).kind === 'connection')
        return restoreCommand(m, backups, { connectionId: (n as Extract<Node, { kind: 'connection' }>).profile.id });
      if (n && 'kind' in n && (n as Node).kind === 'database')
        return restoreCommand(m, backups, { connectionId: (n as Extract<Node, { kind: 'database' }>).connectionId });
      return restoreCommand(m, backups, (n as RestoreArgs) ?? {});
    }),
    vscode.commands.registerCommand(
      'tidb.explorer.backupKubernetes',
      (n: Extract<Node, { kind: 'k8sCluster' }>, args?: OperatorBackupArgs) =>
        n?.kind === 'k8sCluster' ? operatorBackupCommand(backups, n.info, args) : undefined,
    ),
    vscode.commands.registerCommand('tidb.backups.forget', (r: BackupRecord) => r && backups.forget(r.id)),
    vscode.commands.registerCommand('tidb.createLocalCluster', (args?: CreateArgs) =>
      createLocalClusterCommand(context, m, args, (a) => explorer.setActivity(a)),
    ),
    vscode.commands.registerCommand('tidb.deleteLocalCluster', (name?: string) =>
      deleteLocalClusterCommand(m, typeof name === 'string' ? name : undefined),
    ),
    vscode.commands.registerCommand('tidb.localClusterStatus', () => localClusterStatusCommand()),
    vscode.commands.registerCommand('tidb.startPlayground', (args?: { version?: string; tag?: string }) => startPlaygroundCommand(m, args)),
    vscode.commands.registerCommand('tidb.stopPlayground', () => stopPlaygroundCommand(m)),
    vscode.commands.registerCommand('tidb.explainStatement', () => ex.explainAtCursor(false)),
    vscode.commands.registerCommand('tidb.explainAnalyzeStatement', () => ex.explainAtCursor(true)),
    vscode.commands.registerCommand('tidb.visualizePlan', (arg?: { text?: string; title?: string }) => ex.visualizeFromText(arg)),
    ...registerExplorerCommands(m, explorer, runner, docs, ddl, ex),
  );

  // linting
  context.subscriptions.push(
    vscode.commands.registerCommand('tidb.setTargetVersion', setTargetVersion),
    vscode.commands.registerCommand('tidb.lintWorkspace', () => lintWorkspace(c)),
    vscode.commands.registerCommand('tidb.showRuleDocumentation', (ruleId?: unknown) => showRuleDocumentation(c, ruleId)),
    vscode.commands.registerCommand('tidb.restartLanguageServer', async () => {
      log().info('Restarting the TiDB language server');
      await c.restart();
      await schema.invalidate();
    }),
  );
  c.onNotification(DocumentStatusNotification, (p: DocumentStatusNotification.Params) => status.update(p));
  try {
    await c.start();
    void schema.sync();
  } catch (e) {
    log().error(`Could not start the TiDB language server: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { manager: m, explorer, results, runner, documents: docs, explain: ex, plans, backups };
}

export async function deactivate(): Promise<void> {
  await Promise.allSettled([client?.stop(), manager?.dispose(), stopAllPlaygrounds()]);
  client = undefined;
  manager = undefined;
}
