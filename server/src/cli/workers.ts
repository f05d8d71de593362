// Many files across the machine's cores: worker threads run the same bundle, each lints one input at a
// time, and the main thread writes the reports in the order of the inputs, so the output is identical to
// a single-threaded run whatever finishes first.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { RenderedFile } from './format';
import type { PortableReport } from './portable';

export interface WorkerSetup {
  argv: string[];
  cwd: string;
  color: boolean;
}

export interface WorkerResult {
  /** the file's output, when the format can be rendered in the worker */
  rendered?: RenderedFile;
  /** else the report, to render in the main thread */
  report?: PortableReport;
  ioError: boolean;
  /** what the worker said on stderr for this input */
  stderr: string;
}

interface Request {
  index: number;
  input: string;
}

/** Workers run the bundled script itself (dist/cli.js); from TypeScript sources there is none to start. */
export function canStartWorkers(): boolean {
  return !__filename.endsWith('.ts');
}

/** True in a thread started by lintInWorkers: the setup it was given. */
export function workerSetup(): WorkerSetup | undefined {
  if (isMainThread || !workerData || typeof workerData !== 'object' || !('tidbLintWorker' in workerData)) return undefined;
  return (workerData as { tidbLintWorker: WorkerSetup }).tidbLintWorker;
}

/** The worker's loop: answers each request with the result of `lint`. */
export function serveWorker(lint: (input: string) => Promise<WorkerResult>): void {
  const port = parentPort!;
  port.on('message', (req: Request) => {
    lint(req.input).then(
      (r) => port.postMessage({ index: req.index, ...r }),
      (e) => port.postMessage({ index: req.index, ioError: true, stderr: `tidb-lint: ${req.input}: ${(e as Error)?.message ?? e}\n` }),
    );
  });
}

/**
 * Lints `inputs` on `count` workers, handing each the next input when it is done with one
 * (two in flight per worker), and calls `take` in input order.
 */
export function lintInWorkers(
  setup: WorkerSetup,
  inputs: readonly string[],
  count: number,
  io: { stderr: (s: string) => void },
  take: (r: WorkerResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done: Array<WorkerResult | undefined> = [];
    let next = 0; // next input to hand out
    let written = 0; // next result to write
    const workers: Worker[] = [];
    let failed = false;
    const finish = (e?: Error) => {
      if (failed) return;
      if (e) failed = true;
      for (const w of workers) void w.terminate();
      if (e) reject(e);
      else resolve();
    };
    const feed = (w: Worker) => {
      if (next < inputs.length) {
        w.postMessage({ index: next, input: inputs[next] } satisfies Request);
        next++;
      }
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(__filename, { workerData: { tidbLintWorker: setup }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      workers.push(w);
      w.on('message', (m: WorkerResult & { index: number }) => {
        done[m.index] = m;
        while (written < inputs.length && done[written]) {
          const r = done[written]!;
          done[written] = undefined;
          written++;
          if (r.stderr) io.stderr(r.stderr);
          take(r);
        }
        if (written === inputs.length) finish();
        else feed(w);
      });
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => {
        if (written < inputs.length) finish(new Error(`a worker thread stopped (exit code ${code}) before all files were linted`));
      });
      feed(w);
      feed(w);
    }
  });
}
