// Context actions of the explorer: refresh, filter, copy name, show CREATE (a
// read-only SQL document, linted like any other), generate SELECT, open table
// data, explain.
import { escapeId } from 'mysql2';
import * as vscode from 'vscode';
import { commentSafe } from '../../../core/sql/comment';
import { copyText } from '../clipboard';
import type { CommandTable } from '../commandTable';
import type { ConnectionManager } from '../connections/manager';
import type { QueryCommands } from '../query/commands';
import type { DocumentConnections } from '../query/documentConnection';
import { listColumns, showCreate } from './catalog';
import { newProfileId } from '../connections/store';
import type { ExplainCommands } from '../explain/commands';
import { kube } from '../lazyKube';
import type { ExplorerProvider, Node } from './tree';
import { setting } from '../settings';

export const DDL_SCHEME = 'tidb-ddl';

type ObjectNode = Extract<Node, { kind: 'object' }>;

/** Read-only documents for SHOW CREATE output: tidb-ddl:/<connection>/<db>/<name>.sql */
export class DdlDocuments implements vscode.TextDocumentContentProvider {
  private texts = new Map<string, string>();
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.texts.get(uri.toString()) ?? `-- ${vscode.l10n.t('This definition is no longer loaded: use Show CREATE Statement again.')}\n`
    );
  }
}

const qualified = (db: string, name: string) => `${escapeId(db)}.${escapeId(name)}`;

/** Port-forwards to TiDB pods opened by Connect (Kubernetes); closed when the extension stops. */
export class PortForwards implements vscode.Disposable {
  private readonly open: Array<{ close(): void }> = [];
  add(f: { close(): void }): void {
    this.open.push(f);
  }
  dispose(): void {
    for (const f of this.open.splice(0)) f.close();
  }
}

/** The explorer's context-menu and toolbar commands. */
export function explorerCommands(
  manager: ConnectionManager,
  tree: ExplorerProvider,
  queries: QueryCommands,
  docs: DocumentConnections,
  ddl: DdlDocuments,
  explain: ExplainCommands,
  forwards: PortForwards,
): CommandTable {
  const profileOf = (n: { connectionId: string }) => manager.store.get(n.connectionId);
  const session = async (n: { connectionId: string }) => manager.connect(n.connectionId);
  return {
    'tidb.explorer.refresh': (n?: Node) => {
      if (n?.kind === 'connection') manager.fire({ kind: 'changed', id: n.profile.id });
      tree.refresh(n?.kind === 'connection' ? undefined : n);
    },
    'tidb.explorer.retry': () => tree.refresh(),
    'tidb.explorer.showMore': (n: Extract<Node, { kind: 'more' }>) => tree.showMore(n),
    'tidb.explorer.filter': async (n: Extract<Node, { kind: 'folder' }>) => {
      if (n?.kind !== 'folder') return;
      const f = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter {0}', n.database),
        prompt: vscode.l10n.t('Show names that contain this text (empty: all)'),
        value: tree.filterOf(n) ?? '',
      });
      if (f !== undefined) tree.setFilter(n, f.trim() || undefined);
    },
    'tidb.explorer.clearFilter': (n: Extract<Node, { kind: 'folder' }>) => n?.kind === 'folder' && tree.setFilter(n, undefined),
    'tidb.explorer.copyName': async (n: Node) => {
      const name =
        n.kind === 'connection'
          ? n.profile.name
          : n.kind === 'database'
            ? n.database
            : n.kind === 'object'
              ? n.entry.name
              : n.kind === 'column'
                ? n.column.name
                : n.kind === 'instance'
                  ? n.instance.instance
                  : undefined;
      if (name === undefined) return;
      await copyText(name, name);
    },
    'tidb.explorer.showCreate': async (n: ObjectNode) => {
      const s = await session(n);
      let text: string;
      try {
        text = await s.withMeta((q) => showCreate(q, n.database, n.entry.name, n.entry.kind));
      } catch (e) {
        return void vscode.window.showErrorMessage(
          vscode.l10n.t('Could not read the definition of {0}: {1}', `${n.database}.${n.entry.name}`, (e as Error).message),
        );
      }
      const uri = vscode.Uri.from({
        scheme: DDL_SCHEME,
        path: `/${encodeURIComponent(s.profile.name)}/${encodeURIComponent(n.database)}/${encodeURIComponent(n.entry.name)}.sql`,
      });
      const what = `${n.database}.${n.entry.name}`;
      const header =
        n.entry.kind === 'view'
          ? vscode.l10n.t('view {0} on {1} ({2}), read-only', what, s.profile.name, s.server.raw)
          : n.entry.kind === 'sequence'
            ? vscode.l10n.t('sequence {0} on {1} ({2}), read-only', what, s.profile.name, s.server.raw)
            : vscode.l10n.t('table {0} on {1} ({2}), read-only', what, s.profile.name, s.server.raw);
      ddl.set(uri, `-- ${commentSafe(header)}\n${text};\n`);
      const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'sql');
      await vscode.window.showTextDocument(doc, { preview: true });
    },
    'tidb.explorer.generateSelect': async (n: ObjectNode) => {
      const s = await session(n);
      const cols = await s.withMeta((q) => listColumns(q, n.database, n.entry.name));
      const list = cols.length ? cols.map((c) => `  ${escapeId(c.name)}`).join(',\n') : '  *';
      const doc = await vscode.workspace.openTextDocument({
        language: 'sql',
        content: `SELECT\n${list}\nFROM ${qualified(n.database, n.entry.name)}\nLIMIT 100;\n`,
      });
      await docs.set(doc.uri, s.profile.id);
      await vscode.window.showTextDocument(doc);
    },
    'tidb.explorer.openTableData': async (n: ObjectNode) => {
      const p = profileOf(n);
      if (!p) return;
      const limit = Math.max(1, setting('query.tableDataRows'));
      return queries.runSql(p, `SELECT * FROM ${qualified(n.database, n.entry.name)} LIMIT ${limit}`);
    },
    'tidb.explorer.connectKubernetes': async (n: Extract<Node, { kind: 'k8sCluster' }>) => {
      if (n?.kind !== 'k8sCluster') return;
      const k = await kube();
      const kc = k.defaultKubeConfig();
      if (!kc) return;
      try {
        const pod = await k.tidbPod(kc, n.info);
        const fwd = await k.portForward(kc, n.info.namespace, pod);
        forwards.add(fwd);
        const name = `k8s: ${n.info.namespace}/${n.info.name}`;
        const existing = manager.profiles().find((p) => p.name === name);
        const id = existing?.id ?? newProfileId();
        if (existing) await manager.disconnect(id);
        await manager.store.save({ id, name, host: '127.0.0.1', port: fwd.port, user: 'root', tls: 'off' }, 'user');
        manager.fire({ kind: 'changed', id });
        void vscode.window.showInformationMessage(
          vscode.l10n.t("Forwarding 127.0.0.1:{0} to {1}:4000 while VS Code runs; the connection '{2}' uses it.", fwd.port, pod, name),
        );
      } catch (e) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Cannot connect to {0}: {1}', `${n.info.namespace}/${n.info.name}`, (e as Error).message),
        );
      }
    },
    'tidb.explorer.explain': async (n: ObjectNode) => {
      const p = profileOf(n);
      if (!p) return;
      return explain.explain(p, `SELECT * FROM ${qualified(n.database, n.entry.name)} LIMIT 100`, false, false);
    },
  };
}
