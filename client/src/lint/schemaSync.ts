// Keeps the language server's live schema on the active document's connection:
// after a connect, a refresh, or a switch of document or connection. Sent through
// the tidb/schema request; snapshots are cached per connection until refreshed.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SchemaRequest, type SchemaSnapshot } from '../../../protocol/lsp';
import { schemaSnapshot } from '../explorer/catalog';
import { log } from '../log';
import type { DocumentConnections } from '../query/documentConnection';
import type { ConnectionManager } from '../connections/manager';

export class SchemaSync implements vscode.Disposable {
  private cache = new Map<string, Promise<SchemaSnapshot>>();
  private sentFor: string | null | undefined;
  private subs: vscode.Disposable[] = [];
  private seq = 0;

  constructor(
    private readonly client: LanguageClient,
    private readonly manager: ConnectionManager,
    private readonly docs: DocumentConnections,
  ) {
    const sub = manager.onDidChange((e) => {
      if (e.id) this.cache.delete(e.id);
      if (e.kind !== 'connected') this.sentFor = undefined;
      void this.sync();
    });
    this.subs.push(
      { dispose: () => sub.dispose() },
      docs.onDidChange(() => void this.sync()),
    );
  }

  /** Drops the cached snapshot of a connection (explorer refresh) and sends a fresh one. */
  invalidate(id?: string): Promise<void> {
    if (id) this.cache.delete(id);
    else this.cache.clear();
    this.sentFor = undefined;
    return this.sync();
  }

  async sync(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const profile = doc ? this.docs.get(doc.uri) : undefined;
    const session = profile ? this.manager.session(profile.id) : undefined;
    const id = session ? session.profile.id : null;
    if (id === this.sentFor) return;
    const mine = ++this.seq;
    try {
      let snap: SchemaSnapshot | null = null;
      if (session) {
        let p = this.cache.get(session.profile.id);
        if (!p) {
          p = session.withMeta((q) => schemaSnapshot(q, session.profile.name, session.profile.database));
          this.cache.set(session.profile.id, p);
          p.catch(() => this.cache.delete(session.profile.id));
        }
        snap = { ...(await p), server: { flavor: session.server.flavor, version: session.server.version } };
      }
      if (mine !== this.seq) return;
      if (!this.client.isRunning()) return;
      const r = await this.client.sendRequest(SchemaRequest, snap);
      this.sentFor = id;
      if (snap)
        log().info(
          `Live schema of ${snap.connection}: ${r.databases} databases, ${r.tables} tables, ${r.columns} columns${r.targetVersion ? `; target version ${r.targetVersion} from the server` : ''}`,
        );
    } catch (e) {
      log().warn(`Could not send the live schema to the language server: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
