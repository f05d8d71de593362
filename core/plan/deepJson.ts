// JSON.stringify recurses once per nesting level and overflows the stack on plans a few
// thousand operators deep (a chain of Projections, a generated query). This writes the
// same text as JSON.stringify(value, null, indent) with an explicit stack instead.
type Frame =
  | { kind: 'array'; items: unknown[]; i: number; depth: number }
  | { kind: 'object'; entries: Array<[string, unknown]>; i: number; depth: number };

export function stringifyDeep(value: unknown, indent = 0): string {
  const out: string[] = [];
  const pad = (depth: number) => (indent ? `\n${' '.repeat(indent * depth)}` : '');
  const sep = indent ? ': ' : ':';
  const stack: Frame[] = [];
  /** writes a scalar, or opens a container (pushed on the stack) */
  const open = (v: unknown, depth: number): void => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
      v = (v as { toJSON(): unknown }).toJSON();
    if (Array.isArray(v)) {
      if (v.length === 0) out.push('[]');
      else {
        out.push('[');
        stack.push({ kind: 'array', items: v, i: 0, depth });
      }
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
      if (entries.length === 0) out.push('{}');
      else {
        out.push('{');
        stack.push({ kind: 'object', entries, i: 0, depth });
      }
    } else out.push(JSON.stringify(v) ?? 'null');
  };
  open(value, 0);
  while (stack.length) {
    const f = stack[stack.length - 1];
    const n = f.kind === 'array' ? f.items.length : f.entries.length;
    if (f.i >= n) {
      stack.pop();
      out.push(`${pad(f.depth)}${f.kind === 'array' ? ']' : '}'}`);
      continue;
    }
    out.push(`${f.i > 0 ? ',' : ''}${pad(f.depth + 1)}`);
    if (f.kind === 'array') {
      const item = f.items[f.i++];
      open(item === undefined || typeof item === 'function' ? null : item, f.depth + 1);
    } else {
      const [k, v] = f.entries[f.i++];
      out.push(`${JSON.stringify(k)}${sep}`);
      open(v, f.depth + 1);
    }
  }
  return out.join('');
}
