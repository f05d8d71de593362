// The Backups view: per cluster (or connection), what can be restored and to which times: each
// snapshot (logical export, BR, operator backup) restores to its own time; a log backup with a full
// backup restores to any second between the full backup's commit ts and the log checkpoint (read
// live from the operator when the cluster is expanded). Newest first; Restore… on each.
import * as vscode from 'vscode';
import { kube } from '../lazyKube';
import type { BackupHistory, BackupRecord } from './history';

/** A cluster's group, or its point-in-time range. Records are the BackupRecords themselves (the commands take them). */
type Group = { group: string; records: BackupRecord[] };
type Range = { range: string; record: BackupRecord; text: string; ok: boolean };
type Element = BackupRecord | Group | Range;

export class BackupsView implements vscode.TreeDataProvider<Element>, vscode.Disposable {
  private changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private sub: { dispose(): void };

  constructor(private readonly history: BackupHistory) {
    this.sub = history.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(e: Element): vscode.TreeItem {
    if ('group' in e) {
      const item = new vscode.TreeItem(e.group, vscode.TreeItemCollapsibleState.Expanded);
      const snapshots = e.records.filter((r) => r.method !== 'operator-log');
      const pitr = e.records.some((r) => r.method === 'operator-log');
      const latest = snapshots.length ? new Date(snapshots[0].createdAt).toLocaleString() : '';
      item.description = [
        snapshots.length === 1
          ? vscode.l10n.t('1 snapshot, latest {0}', latest)
          : snapshots.length
            ? vscode.l10n.t('{0} snapshots, latest {1}', snapshots.length, latest)
            : '',
        pitr ? vscode.l10n.t('point in time') : '',
      ]
        .filter(Boolean)
        .join(' · ');
      item.iconPath = new vscode.ThemeIcon('server-environment');
      item.tooltip = vscode.l10n.t(
        'What can be restored here: each snapshot to its own time; with a log backup and a full backup, any second in between.',
      );
      return item;
    }
    if ('range' in e) {
      const item = new vscode.TreeItem(e.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(e.ok ? 'history' : 'warning');
      item.contextValue = e.ok ? 'backup.range' : undefined;
      if (e.ok) item.command = { command: 'tidb.pitr.restore', title: vscode.l10n.t('Restore to a Point in Time…'), arguments: [e.record] };
      return item;
    }
    const r = e;
    const item = new vscode.TreeItem(`${r.databases.join(', ')}`, vscode.TreeItemCollapsibleState.None);
    const size = r.bytes !== undefined ? ` · ${(r.bytes / 1024 / 1024).toFixed(1)} MB` : '';
    const created = new Date(r.createdAt).toLocaleString();
    item.description = `${created} · ${methodLabel(r.method)}${size}`;
    if (r.method === 'operator-log') item.label = vscode.l10n.t('{0}: every second since {1}', r.connection, created);
    item.tooltip = new vscode.MarkdownString().appendText(r.method === 'operator-log' ? logTooltip(r) : snapshotTooltip(r));
    item.iconPath = new vscode.ThemeIcon(r.method === 'operator-log' ? 'history' : r.method === 'br' ? 'cloud-upload' : 'archive');
    item.contextValue = r.method === 'operator-log' ? 'backup.log' : 'backup';
    return item;
  }

  async getChildren(e?: Element): Promise<Element[]> {
    if (!e) {
      const groups = new Map<string, BackupRecord[]>();
      for (const r of this.history.list()) groups.set(r.connection, [...(groups.get(r.connection) ?? []), r]);
      return [...groups].map(([group, records]) => ({ group, records }));
    }
    if (!('group' in e)) return [];
    const logRec = e.records.find((r) => r.method === 'operator-log');
    return logRec ? [await this.range(logRec, e.records), ...e.records] : e.records;
  }

  /** The point-in-time range of a log backup: [the newest whole-cluster operator backup's commit ts, the log checkpoint now]. */
  private async range(logRec: BackupRecord, records: BackupRecord[]): Promise<Range> {
    const full = records.find((r) => r.method === 'operator' && r.databases.includes('*'));
    const none = (text: string): Range => ({ range: logRec.id, record: logRec, text, ok: false });
    if (!full) return none(vscode.l10n.t('Point in time: needs a full backup of the cluster (Backup… on it)'));
    try {
      const k = await kube();
      const kc = k.defaultKubeConfig();
      if (!kc || !logRec.resource) return none(vscode.l10n.t('Point in time: no kubeconfig to read the log backup'));
      const status = await k.readTaskStatus(kc, 'Backup', logRec.resource.namespace, logRec.resource.name);
      const w = k.restorableWindow({ commitTs: full.backupTs }, status);
      return w
        ? {
            range: logRec.id,
            record: logRec,
            ok: true,
            text: vscode.l10n.t('Point in time: any second from {0} to {1}', w.from.toLocaleString(), w.to.toLocaleString()),
          }
        : none(
            vscode.l10n.t(
              'Point in time: not yet (log checkpoint {0} is not past the full backup)',
              status?.logCheckpointTs ?? vscode.l10n.t('unknown'),
            ),
          );
    } catch (err) {
      return none(vscode.l10n.t('Point in time: cannot read the log backup ({0})', (err as Error).message));
    }
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}

/** How a record was made, as the view's description says it. */
function methodLabel(method: BackupRecord['method']): string {
  switch (method) {
    case 'br':
      return 'BR';
    case 'operator':
      return vscode.l10n.t('operator');
    case 'operator-log':
      return vscode.l10n.t('log backup (PITR)');
    case 'logical':
      return vscode.l10n.t('logical');
  }
}

function logTooltip(r: BackupRecord): string {
  return vscode.l10n.t(
    'Log backup {0} of {1} to {2}: with a full backup of the cluster, any second between the full backup and the log checkpoint can be restored (Restore to a Point in Time…).',
    r.resource?.name ?? '',
    r.connection,
    r.location,
  );
}

function snapshotTooltip(r: BackupRecord): string {
  const dbs = r.databases.join(', ');
  const head =
    r.method === 'br'
      ? vscode.l10n.t('BR backup of {0} from {1} ({2})', dbs, r.connection, r.server)
      : r.method === 'operator'
        ? vscode.l10n.t('Operator backup of {0} from {1} ({2})', dbs, r.connection, r.server)
        : vscode.l10n.t('Logical export of {0} from {1} ({2})', dbs, r.connection, r.server);
  const lines = [head, r.location];
  if (r.tables !== undefined) lines.push(vscode.l10n.t('{0} tables, {1} rows', r.tables, r.rows ?? 0));
  if (r.backupTs) lines.push(`TSO ${r.backupTs}`);
  return lines.join('\n');
}
