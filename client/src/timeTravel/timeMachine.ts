// The time machine: while it is on for a TiDB connection, Run Statement and Run File read the
// database as it was at the chosen time, in a read-only snapshot (START TRANSACTION READ ONLY AS OF
// TIMESTAMP … / ROLLBACK around each run), with a banner on the results and a status bar item that
// turns it off. Writes fail inside the snapshot, as they should.
import { format } from 'mysql2';
import * as vscode from 'vscode';
import type { RunWrapper } from '../query/commands';
import type { DocumentConnections } from '../query/documentConnection';
import { type AsOf, describeAsOf, explainHistoryError, type GcWindow, startReadOnlyAsOf } from './history';

interface On {
  asOf: AsOf;
  window?: GcWindow;
  name: string;
}

export class TimeMachine implements RunWrapper, vscode.Disposable {
  private readonly on = new Map<string, On>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;
  private readonly item = vscode.window.createStatusBarItem('tidb.timeMachine', vscode.StatusBarAlignment.Right, 102);
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly docs: DocumentConnections) {
    this.item.name = vscode.l10n.t('TiDB Time Machine');
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      docs.onDidChange(() => this.render()),
    );
  }

  get(connectionId: string): On | undefined {
    return this.on.get(connectionId);
  }

  set(connectionId: string, name: string, asOf: AsOf, window?: GcWindow): void {
    this.on.set(connectionId, { asOf, window, name });
    this.changed.fire(connectionId);
    this.render();
  }

  off(connectionId: string): void {
    if (!this.on.delete(connectionId)) return;
    this.changed.fire(connectionId);
    this.render();
  }

  banner(connectionId: string): string | undefined {
    const o = this.on.get(connectionId);
    return o && vscode.l10n.t('⏱ Time machine: {0} as of {1} — read-only, rows from the past', o.name, describeAsOf(o.asOf));
  }

  around(profileId: string): ReturnType<RunWrapper['around']> {
    const o = this.on.get(profileId);
    if (!o) return undefined;
    const q = startReadOnlyAsOf(o.asOf);
    return {
      before: format(q.sql, q.params as never[]),
      after: 'ROLLBACK',
      banner: this.banner(profileId)!,
      explain: (e) => explainHistoryError(e, o.window),
    };
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const profile = doc ? this.docs.get(doc.uri) : undefined;
    const o = profile ? this.on.get(profile.id) : undefined;
    if (!profile || !o) {
      this.item.hide();
      return;
    }
    this.item.text = vscode.l10n.t('$(history) as of {0}', describeAsOf(o.asOf));
    this.item.tooltip = vscode.l10n.t('{0}. Click to turn the time machine off.', this.banner(profile.id) ?? '');
    this.item.command = { command: 'tidb.timeTravel.off', title: vscode.l10n.t('Turn Off'), arguments: [{ connectionId: profile.id }] };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
    for (const s of this.subs) s.dispose();
  }
}
