import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { RuleDefinition } from '../../core/lint/rule';
import { RULES } from '../../core/lint/rules';

const dir = path.resolve(__dirname, '../../core/lint/rules');
/** One folder per catalogue category; support/ holds helpers shared by rules, not rules. */
const camel = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const CATEGORIES = ['incompatible', 'behaviour-differs', 'risky'];

test('every rule file is registered exactly once, in the folder of its category', async () => {
  const folders = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  assert.deepEqual(folders.filter((f) => f !== 'support').sort(), [...CATEGORIES].sort(), 'rule folders');
  const missing: string[] = [];
  let files = 0;
  for (const category of CATEGORIES) {
    for (const f of fs.readdirSync(path.join(dir, category)).filter((n) => n.endsWith('.ts'))) {
      files++;
      const mod = (await import(path.join(dir, category, f))) as { default?: RuleDefinition };
      assert.ok(mod.default?.meta, `${category}/${f} must default-export a defineRule(...)`);
      assert.equal(mod.default.meta.category, category, `${category}/${f} is a ${mod.default.meta.category} rule`);
      assert.equal(`${camel(mod.default.meta.id)}.ts`, f, `${category}/${f} holds rule ${mod.default.meta.id}`);
      if (!RULES.includes(mod.default)) missing.push(`${category}/${f}`);
    }
  }
  assert.deepEqual(missing, [], 'rule files missing from core/lint/rules/index.ts');
  assert.equal(files, RULES.length, 'the registry holds a rule that has no file of its own');
  const ids = RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids in the registry');
});

test('rule metadata matches the upstream catalogue (test/fixtures/corpus/rules.json, and ../shared/corpus when beside) and links to the TiDB docs', () => {
  for (const r of RULES) assert.match(r.meta.docsUrl, /^https:\/\/docs\.pingcap\.com\/tidb\/stable\/[\w.-]+(#[\w-]+)?$/, r.meta.id);
  const copies = [
    path.resolve(__dirname, '../fixtures/corpus/rules.json'),
    path.resolve(__dirname, '../../../shared/corpus/rules.json'),
  ].filter((f) => fs.existsSync(f));
  assert.ok(copies.length >= 1);
  // rules beyond the catalogue (it is a floor), each added for an issue
  const BEYOND_CATALOGUE = new Set(['system-table-missing', 'indexed-collation-change', 'stored-function-call', 'large-range-dml']);
  const ours = new Map(RULES.filter((r) => !BEYOND_CATALOGUE.has(r.meta.id)).map((r) => [r.meta.id, r.meta]));
  assert.ok(
    [...BEYOND_CATALOGUE].every((id) => RULES.some((r) => r.meta.id === id)),
    'a rule listed beyond the catalogue does not exist',
  );
  for (const f of copies) {
    const upstream = JSON.parse(fs.readFileSync(f, 'utf8')) as Array<{
      id: string;
      category: string;
      severity: string;
      versions: string;
      explanation: string;
      fix: string;
    }>;
    assert.deepEqual(
      [...ours.keys()].sort(),
      upstream.map((u) => u.id).sort(),
      `every catalogued rule is implemented, and only those (${f})`,
    );
    for (const u of upstream) {
      const m = ours.get(u.id)!;
      assert.equal(m.category, u.category, `${u.id} (${f})`);
      assert.equal(m.severity, u.severity, `${u.id} (${f})`);
      assert.equal(m.versions, u.versions, `${u.id} (${f})`);
      assert.equal(m.explanation, u.explanation, `${u.id} (${f})`);
      assert.equal(m.fix, u.fix, `${u.id} (${f})`);
    }
  }
});

test('the versions as data agree with the versions as words: a rule that stops applying says so', () => {
  for (const r of RULES) {
    if (r.until) assert.match(r.meta.versions, new RegExp(`<\\s*v?${r.until.replace('.', '\\.')}`), r.meta.id);
    if (r.since) assert.match(r.meta.versions, new RegExp(`v?${r.since.replace('.', '\\.')}`), r.meta.id);
  }
});
