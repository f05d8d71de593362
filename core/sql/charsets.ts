// Character sets and collations: what MySQL knows and what TiDB supports
// (new collation framework, the default for clusters bootstrapped on v6.0+).
import type { Version } from './version';

/** Character sets MySQL 5.7/8.0 know (SHOW CHARACTER SET). */
export const MYSQL_CHARSETS = new Set([
  'armscii8',
  'ascii',
  'big5',
  'binary',
  'cp1250',
  'cp1251',
  'cp1256',
  'cp1257',
  'cp850',
  'cp852',
  'cp866',
  'cp932',
  'dec8',
  'eucjpms',
  'euckr',
  'gb18030',
  'gb2312',
  'gbk',
  'geostd8',
  'greek',
  'hebrew',
  'hp8',
  'keybcs2',
  'koi8r',
  'koi8u',
  'latin1',
  'latin2',
  'latin5',
  'latin7',
  'macce',
  'macroman',
  'sjis',
  'swe7',
  'tis620',
  'ucs2',
  'ujis',
  'utf16',
  'utf16le',
  'utf32',
  'utf8',
  'utf8mb3',
  'utf8mb4',
]);

/** Whether TiDB (at `target`) accepts the character set. */
export function isSupportedCharset(name: string, target: Version): boolean {
  const n = name.toLowerCase();
  if (n === 'gbk') return target.gte('5.4');
  return n === 'ascii' || n === 'latin1' || n === 'binary' || n === 'utf8' || n === 'utf8mb3' || n === 'utf8mb4';
}

const SUPPORTED_COLLATIONS = new Set([
  'binary',
  'ascii_bin',
  'latin1_bin',
  'utf8_bin',
  'utf8_general_ci',
  'utf8_unicode_ci',
  'utf8mb3_bin',
  'utf8mb3_general_ci',
  'utf8mb3_unicode_ci',
  'utf8mb4_bin',
  'utf8mb4_general_ci',
  'utf8mb4_unicode_ci',
]);

/** Whether a name looks like a collation (charset_suffix or binary). */
export function looksLikeCollation(name: string): boolean {
  return name.toLowerCase() === 'binary' || /^[a-z0-9]+_[a-z0-9_]+$/i.test(name);
}

/** Whether TiDB (new collation framework, at `target`) accepts the collation. */
export function isSupportedCollation(name: string, target: Version): boolean {
  const n = name.toLowerCase();
  if (SUPPORTED_COLLATIONS.has(n)) return true;
  if (n === 'utf8mb4_0900_ai_ci' || n === 'utf8mb4_0900_bin') return target.gte('7.4');
  if (n === 'gbk_bin' || n === 'gbk_chinese_ci') return target.gte('5.4');
  // TiDB-specific collations (utf8mb4_zh_pinyin_tidb_as_cs) are TiDB's own
  if (n.includes('_tidb_')) return true;
  return false;
}

/** The charset part of a collation name (utf8mb4_unicode_ci -> utf8mb4). */
export function collationCharset(name: string): string {
  const n = name.toLowerCase();
  return n === 'binary' ? 'binary' : n.split('_')[0];
}

/** The nearest collation TiDB supports for an unsupported one, or undefined when there is none. */
export function nearestCollation(name: string, target: Version): string | undefined {
  const n = name.toLowerCase();
  const cs = collationCharset(n);
  const rest = n.slice(cs.length);
  if (cs === 'utf8mb4' || cs === 'utf8' || cs === 'utf8mb3') {
    const base = cs === 'utf8mb3' ? 'utf8' : cs;
    if (rest.endsWith('_bin') || rest.endsWith('_cs')) return cs === 'utf8mb4' && rest === '_0900_bin' ? 'utf8mb4_bin' : `${base}_bin`;
    if (rest.includes('unicode')) return `${base}_unicode_ci`;
    if (rest.endsWith('_ci'))
      return base === 'utf8mb4' && rest.endsWith('0900_ai_ci') && target.gte('7.4') ? 'utf8mb4_0900_ai_ci' : `${base}_general_ci`;
    return undefined;
  }
  if (cs === 'latin1') return 'latin1_bin';
  if (cs === 'ascii') return 'ascii_bin';
  if (cs === 'gbk' && target.gte('5.4')) return rest.endsWith('_ci') ? 'gbk_chinese_ci' : 'gbk_bin';
  return undefined;
}

/** Charsets whose TiDB default collation is binary while MySQL's is case-insensitive. */
export const BINARY_DEFAULT_CHARSETS = new Set(['utf8mb4', 'utf8', 'utf8mb3', 'latin1', 'ascii']);

/** A case-insensitive collation TiDB supports for the charset (undefined for latin1/ascii: TiDB has none). */
export function caseInsensitiveCollation(charset: string): string | undefined {
  const c = charset.toLowerCase();
  if (c === 'utf8mb4') return 'utf8mb4_general_ci';
  if (c === 'utf8' || c === 'utf8mb3') return 'utf8_general_ci';
  return undefined;
}
