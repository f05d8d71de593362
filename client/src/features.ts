// Everything the extension does beyond the language client: connections (and the MySQL driver),
// the explorer, queries and results, EXPLAIN, backup, local clusters. esbuild writes it as its own
// bundle, dist/features.js, which extension.ts loads the first time a command, a view or a restored
// panel needs it; Kubernetes is a third bundle (localCluster/lazyKube.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { useBundle } from '../../core/l10n';
import { SQL_LANGUAGE_IDS } from '../../protocol/settings';
import { backupCommands } from './backup/commands';
import { BackupHistory } from './backup/history';
import { BackupsView } from './backup/view';
import type { CommandTable } from './commandTable';
import { askPassword, connectionCommands, connectTimeoutMs, pickConnection } from './connections/commands';
import { ConnectionManager } from './connections/manager';
import type { ConnectionStore, StoredProfile } from './connections/store';
import { ExplainCommands, explainCommands } from './explain/commands';
import { createPlanPanels, type PlanPanels } from './explain/planPanel';
import { DdlDocuments, explorerCommands, PortForwards } from './explorer/commands';
import { ExplorerProvider } from './explorer/tree';
import { lintCommands } from './lint/commands';
import { performanceCommands } from './performance/commands';
import { SlowInFile } from './performance/slowInFile';
import { SchemaCompareView, schemaCompareCommands } from './schemaCompare/view';
import { timeTravelCommands } from './timeTravel/commands';
import { pitrCommands } from './backup/pitr';
import { TimeMachine } from './timeTravel/timeMachine';
import { SchemaSync } from './lint/schemaSync';
import { localClusterCommands, stopAllPlaygrounds } from './localCluster/commands';
import { log } from './log';
import { QueryCommands, queryCommands } from './query/commands';
import type { DocumentConnections } from './query/documentConnection';
import { ResultsPanel } from './query/resultsPanel';

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
  backupsView: BackupsView;
}

/** What activation hands over: the parts it made before the features were needed. */
export interface Host {
  context: vscode.ExtensionContext;
  client: LanguageClient;
  store: ConnectionStore;
  documents: DocumentConnections;
}

export interface Features {
  api: TidbToolkitApi;
  commands: CommandTable;
  explorer: vscode.TreeDataProvider<unknown>;
  backupsView: vscode.TreeDataProvider<unknown>;
  compareView: vscode.TreeDataProvider<unknown>;
  ddl: vscode.TextDocumentContentProvider;
  schema: SchemaSync;
  /** the connection picker the document connections use */
  pick(title: string): Promise<StoredProfile | undefined>;
  deactivate(): Promise<void>;
}

export function createFeatures(host: Host): Features {
  // this bundle's own copy of @vscode/l10n: the same language as extension.js's
  useBundle(vscode.l10n.bundle, vscode.env.language);
  const { context, client: c, documents: docs } = host;
  const m = connectionManager(context, host.store);
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
  const backups = new BackupHistory(context.globalState);
  const backupsView = new BackupsView(backups);
  /** after Connect: the active document without a connection takes this one */
  const bindActiveDocument = async (p: StoredProfile) => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && !docs.get(doc.uri)) await docs.set(doc.uri, p.id);
  };
  const slowInFile = new SlowInFile(docs);
  const machine = new TimeMachine(docs);
  const compare = new SchemaCompareView();
  queries.wrapper = machine;
  explorer.timeMachine = machine;
  context.subscriptions.push(
    results,
    explorer,
    schema,
    forwards,
    plans,
    backupsView,
    slowInFile,
    machine,
    compare,
    explorer.performance.slowLoaded.event((e) => slowInFile.update(e.connectionId, e.name, e.list, e.window)),
    vscode.languages.registerCodeActionsProvider(
      SQL_LANGUAGE_IDS.map((language) => ({ language })),
      slowInFile,
      { providedCodeActionKinds: SlowInFile.kinds },
    ),
  );
  const commands: CommandTable = Object.assign(
    {},
    connectionCommands(m, bindActiveDocument),
    queryCommands(queries, docs, results),
    explainCommands(ex),
    explorerCommands(m, explorer, queries, docs, ddl, ex, forwards),
    performanceCommands(m, explorer, queries, docs, plans, slowInFile),
    timeTravelCommands(m, explorer, queries, machine),
    pitrCommands(backups),
    schemaCompareCommands(m, compare, ddl, docs),
    backupCommands(m, backups),
    localClusterCommands(context, m, (a) => explorer.setActivity(a)),
    lintCommands(c, schema),
  );
  return {
    api: { manager: m, explorer, results, queries, documents: docs, explain: ex, plans, backups, backupsView },
    commands,
    explorer: explorer as vscode.TreeDataProvider<unknown>,
    backupsView: backupsView as vscode.TreeDataProvider<unknown>,
    compareView: compare as vscode.TreeDataProvider<unknown>,
    ddl,
    schema,
    pick: (title) => pickConnection(m, title),
    deactivate: async () => {
      await Promise.allSettled([m.dispose(), stopAllPlaygrounds()]);
    },
  };
}

/** The connection manager over the stored profiles; problems with stored profiles go to the log (and a password problem to a notice). */
function connectionManager(context: vscode.ExtensionContext, store: ConnectionStore): ConnectionManager {
  const m = new ConnectionManager(store, {
    connectTimeoutMs,
    askPassword,
    notice: (msg) => {
      log().warn(msg);
      void vscode.window.showWarningMessage(msg);
    },
  });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tidb.connections')) m.fire({ kind: 'changed' });
    }),
  );
  return m;
}
