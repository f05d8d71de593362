// Starts the bundled language server (dist/server.js) over IPC. The client id
// `tidb` matches the settings prefix, so `tidb.trace.server` works.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SQL_LANGUAGE_IDS } from '../../protocol/settings';
import { log } from './log';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // the server speaks the display language (LSP's locale) from the bundle VS Code loaded for the extension
    initializationOptions: { l10nBundle: vscode.l10n.uri?.fsPath },
    documentSelector: SQL_LANGUAGE_IDS.flatMap((language) => ['file', 'untitled', 'tidb-ddl'].map((scheme) => ({ scheme, language }))),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.tidb-lint.json') },
    outputChannel: log(),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationFailedHandler: (e) => {
      log().error(`The TiDB language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window
        .showErrorMessage(
          vscode.l10n.t('The TiDB language server failed to start. See the TiDB output channel, then run "TiDB: Restart Language Server".'),
          vscode.l10n.t('Show Output'),
        )
        .then((a) => {
          if (a) log().show();
        });
      return false;
    },
  };
  return new LanguageClient('tidb', 'TiDB', serverOptions, clientOptions);
}
