// Runs kind, docker and tiup: one place, so the tests can put fake scripts on PATH.
// No VS Code imports.
import { spawn } from 'node:child_process';
import * as l10n from '@vscode/l10n';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const NOT_FOUND = Symbol.for('tidb-toolkit.CommandNotFoundError');

export class CommandNotFoundError extends Error {
  readonly [NOT_FOUND] = true;
  constructor(readonly command: string) {
    super(l10n.t('{0} was not found on PATH', command));
  }

  /** Also true for one thrown by the copy of this class in another bundle (features.js runs processes for kube.js). */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && NOT_FOUND in x;
  }
}

export interface RunOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** each line of output as it comes (progress) */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export type ProcessRunner = (command: string, args: string[], opts?: RunOptions) => Promise<ProcessResult>;

export const runProcess: ProcessRunner = (command, args, opts = {}) =>
  new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new Error('cancelled'));
    // its own process group, so a timeout or cancel stops what it started too (kind runs docker)
    const group = process.platform !== 'win32';
    const child = spawn(command, args, { env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], detached: group });
    const stop = () => {
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGTERM');
        else child.kill('SIGTERM');
      } catch {
        // already gone
      }
    };
    let stdout = '';
    let stderr = '';
    const pending: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
    const feed = (stream: 'stdout' | 'stderr', chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stream === 'stdout') stdout += text;
      else stderr += text;
      if (!opts.onLine) return;
      const lines = (pending[stream] + text).split(/\r?\n/);
      pending[stream] = lines.pop() ?? '';
      for (const l of lines) opts.onLine(l, stream);
    };
    child.stdout.on('data', (c: Buffer) => feed('stdout', c));
    child.stderr.on('data', (c: Buffer) => feed('stderr', c));
    const timer = opts.timeoutMs ? setTimeout(stop, opts.timeoutMs) : undefined;
    const onAbort = stop;
    opts.signal?.addEventListener('abort', onAbort);
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      reject(e.code === 'ENOENT' ? new CommandNotFoundError(command) : e);
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      for (const s of ['stdout', 'stderr'] as const) if (pending[s] && opts.onLine) opts.onLine(pending[s], s);
      resolve({ code, stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
