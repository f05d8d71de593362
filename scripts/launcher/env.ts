// Environments (and ports) for the processes the launcher starts (nested npm installs,
// code-server, MariaDB). `npm start` and `npm test` run inside npm, which puts
// its whole configuration into the environment (npm_config_*, including the
// user agent naming *this* Node) and prepends node_modules/.bin folders to PATH.
// A nested npm reads npm_config_* as its own configuration, so every child gets
// the environment the user's shell had, not npm's.
import * as net from 'node:net';
import * as path from 'node:path';

/** Variables npm run-script adds besides npm_*; removed as well. */
const NPM_ADDED = new Set(['INIT_CWD', 'NODE', 'COLOR']);

function isNpmVariable(name: string): boolean {
  return /^npm_/i.test(name) || NPM_ADDED.has(name);
}

/** PATH entries npm run-script prepends: every node_modules/.bin up the tree and node-gyp-bin. */
function isNpmPathEntry(entry: string): boolean {
  const e = entry.replace(/[\\/]+$/, '');
  return e.endsWith(`${path.sep}node_modules${path.sep}.bin`) || e.endsWith(`${path.sep}node-gyp-bin`);
}

/**
 * The current environment without what npm added, plus `extra` (a value of
 * `undefined` removes a variable). `prependPath` goes in front of PATH.
 */
export function cleanEnv(extra: Record<string, string | undefined> = {}, prependPath: string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!isNpmVariable(k)) env[k] = v;
  const pathEntries = (env.PATH ?? '').split(path.delimiter).filter((p) => p && !isNpmPathEntry(p));
  env.PATH = [...prependPath, ...pathEntries].join(path.delimiter);
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
