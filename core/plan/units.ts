// Go durations (757.205µs, 1m33.4s) and byte sizes (1.25 KB, 0 Bytes) as TiDB prints them.

const DUR: Record<string, number> = { h: 3.6e12, m: 6e10, s: 1e9, ms: 1e6, us: 1e3, µs: 1e3, μs: 1e3, ns: 1 };

/** nanoseconds, or undefined when the text is not a duration */
export function parseDurationNs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === '0' || t === '0s') return 0;
  const re = /(\d+(?:\.\d+)?)(h|ms|us|µs|μs|ns|m|s)/y;
  let total = 0;
  let at = 0;
  while (at < t.length) {
    re.lastIndex = at;
    const m = re.exec(t);
    if (!m) return undefined;
    total += Number(m[1]) * DUR[m[2]];
    at = re.lastIndex;
  }
  return at > 0 ? total : undefined;
}

const SIZE: Record<string, number> = {
  bytes: 1,
  byte: 1,
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** bytes; null for N/A; undefined when unreadable */
export function parseSize(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  if (/^n\/a$/i.test(t)) return null;
  const m = /^(-?\d+(?:\.\d+)?)\s*([a-z]+)?$/i.exec(t);
  if (!m) return undefined;
  const unit = (m[2] ?? 'bytes').toLowerCase();
  return SIZE[unit] === undefined ? undefined : Number(m[1]) * SIZE[unit];
}

/** Units that cannot be misread next to row counts: `5.9 min`, never `5.9m` (which reads as 5.9 million). */
export function formatDuration(ns: number): string {
  if (ns >= 3.6e12) return `${(ns / 3.6e12).toFixed(1)} h`;
  if (ns >= 6e10) return `${(ns / 6e10).toFixed(1)} min`;
  if (ns >= 1e9) return `${(ns / 1e9).toFixed(2)}s`;
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(ns >= 1e8 ? 0 : 1)}ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(0)}µs`;
  return `${Math.round(ns)}ns`;
}

/** An estimate-error factor: `exact`, `1.4×`, `37×`, `2,450×`, `256.8M×` (never `256811189.0×`). */
export function formatFactor(f: number): string {
  if (f <= 1) return 'exact';
  if (f < 10) return `${f.toFixed(1)}×`;
  if (f < 1e5) return `${Math.round(f).toLocaleString('en-US')}×`;
  if (f < 1e9) return `${(f / 1e6).toFixed(1)}M×`;
  return `${(f / 1e9).toFixed(1)}B×`;
}

export function formatBytes(b: number): string {
  if (b >= 1024 ** 3) return `${(b / 1024 ** 3).toFixed(2)} GB`;
  if (b >= 1024 ** 2) return `${(b / 1024 ** 2).toFixed(1)} MB`;
  if (b >= 1024) return `${(b / 1024).toFixed(1)} KB`;
  return `${Math.round(b)} B`;
}
