// A statement's shape without its values, for matching a file's statements with the statements a
// server reports as slow: TiDB's SQL digest is the hash of a normalized text that "ignores
// constants, blank characters, and is case insensitive" (statement-summary-tables.md), and lists of
// values fold into `(...)`. The exact normalized text (and so the hash) differs between TiDB
// versions (quoting, spacing), so both sides are normalized here, the same way, by the lexer:
// words and names lower-cased and unquoted, literals and placeholders as `?`, value lists and
// repeated VALUES rows as `(...)`, comments, hints and a slow-log `[arguments: …]` tail dropped.
import { Lexer } from './lexer';

/** `Query` of a prepared statement ends with ` [arguments: (…)];` in TiDB's slow log: the statement is what comes before. */
export function stripSlowLogArguments(query: string): string {
  return query.replace(/\s*\[arguments: [\s\S]*\];?\s*$/, '').trim();
}

export function fingerprint(statement: string): string {
  const text = stripSlowLogArguments(statement);
  const lx = new Lexer(text);
  const out: string[] = [];
  while (lx.scan()) {
    const t = lx.token();
    if (t.kind === 'delimiter') break;
    switch (t.kind) {
      case 'word':
        out.push(t.value.toLowerCase());
        break;
      case 'qident':
        out.push(t.value.toLowerCase());
        break;
      case 'string':
      case 'number':
      case 'hex':
      case 'param':
        // a sign in front of a number is part of the constant
        if ((t.kind === 'number' || t.kind === 'param') && (out.at(-1) === '-' || out.at(-1) === '+') && isOperand(out.at(-2))) out.pop();
        out.push('?');
        break;
      default:
        out.push(t.value.toLowerCase());
    }
    collapseList(out);
  }
  return out.join(' ');
}

/** A sign is unary after an operator, a '(' or ',' or at the start (not after a name or a value). */
function isOperand(prev: string | undefined): boolean {
  return prev === undefined || /^[(,=<>!+\-*/%]|^(and|or|not|in|between|like|values|select|where|when|then|else|return)$/.test(prev);
}

/** `( ? , ? , ? )` → `(...)`; then `(...) , (...)` → `(...)` (multi-row VALUES, IN lists of any length). */
function collapseList(out: string[]): void {
  if (out.at(-1) !== ')') return;
  let i = out.length - 2;
  let values = 0;
  while (i >= 0 && (out[i] === '?' || out[i] === ',' || out[i] === '(...)')) {
    if (out[i] !== ',') values++;
    i--;
  }
  if (i < 0 || out[i] !== '(' || values === 0) return;
  out.splice(i, out.length - i, '(...)');
  // rows of VALUES: `(...) , (...)`
  while (out.length >= 3 && out.at(-1) === '(...)' && out.at(-2) === ',' && out.at(-3) === '(...)') out.splice(-2, 2);
}
