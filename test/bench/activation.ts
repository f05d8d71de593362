// Activation time of the extension as VS Code itself reports it (Developer: Show Running Extensions),
// in a real VS Code (code-server, see ../shared/vscode-e2e.md): the packaged .vsix installed, a .sql
// file opened (onLanguage:sql activates the extension), the runtime extensions editor read. Three
// window loads; the other extensions in the same window are printed beside it as the peers.
//   tsx test/bench/activation.ts [--vsix FILE]   (npm run package first; npm run bench does)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { ensureCodeServer, prepareProfile, ROOT, startCodeServer, VSIX } from '../../scripts/launcher/codeServer';
import { launchBrowser, newPage, pick } from '../e2e/browser';

const RUNS = 3;

/** name -> activation time in ms, from the runtime extensions editor. */
async function runningExtensions(page: Page): Promise<Map<string, number>> {
  await pick(page, 'F1', '>Developer: Show Running Extensions', 'Show Running Extensions');
  const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  const out = new Map<string, number>();
  for (const text of await rows.allInnerTexts()) {
    const name = text.split('\n')[0].trim();
    const m = /(\d+)\s*ms/.exec(text);
    if (m) out.set(name, Number(m[1]));
  }
  return out;
}

/** The code caches dist/main.js keeps in the profile's global storage (written ~5 s after a first activation). */
function codeCaches(userData: string): string[] {
  const dir = path.join(userData, 'User', 'globalStorage', 'tidb-toolkit.tidb-toolkit', 'code-cache');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bin')) : [];
}

/** What the extension logged about loading dist/extension.js in the newest window of this profile. */
function loadLine(userData: string): string | undefined {
  const logs: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.log') && path.basename(d) === 'tidb-toolkit.tidb-toolkit') logs.push(path.join(d, e.name));
  };
  if (fs.existsSync(path.join(userData, 'logs'))) walk(path.join(userData, 'logs'));
  const lines = logs
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n'))
    .filter((l) => /Loaded extension\.js in/.test(l));
  return /Loaded extension\.js in (\d+ ms \(code cache: \w+\))/.exec(lines.at(-1) ?? '')?.[1];
}

export interface ActivationTimes {
  /** the first window after installing: no code cache yet */
  cold: number[];
  /** the next window of the same profile: the code cache written by the first */
  warm: number[];
  /** the same, with an older dist/extension.js in place (that build had no code cache) */
  before: number[];
  /** what the extension logged of loading its activation bundle, per cold and warm window */
  loads: string[];
  peers: Map<string, number[]>;
}

/**
 * Activation times of the .vsix: per run a fresh profile, a first window (cold) and, once the code
 * cache is written, a second window (warm); with `beforeExtensionJs`, alternate runs use that older
 * dist/extension.js loaded as that build loaded it (no code cache). The peers' times come from the
 * cold windows.
 */
export async function measureActivation(vsix = VSIX, beforeExtensionJs?: string): Promise<ActivationTimes> {
  const cs = await ensureCodeServer();
  const browser = await launchBrowser();
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-act-ws-'));
  fs.cpSync(path.join(ROOT, 'examples'), ws, { recursive: true });
  const out: ActivationTimes = { cold: [], warm: [], before: [], loads: [], peers: new Map() };
  /** one window: open the .sql file, wait for a squiggle, read the running extensions */
  const window = async (dirs: ReturnType<typeof prepareProfile>): Promise<Map<string, number>> => {
    const inst = await startCodeServer(cs, dirs, { smokeTestDriver: false });
    try {
      const page = await newPage(browser);
      await page.goto(`${inst.url}/?folder=${encodeURIComponent(ws)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await pick(page, 'Control+P', 'migration-v42.sql', 'migration-v42.sql');
      await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
      const times = await runningExtensions(page);
      if (!times.has('TiDB Toolkit')) throw new Error(`TiDB Toolkit is not in the running extensions: ${[...times.keys()].join(', ')}`);
      // the cache is written 5 s after activation, by the extension host this window runs
      for (let i = 0; i < 40 && codeCaches(dirs.userData).length === 0; i++) await page.waitForTimeout(500);
      const load = loadLine(dirs.userData);
      if (load) out.loads.push(load);
      await page.context().close();
      return times;
    } finally {
      await inst.stop();
    }
  };
  try {
    for (let run = 0; run < RUNS * (beforeExtensionJs ? 2 : 1); run++) {
      const isBefore = beforeExtensionJs !== undefined && run % 2 === 1;
      // a fresh profile per run: the first window is a first activation, as on a user's machine after install
      const dirs = prepareProfile(cs, {}, vsix);
      try {
        if (isBefore) {
          const ext = fs.readdirSync(dirs.extensions).find((d) => d.startsWith('tidb-toolkit.tidb-toolkit-'));
          if (!ext) throw new Error(`the .vsix was not installed in ${dirs.extensions}`);
          const dir = path.join(dirs.extensions, ext);
          fs.copyFileSync(beforeExtensionJs!, path.join(dir, 'dist', 'extension.js'));
          // as that build loaded it: package.json's main is the bundle itself
          const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
          fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, main: './dist/extension.js' }));
          out.before.push((await window(dirs)).get('TiDB Toolkit')!);
          continue;
        }
        const cold = await window(dirs);
        out.cold.push(cold.get('TiDB Toolkit')!);
        for (const [name, ms] of cold) if (name !== 'TiDB Toolkit') out.peers.set(name, [...(out.peers.get(name) ?? []), ms]);
        if (codeCaches(dirs.userData).length === 0) throw new Error('the first window wrote no code cache');
        out.warm.push((await window(dirs)).get('TiDB Toolkit')!);
      } finally {
        fs.rmSync(dirs.root, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(ws, { recursive: true, force: true });
  }
  return out;
}

/**
 * What loading on first use adds to a first command: the time to load features.js and kube.js in a
 * Node process (a stand-in `vscode` module answers every call), median of 5 fresh processes each.
 */
export function firstUseLoadTimes(dist = path.join(ROOT, 'dist')): Record<string, number> {
  const script = `
    const Module = require('module');
    const mk = () => new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : k === Symbol.toPrimitive ? () => '' : mk()), apply: () => mk(), construct: () => mk() });
    const load = Module._load;
    Module._load = function (req, ...rest) { return req === 'vscode' ? mk() : load.call(this, req, ...rest); };
    const out = {};
    for (const b of ['extension.js', 'features.js', 'kube.js']) { const t = performance.now(); require(${JSON.stringify(dist)} + '/' + b); out[b] = performance.now() - t; }
    console.log(JSON.stringify(out));`;
  const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return Object.fromEntries(['extension.js', 'features.js', 'kube.js'].map((b) => [b, median(runs.map((r) => r[b]))]));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (require.main === module) {
  const i = process.argv.indexOf('--vsix');
  const vsix = i > 0 ? path.resolve(process.argv[i + 1]) : VSIX;
  const size = fs.statSync(path.join(ROOT, 'dist/extension.js')).size;
  (async () => {
    const { baseline } = (await import(pathToFileURL(path.join(__dirname, 'baseline.mjs')).href)) as {
      baseline: () => Promise<{ rev: string; extension: string } | undefined>;
    };
    const b = i > 0 ? undefined : await baseline();
    const { cold, warm, before, loads, peers } = await measureActivation(vsix, b?.extension);
    console.log(`activation as VS Code reports it (Show Running Extensions; code-server 4.139.1), target ≤ 50 ms:`);
    console.log(
      `  now, first window after install  median ${median(cold)} ms (runs ${cold.join(', ')} ms); dist/extension.js ${(size / 1024).toFixed(0)} KB`,
    );
    console.log(`  now, later windows (code cache)  median ${median(warm)} ms (runs ${warm.join(', ')} ms)`);
    console.log(`  loading dist/extension.js inside those windows (cold, warm per run): ${loads.join('; ')}`);
    if (b)
      console.log(
        `  before median ${median(before)} ms (runs ${before.join(', ')} ms); ${(fs.statSync(b.extension).size / 1024).toFixed(0)} KB`,
      );
    const first = firstUseLoadTimes();
    console.log(
      `  first use (bundle load in Node, median of 5): extension.js ${first['extension.js'].toFixed(0)} ms at activation; a first connection/query/explain/backup command adds features.js ${first['features.js'].toFixed(0)} ms, a first Kubernetes command kube.js ${first['kube.js'].toFixed(0)} ms more (target ≤ 100 ms each)`,
    );
    const top = [...peers].sort((x, y) => median(y[1]) - median(x[1])).slice(0, 4);
    console.log(`  peers in the same windows: ${top.map(([n, xs]) => `${n} ${median(xs)} ms`).join(', ') || 'none activated'}`);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
