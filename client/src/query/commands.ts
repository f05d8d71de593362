// TiDB: Run Statement (the statement at the cursor, or the selection), Run File,
// Cancel. Progress in a cancellable notification; a production connection asks
// before statements that change data or schema, showing them.
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connections/manager';
import type { StoredProfile } from '../connections/store';
import type { CommandTable } from '../commandTable';
import { log } from '../log';
import type { DocumentConnections } from './documentConnection';
import { execute, type RunInput, type RunRecord } from './execute';
import type { ResultsPanel } from './resultsPanel';
import { statementAt, statementsOf, summary, type SqlStatement } from './statements';
import { setting } from '../settings';

export function rowLimit(): number {
  return Math.max(1, setting('query.rowLimit'));
}

function timeoutMs(): number {
  return Math.max(0, setting('query.timeout')) * 1000;
}

/**
 * Something that runs around a user's statements on a connection: the time machine opens a
 * read-only snapshot AS OF a time before them and ends it after, with a banner on the results.
 */
export interface RunWrapper {
  around(profileId: string):
    | {
        before: string;
        after: string;
        banner: string;
        /** a better message for an error the wrapper explains (a time outside the GC window) */
        explain(e: { errno?: number; message: string }): string | undefined;
      }
    | undefined;
}

export class QueryCommands {
  private running = new Map<number, AbortController>();
  private current?: AbortController;
  /** the time machine, once its feature is set up */
  wrapper?: RunWrapper;

  constructor(
    private readonly manager: ConnectionManager,
    private readonly docs: DocumentConnections,
    private readonly panel: ResultsPanel,
  ) {}

  async runStatement(editor = vscode.window.activeTextEditor): Promise<RunRecord | undefined> {
    if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a SQL file to run a statement.'));
    const doc = editor.document;
    const text = doc.getText();
    let stmts: SqlStatement[];
    let base = 0;
    if (!editor.selection.isEmpty) {
      base = doc.offsetAt(editor.selection.start);
      stmts = statementsOf(doc.getText(editor.selection));
    } else {
      const s = statementAt(text, doc.offsetAt(editor.selection.active));
      stmts = s ? [s] : [];
    }
    if (stmts.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('No SQL statement at the cursor.'));
    return this.run(
      doc,
      stmts.map((s) => ({ ...s, start: s.start + base })),
    );
  }

  async runFile(editor = vscode.window.activeTextEditor): Promise<RunRecord | undefined> {
    if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a SQL file to run it.'));
    const stmts = statementsOf(editor.document.getText());
    if (stmts.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('This file has no SQL statements.'));
    return this.run(editor.document, stmts);
  }

  /** Runs SQL that did not come from a document (explorer actions). */
  async runSql(profile: StoredProfile, sql: string): Promise<RunRecord | undefined> {
    return this.execute(
      profile,
      statementsOf(sql).map((s) => ({ sql: s.text, line: 0, writes: s.writes })),
    );
  }

  cancel(runId?: number): void {
    const ac = runId === undefined ? this.current : this.running.get(runId);
    ac?.abort();
  }

  private async run(doc: vscode.TextDocument, stmts: SqlStatement[]): Promise<RunRecord | undefined> {
    const profile = await this.docs.resolve(doc.uri);
    if (!profile) return;
    return this.execute(
      profile,
      stmts.map((s) => ({ sql: s.text, line: doc.positionAt(s.start).line, writes: s.writes })),
    );
  }

  private async execute(profile: StoredProfile, inputs: Array<RunInput & { writes: boolean }>): Promise<RunRecord | undefined> {
    if (profile.production) {
      const writes = inputs.filter((i) => i.writes);
      if (writes.length) {
        const shown = writes
          .slice(0, 5)
          .map((w) => `• ${summary(w.sql, 120)}`)
          .join('\n');
        const more = writes.length > 5 ? `\n${vscode.l10n.t('…and {0} more', writes.length - 5)}` : '';
        const run = vscode.l10n.t('Run');
        const ok = await vscode.window.showWarningMessage(
          writes.length === 1
            ? vscode.l10n.t('{0} is a production connection. Run this statement, which changes data or schema?', profile.name)
            : vscode.l10n.t(
                '{0} is a production connection. Run these {1} statements, which change data or schema?',
                profile.name,
                writes.length,
              ),
          { modal: true, detail: shown + more },
          run,
        );
        if (ok !== run) return;
      }
    }
    let session;
    try {
      session = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Connecting to {0}', profile.name) },
        () => this.manager.connect(profile.id),
      );
    } catch (e) {
      void vscode.window
        .showErrorMessage(
          vscode.l10n.t('Could not connect to {0}: {1}', profile.name, (e as Error).message),
          vscode.l10n.t('Edit Connection'),
        )
        .then((a) => {
          if (a) void vscode.commands.executeCommand('tidb.editConnection', profile.id);
        });
      return;
    }
    const around = this.wrapper?.around(profile.id);
    if (around) {
      try {
        await session.run(around.before);
      } catch (e) {
        const err = e as { errno?: number; message: string };
        void vscode.window.showErrorMessage(`${around.banner}: ${around.explain(err) ?? err.message}`);
        return;
      }
    }
    const ac = new AbortController();
    this.current = ac;
    let runId = 0;
    const post = this.panel.open((id) => this.cancel(id));
    const title = inputs.length === 1 ? summary(inputs[0].sql, 60) : vscode.l10n.t('{0} statements', inputs.length);
    // a status-bar spinner at once; a cancellable notification only when the run takes a while
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    let report: ((m: string) => void) | undefined;
    let done = 0;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `$(database) ${vscode.l10n.t('{0}: running', profile.name)}` },
      () => finished,
    );
    const slow = setTimeout(() => {
      void vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Running on {0}: {1}', profile.name, title),
          cancellable: true,
        },
        (progress, token) => {
          token.onCancellationRequested(() => ac.abort());
          report = (message) => progress.report({ message });
          if (done) report(vscode.l10n.t('{0} of {1}', done, inputs.length));
          return finished;
        },
      );
    }, 800);
    try {
      const rec = await execute(session, inputs, {
        rowLimit: rowLimit(),
        timeoutMs: timeoutMs(),
        signal: ac.signal,
        post: (m) => {
          if (m.type === 'run-start') {
            runId = m.runId;
            this.running.set(runId, ac);
            if (around) m = { ...m, banner: around.banner };
          }
          if (m.type === 'statement-end' && around && m.outcome.error) {
            const better = around.explain(m.outcome.error);
            if (better)
              m = { ...m, outcome: { ...m.outcome, error: { ...m.outcome.error, message: `${better} (${m.outcome.error.message})` } } };
          }
          if (m.type === 'statement-end' && inputs.length > 1) report?.(vscode.l10n.t('{0} of {1}', ++done, inputs.length));
          post(m);
        },
      });
      this.panel.setRecord(rec);
      const failed = rec.outcomes.find((o) => o.error);
      if (failed?.error && !failed.error.cancelled) {
        log().warn(`Statement failed on ${profile.name}: ${failed.error.message}`);
        vscode.window.setStatusBarMessage(`$(error) ${failed.error.message}`, 8000);
      }
      return rec;
    } finally {
      // the snapshot ends with the run; a lost connection ended it already
      if (around) await session.run(around.after).catch(() => undefined);
      clearTimeout(slow);
      finish();
      this.running.delete(runId);
      if (this.current === ac) this.current = undefined;
    }
  }
}

/** The commands that run SQL and handle its results. */
export function queryCommands(queries: QueryCommands, docs: DocumentConnections, results: ResultsPanel): CommandTable {
  return {
    'tidb.chooseConnection': () => docs.choose(),
    'tidb.runStatement': () => queries.runStatement(),
    'tidb.runFile': () => queries.runFile(),
    'tidb.cancelQuery': () => queries.cancel(),
    'tidb.exportResults': () => results.export(0),
  };
}
