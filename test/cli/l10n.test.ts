// The CLIs in Chinese: LANG=zh_CN.UTF-8 (or --locale zh-cn) gives Chinese messages, advice and
// summaries; rule ids, SQL and numbers stay as they are; --locale en wins over LANG. The bundled
// dist/cli.js and dist/plan.js find l10n/ next to dist/ as they do in the installed package.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const DIST = path.resolve(__dirname, '../../dist');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-l10n-cli-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

const CJK = /[\u4e00-\u9fff]/;

function run(bin: string, args: string[], lang: string, input?: string) {
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' };
  const r = spawnSync(process.execPath, [path.join(DIST, bin), ...args], { cwd: work, env, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BAD = 'SELECT 1;\nCALL refresh_stats();\nSELECT id FROM t WHERE id = 1 LOCK IN SHARE MODE;\n';
fs.writeFileSync(path.join(work, 'bad.sql'), BAD);

test('tidb-lint with LANG=zh_CN.UTF-8: messages, severities and the summary in Chinese; rule ids unchanged', () => {
  const r = run('cli.js', ['bad.sql'], 'zh_CN.UTF-8');
  assert.equal(r.code, 1);
  const lines = r.stdout.split('\n').filter((l) => /^\s+\d+:\d+/.test(l));
  assert.equal(lines.length, 2, r.stdout);
  for (const l of lines) assert.match(l, CJK, l);
  assert.match(r.stdout, /stored-procedure/);
  assert.match(r.stdout, /lock-in-share-mode/);
  assert.match(r.stdout, /错误/);
  assert.doesNotMatch(r.stdout, /problems? \(/, 'the summary is in Chinese');
  // --locale wins over LANG, both ways
  assert.doesNotMatch(run('cli.js', ['--locale', 'en', 'bad.sql'], 'zh_CN.UTF-8').stdout, CJK);
  assert.match(run('cli.js', ['--locale=zh-cn', 'bad.sql'], 'C.UTF-8').stdout, CJK);
  // usage errors too
  const usage = run('cli.js', ['--format', 'xml', 'bad.sql'], 'zh_CN.UTF-8');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, CJK);
  assert.match(usage.stderr, /xml/);
});

test('tidb-lint --format sarif and json in Chinese: the rule id is stable, message.text is Chinese', () => {
  const sarif = JSON.parse(run('cli.js', ['--format', 'sarif', 'bad.sql'], 'zh_CN.UTF-8').stdout);
  const results = sarif.runs[0].results as Array<{ ruleId: string; message: { text: string } }>;
  assert.deepEqual(results.map((x) => x.ruleId).sort(), ['lock-in-share-mode', 'stored-procedure']);
  for (const x of results) assert.match(x.message.text, CJK, x.message.text);
  const rule = (sarif.runs[0].tool.driver.rules as Array<{ id: string; fullDescription: { text: string }; helpUri: string }>).find(
    (x) => x.id === 'stored-procedure',
  )!;
  assert.match(rule.fullDescription.text, CJK);
  assert.match(rule.helpUri, /^https:\/\/docs\.pingcap\.com\/zh\/tidb\//, rule.helpUri);
  const json = JSON.parse(run('cli.js', ['--format', 'json', 'bad.sql'], 'zh_CN.UTF-8').stdout);
  for (const m of json[0].messages as Array<{ ruleId: string; message: string }>) {
    assert.match(m.ruleId, /^[a-z-]+$/);
    assert.match(m.message, CJK);
  }
  // and in English by default
  const en = JSON.parse(run('cli.js', ['--format', 'json', 'bad.sql'], 'en_US.UTF-8').stdout);
  for (const m of en[0].messages as Array<{ message: string }>) assert.doesNotMatch(m.message, CJK);
});

const PLAN = `+-------------------------+----------+-----------+---------------+--------------------------------+
| id                      | estRows  | task      | access object | operator info                  |
+-------------------------+----------+-----------+---------------+--------------------------------+
| TableReader_5           | 10000.00 | root      |               | data:TableFullScan_4           |
| └─TableFullScan_4       | 10000.00 | cop[tikv] | table:t       | keep order:false, stats:pseudo |
+-------------------------+----------+-----------+---------------+--------------------------------+
`;

test('tidb-plan with LANG=zh_CN.UTF-8: the advice in Chinese, operator names as they are', () => {
  const r = run('plan.js', ['-'], 'zh_CN.UTF-8', PLAN);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /TableFullScan_4/);
  const advice = r.stdout.split('\n').filter((l) => l.startsWith('- '));
  assert.ok(advice.length > 0, r.stdout);
  for (const l of advice) assert.match(l, CJK, l);
  assert.doesNotMatch(run('plan.js', ['-'], 'en_US.UTF-8', PLAN).stdout, CJK);
});

test('tidb-schema-diff with LANG=zh_CN.UTF-8: the migration’s comments in Chinese, its SQL as it is', () => {
  const a = path.join(work, 'schema-a');
  const b = path.join(work, 'schema-b');
  fs.mkdirSync(a);
  fs.mkdirSync(b);
  fs.writeFileSync(path.join(a, 'V1__t.sql'), 'CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(50), KEY idx_name (name));\n');
  fs.writeFileSync(path.join(b, 'V1__t.sql'), 'CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20));\n');
  const r = run('schema-diff.js', [a, b], 'zh_CN.UTF-8');
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^ALTER TABLE `t` MODIFY COLUMN name VARCHAR\(50\);$/m);
  assert.match(r.stdout, /^ALTER TABLE `t` ADD KEY idx_name \(name\);$/m);
  const comments = r.stdout.split('\n').filter((l) => l.startsWith('-- '));
  assert.ok(comments.length >= 3, r.stdout);
  for (const c of comments) assert.match(c, CJK, c);
  assert.doesNotMatch(run('schema-diff.js', [a, b], 'en_US.UTF-8').stdout, CJK);
});
