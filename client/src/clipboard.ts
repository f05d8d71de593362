// Writing to the clipboard from the extension. In a browser VS Code (code-server,
// vscode.dev) the write goes through the page's Clipboard API, which a browser may
// refuse (no permission, no recent user gesture); then nothing is lost: the text
// opens in an editor to copy from.
import * as vscode from 'vscode';
import { log } from './log';

/** Copies `text`; `what` names it in the status bar ("3 rows as CSV"). Returns whether the clipboard took it. */
export async function copyText(text: string, what: string): Promise<boolean> {
  try {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}', what), 3000);
    return true;
  } catch (e) {
    log().info(`Writing to the clipboard failed: ${(e as Error).message}`);
    const open = await vscode.window.showWarningMessage(
      vscode.l10n.t('Could not copy {0}: the browser refused clipboard access. Open it in an editor to copy from there?', what),
      vscode.l10n.t('Open in Editor'),
    );
    if (open) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: text }));
    return false;
  }
}
