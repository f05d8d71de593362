import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { generated, stale } from '../../scripts/rules/generate';

test('the registry, docs/rules.json and docs/rules.md are what the rule files generate (npm run gen:rules)', async () => {
  assert.deepEqual(await stale(), []);
});

test('the generated reference has one section per rule with its examples, and the catalogue round-trips', async () => {
  const files = await generated();
  const md = files.get('docs/rules.md')!;
  const json = JSON.parse(files.get('docs/rules.json')!) as Array<{ id: string; examples: { flagged: unknown[] } }>;
  assert.ok(json.length >= 91);
  for (const r of json) {
    assert.match(md, new RegExp(`^### ${r.id}$`, 'm'), r.id);
    assert.ok(r.examples.flagged.length >= 1, r.id);
  }
  // the staleness check notices a hand edit and a missing file
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-gen-'));
  try {
    for (const [rel, text] of files) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    assert.deepEqual(await stale(dir), []);
    fs.writeFileSync(path.join(dir, 'docs/rules.md'), md.replace('### savepoint', '### save-point'));
    fs.rmSync(path.join(dir, 'core/lint/rules/index.ts'));
    assert.deepEqual((await stale(dir)).sort(), ['core/lint/rules/index.ts', 'docs/rules.md']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
