// Lint commands: set the target version, lint all workspace SQL files, show a
// rule's documentation.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LintWorkspaceRequest, RulesRequest } from '../../../protocol/lsp';
import { SUGGESTED_VERSIONS } from '../../../protocol/settings';
import type { CommandTable } from '../commandTable';
import { log } from '../log';
import type { SchemaSync } from './schemaSync';
import { setting } from '../settings';

const VERSION_RE = /^\d{1,2}\.\d{1,2}(\.\d{1,2})?$/;

export async function setTargetVersion(): Promise<void> {
  const current = setting('lint.targetVersion');
  const items: Array<vscode.QuickPickItem & { value?: string }> = [
    ...SUGGESTED_VERSIONS.map((v) => ({
      label: v,
      value: v,
      description: v === current ? vscode.l10n.t('current') : v === '8.5' ? vscode.l10n.t('LTS, the default') : undefined,
    })),
    { label: vscode.l10n.t('Other version…'), value: undefined },
    { label: vscode.l10n.t('Use .tidb-lint.json or the default'), value: '', description: vscode.l10n.t('clears the setting') },
  ];
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('TiDB: Set Target Version'),
    placeHolder: vscode.l10n.t('The TiDB version your SQL must run on'),
  });
  if (!pick) return;
  let value = pick.value;
  if (value === undefined) {
    value = await vscode.window.showInputBox({
      title: vscode.l10n.t('TiDB target version'),
      prompt: vscode.l10n.t('MAJOR.MINOR or MAJOR.MINOR.PATCH, for example 7.1 or 6.5.3'),
      value: current,
      validateInput: (v) => (VERSION_RE.test(v.trim()) ? undefined : vscode.l10n.t('Enter a version such as 8.5 or 7.1.3')),
    });
    if (value === undefined) return;
  }
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('tidb').update('lint.targetVersion', value.trim() || undefined, target);
}

export async function lintWorkspace(client: LanguageClient): Promise<void> {
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('TiDB: linting SQL files'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.sql', '**/{node_modules,.git}/**', undefined, token);
      if (token.isCancellationRequested) return;
      if (files.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('TiDB: no *.sql files in this workspace.'));
        return;
      }
      const batch = 20;
      let linted = 0;
      const failed: Array<{ uri: string; reason: string }> = [];
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += batch) {
        const uris = files.slice(i, i + batch).map((f) => f.toString());
        const r = await client.sendRequest(LintWorkspaceRequest, { uris }, token);
        linted += r.linted;
        failed.push(...r.failed);
        progress.report({
          increment: (100 * uris.length) / files.length,
          message: vscode.l10n.t('{0} of {1}', Math.min(i + batch, files.length), files.length),
        });
      }
      for (const f of failed) log().warn(`Could not lint ${f.uri}: ${f.reason}`);
      const summary = lintSummary(linted, token.isCancellationRequested, failed.length);
      log().info(summary);
      void vscode.window.showInformationMessage(summary, vscode.l10n.t('Open Problems')).then((a) => {
        if (a) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    },
  );
}

/** "TiDB: linted 3 SQL files (cancelled); 1 could not be read (see the TiDB output)." as one sentence per case. */
function lintSummary(linted: number, cancelled: boolean, failed: number): string {
  if (linted === 1) {
    if (cancelled)
      return failed
        ? vscode.l10n.t('TiDB: linted {0} SQL file (cancelled); {1} could not be read (see the TiDB output).', linted, failed)
        : vscode.l10n.t('TiDB: linted {0} SQL file (cancelled).', linted);
    return failed
      ? vscode.l10n.t('TiDB: linted {0} SQL file; {1} could not be read (see the TiDB output).', linted, failed)
      : vscode.l10n.t('TiDB: linted {0} SQL file.', linted);
  }
  if (cancelled)
    return failed
      ? vscode.l10n.t('TiDB: linted {0} SQL files (cancelled); {1} could not be read (see the TiDB output).', linted, failed)
      : vscode.l10n.t('TiDB: linted {0} SQL files (cancelled).', linted);
  return failed
    ? vscode.l10n.t('TiDB: linted {0} SQL files; {1} could not be read (see the TiDB output).', linted, failed)
    : vscode.l10n.t('TiDB: linted {0} SQL files.', linted);
}

export async function showRuleDocumentation(client: LanguageClient, ruleId?: unknown): Promise<void> {
  const rules = await client.sendRequest(RulesRequest);
  let rule = typeof ruleId === 'string' ? rules.find((r) => r.id === ruleId) : undefined;
  if (!rule) {
    const pick = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: `${r.category} · ${r.severity}`, detail: r.explanation, rule: r })),
      {
        title: vscode.l10n.t('TiDB: Show Rule Documentation'),
        matchOnDetail: true,
        placeHolder: vscode.l10n.t('Type to search the rules'),
      },
    );
    rule = pick?.rule;
  }
  if (rule) await vscode.env.openExternal(vscode.Uri.parse(rule.docsUrl));
}

/** The linting commands: target version, workspace lint, rule docs, the language server and its live schema. */
export function lintCommands(client: LanguageClient, schema: SchemaSync): CommandTable {
  return {
    'tidb.setTargetVersion': setTargetVersion,
    'tidb.lintWorkspace': () => lintWorkspace(client),
    'tidb.showRuleDocumentation': (ruleId?: unknown) => showRuleDocumentation(client, ruleId),
    'tidb.refreshSchema': () => schema.invalidate(),
    'tidb.restartLanguageServer': async () => {
      log().info('Restarting the TiDB language server');
      await client.restart();
      await schema.invalidate();
    },
  };
}
