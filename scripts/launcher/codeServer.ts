// Starts the browser VS Code (code-server) with the packaged extension in a
// throwaway profile: used by `npm start` and by the real-VS-Code tests.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanEnv, freePort } from './env';
import type { CodeServerPaths } from './install';

export { ensureCodeServer, type CodeServerPaths } from './install';

export const ROOT = path.resolve(__dirname, '../..');
export const VSIX = path.join(ROOT, 'dist', 'tidb-toolkit.vsix');

export interface ProfileDirs {
  root: string;
  userData: string;
  extensions: string;
}

export interface Instance {
  port: number;
  url: string;
  dirs: ProfileDirs;
  log: string[];
  stop(): Promise<void>;
}

/** A fresh profile with the packaged extension installed. */
export function prepareProfile(cs: CodeServerPaths, extraSettings: Record<string, unknown> = {}, vsix = VSIX): ProfileDirs {
  // user-data-dir must be short (unix socket path limits)
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-'));
  const userData = path.join(root, 'u');
  const extensions = path.join(root, 'e');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'workbench.colorTheme': 'Default Light Modern',
        ...extraSettings,
      },
      null,
      1,
    ),
  );
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  execFileSync(cs.nodeBin, [cs.entry, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], {
    env: envFor(root),
    stdio: 'pipe',
  });
  return { root, userData, extensions };
}

function envFor(root: string): NodeJS.ProcessEnv {
  // XDG folders of its own, or code-server writes a password file into the home directory
  return cleanEnv({ XDG_CONFIG_HOME: path.join(root, 'xc'), XDG_DATA_HOME: path.join(root, 'xd'), NODE_OPTIONS: undefined });
}

export async function startCodeServer(
  cs: CodeServerPaths,
  dirs: ProfileDirs,
  opts: { smokeTestDriver: boolean; port?: number; locale?: string },
): Promise<Instance> {
  const port = opts.port ?? (await freePort());
  const cfg = path.join(dirs.root, 'config.yaml');
  fs.writeFileSync(cfg, 'auth: none\ncert: false\n');
  const args = [
    cs.entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--config',
    cfg,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
  ];
  if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  // the display language (code-server's --locale): the extension's package.nls.<locale>.json and l10n bundle follow it
  if (opts.locale) args.push('--locale', opts.locale);
  const log: string[] = [];
  // its own process group, so stopping it takes its children along
  const proc: ChildProcess = spawn(cs.nodeBin, args, { env: envFor(dirs.root), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (d) => log.push(String(d)));
  proc.stderr!.on('data', (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode}:\n${log.join('')}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    url,
    dirs,
    log,
    async stop() {
      try {
        process.kill(-proc.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 300));
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

const ZH_PACK = path.join(ROOT, 'test', 'e2e', 'zh-cn-pack');

/**
 * Makes zh-cn an available display language in a profile, as installing Microsoft's Chinese
 * language pack does (it cannot be downloaded on the test machines): the stand-in pack in
 * test/e2e/zh-cn-pack is packaged and installed, and languagepacks.json (the index VS Code's server
 * reads at startup to resolve --locale) names it. It translates nothing of VS Code's own UI, so only
 * the extension's strings (package.nls.zh-cn.json, l10n/bundle.l10n.zh-cn.json) appear in Chinese.
 */
export function installChineseLocale(cs: CodeServerPaths, dirs: ProfileDirs): void {
  const vsix = path.join(dirs.root, 'zh-cn-pack.vsix');
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], {
    cwd: ZH_PACK,
    stdio: 'pipe',
  });
  execFileSync(cs.nodeBin, [cs.entry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix], {
    env: envFor(dirs.root),
    stdio: 'pipe',
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(ZH_PACK, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  const id = `${manifest.publisher}.${manifest.name}`;
  const installed = path.join(dirs.extensions, `${id}-${manifest.version}`);
  fs.writeFileSync(
    path.join(dirs.userData, 'languagepacks.json'),
    JSON.stringify({
      'zh-cn': {
        hash: `${id}-${manifest.version}`,
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations: { vscode: path.join(installed, 'translations', 'main.i18n.json') },
        label: '中文(简体)',
      },
    }),
  );
}
