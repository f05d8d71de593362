// One test per rule, from the examples in its own file: every flagged example
// produces a finding of that rule, every clean example none, on the example's
// target version (the rule's newest release line unless the example names one).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exampleOf } from '../../../core/lint/rule';
import { RULES } from '../../../core/lint/rules';
import { lint } from '../../helpers';

for (const rule of RULES) {
  test(`${rule.meta.id}: its examples`, () => {
    const { flagged, clean } = rule.examples;
    assert.ok(flagged.length >= 1 && clean.length >= 1, 'a rule has at least one flagged and one clean example');
    for (const e of flagged) {
      const { sql, target } = exampleOf(rule, e);
      const found = lint(sql, target);
      assert.ok(
        found.some((f) => f.ruleId === rule.meta.id),
        `not flagged on ${target}: ${sql}\n(found: ${found.map((f) => f.ruleId).join(', ') || 'nothing'})`,
      );
      assert.ok(!found.some((f) => f.ruleId === 'internal-error'), sql);
    }
    for (const e of clean) {
      const { sql, target } = exampleOf(rule, e);
      const found = lint(sql, target).filter((f) => f.ruleId === rule.meta.id);
      assert.deepEqual(
        found.map((f) => f.message),
        [],
        `flagged on ${target}: ${sql}`,
      );
    }
  });
}

test('a flagged example of a rule that states a TiDB answer trips no other incompatible rule (the answer must be its own)', () => {
  const bad: string[] = [];
  for (const rule of RULES.filter((r) => r.meta.tidb !== undefined)) {
    for (const e of rule.examples.flagged) {
      const { sql, target } = exampleOf(rule, e);
      const others = lint(sql, target).filter(
        (f) => f.ruleId !== rule.meta.id && RULES.find((r) => r.meta.id === f.ruleId)?.meta.category === 'incompatible',
      );
      if (others.length) bad.push(`${rule.meta.id}: ${[...new Set(others.map((f) => f.ruleId))].join(', ')} in ${sql.slice(0, 80)}`);
    }
  }
  assert.deepEqual(bad, []);
});
