// The open connections: one Session per profile, opened on first use and closed
// on disconnect or deactivate. Listeners hear about every change so the explorer,
// the status bar and the language server's schema follow. No VS Code imports.
import * as l10n from '@vscode/l10n';
import { Session, type SessionOptions } from './session';
import type { ConnectionStore, StoredProfile } from './store';

export interface ManagerHooks {
  connectTimeoutMs(): number;
  /** no password is stored for this profile: ask for one (undefined: the user cancelled) */
  askPassword?(profile: StoredProfile): Promise<string | undefined>;
  notice?(message: string): void;
}

export type ConnectionEvent = { kind: 'connected' | 'disconnected' | 'changed'; id?: string };

export class ConnectionManager {
  private sessions = new Map<string, Session>();
  private opening = new Map<string, Promise<Session>>();
  private listeners = new Set<(e: ConnectionEvent) => void>();

  constructor(
    readonly store: ConnectionStore,
    private readonly hooks: ManagerHooks,
  ) {}

  onDidChange(f: (e: ConnectionEvent) => void): { dispose(): void } {
    this.listeners.add(f);
    return { dispose: () => this.listeners.delete(f) };
  }

  fire(e: ConnectionEvent): void {
    for (const f of this.listeners) {
      try {
        f(e);
      } catch {
        // a listener's failure is its own
      }
    }
  }

  profiles(): StoredProfile[] {
    return this.store.list();
  }

  session(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  isConnected(id: string): boolean {
    return this.sessions.has(id);
  }

  /** The session of a profile, connecting first if needed. Rejects with a ConnectionError that says what to do. */
  connect(id: string): Promise<Session> {
    const open = this.sessions.get(id);
    if (open) return Promise.resolve(open);
    let p = this.opening.get(id);
    if (!p) {
      p = this.open(id).finally(() => this.opening.delete(id));
      this.opening.set(id, p);
    }
    return p;
  }

  private async open(id: string): Promise<Session> {
    const profile = this.store.get(id);
    if (!profile) throw new Error(l10n.t("No connection with id '{0}'. It may have been removed from the tidb.connections setting.", id));
    let password = await this.store.password(id);
    if (password === undefined && this.hooks.askPassword) {
      password = await this.hooks.askPassword(profile);
      if (password === undefined) throw new Error(l10n.t('Connecting to {0} was cancelled: no password given.', profile.name));
    }
    const opts: SessionOptions = { connectTimeoutMs: this.hooks.connectTimeoutMs(), notice: this.hooks.notice };
    const s = await Session.open(profile, password, opts);
    // a password typed at the prompt that worked is remembered
    if (password !== undefined && (await this.store.password(id)) === undefined) await this.store.setPassword(id, password);
    this.sessions.set(id, s);
    this.fire({ kind: 'connected', id });
    return s;
  }

  async disconnect(id: string): Promise<void> {
    const s = this.sessions.get(id);
    if (!s) return;
    this.sessions.delete(id);
    await s.close();
    this.fire({ kind: 'disconnected', id });
  }

  async dispose(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(all.map((s) => s.close()));
    this.listeners.clear();
  }
}
