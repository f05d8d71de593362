// One build for what is tested and what ships.
//   dist/cli.js        tidb-lint (node, cjs, fully bundled, shebang)
//   dist/server.js     the language server (node, cjs, fully bundled)
//   dist/plan.js       tidb-plan (node, cjs, shebang): EXPLAIN parser, advice, standalone HTML
//   dist/extension.js  the VS Code extension host side (node, cjs, `vscode` external)
//   dist/webviews/*   browser bundles for the webviews (iife, one per view, with its CSS)
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// --outdir=DIR builds somewhere else than dist/ (parallel work on one checkout).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

// Some dependencies call createRequire(import.meta.url); give the CJS bundles a real URL for it.
const importMetaUrl = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";

/** @param {string} entry @param {string} out @param {Partial<esbuild.BuildOptions>} extra @returns {esbuild.BuildOptions} */
const node = (entry, out, extra = {}) => ({
  entryPoints: [entry],
  outfile: `${outdir}/${out}`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  banner: { js: importMetaUrl },
  define: { 'import.meta.url': '__importMetaUrl' },
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  ...extra,
});

const builds = [
  node('server/src/cli.ts', 'cli.js', { banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
  node('server/src/server.ts', 'server.js'),
  node('server/src/planCli.ts', 'plan.js', { banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
  node('client/src/extension.ts', 'extension.js', { external: ['vscode'] }),
  ...['results', 'plan'].map((view) => ({
    entryPoints: { [view]: `webviews/${view}/main.ts` },
    outdir: `${outdir}/webviews`,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
  })),
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
