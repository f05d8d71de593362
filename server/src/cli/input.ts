// Reading SQL files as their bytes say, and writing fixes back without losing any:
// byte-order marks (UTF-8, UTF-16 LE/BE) are honoured, bytes that are not UTF-8 are
// reported (never silently replaced and written back), and --fix writes a temporary
// file beside the original, flushes it and renames it over the original only if the
// original still holds the bytes that were read.
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export interface DecodedSql {
  text: string;
  encoding: Encoding;
  /** byte offset of the first byte that is not UTF-8 (the text holds U+FFFD there) */
  invalidByte?: number;
  /** character offset in `text` of that first replacement */
  invalidOffset?: number;
}

/** The offset of the first ill-formed UTF-8 sequence. */
function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    let n: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

export function decodeSql(buf: Buffer): DecodedSql {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { ...decodeUtf8(buf.subarray(3), 3), encoding: 'utf8-bom' };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf16be' };
  return { ...decodeUtf8(buf, 0), encoding: 'utf8' };
}

function decodeUtf8(buf: Buffer, skipped: number): { text: string; invalidByte?: number; invalidOffset?: number } {
  if (isUtf8(buf)) return { text: buf.toString('utf8') };
  const bad = firstInvalidUtf8(buf);
  const text = buf.toString('utf8');
  // the characters before the bad byte decode exactly, so its character offset is theirs
  const invalidOffset = bad < 0 ? undefined : buf.subarray(0, bad).toString('utf8').length;
  return { text, invalidByte: bad < 0 ? undefined : bad + skipped, invalidOffset };
}

/** The bytes of `text` in the file's encoding (with its byte-order mark). */
export function encodeSql(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
  }
}

export class WriteRefused extends Error {}

/**
 * Replaces `file` with `bytes` atomically: a temporary file in the same folder,
 * flushed to disk, renamed over the original. Refuses (and leaves the original
 * alone) when the file no longer holds `original`: someone changed it meanwhile.
 */
export function replaceFileAtomically(file: string, original: Buffer, bytes: Buffer): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.tidb-lint-${process.pid}.tmp`);
  const mode = fs.statSync(file).mode & 0o7777;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    // write() may write less than asked (a file size limit, a full disk): go on until all is written or it fails
    for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (!fs.readFileSync(file).equals(original))
      throw new WriteRefused('the file changed while it was being linted; nothing was written (run again)');
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
