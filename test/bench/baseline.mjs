// The "before" of npm run bench: the CLI, the language server and the activation bundle built from an
// earlier commit's sources (git archive), with this checkout's node_modules, into .bench/<rev>/. Every
// number is then measured before and after in the same run, on the same machine, alternately.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Issue 16 was measured from this commit (the last before its work). */
export const BASELINE_REV = process.env.TIDB_BENCH_BEFORE ?? '44478dc';

/** { rev, cli, server, extension } of the baseline, or undefined (said why) when it cannot be built here. */
export async function baseline(rev = BASELINE_REV) {
  const dir = path.join(root, '.bench', rev);
  const out = {
    rev,
    cli: path.join(dir, 'dist/cli.js'),
    server: path.join(dir, 'dist/server.js'),
    extension: path.join(dir, 'dist/extension.js'),
  };
  if ([out.cli, out.server, out.extension].every((f) => fs.existsSync(f))) return out;
  try {
    execFileSync('git', ['cat-file', '-e', `${rev}^{commit}`], { cwd: root, stdio: 'ignore' });
  } catch {
    console.log(`before: commit ${rev} is not in this clone (shallow?); only the current numbers are printed`);
    return undefined;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const src = path.join(dir, 'src');
  fs.mkdirSync(src, { recursive: true });
  const tar = execFileSync('git', ['archive', rev, 'core', 'server', 'client', 'protocol', 'package.json'], {
    cwd: root,
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', src], { input: tar });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    logLevel: 'error',
    nodePaths: [path.join(root, 'node_modules')],
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [path.join(src, 'server/src/cli.ts')], outfile: out.cli }),
    esbuild.build({ ...common, entryPoints: [path.join(src, 'server/src/server.ts')], outfile: out.server }),
    esbuild.build({ ...common, entryPoints: [path.join(src, 'client/src/extension.ts')], outfile: out.extension, external: ['vscode'] }),
  ]);
  return out;
}
