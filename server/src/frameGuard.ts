// The LSP base protocol over stdio frames each message with a Content-Length header.
// vscode-jsonrpc's reader stops reading for good when a header block lacks it, so one
// malformed frame (a stray write, another tool on the same pipe) left the server deaf
// even to `exit`. This stream passes well-formed frames through byte for byte and drops
// a malformed one, resynchronising at the next "Content-Length:" header.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = Buffer.from('Content-Length:');
/** a header block longer than this is garbage */
const MAX_HEADER = 8192;

export class FrameGuard extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  private resync = false;

  constructor(private readonly onDrop: (why: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.resync) {
        const at = this.buf.indexOf(CONTENT_LENGTH);
        if (at < 0) {
          // keep a tail that may be the start of the header
          this.buf = this.buf.subarray(Math.max(0, this.buf.length - CONTENT_LENGTH.length));
          return;
        }
        this.buf = this.buf.subarray(at);
        this.resync = false;
      }
      const end = this.buf.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buf.length > MAX_HEADER) this.discard('a header block without an end');
        else return;
        continue;
      }
      const header = this.buf.subarray(0, end).toString('ascii');
      const m = /(?:^|\r\n)content-length:[ \t]*(\d+)[ \t]*(?:\r\n|$)/i.exec(header);
      if (!m) {
        this.discard('a message without a Content-Length header');
        continue;
      }
      const total = end + HEADER_END.length + Number(m[1]);
      if (this.buf.length < total) return;
      this.push(this.buf.subarray(0, total));
      this.buf = this.buf.subarray(total);
    }
  }

  private discard(why: string): void {
    this.onDrop(why);
    this.buf = this.buf.subarray(1);
    this.resync = true;
  }
}
