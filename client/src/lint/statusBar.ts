// The status-bar item: the target TiDB version of the active SQL document
// (from the server, which knows settings and .tidb-lint.json), click to change.
import * as vscode from 'vscode';
import type { DocumentStatus } from '../../../protocol/lsp';
import { SQL_LANGUAGE_IDS } from '../../../protocol/settings';
import { setting } from '../settings';

export class TargetVersionStatus implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('tidb.targetVersion', vscode.StatusBarAlignment.Right, 100);
  private byUri = new Map<string, DocumentStatus>();
  private subs: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'TiDB Target Version';
    this.item.command = 'tidb.setTargetVersion';
    this.subs.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
    this.render();
  }

  update(s: DocumentStatus): void {
    this.byUri.set(s.uri, s);
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !(SQL_LANGUAGE_IDS as readonly string[]).includes(doc.languageId)) {
      this.item.hide();
      return;
    }
    const s = this.byUri.get(doc.uri.toString());
    const version = s?.targetVersion ?? setting('lint.targetVersion', doc.uri);
    this.item.text = `$(database) TiDB ${version || '8.5'}`;
    const from =
      s?.source === 'config-file'
        ? `from ${s.configFile}`
        : s?.source === 'settings'
          ? 'from the tidb.lint.targetVersion setting'
          : s?.source === 'connection'
            ? `the version of the connected TiDB server, ${s.connection}`
            : 'the default';
    this.item.tooltip = new vscode.MarkdownString(
      `Checking this file against **TiDB ${version || '8.5'}** (${from}).\n\nClick to change the target version.`,
    );
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
