// Views registered at activation whose providers live in the features bundle: the provider loads
// (and with it the bundle) the first time VS Code asks the view for something.
import * as vscode from 'vscode';

export class LazyTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null>();
  readonly onDidChangeTreeData = this.changed.event;
  private real: vscode.TreeDataProvider<T> | undefined;
  private sub: vscode.Disposable | undefined;

  constructor(private readonly load: () => vscode.TreeDataProvider<T>) {}

  private provider(): vscode.TreeDataProvider<T> {
    if (!this.real) {
      this.real = this.load();
      this.sub = this.real.onDidChangeTreeData?.((e) => this.changed.fire(e ?? undefined));
    }
    return this.real;
  }

  getTreeItem(e: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider().getTreeItem(e);
  }

  getChildren(e?: T): vscode.ProviderResult<T[]> {
    return this.provider().getChildren(e);
  }

  dispose(): void {
    this.sub?.dispose();
    this.changed.dispose();
  }
}

export class LazyContent implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private real: vscode.TextDocumentContentProvider | undefined;
  private sub: vscode.Disposable | undefined;

  constructor(private readonly load: () => vscode.TextDocumentContentProvider) {}

  provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): vscode.ProviderResult<string> {
    if (!this.real) {
      this.real = this.load();
      this.sub = this.real.onDidChange?.((u) => this.changed.fire(u));
    }
    return this.real.provideTextDocumentContent(uri, token);
  }

  dispose(): void {
    this.sub?.dispose();
    this.changed.dispose();
  }
}
