// Localisation (issue 20): every word the extension's manifest shows comes from package.nls.json,
// and the Simplified Chinese file has the same keys, with the same commands, code spans and numbers,
// in Chinese. Runtime strings: see the bundle tests below.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.join(import.meta.dirname, '../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));

type Props = Record<
  string,
  {
    description?: string;
    markdownDescription?: string;
    patternErrorMessage?: string;
    enumDescriptions?: string[];
    markdownEnumDescriptions?: string[];
    items?: { properties?: Props };
  }
>;
interface Contributes {
  commands: Array<{ command: string; title: string }>;
  views: Record<string, Array<{ id: string; name: string; contextualTitle?: string }>>;
  viewsWelcome: Array<{ view: string; contents: string }>;
  configuration: Array<{ title: string; properties: Props }>;
}

/** Strings of the manifest a user reads, with where they are. */
function userVisible(pkg: { displayName: string; description: string; contributes: Contributes }): Array<[string, string | undefined]> {
  const out: Array<[string, string | undefined]> = [];
  const c = pkg.contributes;
  out.push(['displayName', pkg.displayName], ['description', pkg.description]);
  for (const x of c.commands) out.push([`command ${x.command}`, x.title]);
  for (const views of Object.values(c.views))
    for (const v of views) out.push([`view ${v.id}`, v.name], [`view ${v.id}`, v.contextualTitle]);
  for (const w of c.viewsWelcome) out.push([`welcome ${w.view}`, w.contents]);
  for (const conf of [c.configuration].flat()) {
    out.push(['configuration title', conf.title]);
    for (const [k, p] of Object.entries(conf.properties)) {
      out.push(
        [`${k}.description`, p.description],
        [`${k}.markdownDescription`, p.markdownDescription],
        [`${k}.patternErrorMessage`, p.patternErrorMessage],
      );
      for (const d of [...(p.enumDescriptions ?? []), ...(p.markdownEnumDescriptions ?? [])]) out.push([`${k}.enumDescriptions`, d]);
      for (const [ik, ip] of Object.entries(p.items?.properties ?? {}))
        out.push([`${k}.${ik}.description`, ip.description], [`${k}.${ik}.markdownDescription`, ip.markdownDescription]);
    }
  }
  return out.filter(([, v]) => v !== undefined);
}

test('the manifest shows no literal English: every title, view name, welcome text and setting description is a %key% of package.nls.json', () => {
  const pkg = read('package.json');
  const nls = read('package.nls.json');
  const literal = userVisible(pkg).filter(([, v]) => !/^%[\w.]+%$/.test(v!) && v !== 'TiDB');
  assert.deepEqual(literal, [], 'literal strings in package.json');
  const missing = userVisible(pkg)
    .map(([, v]) => /^%([\w.]+)%$/.exec(v!)?.[1])
    .filter((k): k is string => !!k && !(k in nls));
  assert.deepEqual(missing, [], 'placeholders without a string');
  const used = new Set(userVisible(pkg).map(([, v]) => /^%([\w.]+)%$/.exec(v!)?.[1]));
  assert.deepEqual(
    Object.keys(nls).filter((k) => !used.has(k)),
    [],
    'strings no placeholder uses',
  );
});

/** What must survive translation untouched: command links, `code`, **bold commands** aside, numbers and setting ids. */
export function invariants(s: string): string[] {
  return [
    ...(s.match(/\(command:[\w.]+\)/g) ?? []),
    ...(s.match(/`[^`]+`/g) ?? []),
    ...(s.match(/\b\d+(?:\.\d+)*\b/g) ?? []),
    ...(s.match(/\{\d+\}/g) ?? []),
  ].sort();
}

test('package.nls.zh-cn.json: the same keys, each in Chinese, with its links, code spans and numbers unchanged', () => {
  const en = read('package.nls.json');
  const zh = read('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const sameAsEnglish = ['displayName'];
  for (const [k, v] of Object.entries(en) as Array<[string, string]>) {
    if (!sameAsEnglish.includes(k)) assert.match(zh[k], /[\u4e00-\u9fff]/, `${k} is not in Chinese: ${zh[k]}`);
    assert.deepEqual(invariants(zh[k]), invariants(v), k);
  }
});
