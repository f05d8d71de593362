// The LSP base protocol over stdio frames each message with a Content-Length header.
// vscode-jsonrpc's reader stops reading for good when a header block lacks it, so one
// malformed frame (a stray write, another tool on the same pipe) left the server deaf
// even to `exit`. This stream passes well-formed frames through byte for byte and drops
// a malformed one, resynchronising at the next "Content-Length:" header.
//
// Only header blocks are buffered: a body is passed on chunk by chunk as it arrives
// (a 20 MB didOpen must not be copied again for every 64 KB read).
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = Buffer.from('Content-Length:');
/** a header block longer than this is garbage */
const MAX_HEADER = 8192;

export class FrameGuard extends Transform {
  /** bytes of a header block not complete yet */
  private head: Buffer = Buffer.alloc(0);
  /** body bytes still to pass through before the next header */
  private remaining = 0;
  private resync = false;

  constructor(private readonly onDrop: (why: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let rest: Buffer = chunk;
    while (rest.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, rest.length);
        this.push(rest.subarray(0, n));
        this.remaining -= n;
        rest = rest.subarray(n);
        continue;
      }
      rest = this.header(rest);
    }
    done();
  }

  /** Takes header bytes from `chunk`; returns what is left of it (the body's start, or nothing). */
  private header(chunk: Buffer): Buffer {
    this.head = this.head.length ? Buffer.concat([this.head, chunk]) : chunk;
    for (;;) {
      if (this.resync) {
        const at = this.head.indexOf(CONTENT_LENGTH);
        if (at < 0) {
          // keep a tail that may be the start of the header
          this.head = this.head.subarray(Math.max(0, this.head.length - CONTENT_LENGTH.length));
          return Buffer.alloc(0);
        }
        this.head = this.head.subarray(at);
        this.resync = false;
      }
      const end = this.head.indexOf(HEADER_END);
      if (end < 0) {
        if (this.head.length <= MAX_HEADER) return Buffer.alloc(0);
        this.discard('a header block without an end');
        continue;
      }
      const block = this.head.subarray(0, end).toString('ascii');
      const m = /(?:^|\r\n)content-length:[ \t]*(\d+)[ \t]*(?:\r\n|$)/i.exec(block);
      if (!m) {
        this.discard('a message without a Content-Length header');
        continue;
      }
      const headerBytes = end + HEADER_END.length;
      this.push(this.head.subarray(0, headerBytes));
      this.remaining = Number(m[1]);
      const rest = this.head.subarray(headerBytes);
      this.head = Buffer.alloc(0);
      return rest;
    }
  }

  private discard(why: string): void {
    this.onDrop(why);
    this.head = this.head.subarray(1);
    this.resync = true;
  }
}
