// The process runner and the prerequisite check, with fake docker/kind/tiup scripts
// on a temporary PATH (no Docker engine here: these prove what the extension runs
// and says, not what Docker does).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { checkPrerequisites } from '../../client/src/localCluster/prerequisites';
import { CommandNotFoundError, runProcess, type ProcessRunner } from '../../client/src/localCluster/processRunner';

const dirs: string[] = [];
after(() =>
  dirs.forEach((d) => {
    fs.rmSync(d, { recursive: true, force: true });
  }),
);

/** A runner whose PATH holds only the given scripts (and the system's sh). */
function fakePath(scripts: Record<string, string>): ProcessRunner {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-path-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(scripts)) {
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  return (cmd, args, opts) =>
    runProcess(cmd, args, {
      ...opts,
      env: {
        PATH: `${dir}:/usr/bin:/bin`
          .split(':')
          .filter((p) => p === dir || !fs.existsSync(path.join(p, cmd)) || ['sh'].includes(cmd))
          .join(':'),
      },
    });
}

test('the runner: output, exit codes, lines as they come, not found, timeout', async () => {
  const run = fakePath({ hello: 'echo "line 1"; echo "line 2" >&2; echo "$1"; exit 3' });
  const lines: string[] = [];
  const r = await run('hello', ['arg'], { onLine: (l, s) => lines.push(`${s}:${l}`) });
  assert.equal(r.code, 3);
  assert.equal(r.stdout, 'line 1\narg\n');
  assert.deepEqual(lines.sort(), ['stderr:line 2', 'stdout:arg', 'stdout:line 1']);
  await assert.rejects(
    run('no-such-tool-xyz', []),
    (e: Error) => e instanceof CommandNotFoundError && /no-such-tool-xyz was not found on PATH/.test(e.message),
  );
  const slow = fakePath({ slow: 'sleep 5' });
  const t0 = Date.now();
  const s = await slow('slow', [], { timeoutMs: 200 });
  assert.notEqual(s.code, 0);
  assert.ok(Date.now() - t0 < 3000);
});

test('all present: docker daemon reachable, kind version read', async () => {
  const run = fakePath({
    docker: '[ "$1" = info ] && echo "27.3.1"',
    kind: 'echo "kind v0.29.0 go1.24.2 linux/amd64"',
    tiup: 'echo "1.16.1 tiup"',
  });
  const p = await checkPrerequisites(run);
  assert.deepEqual([p.ok, p.dockerVersion, p.kindVersion, p.tiupVersion, p.problems], [true, '27.3.1', 'v0.29.0', '1.16.1 tiup', []]);
});

test('docker on PATH but no daemon: says to start it, with the daemon error', async () => {
  const run = fakePath({
    docker: 'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1',
    kind: 'echo "kind v0.29.0 go1.24.2 linux/amd64"',
  });
  const p = await checkPrerequisites(run);
  assert.equal(p.ok, false);
  assert.equal(p.problems.length, 1);
  assert.match(
    p.problems[0].message,
    /^Docker is installed but its daemon is not reachable \(Cannot connect to the Docker daemon.*\)\. Start Docker Desktop/,
  );
  assert.equal(p.problems[0].link, 'https://docs.docker.com/get-started/get-docker/');
});

test('nothing installed: a message and a link for each missing piece', async () => {
  const run = fakePath({});
  const p = await checkPrerequisites(run);
  assert.deepEqual(
    p.problems.map((x) => x.what),
    ['docker', 'kind'],
  );
  assert.match(p.problems[0].message, /Docker is not installed \(no "docker" on PATH\)/);
  assert.match(p.problems[1].message, /kind is not installed \(no "kind" on PATH\)/);
  assert.match(p.problems[1].link, /kind\.sigs\.k8s\.io/);
});
