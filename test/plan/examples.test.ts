// One test per plan diagnosis, from the examples in its own file: each flagged plan
// (an EXPLAIN output from the TiDB docs, or a hand-made one where the docs have none)
// gets the diagnosis, each clean one does not.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { diagnose, PLAN_RULES } from '../../core/plan/diagnoses/index';
import type { PlanExample } from '../../core/plan/diagnoses/define';
import { parsePlan } from '../../core/plan/parse';
import { EXPLAIN_DIR, fixtureOutput } from '../helpers/explainFixtures';

export function examplePlan(e: PlanExample): string {
  if (typeof e !== 'string') return e.plan;
  const file = path.join(EXPLAIN_DIR, `${e}.txt`);
  assert.ok(fs.existsSync(file), `no fixture ${e} in test/fixtures/explain`);
  return fixtureOutput(file);
}

for (const rule of PLAN_RULES) {
  test(`${rule.id}: its examples`, () => {
    assert.ok(rule.examples.flagged.length >= 1 && rule.examples.clean.length >= 1, 'a diagnosis has a flagged and a clean example');
    for (const e of rule.examples.flagged) {
      const found = diagnose(parsePlan(examplePlan(e)), { warnings: typeof e === 'string' ? undefined : e.warnings }).map((d) => d.rule);
      assert.ok(found.includes(rule.id), `${typeof e === 'string' ? e : e.note}: not diagnosed (found ${found.join(', ') || 'nothing'})`);
    }
    for (const e of rule.examples.clean) {
      const found = diagnose(parsePlan(examplePlan(e))).map((d) => d.rule);
      assert.ok(!found.includes(rule.id), `${typeof e === 'string' ? e : e.note}: diagnosed`);
    }
  });
}

test('every diagnosis is registered once and has a title, an explanation and a TiDB docs page', () => {
  const ids = PLAN_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  const files = fs.readdirSync(path.resolve(__dirname, '../../core/plan/diagnoses')).filter((f) => !['define.ts', 'index.ts'].includes(f));
  assert.equal(files.length, PLAN_RULES.length, 'a diagnosis file that is not registered');
  for (const r of PLAN_RULES) {
    assert.ok(r.title.length > 3 && r.explanation.length > 20, r.id);
    assert.match(r.docsUrl, /^https:\/\/docs\.pingcap\.com\/tidb\/stable\/[\w.-]+(#[\w-]+)?$/, r.id);
  }
});
