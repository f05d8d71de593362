// Findings -> LSP diagnostics. Each document keeps the engine's per-statement
// cache, so an edit re-analyses only the statements it touched; a newer version
// cancels work on an older one, and long runs yield to the event loop.
import { localizedDocsUrl } from '../../../core/l10n';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, DiagnosticTag, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LintCache, lintTextAsync, type Finding } from '../../../core/lint/engine';
import type { SchemaProvider } from '../../../core/sql/schema';
import type { RuleDefinition, RuleMeta, Severity, Tag } from '../../../core/lint/rule';
import type { SettingsStore } from './settings';
import { DocumentStatusNotification } from '../../../protocol/lsp';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A rule's tags (options TiDB parses and ignores are faded; syntax MySQL 8.0 deprecates is struck through). */
const TAG: Record<Tag, DiagnosticTag> = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated };

export interface DocumentLint {
  version: number;
  findings: Finding[];
}

interface DocState {
  cache: LintCache;
  last?: DocumentLint;
  /** the version being linted, and how to stop it */
  running?: { version: number; cancelled: boolean };
}

export class Diagnostics {
  private docs = new Map<string, DocState>();
  schema?: SchemaProvider;

  constructor(
    private readonly connection: Connection,
    private readonly rules: readonly RuleDefinition[],
    private readonly settings: SettingsStore,
  ) {}

  /** The findings behind the diagnostics last published for a document version. */
  lastLint(uri: string): DocumentLint | undefined {
    return this.docs.get(uri)?.last;
  }

  /** Lints a document version and publishes it, unless a newer version arrives first. */
  async validate(doc: TextDocument): Promise<void> {
    let st = this.docs.get(doc.uri);
    if (!st) this.docs.set(doc.uri, (st = { cache: new LintCache() }));
    if (st.running) st.running.cancelled = true;
    const run = { version: doc.version, cancelled: false };
    st.running = run;
    const s = await this.settings.get(doc.uri);
    if (run.cancelled) return;
    const status: DocumentStatusNotification.Params = { uri: doc.uri, ...s.status };
    void this.connection.sendNotification(DocumentStatusNotification, status);
    if (!s.enable) {
      st.last = { version: doc.version, findings: [] };
      st.running = undefined;
      void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    const text = doc.getText();
    let result;
    try {
      result = await lintTextAsync(
        text,
        this.rules,
        { config: s.config, configFile: s.configFile, schema: this.schema, cache: st.cache },
        () => run.cancelled,
      );
    } catch (e) {
      // The engine guards each rule; reaching here is a bug in the engine itself. Keep the last diagnostics.
      this.connection.console.error(`TiDB lint failed on ${doc.uri}: ${(e as Error).stack ?? e}`);
      return;
    }
    if (!result || run.cancelled) return;
    st.running = undefined;
    const findings: Finding[] = [];
    for (const f of result.findings) {
      if (f.ruleId === 'internal-error') {
        this.connection.console.error(`${doc.uri}:${doc.positionAt(f.start).line + 1}: ${f.message}`);
        continue;
      }
      findings.push(f);
    }
    st.last = { version: doc.version, findings };
    const shown = capFindings(findings);
    const diagnostics = shown.map((f) => toDiagnostic(doc, f, this.rules));
    if (shown.length < findings.length) {
      diagnostics.unshift({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'tidb',
        code: 'too-many-findings',
        message: `${(findings.length - shown.length).toLocaleString('en-US')} more findings are not shown: a document shows at most ${MAX_DIAGNOSTICS.toLocaleString('en-US')} (errors first). Run tidb-lint on the file for all of them, or turn off the rules that fire most.`,
      });
    }
    if (s.configError) {
      diagnostics.unshift({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Warning,
        source: 'tidb',
        code: 'invalid-config',
        message: `${s.configError}. The file's settings were ignored; fix it to apply them.`,
      });
    }
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  /** Drops a document's caches after the live schema changed (results depend on it). */
  resetCaches(): void {
    for (const st of this.docs.values()) st.cache.clear();
  }

  /** Forgets a document linted once without being opened (its diagnostics stay published). */
  forget(uri: string): void {
    this.docs.delete(uri);
  }

  close(uri: string): void {
    const st = this.docs.get(uri);
    if (st?.running) st.running.cancelled = true;
    this.docs.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/**
 * Diagnostics published per document. A dump with millions of findings would make a
 * message of hundreds of megabytes that neither side can handle; past this many the
 * most severe are shown with one summary diagnostic.
 */
export const MAX_DIAGNOSTICS = 5000;

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function capFindings(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_DIAGNOSTICS) return findings;
  // the most severe first, in document order: every finding of the ranks that fit, then the first
  // of the rank that does not (linear: this runs on every keystroke in a file past the cap)
  const counts = [0, 0, 0, 0];
  for (const f of findings) counts[RANK[f.severity]]++;
  let room = MAX_DIAGNOSTICS;
  let rank = 0;
  while (rank < 4 && counts[rank] <= room) room -= counts[rank++];
  const out: Finding[] = [];
  for (const f of findings) {
    const r = RANK[f.severity];
    if (r < rank) out.push(f);
    else if (r === rank && room > 0) {
      out.push(f);
      room--;
    }
  }
  return out;
}

const metaById = new Map<string, RuleMeta>();

// The engine hands back the same Finding objects for statements that neither changed nor moved,
// and the text before them is unchanged, so their diagnostics can be reused as they are.
const converted = new WeakMap<Finding, Diagnostic>();

export function toDiagnostic(doc: TextDocument, f: Finding, rules: readonly RuleDefinition[]): Diagnostic {
  const done = converted.get(f);
  if (done) return done;
  if (metaById.size === 0) for (const r of rules) metaById.set(r.meta.id, r.meta);
  const d: Diagnostic = {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity],
    source: 'tidb',
    code: f.ruleId,
    message: f.message,
  };
  const meta = metaById.get(f.ruleId);
  if (meta) d.codeDescription = { href: localizedDocsUrl(meta.docsUrl) };
  if (f.related?.length)
    d.relatedInformation = f.related.slice(0, 100).map((r) => ({
      location: { uri: doc.uri, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } },
      message: l10n.t('the same cause here'),
    }));
  if (meta?.tags) d.tags = meta.tags.map((t) => TAG[t]);
  converted.set(f, d);
  return d;
}
