// Commands as data: each feature folder exports a table (command id → handler) and
// activate() registers them all in one loop. package.json contributes the same ids
// (test/unit/manifest.test.ts keeps the two in step).
import * as vscode from 'vscode';

/** VS Code passes a command whatever its caller gives (a tree item, a URI, arguments from another extension). */
// biome-ignore lint/suspicious/noExplicitAny: each handler checks or types its own arguments
export type CommandTable = Record<`tidb.${string}`, (...args: any[]) => unknown>;

export function registerCommands(...tables: CommandTable[]): vscode.Disposable[] {
  return tables.flatMap((t) => Object.entries(t).map(([id, run]) => vscode.commands.registerCommand(id, run)));
}
