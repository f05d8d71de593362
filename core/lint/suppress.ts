// Inline suppression comments:
//   -- tidb-lint-disable-next-line rule-id[, rule-id] -- reason
//   /* tidb-lint-disable rule-id */ ... /* tidb-lint-enable rule-id */
//   -- tidb-lint-disable-file [rule-id, ...]
// No rule ids means every rule.
import type { Trivia } from '../sql/lexer';
import type { LineIndex } from '../sql/lines';

export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
  /** rule ids named in comments that no rule has, with the comment range */
  unknown: Array<{ id: string; start: number; end: number }>;
}

interface Region {
  ids: Set<string> | 'all';
  start: number;
  end: number;
}

const DIRECTIVE = /^(?:--|#|\/\*)\s*tidb-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*)$/;

export function parseSuppressions(src: string, trivia: Trivia[], lines: LineIndex, knownIds: ReadonlySet<string>): Suppressions {
  const regions: Region[] = [];
  const unknown: Suppressions['unknown'] = [];
  const open = new Map<string, number>(); // id or '*' -> start offset
  for (const t of trivia) {
    if (t.kind !== 'line-comment' && t.kind !== 'block-comment') continue;
    let text = src.slice(t.start, t.end);
    if (text.indexOf('tidb-lint-') === -1) continue;
    if (t.kind === 'block-comment') text = text.replace(/\*\/$/, '');
    const m = DIRECTIVE.exec(text.trim());
    if (!m) continue;
    const kind = m[1];
    // "-- reason" after the ids is free text
    const idText = m[2].split(/\s--\s|\s--$/)[0];
    const ids = idText
      .split(/[\s,]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    for (const id of ids) if (!knownIds.has(id)) unknown.push({ id, start: t.start, end: t.end });
    const set: Set<string> | 'all' = ids.length ? new Set(ids) : 'all';
    switch (kind) {
      case 'disable-next-line': {
        const line = lines.lineAt(t.end) + 1;
        regions.push({ ids: set, start: lines.lineStart(line), end: line + 1 < lines.lineCount ? lines.lineStart(line + 1) : src.length });
        break;
      }
      case 'disable-line': {
        const line = lines.lineAt(t.start);
        regions.push({ ids: set, start: lines.lineStart(line), end: t.end });
        break;
      }
      case 'disable-file':
        regions.push({ ids: set, start: 0, end: src.length });
        break;
      case 'disable':
        for (const id of set === 'all' ? ['*'] : set) if (!open.has(id)) open.set(id, t.end);
        break;
      case 'enable':
        for (const id of set === 'all' ? [...open.keys()] : set) {
          const start = open.get(id);
          if (start === undefined) continue;
          open.delete(id);
          regions.push({ ids: id === '*' ? 'all' : new Set([id]), start, end: t.start });
        }
        break;
    }
  }
  for (const [id, start] of open) regions.push({ ids: id === '*' ? 'all' : new Set([id]), start, end: src.length });
  return {
    unknown,
    isSuppressed(ruleId, offset) {
      for (const r of regions) {
        if (offset >= r.start && offset < r.end && (r.ids === 'all' || r.ids.has(ruleId))) return true;
      }
      return false;
    },
  };
}
