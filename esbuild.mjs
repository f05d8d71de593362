// One build for what is tested and what ships.
//   dist/cli.js        tidb-lint (node, cjs, fully bundled, shebang)
//   dist/server.js     the language server (node, cjs, fully bundled)
//   dist/plan.js       tidb-plan (node, cjs, shebang): EXPLAIN parser, advice, standalone HTML
//   dist/schema-diff.js tidb-schema-diff (node, cjs, shebang): compare two schemas, print the migration
//   dist/main.js       the extension's entry point: loads dist/extension.js with a V8 code cache
//   dist/extension.js  the VS Code extension host side at activation: language client, status bar,
//                      commands and views (node, cjs, `vscode` external)
//   dist/features.js   the rest of the extension host side, loaded on first use (connections and
//                      mysql2, explorer, queries and results, EXPLAIN, backup)
//   dist/kube.js       everything that needs @kubernetes/client-node, loaded on first use
//   dist/webviews/*   browser bundles for the webviews (iife, one per view, with its CSS)
import * as fs from 'node:fs';
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

/**
 * The extension host side is three bundles. A `require('./features')` or `import('./kubeApi')` in
 * the sources (which tests run as they are) becomes a require of the other bundle at that spot, so
 * it loads only when that line runs.
 */
const LAZY = [
  { module: 'client/src/features.ts', bundle: './features.js' },
  { module: 'client/src/localCluster/kubeApi.ts', bundle: './kube.js' },
];
/** @param {string} own the entry this bundle is built from @returns {esbuild.Plugin} */
const lazyBundles = (own) => ({
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(.*\/)?(features|kubeApi)$/ }, async (args) => {
      if (args.pluginData === 'lazy') return undefined;
      const r = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'lazy' });
      const lazy = LAZY.find((l) => r.path.endsWith(l.module));
      if (!lazy || r.path.endsWith(own)) return r;
      return { path: lazy.bundle, external: true };
    });
  },
});
/**
 * The language client's protocol (RequestType and friends) must be one copy across the three bundles:
 * vscode-jsonrpc compares parameter-structure objects by identity, so a request type from another
 * copy sends its parameters wrongly. extension.js publishes its copy (client/src/sharedProtocol.ts);
 * features.js and kube.js read it.
 * @type {esbuild.Plugin}
 */
const sharedProtocol = {
  name: 'shared-protocol',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, () => ({ path: 'shared', namespace: 'shared-protocol' }));
    build.onLoad({ filter: /.*/, namespace: 'shared-protocol' }, () => ({
      contents:
        "const p = globalThis[Symbol.for('tidb-toolkit.vscode-languageserver-protocol')];\n" +
        "if (!p) throw new Error('the language client protocol is not loaded: extension.js must run first');\nmodule.exports = p;",
      loader: 'js',
    }));
  },
};
const extensionHost = (entry, out) =>
  node(entry, out, {
    external: ['vscode'],
    plugins: entry === 'client/src/extension.ts' ? [lazyBundles(entry)] : [lazyBundles(entry), sharedProtocol],
    metafile: true,
  });

const builds = [
  node('server/src/cli.ts', 'cli.js', { banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
  node('server/src/server.ts', 'server.js'),
  node('server/src/planCli.ts', 'plan.js', { banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
  node('client/src/schemaCompare/cli.ts', 'schema-diff.js', { banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
  node('client/src/main.ts', 'main.js', { external: ['vscode'], banner: {} }),
  extensionHost('client/src/extension.ts', 'extension.js'),
  extensionHost('client/src/features.ts', 'features.js'),
  extensionHost('client/src/localCluster/kubeApi.ts', 'kube.js'),
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
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  // what each extension-host bundle holds, for test/unit/bundles.test.ts
  fs.mkdirSync(`${outdir}/meta`, { recursive: true });
  for (const r of results)
    for (const [out, o] of Object.entries(r.metafile?.outputs ?? {}))
      fs.writeFileSync(`${outdir}/meta/${out.split('/').pop()}.json`, JSON.stringify(Object.keys(o.inputs)));
  if (process.argv.includes('--sizes'))
    for (const r of results)
      for (const [out, o] of Object.entries(r.metafile?.outputs ?? {})) {
        const by = {};
        for (const [f, v] of Object.entries(o.inputs)) {
          const p = f.split('/');
          const k = p[0] === 'node_modules' ? p.slice(0, p[1].startsWith('@') ? 3 : 2).join('/') : p.slice(0, 3).join('/');
          by[k] = (by[k] ?? 0) + v.bytesInOutput;
        }
        const top = Object.entries(by)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6);
        console.log(`${out} ${(o.bytes / 1024).toFixed(0)} KB: ${top.map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KB`).join(', ')}`);
      }
}
