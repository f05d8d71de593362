// Time travel on TiDB (client/src/timeTravel/history.ts): the SQL built and TiDB's outputs and errors
// read, from outputs copied verbatim from the TiDB v8.5 docs (test/fixtures/tidb-docs/timetravel;
// TiDB cannot run here). The opt-in real-TiDB test is in test/db/tidb.test.ts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  describeAsOf,
  describeReach,
  droppedObjects,
  explainHistoryError,
  flashbackClusterSql,
  flashbackSql,
  freeName,
  gcWindow,
  hasSuper,
  parseAsOf,
  parseSafePoint,
  restorable,
  startReadOnlyAsOf,
  tableAsOf,
  timeTravelGates,
} from '../../client/src/timeTravel/history';
import { readFixtureTable } from '../helpers/mysqlTable';

const dir = path.join(import.meta.dirname, '../fixtures/tidb-docs/timetravel');
const fixture = (f: string) => fs.readFileSync(path.join(dir, `${f}.txt`), 'utf8');

/** The `ERROR nnnn (state): message` line of a docs fixture, as mysql2 reports it. */
function docsError(f: string): { errno: number; message: string } {
  const m = /^ERROR (\d+) \(\w+\): (.*)$/m.exec(fixture(f))!;
  return { errno: Number(m[1]), message: m[2] };
}

test('the GC window: life time and safe point read, how far back said in words', () => {
  const w = gcWindow({ life_time: '10m0s', safe_point: '20231011-13:45:57.123 +0800', now: '2023-10-11 13:56:00' });
  assert.deepEqual([w.lifeTime, w.safePoint], [600, '2023-10-11 13:45:57']);
  assert.equal(describeReach(w), 'about 10 minutes (tidb_gc_life_time 10m0s; GC safe point 20231011-13:45:57.123 +0800)');
  assert.match(describeReach(gcWindow({ life_time: '24h0m0s', safe_point: '' })), /^about 1 days/);
  assert.equal(parseSafePoint('not a time'), undefined);
});

test('a time to read: absolute or relative, nothing else', () => {
  assert.deepEqual(parseAsOf('2021-05-26 16:45:26'), { at: '2021-05-26 16:45:26' });
  assert.deepEqual(parseAsOf('2021-05-26T16:45'), { at: '2021-05-26 16:45:00' });
  assert.deepEqual(parseAsOf('2021-05-26 16:45:26.123456'), { at: '2021-05-26 16:45:26.123456' });
  assert.deepEqual(parseAsOf('10m ago'), { agoSeconds: 600 });
  assert.deepEqual(parseAsOf('2 hours ago'), { agoSeconds: 7200 });
  assert.deepEqual(parseAsOf('90 s ago'), { agoSeconds: 90 });
  for (const bad of ['yesterday', '2021-13-01 10:00', "2021-05-26 16:45'; DROP TABLE t", '0m ago', '-5m ago'])
    assert.equal(parseAsOf(bad), undefined, bad);
  assert.deepEqual(
    [600, 7200, 86400, 90].map((s) => describeAsOf({ agoSeconds: s })),
    ['10 min ago', '2 h ago', '1 d ago', '90 s ago'],
  );
});

test('TiDB docs, as-of-timestamp: the statement the docs ran, built with the time as a parameter; the read-only session', () => {
  const q = tableAsOf('test', 't', { at: '2021-05-26 16:45:26' }, 1000);
  assert.equal(q.sql, 'SELECT * FROM `test`.`t` AS OF TIMESTAMP ? LIMIT 1000');
  assert.deepEqual(q.params, ['2021-05-26 16:45:26']);
  // the docs' own statement, with the parameter in place, is the same statement
  const docsSql = /^-- sql: (.*);$/m.exec(fixture('B1__as-of-timestamp__select-as-of'))![1];
  assert.equal(
    q.sql
      .replace('`test`.`t`', 't')
      .replace('?', `'${q.params[0]}'`)
      .replace(/ LIMIT \d+$/, '')
      .toLowerCase(),
    docsSql.toLowerCase(),
  );
  assert.deepEqual(
    readFixtureTable(path.join(dir, 'B1__as-of-timestamp__select-as-of.txt')).map((r) => r.c),
    ['1', '2', '3'],
  );
  assert.deepEqual(startReadOnlyAsOf({ agoSeconds: 600 }), {
    sql: 'START TRANSACTION READ ONLY AS OF TIMESTAMP NOW() - INTERVAL ? SECOND',
    params: [600],
  });
  assert.equal(
    tableAsOf('a`b', 'c', { agoSeconds: 5 }, 10).sql,
    'SELECT * FROM `a``b`.`c` AS OF TIMESTAMP NOW() - INTERVAL ? SECOND LIMIT 10',
  );
});

test('TiDB docs, dev-guide-use-stale-read: error 9006 before the safe point and in the future, explained with what to do', () => {
  const w = gcWindow({ life_time: '10m0s', safe_point: '20231011-13:45:57 +0800', now: '2023-10-11 13:56:00' });
  const before = explainHistoryError(docsError('B1__dev-guide-use-stale-read__error-9006-before-gc-safe-point'), w)!;
  assert.match(before, /older than the GC safe point/);
  assert.match(before, /raise tidb_gc_life_time/);
  assert.match(before, /about 10 minutes/);
  const future = explainHistoryError(docsError('B1__dev-guide-use-stale-read__error-9006-future-time'), w)!;
  assert.match(future, /in the future for the cluster \(its clock says 2023-10-11 13:56:00\)/);
  // 8055 (tidb_snapshot, RECOVER TABLE) as the recover-table docs print it, and 8135
  assert.match(
    explainHistoryError({ errno: 8055, message: 'snapshot is older than GC safe point 2019-07-10 13:45:57 +0800 CST' })!,
    /older than the GC safe point/,
  );
  assert.match(explainHistoryError({ errno: 8135, message: 'invalid as of timestamp: x' })!, /cannot read that as a time/);
  assert.equal(explainHistoryError({ errno: 1146, message: "Table 'test.t' doesn't exist" }), undefined);
});

test('TiDB docs, sql-statement-admin-show-ddl (v8.5): the finished drops, each with the FLASHBACK that brings it back', () => {
  const list = droppedObjects(readFixtureTable(path.join(dir, 'C__sql-statement-admin-show-ddl__jobs__v8.5.txt')));
  assert.deepEqual(list, [{ jobId: '553', kind: 'database', db: 'test', table: '', time: '2024-11-22 12:31:48', state: 'synced' }]);
  // the database exists again (job 555 created it), so it comes back under a free name
  assert.equal(flashbackSql(list[0], freeName('test', new Set(['test', 'mysql']))), 'FLASHBACK DATABASE `test` TO `test_restored`');
  const dropped = { jobId: '9', kind: 'table' as const, db: 'shop', table: 'orders', time: '2024-11-22 12:00:00', state: 'synced' };
  assert.equal(flashbackSql(dropped, freeName('orders', new Set(['customers']))), 'FLASHBACK TABLE `shop`.`orders`');
  const truncated = { ...dropped, kind: 'truncated table' as const };
  assert.equal(
    flashbackSql(truncated, freeName('orders', new Set(['Orders', 'orders_restored']))),
    'FLASHBACK TABLE `shop`.`orders` TO `orders_restored_2`',
  );
  assert.equal(flashbackSql({ ...dropped, table: 'we`ird' }, 'x`y'), 'FLASHBACK TABLE `shop`.`we``ird` TO `x``y`');
  // only drops after the safe point can come back
  const w = gcWindow({ life_time: '10m0s', safe_point: '20241122-12:31:00 +0800' });
  assert.equal(restorable(list, w).length, 1);
  assert.equal(restorable(list, gcWindow({ life_time: '10m0s', safe_point: '20241122-12:40:00 +0800' })).length, 0);
});

test('TiDB docs, flashback-cluster: the DDL-in-progress refusal is TiDB’s own error; gates by version and SUPER', () => {
  const e = docsError('B2__sql-statement-flashback-cluster__error-ddl-in-progress');
  assert.deepEqual([e.errno, e.message], [1105, "Detected another DDL job at 2023-01-29 14:33:12 +0800 CST, can't do flashback"]);
  assert.equal(explainHistoryError(e), undefined, 'not a GC-window error: shown as TiDB says it');
  assert.deepEqual(flashbackClusterSql({ at: '2023-01-29 14:33:12' }), {
    sql: 'FLASHBACK CLUSTER TO TIMESTAMP ?',
    params: ['2023-01-29 14:33:12'],
  });
  const g = (v: string) => timeTravelGates(v);
  assert.deepEqual(
    ['6.1.0', '6.4.0', '6.5.0', '7.1.0', '7.1.1', '8.5.0'].map((v) => [g(v).flashbackDatabase.ok, g(v).flashbackCluster.ok]),
    [
      [false, false],
      [true, false],
      [true, true],
      [true, false],
      [true, true],
      [true, true],
    ],
  );
  assert.match(g('7.1.0').flashbackCluster.why!, /#44292/);
  assert.equal(g('5.0.0').asOf.ok, false);
  assert.ok(hasSuper(['GRANT ALL PRIVILEGES ON *.* TO `root`@`%` WITH GRANT OPTION']));
  assert.ok(hasSuper(['GRANT USAGE ON *.* TO `u`@`%`', 'GRANT PROCESS, SUPER ON *.* TO `ops`@`%`']));
  assert.ok(!hasSuper(['GRANT SELECT ON *.* TO `u`@`%`', 'GRANT ALL PRIVILEGES ON `shop`.* TO `u`@`%`']));
});
