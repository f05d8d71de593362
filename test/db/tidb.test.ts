// Opt-in: the TiDB-only parts against a real TiDB. TiDB cannot run on the CI
// machines, so this runs only when TIDB_TEST_URL points at one, for example
//   TIDB_TEST_URL='mysql://root@127.0.0.1:4000/test?ssl-mode=DISABLED' node test/run.mjs tidb
// (a `tiup playground` cluster, or TiDB Cloud with ssl-mode=VERIFY_IDENTITY and the password in the URL).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, detectServer } from '../../client/src/connections/driver';
import { parseConnectionUrl } from '../../client/src/connections/profile';
import { listIndexes, schemaSnapshot } from '../../client/src/explorer/catalog';
import { clusterInfo, groupTopology, tiflashReplicas } from '../../client/src/explorer/cluster';
import { cancelQuery, runStatement, threadId } from '../../client/src/query/runner';

const url = process.env.TIDB_TEST_URL;
const skip = url ? false : 'opt-in: set TIDB_TEST_URL=mysql://user:pass@host:4000/db to run against a real TiDB';
if (!url) console.log(`# ${skip}`);

test('real TiDB: flavour and version, CLUSTER_INFO topology, TIFLASH_REPLICA, clustered primary keys, cancel', { skip }, async () => {
  const { profile, password } = parseConnectionUrl(url!);
  const c = await connect({ ...profile, id: 'tidb', name: 'tidb' }, password);
  try {
    const info = await detectServer(c);
    assert.equal(info.flavor, 'tidb');
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    const topo = groupTopology(await clusterInfo(c));
    assert.ok(topo.some((g) => g.type === 'tidb'), JSON.stringify(topo));
    assert.ok(Array.isArray(await tiflashReplicas(c)));
    await c.query('CREATE DATABASE IF NOT EXISTS tk_opt_in');
    await c.query('CREATE TABLE IF NOT EXISTS tk_opt_in.t (id BIGINT PRIMARY KEY CLUSTERED, v INT)');
    const idx = await listIndexes(c, 'tk_opt_in', 't');
    assert.equal(idx.find((i) => i.name === 'PRIMARY')?.clustered, 'CLUSTERED');
    const snap = await schemaSnapshot(c, 'tidb');
    assert.ok(snap.databases.some((d) => d.name === 'tk_opt_in'));
    const control = await connect({ ...profile, id: 'tidb2', name: 'tidb2' }, password);
    try {
      const running = runStatement(c, 'SELECT SLEEP(30)');
      await new Promise((r) => setTimeout(r, 500));
      await cancelQuery(control, threadId(c), 'tidb');
      const t0 = Date.now();
      await running.catch(() => undefined);
      assert.ok(Date.now() - t0 < 10_000);
    } finally {
      await control.end();
    }
    await c.query('DROP DATABASE tk_opt_in');
  } finally {
    await c.end();
  }
});
