// Rules that name `words` are skipped on statements without one of them (engine.ts, for speed).
// That filter must never change a result: every corpus here is linted with and without it, on
// several target versions, and the findings must be identical.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintText } from '../../core/lint/engine';
import { defineRule, exampleOf, type RuleDefinition } from '../../core/lint/rule';
import { RULES } from '../../core/lint/rules';
import { corpusFiles, REAL_SQL } from '../helpers/realSql';

const fixtures = path.resolve(__dirname, '../fixtures');

function texts(): Array<{ name: string; sql: string; target?: string }> {
  const out: Array<{ name: string; sql: string; target?: string }> = [];
  for (const rule of RULES)
    for (const e of [...rule.examples.flagged, ...rule.examples.clean]) {
      const { sql, target } = exampleOf(rule, e);
      out.push({ name: `${rule.meta.id} example`, sql, target });
    }
  for (const line of fs.readFileSync(path.join(fixtures, 'corpus/cases.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { id: string; sql: string; tidbVersion?: string };
    out.push({ name: `case ${c.id}`, sql: c.sql, target: c.tidbVersion });
  }
  for (const f of corpusFiles()) out.push({ name: f, sql: fs.readFileSync(path.join(REAL_SQL, f), 'utf8') });
  return out;
}

/** The texts on which `rules` give different findings with and without the word filter. */
function differences(rules: readonly RuleDefinition[]): string[] {
  const out: string[] = [];
  for (const t of texts())
    for (const target of new Set([t.target ?? '8.5', '8.5', '6.0', '5.0'])) {
      const config = { targetVersion: target };
      const a = JSON.stringify(lintText(t.sql, rules, { config }).findings);
      const b = JSON.stringify(lintText(t.sql, rules, { config, ungated: true }).findings);
      if (a !== b) out.push(`${t.name} (target ${target})`);
    }
  return out;
}

test('the word filter changes no finding on the rule examples, the labelled corpus and the real-SQL corpus', () => {
  const gated = RULES.filter((r) => r.words);
  assert.ok(gated.length >= 15, `only ${gated.length} rules name words`);
  for (const r of gated) for (const w of r.words!) assert.equal(w, w.toUpperCase(), `${r.meta.id}: words are upper case`);
  assert.deepEqual(differences(RULES), []);
});

test('a rule naming a word it does not need is caught by the comparison', () => {
  const rand = RULES.find((r) => r.meta.id === 'order-by-rand')!;
  const wrong = defineRule({ ...rand.meta, words: ['NOT_THERE'], examples: rand.examples, check: rand.check });
  const diffs = differences(RULES.map((r) => (r === rand ? wrong : r)));
  assert.ok(
    diffs.some((d) => d.startsWith('order-by-rand example')),
    diffs.join('\n'),
  );
});
