// TiUP playground as a second local provider: no Docker needed. Starts
// `tiup playground` in its own process group, reads the TiDB port from its output,
// and stops it (the whole group) on request. No VS Code imports.
import { spawn, type ChildProcess } from 'node:child_process';
import * as l10n from '@vscode/l10n';

export interface Playground {
  tag: string;
  /** TiDB's MySQL port */
  port: number;
  /** the dashboard URL, when printed */
  dashboard?: string;
  stop(): Promise<void>;
  /** resolves when the playground exits (stopped or crashed) */
  exited: Promise<number | null>;
}

export class PlaygroundError extends Error {
  constructor(
    message: string,
    readonly output: string[],
  ) {
    super(message);
  }
}

/** tiup playground's arguments for a small local cluster. */
export function playgroundArgs(version: string, tag: string): string[] {
  return ['playground', version, '--tag', tag, '--db', '1', '--pd', '1', '--kv', '1', '--tiflash', '0', '--without-monitor'];
}

export function startPlayground(
  version: string,
  tag: string,
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; signal?: AbortSignal; onLine?: (l: string) => void } = {},
): Promise<Playground> {
  const group = process.platform !== 'win32';
  let child: ChildProcess;
  try {
    child = spawn('tiup', playgroundArgs(version, tag), {
      env: opts.env ?? process.env,
      detached: group,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    return Promise.reject(e);
  }
  const output: string[] = [];
  const kill = (sig: NodeJS.Signals) => {
    try {
      if (group && child.pid) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      // gone
    }
  };
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const stop = async () => {
    kill('SIGINT'); // tiup playground stops its components on Ctrl+C
    const t = setTimeout(() => kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(t);
    // anything of the group still running (a component that ignored the interrupt)
    kill('SIGTERM');
  };
  return new Promise((resolve, reject) => {
    let dashboard: string | undefined;
    let done = false;
    const fail = (msg: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void stop();
      reject(new PlaygroundError(msg, output.slice(-20)));
    };
    const timer = setTimeout(
      () => fail(l10n.t('tiup playground did not report TiDB ready within {0} s', Math.round((opts.timeoutMs ?? 600_000) / 1000))),
      opts.timeoutMs ?? 600_000,
    );
    opts.signal?.addEventListener('abort', () => fail(l10n.t('cancelled')));
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split(/\r?\n/)) {
        if (!line.trim()) continue;
        output.push(line);
        opts.onLine?.(line);
        const d = /(https?:\/\/[\d.:]+\/dashboard)/.exec(line);
        if (d) dashboard = d[1];
        // "Connect TiDB:    mysql --comments --host 127.0.0.1 --port 4000 -u root"
        const m = /Connect TiDB:.*--port (\d+)/.exec(line);
        if (m && !done) {
          done = true;
          clearTimeout(timer);
          const port = Number(m[1]);
          // the dashboard line may come right after
          setTimeout(() => resolve({ tag, port, dashboard, stop, exited }), 200);
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'ENOENT'
          ? l10n.t('tiup is not installed (no "tiup" on PATH): https://docs.pingcap.com/tidb/stable/tiup-overview')
          : e.message,
      ),
    );
    void exited.then((code) => fail(l10n.t('tiup playground exited (code {0}) before TiDB was ready', String(code))));
  });
}
