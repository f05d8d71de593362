// npm run bench, the CLI part: the whole tidb-lint run (process start, read, lint, JSON output) on
// generated files and on the MariaDB test suite, now and before issue 16 (test/bench/baseline.mjs),
// alternately in the same run, beside the npm peer sql-lint. Prints numbers next to their targets;
// it is not a pass/fail test (the machine's speed varies by a factor of several from minute to minute:
// compare the columns of one run, not runs).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseline } from './baseline.mjs';
import { makeDump, makeShortStatements, MB } from './dumps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.TIDB_LINT_CLI ?? path.join(root, 'dist/cli.js');
const rssHook = path.join(root, 'test/bench/rss.cjs');
const require = createRequire(import.meta.url);
const sqlLint = path.join(path.dirname(require.resolve('sql-lint/package.json')), 'dist/src/cli.js');
const MTR = '/usr/share/mysql/mysql-test';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-bench-'));

function run(script, args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rssHook, script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /maxRSS=(\d+)/.exec(r.stderr);
  return { secs, rssMB: m ? Number(m[1]) / 1024 : NaN, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lint(script, args, env) {
  const r = run(script, ['--format', 'json', ...args], env);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${script} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const findings = JSON.parse(r.stdout).reduce((a, x) => a + x.messages.length, 0);
  return { ...r, findings, stdout: undefined };
}

/** Best of `n`, the two builds alternating so both see the same machine. */
function alternate(builds, args, n = 3, env = {}) {
  const res = builds.map(() => []);
  for (let k = 0; k < n; k++) for (const [i, b] of builds.entries()) res[i].push(lint(b, args, env));
  return res.map((rs) => rs.sort((a, b) => a.secs - b.secs)[0]);
}

const f1 = (x) => x.toFixed(1);
const rate = (bytes, r) => bytes / MB / r.secs;

function row(label, bytes, now, before, target) {
  const cols = [
    label.padEnd(44),
    `${f1(bytes / MB).padStart(6)} MB`,
    `now ${f1(rate(bytes, now)).padStart(6)} MB/s ${now.secs.toFixed(2).padStart(6)} s RSS ${now.rssMB.toFixed(0).padStart(4)} MB`,
    before ? `before ${f1(rate(bytes, before)).padStart(6)} MB/s RSS ${before.rssMB.toFixed(0).padStart(4)} MB` : '',
    target ?? '',
  ];
  console.log(cols.join('  '));
}

try {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  const b = await baseline();
  const builds = b ? [cli, b.cli] : [cli];
  console.log(
    `tidb-lint bench on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; before = commit ${b?.rev ?? '(none)'}`,
  );
  console.log('whole CLI run, best of 3, now and before alternating:');

  const d50 = path.join(dir, 'dump-50.sql');
  const d = makeDump(d50, 50 * MB);
  const [dNow, dBefore] = alternate(builds, [d50]);
  row(`mysqldump, ${d.tables} tables, 25 KB INSERT lines`, d.bytes, dNow, dBefore, 'target ≥ 100 MB/s');
  const peer = run(sqlLint, ['--format', 'json', d50]);
  console.log(`  peer sql-lint 1.0.2 on the same file: ${f1(rate(d.bytes, peer))} MB/s (${peer.secs.toFixed(1)} s)`);

  const s50 = path.join(dir, 'short-50.sql');
  const s = makeShortStatements(s50, 50 * MB);
  const [sNow, sBefore] = alternate(builds, [s50]);
  row(`many short statements (${(s.statements / 1000).toFixed(0)} k)`, s.bytes, sNow, sBefore, 'target ≥ 100 MB/s');

  const big = path.join(dir, 'dump-1mb-lines.sql');
  const bb = makeDump(big, 50 * MB, { bigInserts: true });
  const [bNow, bBefore] = alternate(builds, [big]);
  row('mysqldump, 1 MB INSERT lines', bb.bytes, bNow, bBefore);
  fs.rmSync(big);

  const d100 = path.join(dir, 'dump-100.sql');
  const h = makeDump(d100, 100 * MB);
  const [hNow, hBefore] = alternate(builds, [d100], 1);
  row('mysqldump, 100 MB (peak RSS)', h.bytes, hNow, hBefore, 'target: peak RSS ≤ 300 MB');
  fs.rmSync(d100);

  if (fs.existsSync(MTR)) {
    const glob = `${MTR}/**/*.test`;
    const files = spawnSync('find', [MTR, '-name', '*.test'], { encoding: 'utf8' }).stdout.trim().split('\n');
    const bytes = files.reduce((a, f) => a + fs.statSync(f).size, 0);
    const [par, one, before] = [
      ...alternate([cli], [glob], 2),
      ...alternate([cli], [glob], 2, { TIDB_LINT_WORKERS: '1' }),
      ...(b ? alternate([b.cli], [glob], 1) : []),
    ];
    console.log(
      `MariaDB test suite (${files.length} .test files, ${f1(bytes / MB)} MB): now ${par.secs.toFixed(1)} s on ${os.availableParallelism()} worker threads, ${one.secs.toFixed(1)} s on one; before ${before ? `${before.secs.toFixed(1)} s` : 'n/a'}; target ≤ 3 s on 2 cores`,
    );
    const a = run(cli, ['--format', 'json', glob]);
    const c = run(cli, ['--format', 'json', glob], { TIDB_LINT_WORKERS: '1' });
    console.log(
      `  output of ${os.availableParallelism()} threads identical to one thread: ${a.stdout === c.stdout ? 'yes' : 'NO'} (${f1(a.stdout.length / MB)} MB of JSON)`,
    );
  } else {
    console.log(`MariaDB test suite: ${MTR} is missing (apt-get install mariadb-test to include it)`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
