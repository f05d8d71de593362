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
    item.description = `${new Date(r.createdAt).toLocaleString()} · ${r.method === 'br' ? 'BR' : r.method === 'operator' ? 'operator' : 'logical'}${size}`;
    item.tooltip = new vscode.MarkdownString().appendText(
      `${r.method === 'br' ? 'BR backup' : 'Logical export'} of ${r.databases.join(', ')} from ${r.connection} (${r.server})\n${r.location}${r.tables !== undefined ? `\n${r.tables} tables, ${r.rows} rows` : ''}${r.backupTs ? `\nTSO ${r.backupTs}` : ''}`,
    );
    item.iconPath = new vscode.ThemeIcon(r.method === 'br' ? 'cloud-upload' : 'archive');
    item.contextValue = 'backup';
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
