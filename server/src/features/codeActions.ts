// Quick fixes from the rules' fixes, "disable for this line / file" actions
// that insert a suppression comment, and the source action that applies every
// safe fix ("source.fixAll.tidb").
import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../../core/lint/engine';
import { META_RULES } from '../../../core/lint/engine';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.tidb`;

function sameRange(doc: TextDocument, d: Diagnostic, f: Finding): boolean {
  return doc.offsetAt(d.range.start) === f.start && doc.offsetAt(d.range.end) === f.end;
}

function toEdits(doc: TextDocument, edits: Array<{ start: number; end: number; newText: string }>): TextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

export function codeActions(doc: TextDocument, params: CodeActionParams, findings: readonly Finding[]): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== 'tidb' || typeof d.code !== 'string') continue;
      const f = findings.find((x) => x.ruleId === d.code && sameRange(doc, d, x));
      if (f?.fix && f.fix.edits.length > 0) {
        out.push({
          title: f.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: f.fix.safe,
          edit: { changes: { [doc.uri]: toEdits(doc, f.fix.edits) } },
        });
      }
      if (d.code in META_RULES) continue;
      out.push(disableForLine(doc, d), disableForFile(doc, d));
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = safeEdits(findings);
    if (edits.length > 0) {
      out.push({
        title: l10n.t('Fix all auto-fixable TiDB problems'),
        kind: FIX_ALL_KIND,
        edit: { changes: { [doc.uri]: toEdits(doc, edits) } },
      });
    }
  }
  return out;
}

/** Every safe fix whose edits do not overlap an earlier one (per finding: all of its edits or none). */
export function safeEdits(findings: readonly Finding[]): Array<{ start: number; end: number; newText: string }> {
  const taken: Array<{ start: number; end: number; newText: string }> = [];
  const overlaps = (a: { start: number; end: number }) =>
    taken.some((b) => (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end));
  for (const f of findings) {
    if (!f.fix?.safe || f.fix.edits.length === 0) continue;
    if (f.fix.edits.some(overlaps)) continue;
    taken.push(...f.fix.edits);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function disableForLine(doc: TextDocument, d: Diagnostic): CodeAction {
  const line = d.range.start.line;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)![0];
  return {
    title: l10n.t('Disable {0} for this line', String(d.code)),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: {
      changes: {
        [doc.uri]: [
          {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            newText: `${indent}-- tidb-lint-disable-next-line ${d.code} -- reason\n`,
          },
        ],
      },
    },
  };
}

function disableForFile(doc: TextDocument, d: Diagnostic): CodeAction {
  return {
    title: l10n.t('Disable {0} for this file', String(d.code)),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: {
      changes: {
        [doc.uri]: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            newText: `-- tidb-lint-disable-file ${d.code} -- reason\n`,
          },
        ],
      },
    },
  };
}
