// TiDB: Explain Statement, Explain Analyze Statement (the statement at the cursor,
// on the file's connection; ANALYZE runs it, so a statement that writes asks first),
// and Visualize Plan from Text (the selection, the clipboard or a file; no connection).
import * as vscode from 'vscode';
import type { PlanView } from '../../../protocol/webviews/plan';
import { diagnose } from '../../../server/src/plan/diagnoses/index';
import { parsePlan, PlanParseError } from '../../../server/src/plan/parse';
import type { ConnectionManager } from '../connections/manager';
import { StatementError } from '../connections/session';
import type { StoredProfile } from '../connections/store';
import { log } from '../log';
import type { DocumentConnections } from '../query/documentConnection';
import { statementAt, statementsOf, summary } from '../query/statements';
import { explainQuery, resultToPlanText } from './explainSql';
import type { PlanPanels } from './planPanel';

/** A plan view from text, or a clear error. */
export function viewFromText(text: string, title: string, source: string): PlanView {
  const plan = parsePlan(text);
  return { title, source, plan, diagnoses: diagnose(plan), raw: text };
}

const FLAVOR = { tidb: 'TiDB', mysql: 'MySQL', mariadb: 'MariaDB' } as const;

export class ExplainCommands {
  constructor(private readonly manager: ConnectionManager, private readonly docs: DocumentConnections, private readonly panels: PlanPanels) {}

  async explainAtCursor(analyze: boolean, editor = vscode.window.activeTextEditor): Promise<PlanView | undefined> {
    if (!editor) return void vscode.window.showInformationMessage('Open a SQL file and put the cursor in a statement to explain it.');
    const doc = editor.document;
    const stmt = editor.selection.isEmpty ? statementAt(doc.getText(), doc.offsetAt(editor.selection.active)) : statementsOf(doc.getText(editor.selection))[0];
    if (!stmt) return void vscode.window.showInformationMessage('No SQL statement at the cursor.');
    const profile = await this.docs.resolve(doc.uri);
    if (!profile) return;
    return this.explain(profile, stmt.text, analyze, stmt.writes);
  }

  async explain(profile: StoredProfile, sql: string, analyze: boolean, writes: boolean): Promise<PlanView | undefined> {
    if (analyze && writes) {
      const ok = await vscode.window.showWarningMessage(
        `EXPLAIN ANALYZE runs the statement: this one changes data or schema${profile.production ? ` on the production connection ${profile.name}` : ` on ${profile.name}`}. Run it?`,
        { modal: true, detail: summary(sql, 200) },
        'Run EXPLAIN ANALYZE',
      );
      if (!ok) return;
    }
    let session;
    try {
      session = await this.manager.connect(profile.id);
    } catch (e) {
      return void vscode.window.showErrorMessage(`Could not connect to ${profile.name}: ${(e as Error).message}`);
    }
    const q = explainQuery(session.server, sql, analyze);
    const title = summary(sql, 60);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${analyze ? 'EXPLAIN ANALYZE' : 'EXPLAIN'} on ${profile.name}`, cancellable: true }, async (_, token) => {
      const ac = new AbortController();
      token.onCancellationRequested(() => ac.abort());
      let text: string;
      try {
        let r;
        try {
          r = await session.run(q.sql, { signal: ac.signal, rowLimit: 100_000, stopAtLimit: false });
        } catch (e) {
          if (!q.fallback || (e as StatementError).cancelled) throw e;
          log().info(`${q.sql.slice(0, 40)}… failed (${(e as Error).message}); trying the row format`);
          r = await session.run(q.fallback, { signal: ac.signal, rowLimit: 100_000, stopAtLimit: false });
        }
        text = resultToPlanText(r);
      } catch (e) {
        return void vscode.window.showErrorMessage(`${analyze ? 'EXPLAIN ANALYZE' : 'EXPLAIN'} failed on ${profile.name}: ${(e as Error).message}`);
      }
      try {
        const view = viewFromText(text, title, `${analyze ? 'EXPLAIN ANALYZE' : 'EXPLAIN'} on ${profile.name} (${FLAVOR[session.server.flavor]} ${session.server.version})${q.note ? ` — ${q.note}` : ''}`);
        this.panels.show([view]);
        return view;
      } catch (e) {
        log().error(`Could not read the plan from ${profile.name}: ${(e as Error).message}\n${text.slice(0, 2000)}`);
        return void vscode.window.showErrorMessage(`Could not read the plan ${profile.name} returned: ${(e as Error).message}. The output is in the TiDB log.`);
      }
    });
  }

  /** From the selection if it holds a plan, else the clipboard, else a file the user picks. */
  async visualizeFromText(arg?: { text?: string; title?: string }): Promise<PlanView | undefined> {
    const tries: Array<{ text: string; title: string; source: string }> = [];
    if (arg?.text) tries.push({ text: arg.text, title: arg.title ?? 'plan', source: 'text' });
    else {
      const ed = vscode.window.activeTextEditor;
      if (ed && !ed.selection.isEmpty) tries.push({ text: ed.document.getText(ed.selection), title: vscode.workspace.asRelativePath(ed.document.uri), source: 'selection' });
      else if (ed && ed.document.languageId !== 'sql' && ed.document.getText().length < 5_000_000) tries.push({ text: ed.document.getText(), title: vscode.workspace.asRelativePath(ed.document.uri), source: 'file' });
      const clip = await vscode.env.clipboard.readText();
      if (clip.trim()) tries.push({ text: clip, title: 'clipboard', source: 'clipboard' });
    }
    let lastError = '';
    for (const t of tries) {
      try {
        const view = viewFromText(t.text, t.title, `pasted (${t.source})`);
        this.panels.show([view]);
        return view;
      } catch (e) {
        if (!(e instanceof PlanParseError)) throw e;
        lastError = `${t.source}: ${e.message}`;
      }
    }
    const pick = await vscode.window.showInformationMessage(
      tries.length ? `No EXPLAIN output in the ${tries.map((t) => t.source).join(' or ')} (${lastError}). Open a file with one?` : 'Select EXPLAIN output or copy it to the clipboard, or open a file with one.',
      'Open File…',
    );
    if (!pick) return;
    const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'EXPLAIN output': ['txt', 'log', 'json', 'out', 'sql'], 'All files': ['*'] } });
    if (!files?.[0]) return;
    const text = Buffer.from(await vscode.workspace.fs.readFile(files[0])).toString('utf8');
    try {
      const view = viewFromText(text, vscode.workspace.asRelativePath(files[0]), 'file');
      this.panels.show([view]);
      return view;
    } catch (e) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(files[0])}: ${(e as Error).message}`);
    }
  }

  /** The second plan of a comparison: the clipboard or a file. */
  async pickOther(): Promise<PlanView | undefined> {
    const clip = await vscode.env.clipboard.readText();
    const items = [{ label: '$(clippy) From the clipboard', from: 'clipboard' as const }, { label: '$(file) From a file…', from: 'file' as const }];
    const pick = await vscode.window.showQuickPick(items, { placeHolder: 'The plan to compare with (for example the same statement after adding an index)' });
    if (!pick) return;
    try {
      if (pick.from === 'clipboard') return viewFromText(clip, 'clipboard', 'pasted (clipboard)');
      const files = await vscode.window.showOpenDialog({ canSelectMany: false });
      if (!files?.[0]) return;
      return viewFromText(Buffer.from(await vscode.workspace.fs.readFile(files[0])).toString('utf8'), vscode.workspace.asRelativePath(files[0]), 'file');
    } catch (e) {
      void vscode.window.showErrorMessage(`No plan to compare with: ${(e as Error).message}`);
    }
  }
}
