// Output formats of tidb-lint: text, ESLint-compatible JSON, SARIF 2.1.0.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../analysis/engine';
import { mergeEdits } from '../analysis/fixes';
import type { LineIndex } from '../analysis/lines';
import type { RuleDefinition, Severity } from '../rules/defineRule';

export interface FileReport {
  filePath: string;
  text: string;
  findings: Finding[];
  lines: LineIndex;
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

export function formatJson(reports: FileReport[]): string {
  const out = reports.map((r) => {
    const messages = r.findings.map((f) => {
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
      if (f.fix && f.fix.edits.length > 0) {
        const e = mergeEdits(r.text, f.fix.edits);
        m.fix = { range: [e.start, e.end], text: e.text };
        if (!f.fix.safe) m.fixIsSuggestion = true;
      }
      return m;
    });
    const errorCount = r.findings.filter((f) => f.severity === 'error').length;
    return {
      filePath: r.filePath,
      messages,
      errorCount,
      fatalErrorCount: 0,
      warningCount: r.findings.length - errorCount,
      fixableErrorCount: r.findings.filter((f) => f.severity === 'error' && f.fix?.safe).length,
      fixableWarningCount: r.findings.filter((f) => f.severity !== 'error' && f.fix?.safe).length,
    };
  });
  return JSON.stringify(out);
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], rules: readonly RuleDefinition[], cwd: string): string {
  const used = new Set(reports.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const ruleList = rules.map((r) => ({
    id: r.meta.id,
    name: r.meta.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: firstSentence(r.meta.explanation) },
    fullDescription: { text: r.meta.explanation },
    helpUri: r.meta.docsUrl,
    help: { text: `${r.meta.explanation}\n\nFix: ${r.meta.fix}\n\nApplies to: ${r.meta.versions}`, markdown: `${r.meta.explanation}\n\n**Fix:** ${r.meta.fix}\n\n**Applies to:** ${r.meta.versions}\n\n[TiDB docs](${r.meta.docsUrl})` },
    defaultConfiguration: { level: SARIF_LEVEL[r.meta.severity] },
    properties: { category: r.meta.category as string, tags: ['tidb', r.meta.category as string] },
  }));
  for (const id of used) {
    if (!ruleList.some((r) => r.id === id)) {
      ruleList.push({
        id,
        name: id,
        shortDescription: { text: `tidb-lint: ${id}` },
        fullDescription: { text: `Reported by tidb-lint itself (${id}).` },
        helpUri: INFO_URI,
        help: { text: `Reported by tidb-lint itself (${id}).`, markdown: `Reported by tidb-lint itself (\`${id}\`).` },
        defaultConfiguration: { level: 'warning' },
        properties: { category: 'tool', tags: ['tidb'] },
      });
    }
  }
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const results = reports.flatMap((r) => {
    const uri = toUri(r.filePath, cwd);
    return r.findings.map((f) => {
      const p = pos(r, f);
      const res: Record<string, unknown> = {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: uri.relative ? { uri: uri.value, uriBaseId: '%SRCROOT%' } : { uri: uri.value },
            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
          },
        }],
      };
      if (f.fix && f.fix.edits.length > 0) {
        res.fixes = [{
          description: { text: f.fix.title },
          artifactChanges: [{
            artifactLocation: uri.relative ? { uri: uri.value, uriBaseId: '%SRCROOT%' } : { uri: uri.value },
            replacements: f.fix.edits.map((e) => {
              const a = r.lines.position(e.start);
              const b = r.lines.position(e.end);
              return {
                deletedRegion: { startLine: a.line + 1, startColumn: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 },
                insertedContent: { text: e.newText },
              };
            }),
          }],
        }];
      }
      return res;
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: INFO_URI, rules: ruleList } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2);
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

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

export function formatText(reports: FileReport[], color: boolean): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sev: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  let out = '';
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) {
    if (r.findings.length === 0 && !r.fixConflict) continue;
    out += c('4', r.filePath) + '\n';
    for (const f of r.findings) {
      totals[f.severity]++;
      const p = pos(r, f);
      out += `  ${`${p.line}:${p.column}`.padEnd(9)} ${c(sev[f.severity], LABEL[f.severity].padEnd(7))} ${f.message}  ${c('2', f.ruleId)}\n`;
    }
    if (r.fixConflict) out += `  ${c('33', 'note')}     ${r.fixConflict}\n`;
    out += '\n';
  }
  const n = totals.error + totals.warning + totals.info + totals.hint;
  if (n > 0) {
    const parts = (['error', 'warning', 'info', 'hint'] as Severity[]).filter((s) => totals[s] > 0).map((s) => `${totals[s]} ${s}${totals[s] === 1 ? '' : 's'}`);
    out += c(totals.error > 0 ? '31' : '33', `✖ ${n} problem${n === 1 ? '' : 's'} (${parts.join(', ')})`) + '\n';
  }
  const fixed = reports.reduce((a, r) => a + (r.fixed ?? 0), 0);
  if (fixed > 0) out += `${fixed} problem${fixed === 1 ? '' : 's'} fixed in place.\n`;
  return out;
}
