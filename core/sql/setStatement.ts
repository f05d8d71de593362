// Reads the assignments of a SET statement: SET [GLOBAL|SESSION|PERSIST|...] x = v, @@global.y = w, @u = 1.
import type { Stmt } from './statement';

export type SetScope = 'GLOBAL' | 'SESSION' | 'PERSIST' | 'PERSIST_ONLY' | 'USER';

export interface SetAssignment {
  /** explicit scope; undefined means the default (SESSION) */
  scope?: SetScope;
  /** lower-cased variable name, without @@ and scope prefix */
  name: string;
  /** first and last token of the name (scope keyword included) */
  first: number;
  nameTok: number;
  /** [start, end) token range of the value */
  valueStart: number;
  valueEnd: number;
  /** the value normalised: unquoted, upper-cased when it is a single token */
  value: string;
}

const SCOPES = new Set(['GLOBAL', 'SESSION', 'LOCAL', 'PERSIST', 'PERSIST_ONLY']);

export function readSetAssignments(s: Stmt): SetAssignment[] {
  if (s.word(0) !== 'SET') return [];
  // SET NAMES / SET CHARACTER SET / SET TRANSACTION / SET PASSWORD / SET ROLE / SET DEFAULT ROLE are not assignments.
  if (s.is(1, 'NAMES', 'TRANSACTION', 'PASSWORD', 'ROLE', 'DEFAULT', 'RESOURCE') || s.is(1, 'CHARACTER', 'CHARSET')) {
    return [];
  }
  if (s.is(1, 'GLOBAL', 'SESSION', 'LOCAL') && s.is(2, 'TRANSACTION')) return [];
  const out: SetAssignment[] = [];
  let statementScope: SetScope | undefined;
  for (const [a, b] of s.splitCommas(1, s.length)) {
    let i = a;
    let scope = statementScope;
    const w = s.word(i);
    if (SCOPES.has(w)) {
      scope = w === 'LOCAL' ? 'SESSION' : (w as SetScope);
      statementScope = scope;
      i++;
    }
    let nameEnd = i;
    const t = s.tokens[i];
    if (!t) continue;
    let name: string | undefined;
    if (t.kind === 'sysvar') {
      const raw = s.src.slice(t.start + 2, t.end).replace(/`/g, '');
      const parts = raw.split('.');
      if (parts.length > 1 && SCOPES.has(parts[0].toUpperCase())) {
        const p = parts[0].toUpperCase();
        scope = p === 'LOCAL' ? 'SESSION' : (p as SetScope);
        name = parts.slice(1).join('.');
      } else {
        name = raw;
        // @@x alone is SESSION scope
        scope = scope ?? 'SESSION';
      }
    } else if (t.kind === 'var') {
      scope = 'USER';
      name = s.src.slice(t.start + 1, t.end);
    } else {
      name = s.ident(i);
      // component variables: validate_password.policy
      if (name !== undefined && s.op(i + 1) === '.' && s.ident(i + 2) !== undefined && s.tokens[i + 2].kind !== 'string') {
        name = `${name}.${s.ident(i + 2)}`;
        nameEnd = i + 2;
      }
    }
    if (name === undefined) continue;
    let j = nameEnd + 1;
    if (s.op(j) !== '=' && s.op(j) !== ':=') continue;
    j++;
    let value = '';
    if (b - j === 1) {
      const v = s.tokens[j];
      value = v.kind === 'string' ? (s.str(j) ?? '').toUpperCase() : v.kind === 'word' ? v.value : v.value.toUpperCase();
    } else if (b > j) {
      value = s.text(j, b - 1);
    }
    out.push({ scope, name: name.toLowerCase(), first: a, nameTok: i, valueStart: j, valueEnd: b, value });
  }
  return out;
}

/** ON / 1 / TRUE / 'ON' */
export function isOn(value: string): boolean {
  return value === 'ON' || value === '1' || value === 'TRUE';
}

export function isOff(value: string): boolean {
  return value === 'OFF' || value === '0' || value === 'FALSE';
}
