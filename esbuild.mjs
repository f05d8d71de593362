// One build for what is tested and what ships.
//   dist/cli.js      tidb-lint (node, cjs, fully bundled)
//   dist/server.js   the language server (node, cjs, fully bundled)
//   dist/extension.js the VS Code extension host side (node, cjs, `vscode` external)
// The webviews join this list as they land.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// --outdir=DIR builds somewhere else than dist/ (parallel work on one checkout).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    entryPoints: ['server/src/cli.ts'],
    outfile: `${outdir}/cli.js`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Some dependencies call createRequire(import.meta.url); give the CJS bundle a real URL for it.
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
  },
  {
    entryPoints: ['server/src/server.ts'],
    outfile: `${outdir}/server.js`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
  },
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: `${outdir}/extension.js`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
  },
];

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
