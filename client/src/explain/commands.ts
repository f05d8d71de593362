// TiDB: Explain Statement, Explain Analyze Statement (the statement at the cursor,
// on the file's connection; ANALYZE runs it, so a statement that writes asks first),
// and Visualize Plan from Text (the selection, the file, the clipboard, or a file or
// editor the user picks; no connection).
import * as vscode from 'vscode';
import type { PlanView } from '../../../protocol/webviews/plan';
import { diagnose } from '../../../core/plan/diagnoses/index';
import type { PlanWarning } from '../../../core/plan/diagnoses/define';
import type { Plan } from '../../../core/plan/model';
import { PlanParseError, parsePlan } from '../../../core/plan/parse';
import type { RunResult } from '../connections/stream';
import type { ConnectionManager } from '../connections/manager';
import type { StatementError } from '../connections/session';
import type { StoredProfile } from '../connections/store';
import type { CommandTable } from '../commandTable';
import { log } from '../log';
import type { DocumentConnections } from '../query/documentConnection';
import { statementAt, statementsOf, summary } from '../query/statements';
import { explainQuery, planOfResult, resultToPlanText } from './explainSql';
import type { PlanPanels } from './planPanel';

/** A plan view from text, or a clear error; `version`: the TiDB server's, when the plan comes from a connection. */
export function viewFromText(text: string, title: string, source: string, version?: string): PlanView {
  return viewOf(parsePlan(text), text, title, source, version);
}

/** `version`: the TiDB server's, when the plan comes from a connection (the advice reads some estimates differently before v6.4). */
function viewOf(plan: Plan, raw: string, title: string, source: string, version?: string, warnings?: PlanWarning[]): PlanView {
  return { title, source, plan, diagnoses: diagnose(plan, { version, warnings }), raw };
}

const FLAVOR = { tidb: 'TiDB', mysql: 'MySQL', mariadb: 'MariaDB' } as const;

export class ExplainCommands {
  constructor(
    private readonly manager: ConnectionManager,
    private readonly docs: DocumentConnections,
    private readonly panels: PlanPanels,
  ) {}

  async explainAtCursor(analyze: boolean, editor = vscode.window.activeTextEditor): Promise<PlanView | undefined> {
    if (!editor)
      return void vscode.window.showInformationMessage(vscode.l10n.t('Open a SQL file and put the cursor in a statement to explain it.'));
    const doc = editor.document;
    const stmt = editor.selection.isEmpty
      ? statementAt(doc.getText(), doc.offsetAt(editor.selection.active))
      : statementsOf(doc.getText(editor.selection))[0];
    if (!stmt) return void vscode.window.showInformationMessage(vscode.l10n.t('No SQL statement at the cursor.'));
    const profile = await this.docs.resolve(doc.uri);
    if (!profile) return;
    return this.explain(profile, stmt.text, analyze, stmt.writes);
  }

  async explain(profile: StoredProfile, sql: string, analyze: boolean, writes: boolean): Promise<PlanView | undefined> {
    if (analyze && writes) {
      const ok = await vscode.window.showWarningMessage(
        profile.production
          ? vscode.l10n.t(
              'EXPLAIN ANALYZE runs the statement: this one changes data or schema on the production connection {0}. Run it?',
              profile.name,
            )
          : vscode.l10n.t('EXPLAIN ANALYZE runs the statement: this one changes data or schema on {0}. Run it?', profile.name),
        { modal: true, detail: summary(sql, 200) },
        vscode.l10n.t('Run EXPLAIN ANALYZE'),
      );
      if (!ok) return;
    }
    let session;
    try {
      session = await this.manager.connect(profile.id);
    } catch (e) {
      return void vscode.window.showErrorMessage(vscode.l10n.t('Could not connect to {0}: {1}', profile.name, (e as Error).message));
    }
    const q = explainQuery(session.server, sql, analyze);
    const title = summary(sql, 60);
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: analyze ? vscode.l10n.t('EXPLAIN ANALYZE on {0}', profile.name) : vscode.l10n.t('EXPLAIN on {0}', profile.name),
        cancellable: true,
      },
      async (_, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        let r: RunResult;
        try {
          try {
            r = await session.run(q.sql, { signal: ac.signal, rowLimit: 100_000, stopAtLimit: false });
          } catch (e) {
            if (!q.fallback || (e as StatementError).cancelled) throw e;
            log().info(`${q.sql.slice(0, 40)}… failed (${(e as Error).message}); trying the row format`);
            r = await session.run(q.fallback, { signal: ac.signal, rowLimit: 100_000, stopAtLimit: false });
          }
        } catch (e) {
          return void vscode.window.showErrorMessage(
            analyze
              ? vscode.l10n.t('EXPLAIN ANALYZE failed on {0}: {1}', profile.name, (e as Error).message)
              : vscode.l10n.t('EXPLAIN failed on {0}: {1}', profile.name, (e as Error).message),
          );
        }
        let raw = '';
        const server = FLAVOR[session.server.flavor];
        const source = analyze
          ? vscode.l10n.t('EXPLAIN ANALYZE on {0} ({1} {2})', profile.name, server, session.server.version)
          : vscode.l10n.t('EXPLAIN on {0} ({1} {2})', profile.name, server, session.server.version);
        try {
          raw = resultToPlanText(r);
          const view = viewOf(
            planOfResult(r),
            raw,
            title,
            q.note ? `${source} — ${q.note}` : source,
            session.server.flavor === 'tidb' ? session.server.version : undefined,
            // why MPP was blocked, why a hint was ignored: SHOW WARNINGS after the EXPLAIN
            session.server.flavor === 'tidb' ? r.warnings : undefined,
          );
          this.panels.show([view]);
          return view;
        } catch (e) {
          log().error(`Could not read the plan from ${profile.name}: ${(e as Error).message}\n${raw.slice(0, 2000)}`);
          return void vscode.window.showErrorMessage(
            vscode.l10n.t('Could not read the plan {0} returned: {1}. The output is in the TiDB log.', profile.name, (e as Error).message),
          );
        }
      },
    );
  }

  /**
   * From the selection if it holds a plan, else the active non-SQL file, else the
   * clipboard, else a file the user picks or a new editor to paste into. The
   * clipboard is read last, and in a browser (code-server, vscode.dev) only on
   * request: without permission VS Code shows a sticky error and the read waits for it.
   */
  async visualizeFromText(arg?: { text?: string; title?: string }): Promise<PlanView | undefined> {
    const failures: string[] = [];
    const { paste, open, read } = buttons();
    const tryShow = (text: string, title: string, from: TriedFrom): PlanView | undefined => {
      try {
        const view = viewFromText(text, title, pastedSource(from));
        this.panels.show([view]);
        return view;
      } catch (e) {
        if (!(e instanceof PlanParseError)) throw e;
        failures.push(failure(from, e.message));
      }
    };
    if (arg?.text)
      return (
        tryShow(arg.text, arg.title ?? vscode.l10n.t('plan'), 'text') ??
        void vscode.window.showErrorMessage(vscode.l10n.t('No EXPLAIN output: {0}', failures[0]))
      );
    const ed = vscode.window.activeTextEditor;
    if (ed && !ed.selection.isEmpty) {
      const view = tryShow(ed.document.getText(ed.selection), vscode.workspace.asRelativePath(ed.document.uri), 'selection');
      if (view) return view;
    } else if (ed && ed.document.languageId !== 'sql') {
      const text = ed.document.getText();
      const view =
        text.trim() && text.length < 5_000_000 ? tryShow(text, vscode.workspace.asRelativePath(ed.document.uri), 'file') : undefined;
      if (view) return view;
    }
    // A desktop VS Code reads the clipboard silently. In a browser the read needs a permission the page
    // rarely has, and VS Code then shows a sticky error and waits for it to be closed: read it only on request.
    const web = vscode.env.uiKind === vscode.UIKind.Web;
    if (!web) {
      const clip = await readClipboard();
      if (clip.text?.trim()) {
        const view = tryShow(clip.text, vscode.l10n.t('clipboard'), 'clipboard');
        if (view) return view;
      }
    }
    const why = failures.length
      ? vscode.l10n.t(
          'No EXPLAIN output in the {0}.',
          failures.reduce((a, b) => vscode.l10n.t('{0}; {1}', a, b)),
        )
      : vscode.l10n.t('No EXPLAIN output selected.');
    const pick = await vscode.window.showInformationMessage(
      web
        ? vscode.l10n.t(
            '{0} Paste the plan into a new editor, open a file with one, or read the clipboard (the browser may ask for permission).',
            why,
          )
        : vscode.l10n.t('{0} Paste the plan into a new editor, open a file with one.', why),
      paste,
      open,
      ...(web ? [read] : []),
    );
    if (pick === paste) return this.pasteIntoEditor();
    if (pick === read) {
      const clip = await readClipboard();
      if (clip.text?.trim())
        return (
          tryShow(clip.text, vscode.l10n.t('clipboard'), 'clipboard') ??
          void vscode.window.showErrorMessage(vscode.l10n.t('No EXPLAIN output in the clipboard: {0}', failures[failures.length - 1]))
        );
      const next = await vscode.window.showInformationMessage(
        vscode.l10n.t('The clipboard could not be read (or is empty). Paste the plan into a new editor instead?'),
        paste,
      );
      if (next === paste) return this.pasteIntoEditor();
      return;
    }
    if (pick === open) {
      const file = await pickPlanFile();
      if (!file) return;
      return (
        tryShow(file.text, file.title, 'file') ?? void vscode.window.showErrorMessage(`${file.title}: ${failures[failures.length - 1]}`)
      );
    }
  }

  /**
   * Opens an empty editor to paste a plan into (pasting works where reading the
   * clipboard does not). The viewer opens once the text holds a plan and has been
   * still for a moment, and follows later edits until the editor is closed.
   */
  async pasteIntoEditor(): Promise<PlanView | undefined> {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Paste the EXPLAIN or EXPLAIN ANALYZE output here (Ctrl+V): the plan viewer opens when it holds a plan.'),
    );
    return new Promise<PlanView | undefined>((resolve) => {
      let panel: vscode.WebviewPanel | undefined;
      let timer: NodeJS.Timeout | undefined;
      let first = true;
      const render = () => {
        const text = doc.getText();
        if (!text.trim()) return;
        let view: PlanView;
        try {
          view = viewFromText(text, vscode.l10n.t('pasted plan'), pastedSource('editor'));
        } catch (err) {
          if (!(err instanceof PlanParseError)) log().error(`Reading the pasted plan failed: ${(err as Error).message}`);
          return;
        }
        panel = panel ? this.panels.update(panel, [view]) : this.panels.show([view]);
        if (first) {
          first = false;
          resolve(view);
        }
      };
      const subs = [
        vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document !== doc) return;
          clearTimeout(timer);
          timer = setTimeout(render, 400);
        }),
        vscode.workspace.onDidCloseTextDocument((d) => {
          if (d !== doc) return;
          clearTimeout(timer);
          subs.forEach((x) => {
            x.dispose();
          });
          if (first) resolve(undefined);
        }),
      ];
    });
  }

  /** The second plan of a comparison: another editor holding a plan, the clipboard, or a file. */
  async pickOther(): Promise<PlanView | undefined> {
    type Item = vscode.QuickPickItem & { from: 'editor' | 'clipboard' | 'file'; doc?: vscode.TextDocument };
    const editors: Item[] = vscode.workspace.textDocuments
      .filter((d) => d.languageId !== 'sql' && !d.uri.scheme.startsWith('output') && d.getText().trim() && d.getText().length < 5_000_000)
      .filter((d) => {
        try {
          parsePlan(d.getText());
          return true;
        } catch {
          return false;
        }
      })
      .map((d) => ({
        label: `$(file-text) ${vscode.workspace.asRelativePath(d.uri)}`,
        description: vscode.l10n.t('open editor'),
        from: 'editor' as const,
        doc: d,
      }));
    const items: Item[] = [
      ...editors,
      { label: `$(clippy) ${vscode.l10n.t('From the clipboard')}`, from: 'clipboard' },
      { label: `$(file) ${vscode.l10n.t('From a file…')}`, from: 'file' },
    ];
    const pick = await vscode.window.showQuickPick(items, {
      placeHolder: vscode.l10n.t('The plan to compare with (for example the same statement after adding an index)'),
    });
    if (!pick) return;
    try {
      if (pick.from === 'editor')
        return viewFromText(pick.doc!.getText(), vscode.workspace.asRelativePath(pick.doc!.uri), vscode.l10n.t('editor'));
      if (pick.from === 'clipboard') {
        const clip = await readClipboard();
        if (clip.error || !clip.text?.trim()) {
          const why = clip.error
            ? vscode.l10n.t('The clipboard could not be read here (the browser has not granted clipboard access).')
            : vscode.l10n.t('The clipboard is empty.');
          const { paste, open } = buttons();
          const next = await vscode.window.showInformationMessage(
            vscode.l10n.t('{0} Paste the plan into an editor, then run Compare with… again and choose that editor, or open a file.', why),
            paste,
            open,
          );
          if (next === paste) {
            const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
            await vscode.window.showTextDocument(doc);
            return;
          }
          if (next !== open) return;
        } else return viewFromText(clip.text, vscode.l10n.t('clipboard'), pastedSource('clipboard'));
      }
      const file = await pickPlanFile();
      if (!file) return;
      return viewFromText(file.text, file.title, vscode.l10n.t('file'));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No plan to compare with: {0}', (e as Error).message));
    }
  }
}

/** The buttons of the "no plan" messages; a pick is compared with the same (localised) label. */
function buttons(): { paste: string; open: string; read: string } {
  return { paste: vscode.l10n.t('Paste into a New Editor'), open: vscode.l10n.t('Open File…'), read: vscode.l10n.t('Read Clipboard') };
}

type PastedFrom = 'text' | 'selection' | 'file' | 'clipboard' | 'editor';
/** where visualizeFromText looks for a plan */
type TriedFrom = Exclude<PastedFrom, 'editor'>;

/** The source line of a plan read from text. */
function pastedSource(from: PastedFrom): string {
  switch (from) {
    case 'text':
      return vscode.l10n.t('pasted (text)');
    case 'selection':
      return vscode.l10n.t('pasted (selection)');
    case 'file':
      return vscode.l10n.t('pasted (file)');
    case 'clipboard':
      return vscode.l10n.t('pasted (clipboard)');
    case 'editor':
      return vscode.l10n.t('pasted (editor)');
  }
}

/** Why a place held no plan: "selection: <the parser's reason>". */
function failure(from: TriedFrom, message: string): string {
  switch (from) {
    case 'text':
      return vscode.l10n.t('text: {0}', message);
    case 'selection':
      return vscode.l10n.t('selection: {0}', message);
    case 'file':
      return vscode.l10n.t('file: {0}', message);
    case 'clipboard':
      return vscode.l10n.t('clipboard: {0}', message);
  }
}

/** The clipboard's text, or why it could not be read. */
async function readClipboard(): Promise<{ text?: string; error?: string }> {
  try {
    return { text: await vscode.env.clipboard.readText() };
  } catch (e) {
    log().info(`Reading the clipboard failed: ${(e as Error).message}`);
    return { error: (e as Error).message };
  }
}

async function pickPlanFile(): Promise<{ text: string; title: string } | undefined> {
  const files = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { [vscode.l10n.t('EXPLAIN output')]: ['txt', 'log', 'json', 'out', 'sql', 'csv', 'md'], [vscode.l10n.t('All files')]: ['*'] },
  });
  if (!files?.[0]) return;
  return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(files[0])), title: vscode.workspace.asRelativePath(files[0]) };
}

/** The plan commands. */
export function explainCommands(explain: ExplainCommands): CommandTable {
  return {
    'tidb.explainStatement': () => explain.explainAtCursor(false),
    'tidb.explainAnalyzeStatement': () => explain.explainAtCursor(true),
    'tidb.visualizePlan': (arg?: { text?: string; title?: string }) => explain.visualizeFromText(arg),
  };
}
