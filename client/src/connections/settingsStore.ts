// The stored connections, from the `tidb.connections` setting of each scope (passwords in SecretStorage).
// No database driver here: the activation bundle reads profiles for the status bar with it.
import * as vscode from 'vscode';
import { ConnectionStore, type SecretStore } from './store';

/** The `tidb.connections` setting of each scope. */
export function settingsStore(secrets: SecretStore): ConnectionStore {
  return new ConnectionStore(
    {
      read: (scope) => {
        const i = vscode.workspace.getConfiguration('tidb').inspect<unknown[]>('connections');
        return scope === 'user' ? i?.globalValue : i?.workspaceValue;
      },
      write: (scope, value) =>
        vscode.workspace
          .getConfiguration('tidb')
          .update('connections', value, scope === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace),
    },
    secrets,
  );
}
