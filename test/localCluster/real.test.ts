// Opt-in: really creates a local TiDB on kind, connects, and deletes it. Runs only with
// TIDB_LOCAL_CLUSTER_E2E=1 on a machine where `docker info` succeeds and kind is on PATH
// (it downloads images and the operator manifests: 5-15 minutes). Elsewhere it is
// skipped with the reason printed. Run: TIDB_LOCAL_CLUSTER_E2E=1 node test/run.mjs localCluster/real
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../client/src/connections/driver';
import { createLocalCluster, deleteLocalCluster, kubeConfigFor } from '../../client/src/localCluster/create';
import { NAMESPACE } from '../../client/src/localCluster/manifests';
import { installMinio } from '../../client/src/localCluster/minio';
import { readTaskStatus, restorableWindow, runOperatorTask } from '../../client/src/localCluster/operator';
import { defaultOf } from '../../client/src/settingsSchema';
import { tidbAnswersOn } from '../../client/src/localCluster/tidbAnswers';
import { checkPrerequisites } from '../../client/src/localCluster/prerequisites';
import { runProcess } from '../../client/src/localCluster/processRunner';

test('real: kind + TiDB Operator v2 + a 1-replica cluster answers SELECT tidb_version(); MinIO, log and full backups open a PITR window', {
  timeout: 30 * 60_000,
}, async (t) => {
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
    assert.match(String((rows as Array<{ v: string }>)[0].v), /Release Version: v8\.5/);
    // point in time on MinIO: the local backup store, a log backup, a whole-cluster backup, the window between them
    const kc = await kubeConfigFor(runProcess, name);
    const store = await installMinio(kc, { namespace: NAMESPACE, image: defaultOf('localCluster.minioImage'), bucket: 'backups' });
    const base = { namespace: NAMESPACE, cluster: name, toolImage: defaultOf('backup.brImage') };
    const logStatus = await runOperatorTask(kc, {
      ...base,
      kind: 'Backup',
      name: `${name}-log`,
      s3: { ...store, prefix: `${name}/log` },
      log: { subcommand: 'log-start' },
    });
    await c.query('CREATE TABLE IF NOT EXISTS test.pitr (id INT PRIMARY KEY)');
    await c.query('INSERT INTO test.pitr VALUES (1)');
    const full = await runOperatorTask(kc, { ...base, kind: 'Backup', name: `${name}-full`, s3: { ...store, prefix: `${name}/full` } });
    await c.end();
    assert.ok(logStatus.commitTs && full.commitTs, JSON.stringify({ logStatus, full }));
    // the checkpoint moves past the full backup within a few minutes
    let window: { from: Date; to: Date } | undefined;
    for (let i = 0; i < 60 && !window; i++) {
      window = restorableWindow(full, await readTaskStatus(kc, 'Backup', NAMESPACE, `${name}-log`));
      if (!window) await new Promise((r) => setTimeout(r, 5000));
    }
    assert.ok(window, 'a restorable window opened');
  } finally {
    await deleteLocalCluster(runProcess, name).catch(() => undefined);
  }
});
