// Which connection a SQL document runs against: the one picked for it (kept in
// workspace state), else the last one used. Shown in the status bar; click to switch.
import * as vscode from 'vscode';
import { environmentColor } from '../connections/profile';
import { SQL_LANGUAGE_IDS } from '../../../protocol/settings';
import type { StoredProfile } from '../connections/store';

/**
 * What the document connections need of the connections: profiles, whether one has a session, change
 * events, and a picker. The activation bundle provides it before the connection manager (and its
 * database driver) loads, so the status bar shows a document's connection without loading them.
 */
export interface ConnectionsHost {
  profile(id: string): StoredProfile | undefined;
  /** the server of an open session on the profile, if any */
  sessionServer(id: string): string | undefined;
  onDidChange(f: () => void): vscode.Disposable;
  pick(title: string): Promise<StoredProfile | undefined>;
}

const KEY = 'tidb.documentConnections';
const LAST = 'tidb.lastConnection';

export class DocumentConnections implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('tidb.connection', vscode.StatusBarAlignment.Right, 101);
  private subs: vscode.Disposable[] = [];
  private listeners = new Set<() => void>();

  constructor(
    private readonly host: ConnectionsHost,
    private readonly state: vscode.Memento,
  ) {
    this.item.name = vscode.l10n.t('TiDB Connection');
    this.item.command = 'tidb.chooseConnection';
    this.subs.push(vscode.window.onDidChangeActiveTextEditor(() => this.changed()));
    this.subs.push(host.onDidChange(() => this.changed()));
    this.render();
  }

  /** True when some document was given a connection (so live schema has something to sync). */
  get anyChosen(): boolean {
    return Object.keys(this.state.get<Record<string, string>>(KEY, {})).length > 0 || this.state.get<string>(LAST) !== undefined;
  }

  /** Called when the active document's connection may have changed. */
  onDidChange(f: () => void): vscode.Disposable {
    this.listeners.add(f);
    return new vscode.Disposable(() => this.listeners.delete(f));
  }

  private changed(): void {
    this.render();
    for (const f of this.listeners) f();
  }

  /** The connection for a document, if one is chosen or was used last and still exists. */
  get(uri: vscode.Uri): StoredProfile | undefined {
    const map = this.state.get<Record<string, string>>(KEY, {});
    const id = map[uri.toString()] ?? this.state.get<string>(LAST);
    return id ? this.host.profile(id) : undefined;
  }

  async set(uri: vscode.Uri, id: string): Promise<void> {
    const map = { ...this.state.get<Record<string, string>>(KEY, {}), [uri.toString()]: id };
    // keep the map from growing without bound
    const keys = Object.keys(map);
    for (const k of keys.slice(0, Math.max(0, keys.length - 500))) delete map[k];
    await this.state.update(KEY, map);
    await this.state.update(LAST, id);
    this.changed();
  }

  /** The document's connection, asking when there is none. */
  async resolve(uri: vscode.Uri): Promise<StoredProfile | undefined> {
    const p = this.get(uri);
    if (p) return p;
    return this.choose(uri);
  }

  async choose(uri?: vscode.Uri): Promise<StoredProfile | undefined> {
    uri ??= vscode.window.activeTextEditor?.document.uri;
    const p = await this.host.pick(vscode.l10n.t('Run this document against…'));
    if (p && uri) await this.set(uri, p.id);
    return p;
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !(SQL_LANGUAGE_IDS as readonly string[]).includes(doc.languageId)) {
      this.item.hide();
      return;
    }
    const p = this.get(doc.uri);
    if (!p) {
      this.item.text = `$(plug) ${vscode.l10n.t('No connection')}`;
      this.item.tooltip = vscode.l10n.t('Choose the TiDB connection to run this file against');
    } else {
      const s = this.host.sessionServer(p.id);
      this.item.text = `${s !== undefined ? '$(database)' : '$(plug)'} ${p.name}${p.environment ? ` [${p.environment}]` : ''}`;
      const where = `${p.user}@${p.host}:${p.port}`;
      this.item.tooltip = [
        s !== undefined ? `${where} — ${s}` : vscode.l10n.t('{0} — not connected yet', where),
        ...(p.production ? [vscode.l10n.t('Production: statements that change data or schema ask first')] : []),
        vscode.l10n.t('Click to switch.'),
      ].join('\n');
    }
    this.item.backgroundColor = p?.production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const color = p?.production ? undefined : environmentColor(p?.environment);
    this.item.color = color ? new vscode.ThemeColor(color) : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
