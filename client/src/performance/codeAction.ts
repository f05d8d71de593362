// "Limit Execution Time (MAX_EXECUTION_TIME)…" in the light-bulb menu of a line with a SELECT. Part
// of the activation bundle, so it looks only at the cursor's line (a cursor move must cost nothing
// on a big file); the command then finds the statement and says so when it is not a query.
import * as vscode from 'vscode';

export const LIMIT_EXECUTION_TIME = 'tidb.performance.limitExecutionTime';

export class LimitExecutionTimeAction implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.RefactorRewrite];

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const line = doc.lineAt(range.start.line).text;
    if (line.length > 10_000 || !/\bselect\b/i.test(line)) return [];
    const action = new vscode.CodeAction(
      vscode.l10n.t('Limit Execution Time (MAX_EXECUTION_TIME)…'),
      vscode.CodeActionKind.RefactorRewrite,
    );
    action.command = {
      command: LIMIT_EXECUTION_TIME,
      title: action.title,
      arguments: [doc.uri.toString(), doc.offsetAt(range.start)],
    };
    return [action];
  }
}
