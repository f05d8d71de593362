// `execution info` as a nested map, by recursive descent (grammar.md §4):
//   exec_info := item { "," SP* item };  item := key ":" SP* value;  value := "{" items "}" | scalar
// Keys may hold spaces ("proc max"); scalars run to the next "," or "}" at bracket depth 0.
// A v2 hash join prints `backoff{...}` without a colon; that is read as a key too.
import type { ExecInfo } from './model';

export function parseExecInfo(text: string): ExecInfo {
  let i = 0;
  const s = text.trim().replace(/\.\.\.$/, '');
  const ws = () => {
    while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n') i++;
  };
  const items = (close: string | undefined): ExecInfo => {
    const out: ExecInfo = {};
    let n = 0;
    for (;;) {
      ws();
      if (i >= s.length || (close && s[i] === close)) {
        if (close && s[i] === close) i++;
        return out;
      }
      // key: up to ':' or '{' (backoff{...}) or ',' / close
      const k0 = i;
      while (i < s.length && s[i] !== ':' && s[i] !== '{' && s[i] !== ',' && s[i] !== close) i++;
      let key = s.slice(k0, i).trim();
      let value: ExecInfo[string];
      if (s[i] === ':' || s[i] === '{') {
        if (s[i] === ':') i++;
        ws();
        if (s[i] === '{') {
          i++;
          value = items('}');
        } else value = scalar(close);
      } else {
        // a bare word ("OFF", a doc's "...") : keep it under a numbered key
        value = key;
        key = `#${n}`;
      }
      if (key in out) key = `${key}#${n}`;
      if (key) out[key] = value;
      n++;
      ws();
      if (s[i] === ',') i++;
    }
  };
  const scalar = (close: string | undefined): string => {
    const v0 = i;
    let depth = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '(' || c === '[') depth++;
      else if ((c === ')' || c === ']') && depth > 0) depth--;
      else if (depth === 0 && (c === ',' || c === close)) break;
      i++;
    }
    return s.slice(v0, i).trim();
  };
  try {
    return items(undefined);
  } catch {
    return { text: s };
  }
}

/** A value by a dotted path: get(info, 'cop_task', 'max'). */
export function get(info: ExecInfo | undefined, ...path: string[]): string | undefined {
  let cur: ExecInfo[string] | undefined = info;
  for (const p of path) {
    if (!cur || typeof cur === 'string') return undefined;
    cur = cur[p];
  }
  return typeof cur === 'string' ? cur : undefined;
}
