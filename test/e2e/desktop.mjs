// npm run test:desktop: the same integration suite in desktop VS Code through
// @vscode/test-electron, on the minimum engines.vscode version and on stable.
// It needs to download VS Code; offline it stops at once and says why. Not part
// of .ci/run (these machines have no internet).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const minimum = pkg.engines.vscode.replace(/^[^\d]*/, '');

try {
  const ctl = new AbortController();
  const t = setTimeout(() => ctl.abort(), 5000);
  await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: ctl.signal });
  clearTimeout(t);
} catch (e) {
  console.error(
    `test:desktop: cannot reach update.code.visualstudio.com to download VS Code (${e.cause?.code ?? e.name ?? e}). ` +
      'Run it on a machine with internet access; here use npm test, whose e2e tests run in code-server.',
  );
  process.exit(2);
}

const { runTests } = await import('@vscode/test-electron');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-desktop-'));
await esbuild.build({
  entryPoints: [path.join(root, 'test/e2e/suite/index.ts')],
  outfile: path.join(out, 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
});
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-desktop-ws-'));
fs.cpSync(path.join(root, 'examples'), ws, { recursive: true });
let failed = 0;
for (const version of [minimum, 'stable']) {
  console.log(`test:desktop: VS Code ${version}`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(out, 'index.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { TIDB_E2E_DEV_EXTENSION: '1' },
    });
  } catch (e) {
    failed++;
    console.error(`test:desktop: VS Code ${version} failed: ${e.message ?? e}`);
  }
}
fs.rmSync(out, { recursive: true, force: true });
fs.rmSync(ws, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
