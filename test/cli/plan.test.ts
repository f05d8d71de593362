// tidb-plan as a user runs it: the bundled dist/plan.js in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const CLI = path.resolve(__dirname, '../../dist/plan.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-plan-cli-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: work, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const ANALYZE = `+-----------------------------+-----------+---------+-----------+---------------+----------------------------------------------+------------------------------------------------+-----------+---------+
| id                          | estRows   | actRows | task      | access object | execution info                               | operator info                                  | memory    | disk    |
+-----------------------------+-----------+---------+-----------+---------------+----------------------------------------------+------------------------------------------------+-----------+---------+
| HashJoin_27                 | 10.00     | 71010   | root      |               | time:647.5ms, loops:72, build_hash_table:{total:579.2ms, fetch:566.9ms, build:12.3ms} | inner join, equal:[eq(test.t1.id, test.t2.id)] | 209.6 MB | 1.5 GB |
| ├─TableReader_29(Build)     | 10.00     | 71010   | root      |               | time:567ms, loops:72, cop_task: {num: 2, max: 569.8ms, p95: 569.8ms} | data:TableFullScan_28                          | 210 MB  | N/A     |
| │ └─TableFullScan_28        | 10.00     | 71010   | cop[tikv] | table:t1      | tikv_task:{proc max:64ms, min:48ms, p80:64ms, p95:64ms, iters:79, tasks:2} | keep order:false, stats:pseudo                 | N/A       | N/A     |
| └─TableReader_31(Probe)     | 180000.00 | 90000   | root      |               | time:337ms, loops:91                         | data:TableFullScan_30                          | 267 MB  | N/A     |
|   └─TableFullScan_30        | 180000.00 | 90000   | cop[tikv] | table:t2      | tikv_task:{proc max:84ms, p95:84ms}           | keep order:false                               | N/A       | N/A     |
+-----------------------------+-----------+---------+-----------+---------------+----------------------------------------------+------------------------------------------------+-----------+---------+
5 rows in set (0.65 sec)
`;

test('json: {roots, diagnoses} with the documented node fields, execution info parsed, sizes in bytes', () => {
  fs.writeFileSync(path.join(work, 'plan.txt'), ANALYZE);
  const r = run(['plan.txt', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const root = out.roots[0];
  assert.deepEqual(Object.keys(root).slice(0, 5), ['id', 'operator', 'task', 'estRows', 'actRows']);
  assert.equal(root.id, 'HashJoin_27');
  assert.equal(root.disk, 1.5 * 1024 ** 3);
  assert.deepEqual(root.executionInfo.build_hash_table, { total: '579.2ms', fetch: '566.9ms', build: '12.3ms' });
  assert.deepEqual(
    root.children.map((c: { id: string; label: string }) => [c.id, c.label]),
    [
      ['TableReader_29', 'Build'],
      ['TableReader_31', 'Probe'],
    ],
  );
  assert.equal(root.children[0].children[0].accessObject, 'table:t1');
  const rules = out.diagnoses.map((d: { rule: string; nodeId: string; severity: string; message: string }) => `${d.rule}@${d.nodeId}`);
  for (const x of ['disk-spill@HashJoin_27', 'pseudo-stats@TableFullScan_28']) assert.ok(rules.includes(x), `${x} in ${rules}`);
  // the estimate is a pseudo-statistics guess: that advice gives the numbers, no second one on the same scan
  assert.ok(!rules.includes('row-misestimate@TableFullScan_28'), rules.join());
  assert.match(out.diagnoses.find((d: { rule: string }) => d.rule === 'pseudo-stats').message, /estimated 10, actually 71k/);
  for (const d of out.diagnoses) assert.ok(d.severity && d.message);
});

test('text from stdin: the tree and the advice; html: one offline file with the plan as JSON data', () => {
  const t = run(['-'], ANALYZE);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /^HashJoin_27 {2}\[root\]/m);
  assert.match(t.stdout, /^ {4}TableFullScan_28 {2}\[cop\[tikv\]\] {2}table:t1 {2}rows 71010 \(est 10\)/m);
  assert.match(t.stdout, /Advice \(\d+, most important first\):\n- WARNING/);
  const hostile = ANALYZE.replace('keep order:false, stats:pseudo', '</script><img src=x onerror=alert(1)>');
  fs.writeFileSync(path.join(work, 'x.txt'), hostile);
  const h = run(['x.txt', '--format=html', '--output', 'x.html']);
  assert.equal(h.code, 0, h.stderr);
  const html = fs.readFileSync(path.join(work, 'x.html'), 'utf8');
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-[^']+'; style-src 'sha256-[^']+'/,
  );
  assert.ok(!html.includes('<img src=x'), 'the hostile text is not markup');
  assert.match(html, /\\u003c\/script\\u003e\\u003cimg src=x onerror=alert\(1\)\\u003e/);
  assert.equal(html.match(/<script/g)!.length, 2, 'the JSON data element and the viewer');
});

test('no plan in the input: exit 2 with a one-line reason; usage errors exit 2', () => {
  const r = run(['-'], 'SELECT 1;\n');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^tidb-plan: stdin: no EXPLAIN output found/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.equal(run(['missing.txt']).code, 2);
  assert.match(run(['a', '--format', 'xml']).stderr, /unknown format 'xml'/);
  assert.equal(run([]).code, 2);
});

test('a plan 5,000 operators deep: text, json and html all written (no stack overflow), the json as deep as the plan', () => {
  const rows = ['| id | estRows | task | access object | operator info |', '+--+--+--+--+--+'];
  for (let i = 0; i < 5000; i++) rows.push(`| ${' '.repeat(i * 2)}${i ? '└─' : ''}Projection_${i} | 1.00 | root | | x |`);
  const f = path.join(work, 'deep.txt');
  fs.writeFileSync(f, rows.join('\n') + '\n');
  for (const format of ['text', 'json', 'html']) {
    const r = spawnSync(process.execPath, [CLI, f, '--format', format], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, `${format}: ${r.stderr}`);
    if (format === 'json') {
      let n = JSON.parse(r.stdout).roots[0];
      let depth = 0;
      while (n.children.length) [n, depth] = [n.children[0], depth + 1];
      assert.equal(depth, 4999);
    }
  }
});

test('text output: control characters and bidi controls from the plan are shown escaped, never sent to the terminal', () => {
  const f = path.join(work, 'esc.txt');
  fs.writeFileSync(
    f,
    '| id | estRows | task | access object | operator info |\n+--+--+--+--+--+\n| TableReader_5 | 10.00 | root | | data:TableFullScan_4 |\n| └─TableFullScan_4 | 10.00 | cop[tikv] | table:t\x1b[2J\u202eevil | keep order:false |\n',
  );
  const r = spawnSync(process.execPath, [CLI, f], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /[\x1b\u202e]/);
  assert.match(r.stdout, /table:t\\u\{1b\}\[2J\\u\{202e\}evil/);
});

test('a 40 MB execution info cell: cut to 1 MB with a note, and the plan is still read within a 256 MB heap', () => {
  const f = path.join(work, 'bigcell.txt');
  const big = 'x'.repeat(40e6);
  fs.writeFileSync(
    f,
    `| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n| TableReader_5 | 10.00 | 10 | root | | time:1ms, loops:1, note:${big} | data:TableFullScan_4 | 1 KB | N/A |\n| └─TableFullScan_4 | 10.00 | 10 | cop[tikv] | table:t | tikv_task:{time:1ms} | keep order:false | N/A | N/A |\n`,
  );
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, f, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr.slice(0, 500));
  const out = JSON.parse(r.stdout);
  assert.equal(out.roots[0].children[0].operatorInfo, 'keep order:false', 'the cells after the big one are in their places');
  assert.ok(
    out.notes.some((n: string) => /a cell of 40\.0 M characters was cut to 1,048,576/.test(n)),
    JSON.stringify(out.notes),
  );
});

test('a slow-log line with an encoded plan: decoded offline, --decoded prints the decoded text, --tidb-version is checked', () => {
  const vectors = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/plancodec/vectors.json'), 'utf8'));
  const v = vectors.find((x: { kind: string }) => x.kind === 'binary_plan');
  const line = `# Binary_plan: tidb_decode_binary_plan('${v.encoded}')\n`;
  const text = run(['-'], line);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Projection_3/);
  assert.match(text.stdout, /MemTableScan_4/);
  assert.match(text.stdout, /decoded offline from tidb_decode_binary_plan/);
  const decoded = run(['-', '--decoded'], line);
  assert.equal(decoded.code, 0, decoded.stderr);
  assert.match(decoded.stdout, /^\| id +\| estRows +\| estCost +\| actRows/);
  assert.match(decoded.stdout, /table:STATEMENTS_SUMMARY/);
  assert.equal(run(['-', '--decoded'], ANALYZE).code, 2);
  assert.equal(run(['-', '--tidb-version', 'banana'], ANALYZE).code, 2);
  assert.equal(run(['-', '--tidb-version', 'v6.1.0'], ANALYZE).code, 0);
});
