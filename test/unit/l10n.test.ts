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

// ---------------------------------------------------------------------------------------------
// Runtime strings: l10n/bundle.l10n.json is what the sources say; the Chinese bundle has exactly its keys.

const bundle = () => read('l10n/bundle.l10n.json') as Record<string, string>;
const zhBundle = () => read('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;

test('l10n/bundle.l10n.json is up to date with every l10n.t / vscode.l10n.t string of the sources (npm run l10n)', async () => {
  const { englishBundle } = await import('../../scripts/l10n/export.mjs');
  const fresh = await englishBundle();
  const committed = bundle();
  assert.deepEqual(
    Object.keys(fresh).filter((k) => !(k in committed)),
    [],
    'strings in the sources missing from l10n/bundle.l10n.json: run npm run l10n',
  );
  assert.deepEqual(
    Object.keys(committed).filter((k) => !(k in fresh)),
    [],
    'strings in l10n/bundle.l10n.json no source uses: run npm run l10n',
  );
  assert.ok(Object.keys(fresh).length > 500, `${Object.keys(fresh).length} strings`);
});

test('l10n/bundle.l10n.zh-cn.json translates every string and nothing else, with its placeholders, code, numbers and links', () => {
  const en = bundle();
  const zh = zhBundle();
  assert.deepEqual(
    Object.keys(en).filter((k) => !(k in zh)),
    [],
    'untranslated',
  );
  assert.deepEqual(
    Object.keys(zh).filter((k) => !(k in en)),
    [],
    'translations of strings no source uses',
  );
  const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
  const bad = Object.keys(en).filter((k) => holes(zh[k]).join() !== holes(k).join());
  assert.deepEqual(bad, [], 'placeholders differ');
  const code = (s: string) => (s.match(/`[^`]+`|\(command:[\w.]+\)|https?:\/\/\S+/g) ?? []).sort();
  assert.deepEqual(
    Object.keys(en).filter((k) => code(zh[k]).join() !== code(k).join()),
    [],
    'code spans or links differ',
  );
});

test('every Chinese string is Chinese, except those that are only names, SQL, symbols or numbers', () => {
  const zh = zhBundle();
  const english = Object.entries(zh).filter(
    ([k, v]) => !/[\u4e00-\u9fff]/.test(v) && /[a-z]{3,}\s+[a-z]{3,}/i.test(k.replace(/\{\w+\}/g, '')),
  );
  // strings that are the same in Chinese: names, SQL, units (checked by hand)
  const sameInChinese = new Set(
    english
      .filter(
        ([k, v]) =>
          k === v &&
          /^[\w\s{}().,:;/*@=<>+\-–—→…'"`%#[\]|]+$/.test(k) &&
          /\b(SELECT|EXPLAIN|ANALYZE|TiDB|TiKV|TiFlash|MPP|SQL|KILL|QUERY|MAX_EXECUTION_TIME|AUTO_RANDOM|ID)\b/.test(k),
      )
      .map(([k]) => k),
  );
  assert.deepEqual(
    english.filter(([k]) => !sameInChinese.has(k)).map(([k, v]) => `${k} → ${v}`),
    [],
  );
});

test('the glossary: a string that names a term uses the term TiDB’s Chinese docs use', () => {
  const { terms } = read('l10n/glossary.zh-cn.json') as { terms: Array<{ en: string; zh: string; or?: string }> };
  const zh = zhBundle();
  // a key with a translator's comment (`message/comment`): the message is what the user reads
  const en = bundle() as Record<string, string | { message: string }>;
  const english = (k: string) => (typeof en[k] === 'string' ? k : (en[k] as { message: string }).message);
  const misses: string[] = [];
  for (const t of terms) {
    const re = new RegExp(t.en, 'i');
    for (const [k, v] of Object.entries(zh))
      if (re.test(english(k).replace(/`[^`]*`/g, '')) && !v.includes(t.zh) && !(t.or && v.includes(t.or)))
        misses.push(`${t.zh}: ${k} → ${v}`);
  }
  assert.deepEqual(misses, []);
});

// ---------------------------------------------------------------------------------------------
// In Chinese: every rule's message on its own flagged examples, every rule's hover texts, every
// reference entry, and the docs links.

test('zh-cn: every rule’s message on its flagged examples renders in Chinese with its placeholders filled', async () => {
  const { lintText } = await import('../../core/lint/engine');
  const { exampleOf } = await import('../../core/lint/rule');
  const { RULES } = await import('../../core/lint/rules');
  const { useLocale } = await import('../../core/l10n');
  useLocale('zh-cn', path.join(ROOT, 'l10n'));
  try {
    const bad: string[] = [];
    let n = 0;
    for (const rule of RULES)
      for (const e of rule.examples.flagged) {
        const { sql, target } = exampleOf(rule, e);
        for (const f of lintText(sql, RULES, { config: { targetVersion: target ?? '8.5' } }).findings.filter(
          (x) => x.ruleId === rule.meta.id,
        )) {
          n++;
          if (!/[\u4e00-\u9fff]/.test(f.message) || /\{\d+\}/.test(f.message)) bad.push(`${rule.meta.id}: ${f.message}`);
        }
      }
    assert.deepEqual(bad, []);
    assert.ok(n > 300, `${n} messages`);
  } finally {
    useLocale('en', path.join(ROOT, 'l10n'));
  }
});

test('l10n/rules.zh-cn.json: every rule’s explanation and fix in Chinese, each against the English it translates (a changed English text fails here)', async () => {
  const { RULES } = await import('../../core/lint/rules');
  const table = read('l10n/rules.zh-cn.json') as Record<
    string,
    { explanation?: { en: string; zh: string }; fix?: { en: string; zh: string } }
  >;
  const problems: string[] = [];
  for (const { meta } of RULES)
    for (const f of ['explanation', 'fix'] as const) {
      const t = table[meta.id]?.[f];
      if (!t) problems.push(`${meta.id}.${f}: missing`);
      else if (t.en !== meta[f]) problems.push(`${meta.id}.${f}: the English changed since it was translated`);
      else if (!/[\u4e00-\u9fff]/.test(t.zh)) problems.push(`${meta.id}.${f}: not Chinese`);
      else if (invariants(t.zh).join() !== invariants(t.en).join()) problems.push(`${meta.id}.${f}: code or numbers differ`);
    }
  assert.deepEqual(
    Object.keys(table).filter((id) => !RULES.some((r) => r.meta.id === id)),
    [],
    'translations of rules that do not exist',
  );
  assert.deepEqual(problems, []);
});

test('l10n/reference.zh-cn.json: every hover and completion reference entry in Chinese', async () => {
  const { REFERENCE } = await import('../../server/src/features/tidbReference');
  const table = read('l10n/reference.zh-cn.json') as Record<
    string,
    { detail?: { en: string; zh: string }; doc?: { en: string; zh: string } }
  >;
  const problems: string[] = [];
  for (const e of REFERENCE)
    for (const f of ['detail', 'doc'] as const) {
      const t = table[`${e.kind}:${e.name}`]?.[f];
      if (!t) problems.push(`${e.kind}:${e.name}.${f}: missing`);
      else if (t.en !== e[f]) problems.push(`${e.kind}:${e.name}.${f}: the English changed since it was translated`);
      else if (!/[\u4e00-\u9fff]/.test(t.zh)) problems.push(`${e.kind}:${e.name}.${f}: not Chinese`);
      else if (invariants(t.zh).join() !== invariants(t.en).join()) problems.push(`${e.kind}:${e.name}.${f}: code or numbers differ`);
    }
  assert.deepEqual(problems, []);
});

test('docs links follow the language: the Chinese page where TiDB’s Chinese docs have it, else the English one', async () => {
  const { localizedDocsUrl } = await import('../../core/l10n');
  const { pages } = read('l10n/docs-zh-pages.json') as { pages: string[] };
  assert.ok(pages.includes('auto-random'), 'auto-random is in docs-cn');
  assert.equal(
    localizedDocsUrl('https://docs.pingcap.com/tidb/stable/auto-random#restrictions', 'zh-cn'),
    'https://docs.pingcap.com/zh/tidb/stable/auto-random#restrictions',
  );
  assert.equal(
    localizedDocsUrl('https://docs.pingcap.com/tidb/stable/auto-random', 'en'),
    'https://docs.pingcap.com/tidb/stable/auto-random',
  );
  assert.equal(
    localizedDocsUrl('https://docs.pingcap.com/tidb/stable/no-such-page-in-docs-cn', 'zh-cn'),
    'https://docs.pingcap.com/tidb/stable/no-such-page-in-docs-cn',
  );
  assert.equal(
    localizedDocsUrl('https://docs.pingcap.com/tidbcloud/serverless-limitations', 'zh-cn'),
    'https://docs.pingcap.com/tidbcloud/serverless-limitations',
  );
});

test('zh-cn: every plan diagnosis on its flagged examples gives its message and fix in Chinese with the placeholders filled', async () => {
  const { diagnose, PLAN_RULES } = await import('../../core/plan/diagnoses/index');
  const { parsePlan } = await import('../../core/plan/parse');
  const { EXPLAIN_DIR, fixtureOutput } = await import('../helpers/explainFixtures');
  const examplePlan = (e: string | { plan: string }) =>
    typeof e === 'string' ? fixtureOutput(path.join(EXPLAIN_DIR, `${e}.txt`)) : e.plan;
  const { useLocale } = await import('../../core/l10n');
  useLocale('zh-cn', path.join(ROOT, 'l10n'));
  try {
    const bad: string[] = [];
    let n = 0;
    for (const rule of PLAN_RULES)
      for (const e of rule.examples.flagged)
        for (const d of diagnose(parsePlan(examplePlan(e)), { warnings: typeof e === 'string' ? undefined : e.warnings }).filter(
          (x) => x.rule === rule.id,
        )) {
          n++;
          for (const text of [d.message, d.fix ?? '中'])
            if (!/[\u4e00-\u9fff]/.test(text) || /\{\d+\}/.test(text)) bad.push(`${rule.id}: ${text}`);
        }
    assert.deepEqual(bad, []);
    assert.ok(n >= PLAN_RULES.length, `${n} diagnoses`);
  } finally {
    useLocale('en', path.join(ROOT, 'l10n'));
  }
});
