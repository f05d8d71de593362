// The TiDB sidebar: connections -> Cluster (TiDB only: topology, TiFlash replicas)
// and databases -> Tables / Views / Sequences (paged, filterable) -> Columns,
// Indexes, Partitions, TiFlash replica. Children load when a node is expanded.
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connections/manager';
import type { Session } from '../connections/session';
import { environmentColor } from '../connections/profile';
import type { StoredProfile } from '../connections/store';
import {
  countObjects,
  listColumns,
  listDatabases,
  listIndexes,
  listPartitions,
  listTables,
  tidbAutoRandom,
  type ColumnEntry,
  type IndexEntry,
  type TableEntry,
} from './catalog';
import type { TidbClusterInfo } from '../localCluster/kubeClusters';
import { PERF_KINDS, type PerfNode, PerformanceSettings, perfChildren, perfItem } from '../performance/tree';
import type { TimeMachine } from '../timeTravel/timeMachine';
import { TT_KINDS, type TtNode, ttChildren, ttItem } from '../timeTravel/tree';
import { hasKubeConfigFile, kube } from '../lazyKube';
import {
  clusterInfo,
  describeReplica,
  formatUptime,
  groupTopology,
  tiflashReplicas,
  type ClusterInstance,
  type TiFlashReplica,
} from './cluster';

export const PAGE_SIZE = 500;

export type Node =
  | { kind: 'connection'; profile: StoredProfile }
  | { kind: 'error'; connectionId: string; message: string }
  | { kind: 'info'; connectionId: string; label: string; tooltip?: string }
  | { kind: 'cluster'; connectionId: string }
  | { kind: 'instanceGroup'; connectionId: string; type: string; instances: ClusterInstance[] }
  | { kind: 'instance'; connectionId: string; instance: ClusterInstance }
  | { kind: 'replicas'; connectionId: string }
  | { kind: 'replica'; connectionId: string; replica: TiFlashReplica }
  | { kind: 'database'; connectionId: string; database: string }
  | { kind: 'folder'; connectionId: string; database: string; objects: TableEntry['kind']; count: number }
  | { kind: 'more'; connectionId: string; database: string; objects: TableEntry['kind']; shown: number; total: number }
  | { kind: 'object'; connectionId: string; database: string; entry: TableEntry }
  | { kind: 'columns' | 'indexes' | 'partitions'; connectionId: string; database: string; table: string; count?: number }
  | { kind: 'column'; connectionId: string; database: string; table: string; column: ColumnEntry; autoRandom?: number }
  | { kind: 'index'; connectionId: string; database: string; table: string; index: IndexEntry }
  | { kind: 'partition'; connectionId: string; database: string; table: string; name: string; description: string }
  | { kind: 'activity'; label: string; detail?: string }
  | { kind: 'k8s'; context: string }
  | { kind: 'k8sCluster'; info: TidbClusterInfo }
  | { kind: 'k8sInfo'; label: string; description?: string; ok?: boolean }
  | PerfNode
  | TtNode;

/** A folder's label, in the user's language. */
function folderLabel(objects: TableEntry['kind']): string {
  return objects === 'view' ? vscode.l10n.t('Views') : objects === 'sequence' ? vscode.l10n.t('Sequences') : vscode.l10n.t('Tables');
}
const FLAVOR = { tidb: 'TiDB', mysql: 'MySQL', mariadb: 'MariaDB' } as const;

/** The key of a folder's paging and filter state. */
const folderKey = (n: { connectionId: string; database: string; objects: string }) =>
  `${n.connectionId}\u0000${n.database}\u0000${n.objects}`;

const CONNECTION_KINDS = new Set<Node['kind']>(['activity', 'connection', 'error', 'info', 'k8s', 'k8sCluster', 'k8sInfo']);
const CLUSTER_KINDS = new Set<Node['kind']>(['cluster', 'instance', 'instanceGroup', 'replica', 'replicas']);

export class ExplorerProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private limits = new Map<string, number>();
  private filters = new Map<string, string>();
  private subs: vscode.Disposable[] = [];
  /** long work shown at the top of the tree (a local cluster being created) */
  private activity?: { label: string; detail?: string };
  /** the time machine's state, shown on its node (set once the time-travel feature is up) */
  timeMachine?: TimeMachine;

  constructor(
    private readonly manager: ConnectionManager,
    /** the Performance views' windows and orders */
    readonly performance = new PerformanceSettings(),
  ) {
    const sub = manager.onDidChange(() => this.refresh());
    this.subs.push({ dispose: () => sub.dispose() });
  }

  refresh(node?: Node): void {
    this.changed.fire(node);
  }

  setActivity(a: { label: string; detail?: string } | undefined): void {
    this.activity = a;
    this.refresh();
  }

  filterOf(n: { connectionId: string; database: string; objects: string }): string | undefined {
    return this.filters.get(folderKey(n));
  }

  setFilter(n: Extract<Node, { kind: 'folder' }>, filter: string | undefined): void {
    const k = folderKey(n);
    if (filter) this.filters.set(k, filter);
    else this.filters.delete(k);
    this.limits.delete(k);
    this.refresh(n);
  }

  showMore(n: Extract<Node, { kind: 'more' }>): void {
    const k = folderKey(n);
    this.limits.set(k, (this.limits.get(k) ?? PAGE_SIZE) + PAGE_SIZE);
    this.refresh();
  }

  getTreeItem(n: Node): vscode.TreeItem {
    if (PERF_KINDS.has(n.kind)) return perfItem(n as PerfNode, this.manager.session((n as PerfNode).connectionId), this.performance);
    if (TT_KINDS.has(n.kind)) return ttItem(n as TtNode, this.manager.session((n as TtNode).connectionId), this.timeMachine);
    if (CONNECTION_KINDS.has(n.kind)) return this.connectionItem(n);
    if (CLUSTER_KINDS.has(n.kind)) return this.clusterItem(n);
    return this.schemaItem(n);
  }

  /** Connections, Kubernetes clusters, progress and messages. */
  private connectionItem(n: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (n.kind) {
      case 'activity': {
        const item = new vscode.TreeItem(n.label, C.None);
        item.description = n.detail;
        item.tooltip = n.detail ? `${n.label}\n${n.detail}` : n.label;
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        return item;
      }
      case 'k8s': {
        const item = new vscode.TreeItem('Kubernetes', C.Collapsed);
        item.description = n.context;
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.tooltip = vscode.l10n.t('TiDB clusters (TiDB Operator v2 and v1) in the kubeconfig context {0}', n.context);
        return item;
      }
      case 'k8sCluster': {
        const item = new vscode.TreeItem(`${n.info.namespace}/${n.info.name}`, C.Collapsed);
        // `operator v2`: TiDB Operator's version, a name (kept as it is in every language)
        const operator = `operator ${n.info.operator}`;
        item.description = n.info.ready ? vscode.l10n.t('{0} · ready', operator) : vscode.l10n.t('{0} · not ready', operator);
        item.iconPath = new vscode.ThemeIcon(n.info.ready ? 'pass' : 'sync');
        item.contextValue = 'k8sCluster';
        return item;
      }
      case 'k8sInfo': {
        const item = new vscode.TreeItem(n.label, C.None);
        item.description = n.description;
        item.iconPath = new vscode.ThemeIcon(n.ok === undefined ? 'info' : n.ok ? 'pass' : 'warning');
        return item;
      }
      case 'connection': {
        const s = this.manager.session(n.profile.id);
        const item = new vscode.TreeItem(n.profile.name, C.Collapsed);
        item.id = `conn:${n.profile.id}`;
        const env = n.profile.environment;
        item.description = `${env ? `[${env}] ` : ''}${s ? `${FLAVOR[s.server.flavor]} ${s.server.version}` : `${n.profile.host}:${n.profile.port}`}`;
        const color = environmentColor(env) ?? (n.profile.production ? 'charts.red' : undefined);
        item.iconPath = new vscode.ThemeIcon(s ? 'database' : 'plug', color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = s ? 'connection.connected' : 'connection';
        const md = new vscode.MarkdownString();
        md.appendMarkdown(
          `**${escapeMd(n.profile.name)}**${n.profile.environment ? ` — ${escapeMd(n.profile.environment)}` : ''}${n.profile.production ? ` — ${vscode.l10n.t('production')}` : ''}\n\n`,
        );
        md.appendText(
          [
            `${n.profile.user}@${n.profile.host}:${n.profile.port}${n.profile.database ? `/${n.profile.database}` : ''}`,
            vscode.l10n.t('TLS: {0}', n.profile.tls),
            n.profile.scope === 'workspace' ? vscode.l10n.t('Saved in workspace settings') : vscode.l10n.t('Saved in user settings'),
            ...(s ? [vscode.l10n.t('Server: {0}', s.server.raw)] : []),
          ].join('\n'),
        );
        item.tooltip = md;
        return item;
      }
      case 'error': {
        const item = new vscode.TreeItem(n.message, C.None);
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.tooltip = `${n.message}\n\n${vscode.l10n.t('Click to try again.')}`;
        item.command = { command: 'tidb.explorer.retry', title: vscode.l10n.t('Retry'), arguments: [n.connectionId] };
        return item;
      }
      case 'info': {
        const item = new vscode.TreeItem(n.label, C.None);
        item.iconPath = new vscode.ThemeIcon('info');
        item.tooltip = n.tooltip;
        return item;
      }
    }
    throw new Error(`no tree item for ${n.kind}`);
  }

  /** A TiDB cluster's topology and TiFlash replicas. */
  private clusterItem(n: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (n.kind) {
      case 'cluster': {
        const item = new vscode.TreeItem(vscode.l10n.t('Cluster'), C.Collapsed);
        item.iconPath = new vscode.ThemeIcon('server-environment');
        item.contextValue = 'cluster';
        return item;
      }
      case 'instanceGroup': {
        const item = new vscode.TreeItem(
          `${n.type.toUpperCase() === 'TIDB' ? 'TiDB' : n.type === 'tikv' ? 'TiKV' : n.type === 'tiflash' ? 'TiFlash' : n.type === 'ticdc' ? 'TiCDC' : n.type.toUpperCase()}`,
          C.Expanded,
        );
        item.description =
          n.instances.length === 1 ? vscode.l10n.t('{0} instance', n.instances.length) : vscode.l10n.t('{0} instances', n.instances.length);
        item.iconPath = new vscode.ThemeIcon('server');
        return item;
      }
      case 'instance': {
        const i = n.instance;
        const item = new vscode.TreeItem(i.instance, C.None);
        item.description =
          i.uptimeSeconds !== undefined ? vscode.l10n.t('{0} · up {1}', i.version, formatUptime(i.uptimeSeconds)) : i.version;
        item.tooltip = [
          `${i.type} ${i.instance}`,
          vscode.l10n.t('Status address: {0}', i.statusAddress),
          vscode.l10n.t('Version: {0}', i.version),
          vscode.l10n.t('Git hash: {0}', i.gitHash),
          vscode.l10n.t('Started: {0}', i.startTime),
          vscode.l10n.t('Uptime: {0}', i.uptime),
        ].join('\n');
        item.iconPath = new vscode.ThemeIcon('vm');
        item.contextValue = 'instance';
        return item;
      }
      case 'replicas': {
        const item = new vscode.TreeItem(vscode.l10n.t('TiFlash Replicas'), C.Collapsed);
        item.iconPath = new vscode.ThemeIcon('layers');
        return item;
      }
      case 'replica': {
        const r = n.replica;
        const item = new vscode.TreeItem(`${r.schema}.${r.table}`, C.None);
        item.description = describeReplica(r);
        item.iconPath = new vscode.ThemeIcon(r.available && r.progress >= 1 ? 'pass' : 'sync');
        return item;
      }
    }
    throw new Error(`no tree item for ${n.kind}`);
  }

  /** Databases, their objects, columns, indexes and partitions. */
  private schemaItem(n: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (n.kind) {
      case 'database': {
        const item = new vscode.TreeItem(n.database, C.Collapsed);
        item.iconPath = new vscode.ThemeIcon('database');
        item.contextValue = 'database';
        item.id = `db:${n.connectionId}:${n.database}`;
        return item;
      }
      case 'folder': {
        const item = new vscode.TreeItem(folderLabel(n.objects), C.Collapsed);
        const f = this.filterOf(n);
        item.description = f ? vscode.l10n.t('{0} · filter: {1}', n.count, f) : String(n.count);
        item.iconPath = new vscode.ThemeIcon(f ? 'filter' : 'folder');
        item.contextValue = f ? 'folder.filtered' : 'folder';
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(vscode.l10n.t('Show {0} more…', Math.min(PAGE_SIZE, n.total - n.shown)), C.None);
        item.description = vscode.l10n.t('{0} of {1}', n.shown, n.total);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'tidb.explorer.showMore', title: vscode.l10n.t('Show More'), arguments: [n] };
        return item;
      }
      case 'object': {
        const e = n.entry;
        const item = new vscode.TreeItem(e.name, e.kind === 'sequence' ? C.None : C.Collapsed);
        item.iconPath = new vscode.ThemeIcon(e.kind === 'view' ? 'eye' : e.kind === 'sequence' ? 'symbol-number' : 'table');
        item.description =
          e.kind === 'table' && e.rows !== undefined ? vscode.l10n.t('~{0} rows', e.rows.toLocaleString('en-US')) : undefined;
        item.tooltip = `${n.database}.${e.name}${e.comment ? `\n${e.comment}` : ''}`;
        item.contextValue = e.kind;
        return item;
      }
      case 'columns':
      case 'indexes':
      case 'partitions': {
        const item = new vscode.TreeItem(
          n.kind === 'columns' ? vscode.l10n.t('Columns') : n.kind === 'indexes' ? vscode.l10n.t('Indexes') : vscode.l10n.t('Partitions'),
          C.Collapsed,
        );
        item.description = n.count === undefined ? undefined : String(n.count);
        item.iconPath = new vscode.ThemeIcon(n.kind === 'columns' ? 'symbol-field' : n.kind === 'indexes' ? 'key' : 'split-horizontal');
        return item;
      }
      case 'column': {
        const c = n.column;
        const item = new vscode.TreeItem(c.name, C.None);
        item.description = describeColumn(c, n.autoRandom);
        item.iconPath = new vscode.ThemeIcon(c.key === 'PRI' ? 'key' : 'symbol-field');
        item.contextValue = 'column';
        item.tooltip = `${c.name} ${item.description}`;
        return item;
      }
      case 'index': {
        const i = n.index;
        const item = new vscode.TreeItem(i.name, C.None);
        const flags = [i.unique ? 'UNIQUE' : '', i.clustered ?? '', i.visible ? '' : 'INVISIBLE'].filter(Boolean).join(' ');
        item.description = `(${i.columns.join(', ')})${flags ? ` ${flags}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(i.name === 'PRIMARY' ? 'key' : 'list-tree');
        return item;
      }
      case 'partition': {
        const item = new vscode.TreeItem(n.name, C.None);
        item.description = n.description;
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        return item;
      }
    }
    throw new Error(`no tree item for ${n.kind}`);
  }

  async getChildren(n?: Node): Promise<Node[]> {
    if (!n) {
      // the Kubernetes bundle loads only for a user who has a kubeconfig
      const kc = hasKubeConfigFile() ? (await kube()).defaultKubeConfig() : undefined;
      const out: Node[] = this.manager.profiles().map((profile) => ({ kind: 'connection', profile }));
      if (this.activity) out.unshift({ kind: 'activity', ...this.activity });
      if (kc) out.push({ kind: 'k8s', context: kc.getCurrentContext() });
      return out;
    }
    if (n.kind === 'k8s') {
      const k = await kube();
      const kc = k.defaultKubeConfig();
      if (!kc) return [];
      try {
        const list = await k.listTidbClusters(kc);
        return list.length
          ? list.map((info): Node => ({ kind: 'k8sCluster', info }))
          : [{ kind: 'k8sInfo', label: vscode.l10n.t('No TiDB clusters in this context') }];
      } catch (e) {
        return [{ kind: 'k8sInfo', label: vscode.l10n.t('Cannot list clusters: {0}', (e as Error).message), ok: false }];
      }
    }
    if (n.kind === 'k8sCluster')
      return n.info.components.map((c): Node => ({ kind: 'k8sInfo', label: c.component, description: c.status, ok: c.ready }));
    if (n.kind === 'k8sInfo' || n.kind === 'activity') return [];
    if (n.kind === 'connection') {
      let s: Session;
      try {
        s = await vscode.window.withProgress(
          { location: { viewId: 'tidb.explorer' }, title: vscode.l10n.t('Connecting to {0}', n.profile.name) },
          () => this.manager.connect(n.profile.id),
        );
      } catch (e) {
        return [{ kind: 'error', connectionId: n.profile.id, message: (e as Error).message }];
      }
      return this.connectionChildren(s);
    }
    const s = this.manager.session(n.connectionId);
    if (!s) return [];
    if (PERF_KINDS.has(n.kind) || TT_KINDS.has(n.kind)) {
      try {
        return PERF_KINDS.has(n.kind) ? await perfChildren(n as PerfNode, s, this.performance) : await ttChildren(n as TtNode, s);
      } catch (e) {
        return [{ kind: 'error', connectionId: n.connectionId, message: (e as Error).message }];
      }
    }
    try {
      return await s.withMeta((q) => this.children(s, q, n));
    } catch (e) {
      return [{ kind: 'error', connectionId: n.connectionId, message: (e as Error).message }];
    }
  }

  private async connectionChildren(s: Session): Promise<Node[]> {
    const id = s.profile.id;
    const out: Node[] = [];
    if (s.server.flavor === 'tidb') out.push({ kind: 'cluster', connectionId: id });
    else
      out.push({
        kind: 'info',
        connectionId: id,
        label: vscode.l10n.t('{0} {1}: not TiDB', FLAVOR[s.server.flavor], s.server.version),
        tooltip: `${s.server.raw}\n\n${vscode.l10n.t('The cluster topology and TiFlash replicas are TiDB-only; everything else works.')}`,
      });
    out.push({ kind: 'perf', connectionId: id }, { kind: 'tt', connectionId: id });
    try {
      const dbs = await s.withMeta((q) => listDatabases(q));
      out.push(...dbs.map((database): Node => ({ kind: 'database', connectionId: id, database })));
    } catch (e) {
      out.push({ kind: 'error', connectionId: id, message: (e as Error).message });
    }
    return out;
  }

  private async children(s: Session, q: import('mysql2/promise').Pool, n: Node): Promise<Node[]> {
    const id = s.profile.id;
    switch (n.kind) {
      case 'cluster': {
        const groups = groupTopology(await clusterInfo(q));
        return [
          ...groups.map((g): Node => ({ kind: 'instanceGroup', connectionId: id, type: g.type, instances: g.instances })),
          { kind: 'replicas', connectionId: id },
        ];
      }
      case 'instanceGroup':
        return n.instances.map((instance): Node => ({ kind: 'instance', connectionId: id, instance }));
      case 'replicas': {
        const list = await tiflashReplicas(q);
        return list.length
          ? list.map((replica): Node => ({ kind: 'replica', connectionId: id, replica }))
          : [
              {
                kind: 'info',
                connectionId: id,
                label: vscode.l10n.t('No table has a TiFlash replica'),
                tooltip: vscode.l10n.t('ALTER TABLE t SET TIFLASH REPLICA 1 adds one.'),
              },
            ];
      }
      case 'database': {
        const counts = await countObjects(q, n.database);
        const out: Node[] = [{ kind: 'folder', connectionId: id, database: n.database, objects: 'table', count: counts.table }];
        if (counts.view) out.push({ kind: 'folder', connectionId: id, database: n.database, objects: 'view', count: counts.view });
        if (counts.sequence)
          out.push({ kind: 'folder', connectionId: id, database: n.database, objects: 'sequence', count: counts.sequence });
        return out;
      }
      case 'folder': {
        const k = folderKey(n);
        const limit = this.limits.get(k) ?? PAGE_SIZE;
        const { tables, total } = await listTables(q, n.database, { kind: n.objects, filter: this.filters.get(k), limit });
        const out: Node[] = tables.map((entry) => ({ kind: 'object', connectionId: id, database: n.database, entry }));
        if (total > tables.length)
          out.push({ kind: 'more', connectionId: id, database: n.database, objects: n.objects, shown: tables.length, total });
        if (total === 0 && this.filters.get(k))
          out.push({ kind: 'info', connectionId: id, label: vscode.l10n.t("Nothing matches '{0}'", this.filters.get(k) ?? '') });
        return out;
      }
      case 'object': {
        const base = { connectionId: id, database: n.database, table: n.entry.name };
        const [cols, idx, parts] = await Promise.all([
          listColumns(q, n.database, n.entry.name),
          n.entry.kind === 'table' ? listIndexes(q, n.database, n.entry.name) : [],
          n.entry.kind === 'table' ? listPartitions(q, n.database, n.entry.name) : [],
        ]);
        const out: Node[] = [{ kind: 'columns', ...base, count: cols.length }];
        if (n.entry.kind === 'table') out.push({ kind: 'indexes', ...base, count: idx.length });
        if (parts.length) out.push({ kind: 'partitions', ...base, count: parts.length });
        if (s.server.flavor === 'tidb' && n.entry.kind === 'table') {
          const r = (await tiflashReplicas(q, n.database)).find((x) => x.table === n.entry.name);
          if (r) out.push({ kind: 'replica', connectionId: id, replica: r });
        }
        return out;
      }
      case 'columns': {
        const [cols, autoRandom] = await Promise.all([
          listColumns(q, n.database, n.table),
          s.server.flavor === 'tidb' ? tidbAutoRandom(q, n.database, n.table).catch(() => undefined) : undefined,
        ]);
        return cols.map(
          (column): Node => ({
            kind: 'column',
            connectionId: id,
            database: n.database,
            table: n.table,
            column,
            autoRandom: column.key === 'PRI' ? autoRandom : undefined,
          }),
        );
      }
      case 'indexes':
        return (await listIndexes(q, n.database, n.table)).map(
          (index): Node => ({ kind: 'index', connectionId: id, database: n.database, table: n.table, index }),
        );
      case 'partitions':
        return (await listPartitions(q, n.database, n.table)).map(
          (p): Node => ({
            kind: 'partition',
            connectionId: id,
            database: n.database,
            table: n.table,
            name: p.name,
            description: `${p.method} ${p.description}`.trim(),
          }),
        );
      default:
        return [];
    }
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subs) s.dispose();
  }
}

export function describeColumn(c: ColumnEntry, autoRandom?: number): string {
  const parts = [c.type];
  if (!c.nullable) parts.push('NOT NULL');
  if (autoRandom !== undefined) parts.push(`AUTO_RANDOM(${autoRandom})`);
  if (/auto_increment/i.test(c.extra)) parts.push('AUTO_INCREMENT');
  if (c.generated) parts.push(/STORED/i.test(c.extra) ? 'GENERATED STORED' : 'GENERATED VIRTUAL');
  else if (c.default !== null) parts.push(`DEFAULT ${c.default}`);
  return parts.join(' ');
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
