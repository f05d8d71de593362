// Activation is small: the language client, the status bar items and every command and view
// registered, all from this bundle (dist/extension.js). The rest (connections and the MySQL driver,
// explorer, queries, EXPLAIN, backup) is dist/features.js, loaded the first time a command, a view
// or a restored plan panel needs it; Kubernetes is dist/kube.js, loaded later still.
import './sharedProtocol';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { useBundle } from '../../core/l10n';
import { DocumentStatusNotification } from '../../protocol/lsp';
import type { PlanState } from '../../protocol/webviews/plan';
import { settingsStore } from './connections/settingsStore';
import type { ConnectionStore } from './connections/store';
import type { Features, TidbToolkitApi } from './features';
import { createLanguageClient } from './languageClient';
import { LazyContent, LazyTree } from './lazyViews';
import { TargetVersionStatus } from './lint/statusBar';
import { log } from './log';
import { LimitExecutionTimeAction } from './performance/codeAction';
import { SQL_LANGUAGE_IDS } from '../../protocol/settings';
import { loadReport } from './loadReport';
import { DocumentConnections } from './query/documentConnection';

export type { TidbToolkitApi } from './features';

const DDL_SCHEME = 'tidb-ddl';
const PLAN_VIEW = 'tidb.plan';

let client: LanguageClient | undefined;
let features: Features | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TidbToolkitApi> {
  // the modules without a vscode import (l10n.t) speak the language VS Code loaded the bundle for
  useBundle(vscode.l10n.bundle, vscode.env.language);
  const status = new TargetVersionStatus();
  context.subscriptions.push(status, log());
  const loaded = loadReport();
  if (loaded) log().info(`Loaded ${path.basename(loaded.file)} in ${Math.round(loaded.ms)} ms (code cache: ${loaded.codeCache})`);
  const c = (client = createLanguageClient(context));
  const store = settingsStore(context.secrets);
  reportStoreProblems(context, store);
  let docs: DocumentConnections | undefined;
  const whenLoaded: Array<(f: Features) => void> = [];
  /** the features bundle, loaded and set up once */
  const load = (): Features => {
    if (!features) {
      const t0 = performance.now();
      const { createFeatures } = require('./features') as typeof import('./features');
      const f = (features = createFeatures({ context, client: c, store, documents: docs! }));
      log().info(`Loaded the connection, query, explain and backup features in ${Math.round(performance.now() - t0)} ms`);
      for (const w of whenLoaded.splice(0)) w(f);
      if (c.isRunning()) void f.schema.sync();
    }
    return features;
  };
  const host = connectionsHost(store, (w) => (features ? w(features) : whenLoaded.push(w)), load);
  docs = new DocumentConnections(host, context.workspaceState);
  const explorer = new LazyTree(() => load().explorer);
  const backupsView = new LazyTree(() => load().backupsView);
  const compareView = new LazyTree(() => load().compareView);
  context.subscriptions.push(
    docs,
    explorer,
    backupsView,
    vscode.window.createTreeView('tidb.explorer', { treeDataProvider: explorer, showCollapseAll: true }),
    vscode.window.createTreeView('tidb.backups', { treeDataProvider: backupsView }),
    compareView,
    vscode.window.createTreeView('tidb.schemaCompare', { treeDataProvider: compareView }),
    vscode.workspace.registerTextDocumentContentProvider(DDL_SCHEME, new LazyContent(() => load().ddl)),
    vscode.window.registerWebviewPanelSerializer(PLAN_VIEW, {
      deserializeWebviewPanel: (panel, state) => load().api.plans.restore!(panel, state as PlanState | undefined),
    }),
    ...commandStubs(context, (id) => load().commands[id as `tidb.${string}`]),
    vscode.languages.registerCodeActionsProvider(
      SQL_LANGUAGE_IDS.map((language) => ({ language })),
      new LimitExecutionTimeAction(),
      { providedCodeActionKinds: LimitExecutionTimeAction.kinds },
    ),
  );
  c.onNotification(DocumentStatusNotification, (p: DocumentStatusNotification.Params) => status.update(p));
  const started = c.start().then(
    // live schema: only when some document runs against a connection (else nothing to sync)
    () => (features ? features.schema.sync() : docs!.anyChosen ? load().schema.sync() : undefined),
    (e) => log().error(`Could not start the TiDB language server: ${e instanceof Error ? e.message : String(e)}`),
  );
  void started;
  return lazyApi(load);
}

/** Every command package.json contributes, registered now, run by the features bundle on first use. */
function commandStubs(context: vscode.ExtensionContext, handler: (id: string) => ((...args: unknown[]) => unknown) | undefined) {
  const ids = (
    (context.extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } }).contributes?.commands ?? []
  ).map((c) => c.command);
  return ids.map((id) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => {
      const run = handler(id);
      if (!run) throw new Error(vscode.l10n.t('TiDB Toolkit has no handler for {0}', id));
      return run(...args);
    }),
  );
}

/** The document connections' view of the connections: from the settings until the manager loads, then from it too. */
function connectionsHost(store: ConnectionStore, whenLoaded: (f: (features: Features) => void) => void, load: () => Features) {
  return {
    profile: (id: string) => store.get(id),
    sessionServer: (id: string) => features?.api.manager.session(id)?.server.raw,
    onDidChange(f: () => void): vscode.Disposable {
      const config = vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tidb.connections')) f();
      });
      // sessions opening and closing, once there is a manager
      let sub: { dispose(): void } | undefined;
      let disposed = false;
      whenLoaded((x) => {
        if (!disposed) sub = x.api.manager.onDidChange(() => f());
      });
      return new vscode.Disposable(() => {
        disposed = true;
        config.dispose();
        sub?.dispose();
      });
    },
    pick: (title: string) => load().pick(title),
  };
}

/** Problems with stored profiles go to the log (and a password problem to a notice). */
function reportStoreProblems(context: vscode.ExtensionContext, store: ConnectionStore): void {
  const problems = () => {
    store.list();
    for (const p of store.problems) log().warn(p);
    if (store.passwordProblem) void vscode.window.showWarningMessage(store.passwordProblem);
  };
  problems();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tidb.connections')) problems();
    }),
  );
}

/** The exported API: each part loads the features bundle when first read. */
function lazyApi(load: () => Features): TidbToolkitApi {
  const api = {} as TidbToolkitApi;
  for (const key of ['manager', 'explorer', 'results', 'queries', 'documents', 'explain', 'plans', 'backups', 'backupsView'] as const)
    Object.defineProperty(api, key, { enumerable: true, get: () => load().api[key] });
  return api;
}

export async function deactivate(): Promise<void> {
  await Promise.allSettled([client?.stop(), features?.deactivate()]);
  client = undefined;
  features = undefined;
}
