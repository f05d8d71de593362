// The TiDB-only explorer parts, tested with result tables copied from the TiDB docs
// (TiDB itself cannot run here). The opt-in test against a real TiDB is in test/db/tidb.test.ts.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  describeReplica,
  formatUptime,
  groupTopology,
  parseClusterInfo,
  parseGoDuration,
  parseTiflashReplicas,
} from '../../client/src/explorer/cluster';
import { autoRandomBits } from '../../client/src/explorer/catalog';
import { readFixtureTable } from '../helpers/mysqlTable';

const fixture = (f: string) => readFixtureTable(path.join(import.meta.dirname, '../fixtures/tidb-docs', f));

test('CLUSTER_INFO from the TiDB docs (cluster_info.txt): three instances with parsed uptimes', () => {
  const inst = parseClusterInfo(fixture('cluster_info.txt'));
  assert.deepEqual(
    inst.map((i) => [i.type, i.instance, i.statusAddress, i.version]),
    [
      ['tidb', '0.0.0.0:4000', '0.0.0.0:10080', '4.0.0-beta.2'],
      ['pd', '127.0.0.1:2379', '127.0.0.1:2379', '4.1.0-alpha'],
      ['tikv', '127.0.0.1:20165', '127.0.0.1:20180', '4.1.0-alpha'],
    ],
  );
  assert.ok(Math.abs(inst[0].uptimeSeconds! - (26 * 3600 + 39 * 60 + 4.352862693)) < 1e-6);
  assert.equal(formatUptime(inst[1].uptimeSeconds!), '1d 2h');
  assert.equal(inst[2].gitHash, 'b45e052df8fb5d66aa8b3a77b5c992ddbfbb79df');
});

test('topology groups follow tidb, pd, tikv, tiflash order whatever the row order', () => {
  const inst = parseClusterInfo([...fixture('cluster_info.txt')].reverse());
  assert.deepEqual(
    groupTopology([...inst, { ...inst[0], type: 'tiflash' }, { ...inst[0], type: 'weird' }]).map((g) => `${g.type}:${g.instances.length}`),
    ['tidb:1', 'pd:1', 'tikv:1', 'tiflash:1', 'weird:1'],
  );
});

test('Go durations: the forms time.Duration prints, and garbage refused', () => {
  assert.equal(parseGoDuration('1m2s'), 62);
  assert.ok(Math.abs(parseGoDuration('350ms')! - 0.35) < 1e-9);
  assert.equal(parseGoDuration('2h0m0s'), 7200);
  assert.equal(parseGoDuration(''), undefined);
  assert.equal(parseGoDuration('3 days'), undefined);
  assert.equal(parseGoDuration('5s and more'), undefined);
});

test('TIFLASH_REPLICA from the TiDB docs (tiflash_replica.txt, tiflash_replica_table_mode.txt)', () => {
  const [books] = parseTiflashReplicas(fixture('tiflash_replica.txt'));
  assert.deepEqual(books, {
    schema: 'bookshop',
    table: 'books',
    tableId: 143,
    replicaCount: 1,
    locationLabels: '',
    available: true,
    progress: 1,
  });
  assert.equal(describeReplica(books), '1 replica, available, 100% replicated');
  const [trips] = parseTiflashReplicas(fixture('tiflash_replica_table_mode.txt'));
  assert.equal(trips.table, 'trips');
  assert.equal(trips.tableId, 88);
  const lagging = parseTiflashReplicas([
    { TABLE_SCHEMA: 'a', TABLE_NAME: 'b', TABLE_ID: '1', REPLICA_COUNT: '2', LOCATION_LABELS: 'zone', AVAILABLE: '0', PROGRESS: '0.456' },
  ])[0];
  assert.equal(describeReplica(lagging), '2 replicas, not available yet, 45% replicated');
});

test('AUTO_RANDOM shard bits from TABLES.TIDB_ROW_ID_SHARDING_INFO', () => {
  assert.equal(autoRandomBits('PK_AUTO_RANDOM_BITS=5'), 5);
  assert.equal(autoRandomBits('PK_AUTO_RANDOM_BITS=5, RANGE BITS=64'), 5);
  assert.equal(autoRandomBits('SHARD_BITS=4'), undefined);
  assert.equal(autoRandomBits('NOT_SHARDED(PK_IS_HANDLE)'), undefined);
  assert.equal(autoRandomBits(null), undefined);
});
