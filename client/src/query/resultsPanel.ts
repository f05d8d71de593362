// The results view: one webview panel beside the editor that shows the latest
// run. Messages wait until the page says it is ready; copy and export are done
// here, from the rows of the run, in the format the user picked.
import { htmlLang, normalizeLocale } from '../../../core/l10n';
import * as vscode from 'vscode';
import { copyText } from '../clipboard';
import type { CopyFormat, FromResults, ToResults } from '../../../protocol/webviews/results';
import { log } from '../log';
import type { RunRecord } from './execute';
import { EXTENSIONS, formatCells, formatRows } from './format';
import { nonce } from '../nonce';
import { resultsHtml } from './resultsHtml';

export class ResultsPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private ready = false;
  private queue: ToResults[] = [];
  private record?: RunRecord;
  private cancelRun?: (runId: number) => void;
  /** for tests: every message the page sent */
  readonly received: FromResults[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows the panel (without taking focus) and returns a poster for a new run. */
  open(cancel: (runId: number) => void): (m: ToResults) => void {
    this.cancelRun = cancel;
    this.record = undefined;
    if (!this.panel) this.create();
    else this.panel.reveal(undefined, true);
    return (m) => this.post(m);
  }

  /** The finished run, for copy and export. */
  setRecord(r: RunRecord): void {
    this.record = r;
  }

  get lastRecord(): RunRecord | undefined {
    return this.record;
  }

  private create(): void {
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webviews');
    const panel = vscode.window.createWebviewPanel(
      'tidb.results',
      vscode.l10n.t('TiDB Results'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [root],
      },
    );
    const w = panel.webview;
    w.html = resultsHtml({
      cspSource: w.cspSource,
      nonce: nonce(),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(root, 'results.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(root, 'results.css')).toString(),
      l10n: { bundle: vscode.l10n.bundle, lang: htmlLang(normalizeLocale(vscode.env.language)) },
    });
    w.onDidReceiveMessage((m: FromResults) => this.onMessage(m));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
      this.queue = [];
    });
    this.panel = panel;
    this.ready = false;
  }

  private post(m: ToResults): void {
    if (!this.panel) return;
    if (!this.ready) this.queue.push(m);
    else void this.panel.webview.postMessage(m);
  }

  private async onMessage(m: FromResults): Promise<void> {
    this.received.push(m);
    switch (m.type) {
      case 'ready':
        this.ready = true;
        for (const q of this.queue.splice(0)) void this.panel?.webview.postMessage(q);
        return;
      case 'cancel':
        this.cancelRun?.(m.runId);
        return;
      case 'copy': {
        const set = this.record?.sets[m.set];
        if (!set)
          return void vscode.window.showWarningMessage(
            vscode.l10n.t('The rows are still arriving: copy again when the statement has finished.'),
          );
        const rows = m.rows === 'all' ? set.rows : m.rows.map((i) => set.rows[i]).filter(Boolean);
        const text = m.column !== undefined ? formatCells(rows, m.column) : formatRows(set.columns, rows, m.format);
        await copyText(text, copiedRows(rows.length, m.column !== undefined ? undefined : m.format.toUpperCase()));
        return;
      }
      case 'export':
        await this.export(m.set);
        return;
    }
  }

  async export(setIndex: number, format?: CopyFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const set = this.record?.sets[setIndex];
    if (!set) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Nothing to export yet: run a statement first, and wait for it to finish.'));
      return;
    }
    format ??= (
      await vscode.window.showQuickPick(
        (['csv', 'tsv', 'json', 'markdown'] as const).map((f) => ({ label: f.toUpperCase(), format: f })),
        { placeHolder: vscode.l10n.t('Export format') },
      )
    )?.format;
    if (!format) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target ??= await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `result-${setIndex + 1}.${EXTENSIONS[format]}`) : undefined,
      filters: { [format.toUpperCase()]: [EXTENSIONS[format]] },
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, Buffer.from(formatRows(set.columns, set.rows, format), 'utf8'));
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Exported {0} rows to {1}.', set.rows.length, vscode.workspace.asRelativePath(target)),
      );
      return target;
    } catch (e) {
      log().error(`Export failed: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.fsPath, (e as Error).message));
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** What a copy took, for the status bar's "Copied …": "3 rows as CSV", "1 row". */
function copiedRows(n: number, format: string | undefined): string {
  if (format === undefined) return n === 1 ? vscode.l10n.t('{0} row', n) : vscode.l10n.t('{0} rows', n);
  return n === 1 ? vscode.l10n.t('{0} row as {1}', n, format) : vscode.l10n.t('{0} rows as {1}', n, format);
}
