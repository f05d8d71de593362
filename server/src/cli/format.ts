// Output formats of tidb-lint: text, ESLint-compatible JSON, SARIF 2.1.0.
import * as l10n from '@vscode/l10n';
import { localizedMeta } from '../../../core/lint/ruleText';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../../../core/lint/engine';
import { mergeEdits } from '../../../core/lint/fixes';
import type { LineIndex } from '../../../core/sql/lines';
import type { RuleDefinition, Severity } from '../../../core/lint/rule';

export interface FileReport {
  filePath: string;
  /** the file's text (or, from a worker thread, just the parts fixes need) */
  text: Pick<string, 'slice'>;
  findings: Finding[];
  /** offsets to lines (or, from a worker thread, just the offsets findings name) */
  lines: Pick<LineIndex, 'position'>;
  /** set when --fix wrote the file */
  fixed?: number;
  /** set when --fix found overlapping fixes and left the file unchanged */
  fixConflict?: string;
}

export const TOOL_NAME = 'tidb-lint';
export const TOOL_VERSION = '0.1.0';
const INFO_URI = 'https://docs.pingcap.com/tidb/stable/mysql-compatibility';

/** ESLint's numeric severity: 2 error, 1 everything else. */
export function eslintSeverity(s: Severity): 1 | 2 {
  return s === 'error' ? 2 : 1;
}

function pos(r: FileReport, f: Finding) {
  const a = r.lines.position(f.start);
  const b = r.lines.position(f.end);
  return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

/** Output is written as it is produced, a file (and a batch of findings) at a time: never one giant string. */
export interface ReportWriter {
  file(r: FileReport): void;
  end(): void;
  /**
   * The output for one file made elsewhere (a worker thread, with `render`), for `rendered` to write
   * in order; absent for formats whose output for a file depends on the files before it (SARIF).
   */
  render?(r: FileReport): RenderedFile;
  rendered?(x: RenderedFile): void;
}

/** One file's output in pieces, and what the summary counts of it. */
export interface RenderedFile {
  pieces: string[];
  totals: Record<Severity, number>;
  fixed: number;
}

function totalsOf(r: FileReport): Record<Severity, number> {
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of r.findings) totals[f.severity]++;
  return totals;
}

type Write = (s: string) => void;

/** Findings in batches, so a file with millions of them never becomes one string. */
function batched<T>(items: readonly T[], map: (x: T) => string, write: Write, size = 2000): void {
  for (let i = 0; i < items.length; i += size) {
    write(
      (i > 0 ? ',' : '') +
        items
          .slice(i, i + size)
          .map(map)
          .join(','),
    );
  }
}

function jsonMessage(r: FileReport, f: Finding): string {
  const p = pos(r, f);
  const m: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: eslintSeverity(f.severity),
    message: f.message,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    // the linter's own level (ESLint has only 1 and 2)
    level: f.severity,
  };
  if (f.related?.length)
    m.related = f.related.map((x) => {
      const a = r.lines.position(x.start);
      return { line: a.line + 1, column: a.character + 1 };
    });
  if (f.fix && f.fix.edits.length > 0) {
    const e = mergeEdits(r.text, f.fix.edits);
    m.fix = { range: [e.start, e.end], text: e.text };
    if (!f.fix.safe) m.fixIsSuggestion = true;
  }
  return JSON.stringify(m);
}

/** ESLint's JSON formatter shape: an array with one object per file. */
export function jsonWriter(write: Write): ReportWriter {
  let first = true;
  write('[');
  const render = (r: FileReport): RenderedFile => {
    const pieces: string[] = [];
    const errorCount = r.findings.filter((f) => f.severity === 'error').length;
    pieces.push(`{"filePath":${JSON.stringify(r.filePath)},"messages":[`);
    batched(
      r.findings,
      (f) => jsonMessage(r, f),
      (x) => void pieces.push(x),
    );
    pieces.push(
      `],"errorCount":${errorCount},"fatalErrorCount":0,"warningCount":${r.findings.length - errorCount},` +
        `"fixableErrorCount":${r.findings.filter((f) => f.severity === 'error' && f.fix?.safe).length},` +
        `"fixableWarningCount":${r.findings.filter((f) => f.severity !== 'error' && f.fix?.safe).length}}`,
    );
    return { pieces, totals: totalsOf(r), fixed: r.fixed ?? 0 };
  };
  const rendered = (x: RenderedFile) => {
    if (!first) write(',');
    first = false;
    for (const p of x.pieces) write(p);
  };
  return {
    file: (r) => rendered(render(r)),
    render,
    rendered,
    end() {
      write(']\n');
    },
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function sarifRules(rules: readonly RuleDefinition[], used: Iterable<string>) {
  const ruleList = rules
    .map((rule) => ({ meta: localizedMeta(rule.meta) }))
    .map((r) => ({
      id: r.meta.id,
      name: r.meta.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: firstSentence(r.meta.explanation) },
      fullDescription: { text: r.meta.explanation },
      helpUri: r.meta.docsUrl,
      help: {
        text: l10n.t('{0}\n\nFix: {1}\n\nApplies to: {2}', r.meta.explanation, r.meta.fix, r.meta.versions),
        markdown: l10n.t(
          '{0}\n\n**Fix:** {1}\n\n**Applies to:** {2}\n\n[TiDB docs]({3})',
          r.meta.explanation,
          r.meta.fix,
          r.meta.versions,
          r.meta.docsUrl,
        ),
      },
      defaultConfiguration: { level: SARIF_LEVEL[r.meta.severity] },
      properties: { category: r.meta.category as string, tags: ['tidb', r.meta.category as string] },
    }));
  for (const id of used) {
    if (!ruleList.some((r) => r.id === id)) {
      ruleList.push({
        id,
        name: id,
        shortDescription: { text: `tidb-lint: ${id}` },
        fullDescription: { text: l10n.t('Reported by tidb-lint itself ({0}).', id) },
        helpUri: INFO_URI,
        help: { text: l10n.t('Reported by tidb-lint itself ({0}).', id), markdown: l10n.t('Reported by tidb-lint itself (`{0}`).', id) },
        defaultConfiguration: { level: 'warning' },
        properties: { category: 'tool', tags: ['tidb'] },
      });
    }
  }
  return ruleList;
}

function sarifResult(r: FileReport, f: Finding, uri: { value: string; relative: boolean }, ruleIndex: number | undefined): string {
  const p = pos(r, f);
  const artifactLocation = uri.relative ? { uri: uri.value, uriBaseId: '%SRCROOT%' } : { uri: uri.value };
  const res: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
        },
      },
    ],
  };
  if (f.related?.length)
    res.relatedLocations = f.related.map((x, i) => {
      const a = r.lines.position(x.start);
      const b = r.lines.position(x.end);
      return {
        id: i + 1,
        physicalLocation: {
          artifactLocation,
          region: { startLine: a.line + 1, startColumn: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 },
        },
        message: { text: l10n.t('the same cause here') },
      };
    });
  if (f.fix && f.fix.edits.length > 0) {
    res.fixes = [
      {
        description: { text: f.fix.title },
        artifactChanges: [
          {
            artifactLocation,
            replacements: f.fix.edits.map((e) => {
              const a = r.lines.position(e.start);
              const b = r.lines.position(e.end);
              return {
                deletedRegion: { startLine: a.line + 1, startColumn: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 },
                insertedContent: { text: e.newText },
              };
            }),
          },
        ],
      },
    ];
  }
  return JSON.stringify(res);
}

/**
 * SARIF 2.1.0, streamed: the results first, the tool (whose rule list includes any
 * tool-reported ids seen) after them; JSON member order does not matter.
 */
export function sarifWriter(write: Write, rules: readonly RuleDefinition[], cwd: string): ReportWriter {
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const extra: string[] = [];
  let first = true;
  write('{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"results":[');
  return {
    file(r) {
      const uri = toUri(r.filePath, cwd);
      for (const f of r.findings) {
        if (!index.has(f.ruleId)) {
          index.set(f.ruleId, rules.length + extra.length);
          extra.push(f.ruleId);
        }
      }
      if (!r.findings.length) return;
      write(first ? '' : ',');
      first = false;
      batched(r.findings, (f) => sarifResult(r, f, uri, index.get(f.ruleId)), write);
    },
    end() {
      const tool = {
        driver: {
          name: TOOL_NAME,
          version: TOOL_VERSION,
          semanticVersion: TOOL_VERSION,
          informationUri: INFO_URI,
          rules: sarifRules(rules, extra),
        },
      };
      const base = { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } };
      write(`],"tool":${JSON.stringify(tool)},"originalUriBaseIds":${JSON.stringify(base)},"columnKind":"utf16CodeUnits"}]}\n`);
    },
  };
}

function toUri(filePath: string, cwd: string): { value: string; relative: boolean } {
  if (filePath === '<stdin>') return { value: 'stdin.sql', relative: true };
  const rel = path.relative(cwd, filePath);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { value: rel.split(path.sep).map(encodeURIComponent).join('/'), relative: true };
  }
  return { value: pathToFileURL(filePath).href, relative: false };
}

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  return m ? m[1] : s;
}

/** The severities as the text output names them, padded to a column. */
function labels(): Record<Severity, string> {
  const pad = (s: string) => padColumns(s, 7);
  return { error: pad(l10n.t('error')), warning: pad(l10n.t('warning')), info: pad(l10n.t('info')), hint: pad(l10n.t('hint')) };
}

/** "3 errors", "1 warning" … */
function counted(s: Severity, n: number): string {
  if (n === 1) return { error: l10n.t('1 error'), warning: l10n.t('1 warning'), info: l10n.t('1 info'), hint: l10n.t('1 hint') }[s];
  return { error: l10n.t('{0} errors', n), warning: l10n.t('{0} warnings', n), info: l10n.t('{0} infos', n), hint: l10n.t('{0} hints', n) }[
    s
  ];
}

/** Pads to a width in terminal columns (a CJK character takes two). */
function padColumns(s: string, width: number): string {
  const cols = [...s].reduce(
    (w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );
  return s + ' '.repeat(Math.max(0, width - cols));
}

/**
 * Control characters from the file (identifiers, strings) never reach the terminal raw:
 * C0/C1 controls, DEL and the Unicode bidi controls are shown as \u{…}.
 */
export function printable(s: string): string {
  return s.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`,
  );
}

export function textWriter(write: Write, color: boolean): ReportWriter {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sev: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  // once per run (the language is set before the writer is made), not per finding
  const label = labels();
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixed = 0;
  const render = (r: FileReport): RenderedFile => {
    const pieces: string[] = [];
    const x = { pieces, totals: totalsOf(r), fixed: r.fixed ?? 0 };
    if (r.findings.length === 0 && !r.fixConflict) return x;
    pieces.push(c('4', printable(r.filePath)) + '\n');
    let out = '';
    for (const f of r.findings) {
      const p = pos(r, f);
      out += `  ${`${p.line}:${p.column}`.padEnd(9)} ${c(sev[f.severity], label[f.severity])} ${printable(f.message)}  ${c('2', f.ruleId)}\n`;
      if (out.length > 1 << 16) {
        pieces.push(out);
        out = '';
      }
    }
    if (r.fixConflict) out += `  ${c('33', padColumns(l10n.t('note'), 8))} ${printable(r.fixConflict)}\n`;
    pieces.push(out + '\n');
    return x;
  };
  const rendered = (x: RenderedFile) => {
    fixed += x.fixed;
    for (const k of Object.keys(totals) as Severity[]) totals[k] += x.totals[k];
    for (const p of x.pieces) write(p);
  };
  return {
    file: (r) => rendered(render(r)),
    render,
    rendered,
    end() {
      let out = '';
      const n = totals.error + totals.warning + totals.info + totals.hint;
      if (n > 0) {
        const parts = (['error', 'warning', 'info', 'hint'] as Severity[]).filter((s) => totals[s] > 0).map((s) => counted(s, totals[s]));
        // "2 errors, 1 info" (a list: the language's own comma)
        const list = parts.reduce((a, b) => l10n.t('{0}, {1}', a, b));
        const summary = n === 1 ? l10n.t('✖ 1 problem ({0})', list) : l10n.t('✖ {0} problems ({1})', n, list);
        out += `${c(totals.error > 0 ? '31' : '33', summary)}\n`;
      }
      if (fixed > 0) out += fixed === 1 ? l10n.t('1 problem fixed in place.\n') : l10n.t('{0} problems fixed in place.\n', fixed);
      write(out);
    },
  };
}
