// Checks one part of the translation while it is being written: the l10n.t strings of some source
// folders against a JSON file of their Chinese ({ "English": "中文" }), both ways, placeholders kept.
// node scripts/l10n/check-part.mjs <part.json> <folder or file>...
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const [part, ...dirs] = process.argv.slice(2);
const files = (p) =>
  fs.statSync(p).isFile()
    ? [p]
    : fs
        .readdirSync(p, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(p, e.name)) : e.name.endsWith('.ts') ? [path.join(p, e.name)] : []));
const en = await getL10nJson(dirs.flatMap(files).map((f) => ({ extension: '.ts', contents: fs.readFileSync(f, 'utf8') })));
const zh = fs.existsSync(part) ? JSON.parse(fs.readFileSync(part, 'utf8')) : {};
const holes = (s) => (s.match(/\{\w+\}/g) ?? []).sort().join(' ');
let bad = 0;
for (const k of Object.keys(en)) {
  if (typeof en[k] !== 'string') {
    console.log(`comment form (use a plain string): ${k}`);
    bad++;
  } else if (!(k in zh)) {
    console.log(`missing: ${k}`);
    bad++;
  } else if (holes(zh[k]) !== holes(k)) {
    console.log(`placeholders differ: ${k}`);
    bad++;
  } else if (!/[\u4e00-\u9fff]/.test(zh[k])) console.log(`(no Chinese, check it is right to keep: ${k})`);
}
for (const k of Object.keys(zh))
  if (!(k in en)) {
    console.log(`not in the sources: ${k}`);
    bad++;
  }
console.log(`${Object.keys(en).length} strings, ${bad} problems`);
process.exitCode = bad ? 1 : 0;
