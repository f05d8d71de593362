import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { catalogIds, type RuleDefinition } from '../../server/src/rules/defineRule';
import { RULES } from '../../server/src/rules';

const dir = path.resolve(__dirname, '../../server/src/rules');
const NOT_RULES = new Set(['defineRule.ts', 'index.ts']);

test('every rule file is registered exactly once', async () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));
  const missing: string[] = [];
  for (const f of files) {
    const mod = (await import(path.join(dir, f))) as { default?: RuleDefinition };
    assert.ok(mod.default?.meta, `${f} must default-export a defineRule(...)`);
    if (!RULES.includes(mod.default)) missing.push(f);
  }
  assert.deepEqual(missing, [], 'rule files missing from server/src/rules/index.ts');
  const ids = RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids in the registry');
});

test('every rule in the catalogue is implemented', () => {
  const implemented = new Set(RULES.map((r) => r.meta.id));
  assert.deepEqual(catalogIds().filter((id) => !implemented.has(id)), []);
});

test('rule metadata matches the catalogue (test/fixtures/corpus/rules.json, and ../shared/corpus when beside) and links to the TiDB docs', () => {
  for (const r of RULES) assert.match(r.meta.docsUrl, /^https:\/\/docs\.pingcap\.com\/tidb\/stable\/[\w.-]+(#[\w-]+)?$/, r.meta.id);
  const copies = [path.resolve(__dirname, '../fixtures/corpus/rules.json'), path.resolve(__dirname, '../../../shared/corpus/rules.json')].filter((f) => fs.existsSync(f));
  assert.ok(copies.length >= 1);
  const ours = new Map(RULES.map((r) => [r.meta.id, r.meta]));
  for (const f of copies) {
    const upstream = JSON.parse(fs.readFileSync(f, 'utf8')) as Array<{ id: string; category: string; severity: string; versions: string }>;
    for (const u of upstream) {
      const m = ours.get(u.id);
      if (!m) continue; // reported by the test above
      assert.equal(m.category, u.category, `${u.id} (${f})`);
      assert.equal(m.severity, u.severity, `${u.id} (${f})`);
      assert.equal(m.versions, u.versions, `${u.id} (${f})`);
    }
    assert.deepEqual(catalogIds().sort(), upstream.map((u) => u.id).sort(), f);
  }
});
