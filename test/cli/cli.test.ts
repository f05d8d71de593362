// tidb-lint as a user runs it: the bundled dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { loadSarifSchema, validator } from './sarifSchema';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-lint-cli-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

function run(args: string[], opts: { cwd?: string; input?: string } = {}) {
  // in English whatever the machine's language (test/cli/l10n.test.ts runs it in Chinese)
  const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? work, input: opts.input, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(rel: string, text: string): string {
  const f = path.join(work, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
}

const BAD = 'SELECT 1;\nCALL refresh_stats();\n';
const CLEAN = 'SELECT id FROM t WHERE id = 1;\n';

test('text format: findings with line:column, severity, rule id; exit 1 on errors, 0 when clean', () => {
  write('a/bad.sql', BAD);
  write('a/clean.sql', CLEAN);
  const r = run(['a/bad.sql']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /bad\.sql\n\s+2:1\s+error\s+.*stored-procedure/);
  assert.match(r.stdout, /1 problem \(1 error\)/);
  const ok = run(['a/clean.sql']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, '');
});

test('json format is ESLint-shaped with 1-based positions', () => {
  const f = write('j/bad.sql', BAD);
  const r = run(['--format', 'json', f]);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.length, 1);
  assert.equal(out[0].filePath, f);
  assert.equal(out[0].errorCount, 1);
  assert.equal(out[0].warningCount, 0);
  const m = out[0].messages[0];
  assert.deepEqual(
    { ruleId: m.ruleId, severity: m.severity, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn },
    { ruleId: 'stored-procedure', severity: 2, line: 2, column: 1, endLine: 2, endColumn: 19 },
  );
  assert.equal(typeof m.message, 'string');
});

test('sarif output validates against the SARIF 2.1.0 JSON schema', (t) => {
  const schema = loadSarifSchema();
  if (!schema) {
    t.skip('SARIF schema package not installed');
    return;
  }
  const validate = validator(schema) as unknown as ((x: unknown) => boolean) & { errors?: unknown };
  write('s/one.sql', BAD);
  write('s/sub/two.sql', "XA START 'x';\nSELECT 'unterminated\n");
  const r = run(['--format', 'sarif', 's']);
  assert.equal(r.code, 1);
  // biome-ignore lint/suspicious/noExplicitAny: a SARIF log, checked against its JSON schema on the next line
  const log: any = JSON.parse(r.stdout);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  const results = log.runs[0].results;
  assert.ok(results.length >= 3);
  assert.deepEqual(
    results
      .map(
        (x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
          x.locations[0].physicalLocation.artifactLocation.uri,
      )
      .sort(),
    ['one.sql', 'sub/two.sql', 'sub/two.sql']
      .sort()
      .map((u) => 's/' + u)
      .sort(),
  );
  // every result points at a rule in the driver's rule list
  for (const res of results) assert.equal(log.runs[0].tool.driver.rules[res.ruleIndex].id, res.ruleId);
  // one root cause in many places: one result with relatedLocations, still valid SARIF
  write('s3/calls.sql', 'CALL p();\nCALL p();\nCALL p();\n');
  const grouped = JSON.parse(run(['--format', 'sarif', 's3']).stdout);
  assert.ok(validate(grouped), JSON.stringify(validate.errors));
  assert.equal(grouped.runs[0].results.length, 1);
  assert.deepEqual(
    grouped.runs[0].results[0].relatedLocations.map(
      (l: { physicalLocation: { region: { startLine: number } } }) => l.physicalLocation.region.startLine,
    ),
    [2, 3],
  );
  const json = JSON.parse(run(['--format', 'json', 's3']).stdout);
  assert.deepEqual(json[0].messages[0].related, [
    { line: 2, column: 1 },
    { line: 3, column: 1 },
  ]);
  // an empty run is valid too
  write('s2/clean.sql', CLEAN);
  const empty = JSON.parse(run(['--format', 'sarif', 's2']).stdout);
  assert.ok(validate(empty), JSON.stringify(validate.errors));
});

test('directories are walked for *.sql (node_modules skipped); globs and stdin work', () => {
  write('d/x/one.sql', BAD);
  write('d/two.SQL', BAD);
  write('d/notes.txt', BAD);
  write('d/node_modules/pkg/three.sql', BAD);
  const out = JSON.parse(run(['--format', 'json', 'd']).stdout) as Array<{ filePath: string }>;
  assert.deepEqual(out.map((r) => path.relative(work, r.filePath)).sort(), ['d/two.SQL', 'd/x/one.sql']);
  const g = JSON.parse(run(['--format', 'json', 'd/**/one.sql']).stdout) as Array<{ filePath: string }>;
  assert.equal(g.length, 1);
  const s = run(['--format', 'json', '-', '--stdin-filename', 'piped.sql'], { input: BAD });
  assert.equal(s.code, 1);
  assert.equal(JSON.parse(s.stdout)[0].filePath, path.join(work, 'piped.sql'));
});

test('exit 2 with a one-line message on usage and I/O errors', () => {
  const cases: string[][] = [
    ['--format', 'xml', 'a'],
    ['--no-such-flag', 'a'],
    ['missing-file.sql'],
    ['nothing/**/*.sql'],
    ['--rule', 'stored-procedure=loud', 'a'],
    ['--rule', 'not-a-rule=off', 'a'],
    ['--target-version', 'eight', 'a'],
    ['--max-warnings', '-1', 'a'],
    ['--config', 'nope.json', 'a'],
    [],
  ];
  for (const args of cases) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')} -> ${r.code} ${r.stderr}`);
    assert.match(r.stderr, /^tidb-lint: [^\n]+\n$/, args.join(' '));
  }
  write('badcfg/.tidb-lint.json', '{ "rules": { "stored-procedure": "loud" } }');
  write('badcfg/x.sql', BAD);
  const r = run(['badcfg/x.sql']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /stored-procedure.*loud/);
});

test('.tidb-lint.json is found by walking up; flags win over it', () => {
  write('cfg/.tidb-lint.json', JSON.stringify({ rules: { 'stored-procedure': 'warning', 'no-such-rule': 'off' } }));
  write('cfg/deep/er/m.sql', BAD);
  const r = run(['--format', 'json', 'cfg/deep/er/m.sql']);
  assert.equal(r.code, 0, r.stderr);
  const msgs = JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string; severity: number; message: string }>;
  assert.deepEqual(msgs.map((m) => [m.ruleId, m.severity]).sort(), [
    ['stored-procedure', 1],
    ['unknown-rule', 1],
  ]);
  const off = run(['--format', 'json', '--rule', 'stored-procedure=off', 'cfg/deep/er/m.sql']);
  assert.deepEqual(
    (JSON.parse(off.stdout)[0].messages as Array<{ ruleId: string }>).map((m) => m.ruleId),
    ['unknown-rule'],
  );
  const explicit = write('other.json', JSON.stringify({ rules: { 'stored-procedure': 'error' } }));
  assert.equal(run(['--config', explicit, 'cfg/deep/er/m.sql']).code, 1);
});

test('--max-warnings counts warnings only', () => {
  write('mw/w.sql', BAD);
  assert.equal(run(['--rule', 'stored-procedure=warning', 'mw/w.sql']).code, 0);
  assert.equal(run(['--rule', 'stored-procedure=warning', '--max-warnings', '1', 'mw/w.sql']).code, 0);
  const r = run(['--rule', 'stored-procedure=warning', '--max-warnings', '0', 'mw/w.sql']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /too many warnings \(maximum: 0\)/);
  assert.equal(run(['--rule', 'stored-procedure=info', '--max-warnings', '0', 'mw/w.sql']).code, 0);
});

test('--target-version switches version-gated rules', () => {
  write('tv/s.sql', 'START TRANSACTION;\nSAVEPOINT sp1;\nROLLBACK TO SAVEPOINT sp1;\nCOMMIT;\n');
  const old = JSON.parse(run(['--format', 'json', '--target-version', '6.1', 'tv/s.sql']).stdout)[0].messages;
  const cur = JSON.parse(run(['--format', 'json', '--target-version', '6.2', 'tv/s.sql']).stdout)[0].messages;
  assert.ok(old.some((m: { ruleId: string }) => m.ruleId === 'savepoint'));
  assert.equal(cur.length, 0);
});

test('--fix applies safe fixes in place and reports what remains', () => {
  const f = write('fix/m.sql', 'SELECT id FROM t WHERE id = 1 LOCK IN SHARE MODE;\nCALL p();\n');
  const r = run(['--fix', '--format', 'json', f]);
  assert.equal(fs.readFileSync(f, 'utf8'), 'SELECT id FROM t WHERE id = 1 FOR UPDATE;\nCALL p();\n');
  const msgs = JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string }>;
  assert.deepEqual(
    msgs.map((m) => m.ruleId),
    ['stored-procedure'],
  );
  assert.equal(r.code, 1);
});

test('--help and --version', () => {
  const h = run(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /Usage: tidb-lint/);
  assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  assert.ok(run(['--list-rules']).stdout.split('\n').length > 5);
});

test('many files on worker threads: output identical to one thread in every format, in input order, exit codes the same', () => {
  const dir = path.join(work, 'many');
  const realSql = path.resolve(__dirname, '../fixtures/real-sql');
  const files = fs
    .readdirSync(realSql)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  // the real-SQL corpus (fixes, related locations, syntax errors), plus a file of meta findings
  for (const f of files) fs.cpSync(path.join(realSql, f), path.join(dir, f));
  write('many/zz-meta.sql', "SELECT 'unterminated;\n-- tidb-lint-disable-next-line no-such-rule\nSELECT 1;\n");
  const env = (n: string) => ({ ...process.env, TIDB_LINT_WORKERS: n });
  const runWith = (n: string, args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: work, env: env(n), encoding: 'utf8' });
  for (const format of ['json', 'text', 'sarif']) {
    const one = runWith('1', ['--format', format, 'many']);
    const two = runWith('2', ['--format', format, 'many']);
    assert.ok(one.stdout.length > 10_000, `${format}: ${one.stderr}`);
    assert.equal(two.stdout, one.stdout, `${format} output differs between 1 and 2 threads`);
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.status, one.status);
  }
  const json = JSON.parse(runWith('2', ['--format', 'json', 'many']).stdout) as Array<{ filePath: string }>;
  const names = json.map((x) => path.basename(x.filePath));
  assert.deepEqual(names, [...names].sort(), 'files in input order');
});
