// SHA-1 on a worker thread, for the ordered table checksums of a logical export or its
// verification: hashing a gigabyte costs ~0.9 s of CPU, and on the main thread that was a
// sixth of the export's time (the thread that reads rows and formats them is the
// bottleneck; the server and the worker use the other core). One worker serves many
// streams; bytes are copied once and transferred, and postMessage keeps them in order.
import * as l10n from '@vscode/l10n';
import { Worker } from 'node:worker_threads';

/** Something that hashes a stream of bytes. */
export interface Sha1Stream {
  update(bytes: Uint8Array): void;
  digest(): Promise<string>;
}

const SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  let h = hashes.get(m.id);
  if (!h) hashes.set(m.id, (h = crypto.createHash('sha1')));
  if (m.bytes) return void h.update(m.bytes);
  hashes.delete(m.id);
  parentPort.postMessage({ id: m.id, digest: h.digest('hex') });
});
`;

export class HashWorker {
  private readonly worker = new Worker(SOURCE, { eval: true });
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (d: string) => void; reject: (e: Error) => void }>();
  private failure?: Error;

  constructor() {
    this.worker.on('message', (m: { id: number; digest: string }) => {
      this.waiting.get(m.id)?.resolve(m.digest);
      this.waiting.delete(m.id);
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(l10n.t('the checksum worker stopped (exit code {0})', code))));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }

  stream(): Sha1Stream {
    const id = this.next++;
    return {
      update: (bytes) => {
        if (this.failure) return;
        const copy = new Uint8Array(bytes); // the caller's buffer is still being written to the file
        this.worker.postMessage({ id, bytes: copy }, [copy.buffer]);
      },
      digest: () => {
        if (this.failure) return Promise.reject(this.failure);
        return new Promise<string>((resolve, reject) => {
          this.waiting.set(id, { resolve, reject });
          this.worker.postMessage({ id, end: true });
        });
      },
    };
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
