// Hover: on a flagged range, the rule's explanation, versions and docs link;
// elsewhere, a short description of TiDB keywords, table options, optimizer
// hints and system variables.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../../core/lint/engine';
import { isIdentChar } from '../../../core/sql/lexer';
import { tidbSays, type RuleDefinition } from '../../../core/lint/rule';
import { docsLink, lookup } from './tidbReference';

export function hover(doc: TextDocument, offset: number, findings: readonly Finding[], rules: readonly RuleDefinition[]): Hover | null {
  const here = findings.filter((f) => f.start <= offset && offset <= f.end && f.end > f.start);
  if (here.length > 0) {
    // The editor already shows the diagnostic's message above this hover: the rule block adds
    // what the message does not say, and does not repeat it.
    const parts = here.map((f) => {
      const r = rules.find((x) => x.meta.id === f.ruleId);
      if (!r) return `**${f.ruleId}**`;
      const m = r.meta;
      return [
        `**${m.id}** · ${m.category} · ${f.severity}`,
        m.explanation === f.message ? '' : m.explanation,
        `*Applies to:* ${m.versions}`,
        `*Fix:* ${m.fix}`,
        tidbSays(m.tidb) ? `*TiDB says:* \`${tidbSays(m.tidb)}\`` : '',
        `[TiDB docs](${m.docsUrl})`,
      ]
        .filter(Boolean)
        .join('\n\n');
    });
    return {
      contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
      range: { start: doc.positionAt(here[0].start), end: doc.positionAt(here[0].end) },
    };
  }
  const text = doc.getText();
  const w = wordAt(text, offset);
  if (!w) return null;
  const entry = lookup(w.word, nextWord(text, w.end));
  if (!entry) return null;
  return {
    contents: {
      kind: MarkupKind.Markdown,
      value: `**${entry.name}** · ${entry.detail}\n\n${entry.doc}\n\n[TiDB docs](${docsLink(entry)})`,
    },
    range: { start: doc.positionAt(w.start), end: doc.positionAt(w.end) },
  };
}

/** The identifier around an offset (a system variable without its @@ and scope). */
export function wordAt(text: string, offset: number): { word: string; start: number; end: number } | undefined {
  let s = offset;
  let e = offset;
  while (s > 0 && isIdentChar(text.charCodeAt(s - 1))) s--;
  while (e < text.length && isIdentChar(text.charCodeAt(e))) e++;
  if (s === e) return undefined;
  return { word: text.slice(s, e), start: s, end: e };
}

function nextWord(text: string, from: number): string | undefined {
  const m = /^\s+([A-Za-z_]+)/.exec(text.slice(from, from + 40));
  return m?.[1];
}
