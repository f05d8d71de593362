// A real JSON-RPC client talking to the bundled dist/server.js over stdio,
// the way an editor does. Diagnostics are awaited as events, never slept for.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export class LspClient {
  readonly conn: ProtocolConnection;
  private proc: ChildProcess;
  private waiters: Array<{ uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> =
    [];
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** what workspace/configuration answers for the `tidb` section */
  settings: unknown = {};
  private versions = new Map<string, number>();

  /** `server`: another build of dist/server.js (the bench's before) */
  constructor(server = SERVER) {
    this.proc = spawn(process.execPath, [...(process.env.TIDB_LSP_EXEC_ARGV ?? '').split(' ').filter(Boolean), server, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc.stderr!.on('data', (d) => this.logs.push(String(d)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }

  /** `locale`: the client's display language (LSP's InitializeParams.locale, as vscode-languageclient sends it) */
  async initialize(locale?: string): Promise<void> {
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      locale,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      workspaceFolders: null,
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the next publishDiagnostics for `uri` that satisfies `pred`. */
  nextDiagnostics(
    uri: string,
    pred: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server log:\n${this.logs.join('')}`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        pred,
        resolve: (p) => {
          clearTimeout(t);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string, languageId = 'sql'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const p = this.nextDiagnostics(uri, (x) => x.version === 1);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return (await p).diagnostics;
  }

  /** Sends one change; resolves with the diagnostics published for the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const p = this.nextDiagnostics(uri, (x) => x.version === version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return (await p).diagnostics;
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async changeSettings(settings: unknown, uri: string): Promise<Diagnostic[]> {
    this.settings = settings;
    const p = this.nextDiagnostics(uri, (x) => x.version === this.version(uri));
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    return (await p).diagnostics;
  }

  async stop(): Promise<void> {
    try {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    // let the server exit by itself (it flushes profiles and logs), then make sure
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(resolve, 3000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
    this.proc.kill();
  }

  get pid(): number {
    return this.proc.pid!;
  }
}
