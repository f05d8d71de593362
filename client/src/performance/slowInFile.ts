// The linter meets the cluster: a statement in a SQL file that ran slow on the file's connection
// gets an information diagnostic with its recent numbers and code actions to its plan. Matched by
// fingerprint (core/sql/fingerprint.ts: the statement's shape without values, as TiDB's digest
// normalizes it). The slow statements come from what the user loaded (the Slow Queries view, or
// Check File Against Slow Queries); nothing is fetched in the background.
import * as vscode from 'vscode';
import { formatDuration } from '../../../core/plan/units';
import type { DocumentConnections } from '../query/documentConnection';
import { describeWindow, type SlowDigest, type Window } from './queries';
import { byFingerprint, slowStatements } from './slowMatch';
import type { PerfNode } from './tree';

const SOURCE = 'tidb-slow';
/** Files larger than this are not matched (splitting them on every edit would cost more than it tells). */
const MAX_TEXT = 2_000_000;

interface Known {
  name: string;
  window: Window;
  byPrint: Map<string, SlowDigest>;
}

export class SlowInFile implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly known = new Map<string, Known>();
  /** the entry behind each diagnostic, for the code actions */
  private readonly entries = new WeakMap<vscode.Diagnostic, PerfNode>();
  private readonly subs: vscode.Disposable[] = [];
  private timer?: NodeJS.Timeout;

  constructor(private readonly docs: DocumentConnections) {
    this.subs.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.apply(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.later(e.document)),
      docs.onDidChange(() => this.applyAll()),
    );
  }

  /** What the server reported as slow on a connection, in a window: every open file on it is matched again. */
  update(connectionId: string, name: string, list: SlowDigest[], window: Window): void {
    this.known.set(connectionId, { name, window, byPrint: byFingerprint(list) });
    this.applyAll();
  }

  /** How many statements of `doc` are slow (after `update`). */
  count(doc: vscode.TextDocument): number {
    return this.collection.get(doc.uri)?.length ?? 0;
  }

  private applyAll(): void {
    for (const d of vscode.workspace.textDocuments) this.apply(d);
  }

  private later(doc: vscode.TextDocument): void {
    if (!this.collection.has(doc.uri)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.apply(doc), 500);
  }

  private apply(doc: vscode.TextDocument): void {
    if (!['sql', 'mysql', 'tidb-sql'].includes(doc.languageId)) return;
    const profile = this.docs.get(doc.uri);
    const known = profile && this.known.get(profile.id);
    const text = known ? doc.getText() : '';
    if (!profile || !known || known.byPrint.size === 0 || text.length > MAX_TEXT) {
      this.collection.delete(doc.uri);
      return;
    }
    const out: vscode.Diagnostic[] = [];
    for (const { start: at, digest: d } of slowStatements(text, known.byPrint)) {
      const start = doc.positionAt(at);
      const line = doc.lineAt(start.line);
      const diag = new vscode.Diagnostic(new vscode.Range(start, line.range.end), message(d, known), vscode.DiagnosticSeverity.Information);
      diag.source = SOURCE;
      diag.code = 'slow-query';
      this.entries.set(diag, { kind: 'perfSlow', connectionId: profile.id, item: d, window: known.window });
      out.push(diag);
    }
    this.collection.set(doc.uri, out);
  }

  provideCodeActions(_doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    for (const diag of ctx.diagnostics) {
      const entry = diag.source === SOURCE ? this.entries.get(diag) : undefined;
      if (entry?.kind !== 'perfSlow') continue;
      const open = new vscode.CodeAction(vscode.l10n.t('Open the plan of its slowest run'), vscode.CodeActionKind.QuickFix);
      open.command = { command: 'tidb.performance.openPlan', title: open.title, arguments: [entry] };
      open.diagnostics = [diag];
      out.push(open);
      if (entry.item.planCount > 1) {
        const compare = new vscode.CodeAction(vscode.l10n.t('Compare its {0} plans', entry.item.planCount), vscode.CodeActionKind.QuickFix);
        compare.command = { command: 'tidb.performance.comparePlans', title: compare.title, arguments: [entry] };
        compare.diagnostics = [diag];
        out.push(compare);
      }
    }
    return out;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.collection.dispose();
    for (const s of this.subs) s.dispose();
  }
}

/** The window as a sentence names it: "the last hour", or the range. */
function windowPhrase(w: Window): string {
  if (!('last' in w)) return describeWindow(w);
  switch (w.last) {
    case 15 * 60:
      return vscode.l10n.t('the last 15 minutes');
    case 3600:
      return vscode.l10n.t('the last hour');
    case 24 * 3600:
      return vscode.l10n.t('the last 24 hours');
    default:
      return vscode.l10n.t('the last {0} s', w.last);
  }
}

function message(d: SlowDigest, k: Known): string {
  const ms = (v: number) => formatDuration(v * 1e6);
  const args = [k.name, d.execCount, windowPhrase(k.window), ms(d.maxMs), ms(d.avgMs), d.planCount] as const;
  const plans = d.planCount > 1;
  const pseudo = d.pseudoCount > 0;
  if (d.execCount === 1) {
    if (plans && pseudo)
      return vscode.l10n.t(
        'Slow on {0}: {1} run in {2}, max {3}, avg {4} ({5} plans, pseudo statistics). Quick fix: open its plan.',
        ...args,
      );
    if (plans) return vscode.l10n.t('Slow on {0}: {1} run in {2}, max {3}, avg {4} ({5} plans). Quick fix: open its plan.', ...args);
    if (pseudo)
      return vscode.l10n.t('Slow on {0}: {1} run in {2}, max {3}, avg {4} (pseudo statistics). Quick fix: open its plan.', ...args);
    return vscode.l10n.t('Slow on {0}: {1} run in {2}, max {3}, avg {4}. Quick fix: open its plan.', ...args);
  }
  if (plans && pseudo)
    return vscode.l10n.t(
      'Slow on {0}: {1} runs in {2}, max {3}, avg {4} ({5} plans, pseudo statistics). Quick fix: open its plan.',
      ...args,
    );
  if (plans) return vscode.l10n.t('Slow on {0}: {1} runs in {2}, max {3}, avg {4} ({5} plans). Quick fix: open its plan.', ...args);
  if (pseudo)
    return vscode.l10n.t('Slow on {0}: {1} runs in {2}, max {3}, avg {4} (pseudo statistics). Quick fix: open its plan.', ...args);
  return vscode.l10n.t('Slow on {0}: {1} runs in {2}, max {3}, avg {4}. Quick fix: open its plan.', ...args);
}
