// npm run l10n: every l10n.t / vscode.l10n.t string of the sources into l10n/bundle.l10n.json (the
// English bundle: the keys l10n/bundle.l10n.zh-cn.json must translate). test/unit/l10n.test.ts
// fails when this file is stale or a key has no translation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SOURCE_DIRS = ['client/src', 'core', 'server/src', 'webviews'];

function tsFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The English bundle of the sources, keys sorted. */
export async function englishBundle(root = ROOT) {
  const files = SOURCE_DIRS.flatMap((d) => tsFiles(path.join(root, d))).sort();
  const json = await getL10nJson(files.map((f) => ({ extension: '.ts', contents: fs.readFileSync(f, 'utf8') })));
  return Object.fromEntries(
    Object.keys(json)
      .sort()
      .map((k) => [k, json[k]]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bundle = await englishBundle();
  fs.mkdirSync(path.join(ROOT, 'l10n'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(bundle, null, 2)}\n`);
  const zhFile = path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json');
  const zh = fs.existsSync(zhFile) ? JSON.parse(fs.readFileSync(zhFile, 'utf8')) : {};
  const missing = Object.keys(bundle).filter((k) => !(k in zh));
  const stale = Object.keys(zh).filter((k) => !(k in bundle));
  console.log(
    `l10n/bundle.l10n.json: ${Object.keys(bundle).length} strings; zh-cn: ${missing.length} to translate, ${stale.length} no longer used`,
  );
  for (const k of missing) console.log(`  + ${k}`);
  for (const k of stale) console.log(`  - ${k}`);
}
