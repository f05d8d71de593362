// Opt-in: really creates a local TiDB on kind, connects, and deletes it. Runs only with
// TIDB_LOCAL_CLUSTER_E2E=1 on a machine where `docker info` succeeds and kind is on PATH
// (it downloads images and the operator manifests: 5-15 minutes). Elsewhere it is
// skipped with the reason printed. Run: TIDB_LOCAL_CLUSTER_E2E=1 node test/run.mjs localCluster/real
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../client/src/connections/driver';
import { createLocalCluster, deleteLocalCluster } from '../../client/src/localCluster/create';
import { tidbAnswersOn } from '../../client/src/localCluster/tidbAnswers';
import { checkPrerequisites } from '../../client/src/localCluster/prerequisites';
import { runProcess } from '../../client/src/localCluster/processRunner';

test('real: kind + TiDB Operator v2 + a 1-replica cluster answers SELECT tidb_version()', { timeout: 30 * 60_000 }, async (t) => {
  const pre = process.env.TIDB_LOCAL_CLUSTER_E2E === '1' ? await checkPrerequisites(runProcess) : undefined;
  const skip = !pre
    ? 'opt-in: set TIDB_LOCAL_CLUSTER_E2E=1 (needs Docker and kind)'
    : !pre.ok
      ? `prerequisites missing: ${pre.problems.map((p) => p.message).join(' ')}`
      : undefined;
  if (skip) {
    console.log(`# real local cluster test skipped: ${skip}`);
    t.skip(skip);
    return;
  }
  const name = `tk-e2e-${Date.now().toString(36)}`;
  try {
    await createLocalCluster(
      { name, version: 'v8.5.3', hostPort: 14400 },
      {
        run: runProcess,
        fetchText: async (url) => (await fetch(url)).text(),
        tidbAnswers: tidbAnswersOn,
        progress: (s, d) => console.log(`# ${s}${d ? `: ${d}` : ''}`),
      },
    );
    const c = await connect({ id: 'x', name: 'x', host: '127.0.0.1', port: 14400, user: 'root', tls: 'off' }, '');
    const [rows] = await c.query('SELECT tidb_version() AS v');
    await c.end();
    assert.match(String((rows as Array<{ v: string }>)[0].v), /Release Version: v8\.5/);
  } finally {
    await deleteLocalCluster(runProcess, name).catch(() => undefined);
  }
});
