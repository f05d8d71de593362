// TiDB versions as comparable numbers: 8.5 -> 80500, 6.1.2 -> 60102.

export const DEFAULT_TARGET_VERSION = '8.5';

export class Version {
  readonly value: number;
  constructor(readonly text: string) {
    const v = parseVersion(text);
    if (v === undefined) throw new Error(`Invalid TiDB version '${text}': expected MAJOR.MINOR[.PATCH], for example 8.5 or 7.1.3`);
    this.value = v;
  }
  lt(other: string): boolean {
    return this.value < known(other);
  }
  gte(other: string): boolean {
    return this.value >= known(other);
  }
  toString(): string {
    return this.text;
  }
}

/** Rules compare with a handful of literal versions on every statement: each is parsed once. */
const parsed = new Map<string, number>();

function known(text: string): number {
  let v = parsed.get(text);
  if (v === undefined) parsed.set(text, (v = parseVersion(text)!));
  return v;
}

export function parseVersion(text: string): number | undefined {
  const m = /^v?(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?(?:[-+].*)?$/i.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}

export function isValidVersion(text: string): boolean {
  return parseVersion(text) !== undefined;
}
