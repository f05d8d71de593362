// The TiDB language server: connection and capability wiring only; the work is
// in features/ and the engine in analysis/.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { bundleDir, useLocale } from '../../core/l10n';
import { localizedMeta } from '../../core/lint/ruleText';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  createConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FastTextDocument } from './textDocuments';
import { URI } from 'vscode-uri';
import { clearConfigCache } from '../../core/lint/config';
import { FrameGuard } from './frameGuard';
import { decodeSql } from './cli/input';
import { RULES } from '../../core/lint/rules';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { complete } from './features/completion';
import { Diagnostics } from './features/diagnostics';
import { hover } from './features/hover';
import { schemaProvider } from './features/liveSchema';
import { SettingsStore } from './features/settings';
import { documentSymbols, foldingRanges } from './features/symbols';
import {
  LintWorkspaceRequest,
  RulesRequest,
  SchemaRequest,
  schemaSnapshotProblem,
  ServerStatsRequest,
  type SchemaSnapshot,
} from '../../protocol/lsp';
import { SQL_LANGUAGE_IDS } from '../../protocol/settings';

// Over stdio, malformed frames are dropped instead of stopping the reader (see frameGuard.ts).
const connection = process.argv.includes('--stdio')
  ? createConnection(
      ProposedFeatures.all,
      new StreamMessageReader(process.stdin.pipe(new FrameGuard((why) => process.stderr.write(`TiDB language server: dropped ${why}\n`)))),
      new StreamMessageWriter(process.stdout),
    )
  : createConnection(ProposedFeatures.all);
// Stray console output must never corrupt the protocol stream.
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(' '));
console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`TiDB language server: uncaught ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`TiDB language server: unhandled rejection ${(e as Error)?.stack ?? e}`));

const documents = new TextDocuments(FastTextDocument);
let hasConfigurationCapability = false;
const settings = new SettingsStore(connection, () => hasConfigurationCapability);
const diagnostics = new Diagnostics(connection, RULES, settings);
let schema: SchemaSnapshot | undefined;

const isSql = (doc: TextDocument) => (SQL_LANGUAGE_IDS as readonly string[]).includes(doc.languageId);

connection.onInitialize((params): InitializeResult => {
  hasConfigurationCapability = Boolean(params.capabilities.workspace?.configuration);
  // the client's display language (LSP's locale) and its bundle (the extension's l10n/, next to dist/)
  const o = params.initializationOptions as { l10nBundle?: string } | undefined;
  if (o?.l10nBundle) useLocale(params.locale ?? 'en', path.dirname(o.l10nBundle));
  else useLocale(params.locale ?? 'en', bundleDir(__dirname));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['@', '.', '+'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'tidb-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (hasConfigurationCapability) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'tidb' });
});

const relintAll = () => {
  for (const d of documents.all()) if (isSql(d)) void diagnostics.validate(d);
};

connection.onDidChangeConfiguration(() => {
  settings.clear();
  relintAll();
});

connection.onDidChangeWatchedFiles((p) => {
  if (p.changes.some((c) => c.uri.endsWith('.tidb-lint.json'))) {
    clearConfigCache();
    settings.clear();
    relintAll();
  }
});

documents.onDidOpen((e) => {
  if (isSql(e.document)) void diagnostics.validate(e.document);
});
documents.onDidChangeContent((e) => {
  if (isSql(e.document)) void diagnostics.validate(e.document);
});
documents.onDidClose((e) => {
  settings.clear(e.document.uri);
  diagnostics.close(e.document.uri);
});

connection.onCodeAction((p) => {
  const doc = documents.get(p.textDocument.uri);
  const last = diagnostics.lastLint(p.textDocument.uri);
  if (!doc || !last || last.version !== doc.version) return [];
  return codeActions(doc, p, last.findings);
});

connection.onHover((p) => {
  const doc = documents.get(p.textDocument.uri);
  if (!doc) return null;
  const last = diagnostics.lastLint(p.textDocument.uri);
  return hover(doc, doc.offsetAt(p.position), last && last.version === doc.version ? last.findings : [], RULES);
});

connection.onCompletion((p) => {
  const doc = documents.get(p.textDocument.uri);
  if (!doc) return [];
  return complete(doc.getText(), doc.offsetAt(p.position), schema);
});

connection.onDocumentSymbol((p) => {
  const doc = documents.get(p.textDocument.uri);
  return doc ? documentSymbols(doc) : [];
});

connection.onFoldingRanges((p) => {
  const doc = documents.get(p.textDocument.uri);
  return doc ? foldingRanges(doc) : [];
});

connection.onRequest(SchemaRequest, (snap: SchemaRequest.Params): SchemaRequest.Result | ResponseError => {
  // a malformed snapshot is refused and the one in use is kept (completion goes on working)
  const problem = snap === null ? undefined : schemaSnapshotProblem(snap);
  if (problem) return new ResponseError(ErrorCodes.InvalidParams, `tidb/schema: ${problem}; the previous schema is kept`);
  schema = snap ?? undefined;
  diagnostics.schema = snap ? schemaProvider(snap) : undefined;
  diagnostics.resetCaches();
  const targetVersion = settings.setLiveTarget(snap?.server, snap?.connection ?? '');
  relintAll();
  const tables = snap?.databases.reduce((n, d) => n + d.tables.length, 0) ?? 0;
  const columns = snap?.databases.reduce((n, d) => n + d.tables.reduce((m, t) => m + t.columns.length, 0), 0) ?? 0;
  return { databases: snap?.databases.length ?? 0, tables, columns, targetVersion };
});

connection.onRequest(LintWorkspaceRequest, async (p: LintWorkspaceRequest.Params, token): Promise<LintWorkspaceRequest.Result> => {
  const failed: LintWorkspaceRequest.Result['failed'] = [];
  let linted = 0;
  for (const uri of p.uris) {
    if (token.isCancellationRequested) break;
    if (documents.get(uri)) {
      linted++;
      continue; // open documents are linted as they change
    }
    try {
      // as the CLI reads files: byte-order marks and UTF-16 honoured
      const text = decodeSql(await fs.readFile(URI.parse(uri).fsPath)).text;
      await diagnostics.validate(TextDocument.create(uri, 'sql', 0, text));
      diagnostics.forget(uri);
      linted++;
    } catch (e) {
      failed.push({ uri, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
  }
  return { linted, failed };
});

connection.onRequest(
  RulesRequest,
  (): RulesRequest.Result =>
    RULES.map((r) => localizedMeta(r.meta)).map(({ id, category, severity, versions, explanation, fix, docsUrl }) => ({
      id,
      category,
      severity,
      versions,
      explanation,
      fix,
      docsUrl,
    })),
);

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
connection.onRequest(ServerStatsRequest, (): ServerStatsRequest.Result => {
  const mem = process.memoryUsage();
  const r = {
    rssBytes: mem.rss,
    heapUsedBytes: mem.heapUsed,
    maxEventLoopDelayMs: loopDelay.max / 1e6,
    p99EventLoopDelayMs: loopDelay.percentile(99) / 1e6,
  };
  loopDelay.reset();
  return r;
});

documents.listen(connection);
connection.listen();
