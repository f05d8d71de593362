// npx tsx scripts/l10n/merge-parts.ts: folds translation parts written in l10n/parts/ into the files
// the product reads, then removes them: `<name>.zh-cn.json` ({ English: 中文 }) into
// l10n/bundle.l10n.zh-cn.json; `rulemeta-*.zh-cn.json` ({ id: { explanation, fix } }) into
// l10n/rules.zh-cn.json and `reference-*.zh-cn.json` ({ "kind:name": { detail, doc } }) into
// l10n/reference.zh-cn.json, each with the English it translates (from the sources, now).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../core/lint/rules';
import { REFERENCE } from '../../server/src/features/tidbReference';

const L10N = path.join(import.meta.dirname, '../../l10n');
const PARTS = path.join(L10N, 'parts');
const read = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));
const write = (f: string, v: unknown) => fs.writeFileSync(f, `${JSON.stringify(v, null, 2)}\n`);
const sorted = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );

const bundleFile = path.join(L10N, 'bundle.l10n.zh-cn.json');
const bundle: Record<string, string> = fs.existsSync(bundleFile) ? read(bundleFile) : {};
const rules: Record<string, Record<string, { en: string; zh: string }>> = read(path.join(L10N, 'rules.zh-cn.json'));
const reference: Record<string, Record<string, { en: string; zh: string }>> = read(path.join(L10N, 'reference.zh-cn.json'));
const byId = new Map(RULES.map((r) => [r.meta.id, r.meta]));
const byKey = new Map(REFERENCE.map((e) => [`${e.kind}:${e.name}`, e]));

for (const f of fs.existsSync(PARTS) ? fs.readdirSync(PARTS).filter((x) => x.endsWith('.zh-cn.json')) : []) {
  const part = read(path.join(PARTS, f));
  if (f.startsWith('rulemeta-')) {
    for (const [id, t] of Object.entries(part as Record<string, { explanation?: string; fix?: string }>)) {
      const m = byId.get(id);
      if (!m) throw new Error(`${f}: no rule ${id}`);
      rules[id] = {
        ...(t.explanation ? { explanation: { en: m.explanation, zh: t.explanation } } : {}),
        ...(t.fix ? { fix: { en: m.fix, zh: t.fix } } : {}),
      };
    }
  } else if (f.startsWith('reference-')) {
    for (const [k, t] of Object.entries(part as Record<string, { detail?: string; doc?: string }>)) {
      const e = byKey.get(k);
      if (!e) throw new Error(`${f}: no reference entry ${k}`);
      reference[k] = {
        ...(t.detail ? { detail: { en: e.detail, zh: t.detail } } : {}),
        ...(t.doc ? { doc: { en: e.doc, zh: t.doc } } : {}),
      };
    }
  } else Object.assign(bundle, part);
  fs.rmSync(path.join(PARTS, f));
  console.log(`merged ${f}`);
}
write(bundleFile, sorted(bundle));
write(path.join(L10N, 'rules.zh-cn.json'), sorted(rules));
write(path.join(L10N, 'reference.zh-cn.json'), sorted(reference));
