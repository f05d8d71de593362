// Hover: on a flagged range, the rule's explanation, versions and docs link;
// elsewhere, a short description of TiDB keywords, table options, optimizer
// hints and system variables.
import { localizedMeta } from '../../../core/lint/ruleText';
import { localizedDocsUrl } from '../../../core/l10n';
import * as l10n from '@vscode/l10n';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../../core/lint/engine';
import { isIdentChar } from '../../../core/sql/lexer';
import { tidbSays, type RuleDefinition } from '../../../core/lint/rule';
import { docsLink, localizedEntry, lookup } from './tidbReference';

export function hover(doc: TextDocument, offset: number, findings: readonly Finding[], rules: readonly RuleDefinition[]): Hover | null {
  const here = findings.filter((f) => f.start <= offset && offset <= f.end && f.end > f.start);
  if (here.length > 0) {
    // The editor already shows the diagnostic's message above this hover: the rule block adds
    // what the message does not say, and does not repeat it.
    const parts = here.map((f) => {
      const r = rules.find((x) => x.meta.id === f.ruleId);
      if (!r) return `**${f.ruleId}**`;
      const m = localizedMeta(r.meta);
      return [
        `**${m.id}** · ${categoryLabel(m.category)} · ${severityLabel(f.severity)}`,
        m.explanation === f.message ? '' : m.explanation,
        l10n.t('*Applies to:* {0}', m.versions),
        l10n.t('*Fix:* {0}', m.fix),
        tidbSays(m.tidb) ? l10n.t('*TiDB says:* `{0}`', tidbSays(m.tidb)!) : '',
        l10n.t('[TiDB docs]({0})', m.docsUrl),
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
  const found = lookup(w.word, nextWord(text, w.end));
  if (!found) return null;
  const entry = localizedEntry(found);
  return {
    contents: {
      kind: MarkupKind.Markdown,
      value: `**${entry.name}** · ${entry.detail}\n\n${entry.doc}\n\n${l10n.t('[TiDB docs]({0})', localizedDocsUrl(docsLink(entry)))}`,
    },
    range: { start: doc.positionAt(w.start), end: doc.positionAt(w.end) },
  };
}

/** The identifier around an offset (a system variable without its @@ and scope). */
/** A rule category as the hover names it. */
export function categoryLabel(c: string): string {
  return c === 'incompatible'
    ? l10n.t('incompatible')
    : c === 'behaviour-differs'
      ? l10n.t('behaviour differs')
      : c === 'risky'
        ? l10n.t('risky')
        : c;
}

/** A severity as the hover names it. */
export function severityLabel(s: string): string {
  return s === 'error'
    ? l10n.t('error')
    : s === 'warning'
      ? l10n.t('warning')
      : s === 'info'
        ? l10n.t('info')
        : s === 'hint'
          ? l10n.t('hint')
          : s;
}

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
