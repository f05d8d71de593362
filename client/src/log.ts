// One log output channel, "TiDB", with levels (the user picks the level in the Output view).
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  if (!channel) channel = vscode.window.createOutputChannel('TiDB', { log: true });
  return channel;
}
