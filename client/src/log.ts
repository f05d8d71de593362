// One log output channel, "TiDB", with levels (the user picks the level in the Output view).
// The extension is three bundles (extension.js, features.js, kube.js), each with its own copy of this
// module: the channel is kept on globalThis so they all write to the same one.
import * as vscode from 'vscode';

const KEY = Symbol.for('tidb-toolkit.log');
const shared = globalThis as { [KEY]?: vscode.LogOutputChannel };

export function log(): vscode.LogOutputChannel {
  shared[KEY] ??= vscode.window.createOutputChannel('TiDB', { log: true });
  return shared[KEY];
}
