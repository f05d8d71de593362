// The Backups view: every backup made from VS Code, newest first; Restore… on each.
import * as vscode from 'vscode';
import type { BackupHistory, BackupRecord } from './history';

export class BackupsView implements vscode.TreeDataProvider<BackupRecord>, vscode.Disposable {
  private changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private sub: { dispose(): void };

  constructor(private readonly history: BackupHistory) {
    this.sub = history.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(r: BackupRecord): vscode.TreeItem {
    const item = new vscode.TreeItem(`${r.databases.join(', ')}`, vscode.TreeItemCollapsibleState.None);
    const size = r.bytes !== undefined ? ` · ${(r.bytes / 1024 / 1024).toFixed(1)} MB` : '';
    const method = { br: 'BR', operator: 'operator', 'operator-log': 'log backup (PITR)', logical: 'logical' }[r.method];
    item.description = `${new Date(r.createdAt).toLocaleString()} · ${method}${size}`;
    if (r.method === 'operator-log') item.label = `${r.connection}: every second since ${new Date(r.createdAt).toLocaleString()}`;
    item.tooltip = new vscode.MarkdownString().appendText(
      r.method === 'operator-log'
        ? `Log backup ${r.resource?.name ?? ''} of ${r.connection} to ${r.location}: with a full backup of the cluster, any second between the full backup and the log checkpoint can be restored (Restore to a Point in Time…).`
        : `${r.method === 'br' ? 'BR backup' : r.method === 'operator' ? 'Operator backup' : 'Logical export'} of ${r.databases.join(', ')} from ${r.connection} (${r.server})\n${r.location}${r.tables !== undefined ? `\n${r.tables} tables, ${r.rows} rows` : ''}${r.backupTs ? `\nTSO ${r.backupTs}` : ''}`,
    );
    item.iconPath = new vscode.ThemeIcon(r.method === 'operator-log' ? 'history' : r.method === 'br' ? 'cloud-upload' : 'archive');
    item.contextValue = r.method === 'operator-log' ? 'backup.log' : 'backup';
    return item;
  }

  getChildren(r?: BackupRecord): BackupRecord[] {
    return r ? [] : this.history.list();
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
