// Cheap activation: commands, views and status bar items are registered at once;
// database connections open only when the user expands one or runs SQL; the
// language server starts when VS Code activates us (see activationEvents).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentStatusNotification } from '../../protocol/lsp';
import { backupCommands } from './backup/commands';
import { BackupHistory } from './backup/history';
import { BackupsView } from './backup/view';
import { registerCommands } from './commandTable';
import { askPassword, connectionCommands, connectTimeoutMs, settingsStore } from './connections/commands';
import { ConnectionManager } from './connections/manager';
import type { StoredProfile } from './connections/store';
import { ExplainCommands, explainCommands } from './explain/commands';
import { createPlanPanels, type PlanPanels } from './explain/planPanel';
import { DDL_SCHEME, DdlDocuments, explorerCommands, PortForwards } from './explorer/commands';
import { ExplorerProvider } from './explorer/tree';
import { createLanguageClient } from './languageClient';
import { lintCommands } from './lint/commands';
import { SchemaSync } from './lint/schemaSync';
import { TargetVersionStatus } from './lint/statusBar';
import { localClusterCommands, stopAllPlaygrounds } from './localCluster/commands';
import { log } from './log';
import { QueryCommands, queryCommands } from './query/commands';
import { DocumentConnections } from './query/documentConnection';
import { ResultsPanel } from './query/resultsPanel';

let client: LanguageClient | undefined;
let manager: ConnectionManager | undefined;

/** What the extension exports: for tests and for other extensions. */
export interface TidbToolkitApi {
  manager: ConnectionManager;
  explorer: ExplorerProvider;
  results: ResultsPanel;
  queries: QueryCommands;
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

  const m = (manager = connectionManager(context));
  const docs = new DocumentConnections(m, context.workspaceState);
  const results = new ResultsPanel(context.extensionUri);
  const queries = new QueryCommands(m, docs, results);
  const explorer = new ExplorerProvider(m);
  const ddl = new DdlDocuments();
  const schema = new SchemaSync(c, m, docs);
  let explain: ExplainCommands | undefined;
  const plans = createPlanPanels(context, () => explain!.pickOther());
  explain = new ExplainCommands(m, docs, plans);
  const ex = explain;
  const forwards = new PortForwards();
  const view = vscode.window.createTreeView('tidb.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  const backups = new BackupHistory(context.globalState);
  const backupsView = new BackupsView(backups);
  /** after Connect: the active document without a connection takes this one */
  const bindActiveDocument = async (p: StoredProfile) => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && !docs.get(doc.uri)) await docs.set(doc.uri, p.id);
  };
  context.subscriptions.push(
    docs,
    results,
    explorer,
    schema,
    view,
    forwards,
    plans,
    backupsView,
    vscode.window.createTreeView('tidb.backups', { treeDataProvider: backupsView }),
    vscode.workspace.registerTextDocumentContentProvider(DDL_SCHEME, ddl),
    ...registerCommands(
      connectionCommands(m, bindActiveDocument),
      queryCommands(queries, docs, results),
      explainCommands(ex),
      explorerCommands(m, explorer, queries, docs, ddl, ex, forwards),
      backupCommands(m, backups),
      localClusterCommands(context, m, (a) => explorer.setActivity(a)),
      lintCommands(c, schema),
    ),
  );
  c.onNotification(DocumentStatusNotification, (p: DocumentStatusNotification.Params) => status.update(p));
  try {
    await c.start();
    void schema.sync();
  } catch (e) {
    log().error(`Could not start the TiDB language server: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { manager: m, explorer, results, queries, documents: docs, explain: ex, plans, backups };
}

/** The connection manager over the stored profiles; problems with stored profiles go to the log (and a password problem to a notice). */
function connectionManager(context: vscode.ExtensionContext): ConnectionManager {
  const store = settingsStore(context.secrets);
  const m = new ConnectionManager(store, {
    connectTimeoutMs,
    askPassword,
    notice: (msg) => {
      log().warn(msg);
      void vscode.window.showWarningMessage(msg);
    },
  });
  const problems = () => {
    store.list();
    for (const p of store.problems) log().warn(p);
    const password = store.problems.find((p) => /password/.test(p));
    if (password) void vscode.window.showWarningMessage(password);
  };
  problems();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tidb.connections')) {
        problems();
        m.fire({ kind: 'changed' });
      }
    }),
  );
  return m;
}

export async function deactivate(): Promise<void> {
  await Promise.allSettled([client?.stop(), manager?.dispose(), stopAllPlaygrounds()]);
  client = undefined;
  manager = undefined;
}
