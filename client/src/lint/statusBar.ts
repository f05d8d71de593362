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
    this.item.name = vscode.l10n.t('TiDB Target Version');
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
    const v = version || '8.5';
    const checking =
      s?.source === 'config-file'
        ? vscode.l10n.t('Checking this file against **TiDB {0}** (from {1}).', v, s.configFile ?? '')
        : s?.source === 'settings'
          ? vscode.l10n.t('Checking this file against **TiDB {0}** (from the tidb.lint.targetVersion setting).', v)
          : s?.source === 'connection'
            ? vscode.l10n.t(
                'Checking this file against **TiDB {0}** (the version of the connected TiDB server, {1}).',
                v,
                s.connection ?? '',
              )
            : vscode.l10n.t('Checking this file against **TiDB {0}** (the default).', v);
    this.item.tooltip = new vscode.MarkdownString(`${checking}\n\n${vscode.l10n.t('Click to change the target version.')}`);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
