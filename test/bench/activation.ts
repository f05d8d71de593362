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

/**
 * Activation times of the .vsix (and, with `beforeExtensionJs`, of the same install with that older
 * dist/extension.js in its place, alternately), with the peers' times from the same windows.
 */
export async function measureActivation(
  vsix = VSIX,
  beforeExtensionJs?: string,
): Promise<{ ours: number[]; before: number[]; peers: Map<string, number[]> }> {
  const cs = await ensureCodeServer();
  const browser = await launchBrowser();
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-act-ws-'));
  fs.cpSync(path.join(ROOT, 'examples'), ws, { recursive: true });
  const ours: number[] = [];
  const before: number[] = [];
  const peers = new Map<string, number[]>();
  try {
    for (let run = 0; run < RUNS * (beforeExtensionJs ? 2 : 1); run++) {
      const isBefore = beforeExtensionJs !== undefined && run % 2 === 1;
      // a fresh profile per run: every run is a first activation, as on a user's machine after install
      const dirs = prepareProfile(cs, {}, vsix);
      if (isBefore) {
        const ext = fs.readdirSync(dirs.extensions).find((d) => d.startsWith('tidb-toolkit.tidb-toolkit-'));
        if (!ext) throw new Error(`the .vsix was not installed in ${dirs.extensions}`);
        fs.copyFileSync(beforeExtensionJs!, path.join(dirs.extensions, ext, 'dist', 'extension.js'));
      }
      const inst = await startCodeServer(cs, dirs, { smokeTestDriver: false });
      try {
        const page = await newPage(browser);
        await page.goto(`${inst.url}/?folder=${encodeURIComponent(ws)}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await pick(page, 'Control+P', 'migration-v42.sql', 'migration-v42.sql');
        await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
        const times = await runningExtensions(page);
        const mine = times.get('TiDB Toolkit');
        if (mine === undefined) throw new Error(`TiDB Toolkit is not in the running extensions: ${[...times.keys()].join(', ')}`);
        (isBefore ? before : ours).push(mine);
        if (!isBefore) for (const [name, ms] of times) if (name !== 'TiDB Toolkit') peers.set(name, [...(peers.get(name) ?? []), ms]);
        await page.context().close();
      } finally {
        await inst.stop();
        fs.rmSync(dirs.root, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(ws, { recursive: true, force: true });
  }
  return { ours, before, peers };
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
    const { ours, before, peers } = await measureActivation(vsix, b?.extension);
    console.log(`activation as VS Code reports it (Show Running Extensions; code-server 4.139.1; fresh windows), target ≤ 50 ms:`);
    console.log(`  now    median ${median(ours)} ms (runs ${ours.join(', ')} ms); dist/extension.js ${(size / 1024).toFixed(0)} KB`);
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
