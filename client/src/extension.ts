// Cheap activation: commands and the status bar are registered at once; the
// language server starts when VS Code activates us for a SQL document or a
// TiDB command (see activationEvents).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentStatusNotification } from '../../protocol/lsp';
import { createLanguageClient } from './languageClient';
import { lintWorkspace, setTargetVersion, showRuleDocumentation } from './lint/commands';
import { TargetVersionStatus } from './lint/statusBar';
import { log } from './log';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const status = new TargetVersionStatus();
  context.subscriptions.push(status, log());
  client = createLanguageClient(context);
  const c = client;
  context.subscriptions.push(
    vscode.commands.registerCommand('tidb.setTargetVersion', setTargetVersion),
    vscode.commands.registerCommand('tidb.lintWorkspace', () => lintWorkspace(c)),
    vscode.commands.registerCommand('tidb.showRuleDocumentation', (ruleId?: unknown) => showRuleDocumentation(c, ruleId)),
    vscode.commands.registerCommand('tidb.restartLanguageServer', async () => {
      log().info('Restarting the TiDB language server');
      await c.restart();
    }),
  );
  c.onNotification(DocumentStatusNotification.method, (p: DocumentStatusNotification.Params) => status.update(p));
  try {
    await c.start();
  } catch (e) {
    log().error(`Could not start the TiDB language server: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
