// The real-SQL corpus (issue 15): 48 MySQL files from public repositories (test/fixtures/real-sql,
// cited with their licences in SOURCES.json). Every finding the linter gives on them has been judged
// right, wrong or unsure (judged.json): a finding nobody judged fails the test, and the precision per
// rule is printed on every run, so a new false alarm cannot slip in unseen.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusFiles, findingKey, lintCorpus, REAL_SQL } from '../helpers/realSql';

interface Judged {
  key: string;
  verdict: 'right' | 'wrong' | 'unsure';
  reason: string;
}

const sources: Array<{ file: string; repo: string; url: string; license: string }> = JSON.parse(
  fs.readFileSync(path.join(REAL_SQL, 'SOURCES.json'), 'utf8'),
);
const judged = new Map<string, Judged>(
  (JSON.parse(fs.readFileSync(path.join(REAL_SQL, 'judged.json'), 'utf8')) as Judged[]).map((j) => [j.key, j]),
);

test('every corpus file is cited: repository, URL and licence', () => {
  const files = corpusFiles();
  assert.ok(files.length >= 40, `${files.length} files`);
  assert.deepEqual(files, sources.map((s) => s.file).sort());
  for (const s of sources) {
    assert.match(s.url, /^https:\/\/github\.com\//, s.file);
    assert.ok(s.license && s.license !== 'unknown', `${s.file}: licence`);
  }
  assert.ok(new Set(sources.map((s) => s.repo)).size >= 25, 'from many repositories');
});

test('every finding on the real corpus has been judged; precision per rule', () => {
  const findings = lintCorpus();
  const unjudged = findings.filter((f) => !judged.has(findingKey(f)));
  const per = new Map<string, { right: number; wrong: number; unsure: number }>();
  for (const f of findings) {
    const j = judged.get(findingKey(f));
    if (!j) continue;
    const c = per.get(f.ruleId) ?? { right: 0, wrong: 0, unsure: 0 };
    c[j.verdict]++;
    per.set(f.ruleId, c);
  }
  let right = 0;
  let wrong = 0;
  const rows: string[] = [];
  for (const [rule, c] of [...per].sort((a, b) => a[0].localeCompare(b[0]))) {
    right += c.right;
    wrong += c.wrong;
    const p = c.right + c.wrong ? Math.round((c.right / (c.right + c.wrong)) * 100) : 100;
    rows.push(`#   ${rule}: ${c.right} right, ${c.wrong} wrong, ${c.unsure} unsure (precision ${p}%)`);
  }
  console.log(
    `# real SQL: ${corpusFiles().length} files, ${findings.length} findings; precision ${Math.round((right / Math.max(1, right + wrong)) * 100)}% (${right} right, ${wrong} wrong)`,
  );
  for (const r of rows) console.log(r);
  for (const f of findings) {
    const j = judged.get(findingKey(f));
    if (j?.verdict === 'wrong') console.log(`#   wrong: ${findingKey(f)}: ${j.reason}`);
  }
  assert.deepEqual(
    unjudged.map((f) => `${findingKey(f)} ${f.at} — ${f.message.slice(0, 120)}`),
    [],
    'findings nobody has judged: judge them in test/fixtures/real-sql/judged.json',
  );
});
