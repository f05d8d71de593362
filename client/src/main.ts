// The extension's entry point (dist/main.js): loads the activation bundle (dist/extension.js) with
// a V8 code cache kept in the extension's global storage, so a window after the first one does not
// compile the language client again. Profiled: requiring dist/extension.js is ~90% of activation,
// and compiling it (whole-script parse plus the lazy compiles of the module bodies) is about half
// of that; evaluating it is the rest. Only this extension's own bundles go through the cache (no
// process-wide hook: the extension host is shared with other extensions). Any problem with the
// cache falls back to a plain require.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as vscode from 'vscode';
import { type LoadReport, setLoadReport } from './loadReport';

type Activation = typeof import('./extension');

let loaded: Activation | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<unknown> {
  const bundle = loadWithCodeCache<Activation>(
    path.join(__dirname, 'extension.js'),
    path.join(context.globalStorageUri.fsPath, 'code-cache'),
  );
  loaded = bundle;
  return bundle.activate(context);
}

export async function deactivate(): Promise<void> {
  await loaded?.deactivate();
}

/** Time after loading when the cache is written: the functions compiled by then (activation, starting the client) are in it. */
const WRITE_AFTER_MS = 5_000;

/**
 * Loads a CommonJS bundle as `require` would, compiling it with the code cache in `dir` when there
 * is one for this exact file and V8, and writing one a little later when there was none.
 */
export function loadWithCodeCache<T>(file: string, dir: string, writeAfterMs = WRITE_AFTER_MS): T {
  const t0 = performance.now();
  const report = (codeCache: LoadReport['codeCache']) => {
    setLoadReport({ file, ms: performance.now() - t0, codeCache });
  };
  let script: vm.Script;
  let cacheFile: string;
  let cachedData: Buffer | undefined;
  try {
    const source = fs.readFileSync(file, 'utf8');
    const st = fs.statSync(file);
    // the V8 version and the file's size and time: a cache is only ever used for the bytes it was made from
    const key = `${path.basename(file, '.js')}-${st.size}-${Math.trunc(st.mtimeMs)}-${process.versions.v8.replace(/[^\w.-]/g, '_')}`;
    cacheFile = path.join(dir, `${key}.bin`);
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    script = new vm.Script(wrap(source), { filename: file, cachedData });
  } catch (e) {
    console.warn(`TiDB Toolkit: loading ${file} without a code cache: ${e instanceof Error ? e.message : String(e)}`);
    const exports = require(file) as T;
    report('failed');
    return exports;
  }
  const module = { exports: {} as T };
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
  fn.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  report(!cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used');
  if (!cachedData || script.cachedDataRejected) setTimeout(() => writeCache(script, cacheFile, dir), writeAfterMs).unref();
  return module.exports;
}

function writeCache(script: vm.Script, cacheFile: string, dir: string): void {
  try {
    const data = script.createCachedData();
    fs.mkdirSync(dir, { recursive: true });
    const prefix = `${path.basename(cacheFile).split('-')[0]}-`;
    for (const old of fs.readdirSync(dir)) if (old.startsWith(prefix)) fs.rmSync(path.join(dir, old), { force: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, cacheFile);
  } catch (e) {
    // the next window compiles again; nothing else depends on the cache
    console.warn(`TiDB Toolkit: could not write the code cache ${cacheFile}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Node's CommonJS wrapper (the same text `require` compiles). */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}
