// The TiUP playground provider with a fake tiup on PATH (no TiUP here): arguments,
// the TiDB port read from its output, stop taking the whole process group down,
// and the failures a user can meet.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { playgroundArgs, startPlayground } from '../../client/src/localCluster/tiup';

const dirs: string[] = [];
after(() =>
  dirs.forEach((d) => {
    fs.rmSync(d, { recursive: true, force: true });
  }),
);

function fakeTiup(body: string): NodeJS.ProcessEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-tiup-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'tiup'), `#!/bin/sh\necho "$*" > "${dir}/args"\n${body}\n`, { mode: 0o755 });
  return { PATH: `${dir}:/usr/bin:/bin`, TK_DIR: dir };
}

test('start: reads the TiDB port and dashboard from the output; stop ends the whole process group', async () => {
  const env = fakeTiup(`echo "Start pd instance:v8.5.3"
echo "🎉 TiDB Playground Cluster is started, enjoy!"
echo "Connect TiDB:    mysql --comments --host 127.0.0.1 --port 4123 -u root"
echo "TiDB Dashboard:  http://127.0.0.1:2379/dashboard"
sleep 300 &
echo $! > "$TK_DIR/child"
wait`);
  const lines: string[] = [];
  const pg = await startPlayground('v8.5.3', 'dev', { env, onLine: (l) => lines.push(l) });
  assert.equal(pg.port, 4123);
  assert.equal(pg.dashboard, 'http://127.0.0.1:2379/dashboard');
  assert.equal(fs.readFileSync(path.join(env.TK_DIR!, 'args'), 'utf8').trim(), playgroundArgs('v8.5.3', 'dev').join(' '));
  assert.ok(lines.some((l) => /Playground Cluster is started/.test(l)));
  const child = Number(fs.readFileSync(path.join(env.TK_DIR!, 'child'), 'utf8'));
  await pg.stop();
  // gone, or a zombie waiting for a reaper (containers often have none): not running either way
  const running = () => fs.existsSync(`/proc/${child}/status`) && !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${child}/status`, 'utf8'));
  for (let i = 0; i < 20 && running(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(running(), false, 'the grandchild was stopped too');
});

test('failures: exits early with its last lines; never says ready within the timeout; not installed', async () => {
  await assert.rejects(
    startPlayground('v8.5.3', 'x', { env: fakeTiup('echo "Error: component tidb:v99 not found" >&2; exit 1') }),
    (e: Error & { output: string[] }) => {
      assert.match(e.message, /exited \(code 1\) before TiDB was ready/);
      assert.deepEqual(e.output, ['Error: component tidb:v99 not found']);
      return true;
    },
  );
  await assert.rejects(
    startPlayground('v8.5.3', 'x', { env: fakeTiup('sleep 30'), timeoutMs: 300 }),
    /did not report TiDB ready within 0 s/,
  );
  await assert.rejects(startPlayground('v8.5.3', 'x', { env: { PATH: '/nonexistent' } }), /tiup is not installed/);
});
