// The Performance views' SQL and rows (client/src/performance), tested with result tables copied
// verbatim from the TiDB v8.5 docs (test/fixtures/tidb-docs/perf, each with its source line; TiDB
// cannot run here) and version gating across the LTS lines. The MariaDB processlist and KILL run
// for real in test/db/performance.test.ts; the opt-in real-TiDB test is in test/db/tidb.test.ts.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { parsePlan } from '../../core/plan/parse';
import { capabilities } from '../../client/src/performance/capabilities';
import {
  digestPlans,
  evictedCount,
  evictedQuery,
  executions,
  formatSeconds,
  killQuerySql,
  parseWindowTime,
  plansOfDigestQuery,
  processes,
  processlistQuery,
  pseudoTables,
  slowDigests,
  slowQueriesQuery,
  slowestExecutionQuery,
  stripArguments,
  topStatements,
  topStatementsQuery,
} from '../../client/src/performance/queries';
import { byFingerprint, slowStatements } from '../../client/src/performance/slowMatch';
import { readFixtureTable } from '../helpers/mysqlTable';

const docs = (f: string) => readFixtureTable(path.join(import.meta.dirname, '../fixtures/tidb-docs/perf', `${f}.txt`));

test('TiDB docs, identify-slow-queries (top-n-by-digest): query_time in seconds becomes milliseconds', () => {
  const [e] = executions(docs('A1__identify-slow-queries__top-n-by-digest'));
  assert.equal(e.queryMs, 302.558006);
  assert.equal(e.query, 'select * from t1 where a=1;');
});

test('TiDB docs, identify-slow-queries (pseudo-stats): the tables whose statistics were pseudo', () => {
  const rows = docs('A1__identify-slow-queries__pseudo-stats');
  assert.deepEqual(
    rows.map((r) => pseudoTables(r.stats)),
    [['t1'], ['t1'], ['t1'], ['t1'], ['t2']],
  );
  assert.deepEqual(pseudoTables('t1:407872303825682445'), []);
});

test('TiDB docs, identify-slow-queries (plan-changed, \\G): digests with two plans and their statements without the prepared arguments', () => {
  const rows = docs('A1__identify-slow-queries__plan-changed');
  const digests = slowDigests(rows.map((r) => ({ digest: r.digest, plan_count: r.count, query: r['min(query)'] })));
  assert.deepEqual(
    digests.map((d) => [d.digest.slice(0, 8), d.planCount, d.query]),
    [
      ['17b4518f', 2, 'SELECT DISTINCT c FROM sbtest25 WHERE id BETWEEN ? AND ? ORDER BY c'],
      ['9337865f', 2, 'SELECT DISTINCT c FROM sbtest22 WHERE id BETWEEN ? AND ? ORDER BY c'],
      ['db705c89', 2, 'SELECT DISTINCT c FROM sbtest11 WHERE id BETWEEN ? AND ? ORDER BY c'],
    ],
  );
  assert.equal(stripArguments('select 1'), 'select 1');
});

test('TiDB docs, identify-slow-queries (plans-by-digest, \\G): each plan of a digest opens in the plan viewer', () => {
  const plans = digestPlans(docs('A1__identify-slow-queries__plans-by-digest'));
  assert.equal(plans.length, 2);
  assert.equal(plans[0].planDigest, '6afbbd21f60ca6c6fdf3d3cd94f7c7a49dd93c00fcf8774646da492e50e204ee');
  assert.equal(plans[1].planDigest, '', 'the docs cut the second row before its plan_digest');
  const trees = plans.map((p) => parsePlan(p.plan));
  assert.deepEqual(
    trees.map((t) => t.roots[0].id),
    ['Sort_6', 'Sort_6'],
  );
  const names = (n: { id: string; children: unknown[] }): string[] => [n.id, ...(n.children as (typeof n)[]).flatMap(names)];
  assert.deepEqual(names(trees[1].roots[0]), ['Sort_6', 'HashAgg_12', 'TableReader_13', 'HashAgg_8', 'TableScan_11']);
});

test('TiDB docs, statement-summary-tables (top3 by sum_latency): nanoseconds become milliseconds, Dashboard order kept', () => {
  const top = topStatements(docs('A2__statement-summary-tables__top3-sum-latency-history'));
  assert.deepEqual(
    top.map((t) => [t.sumMs, t.avgMs, t.execCount, t.sample]),
    [
      [7.85566, 1.122237, 7, 'select avg(salary) from employee where company_id=2013'],
      [7.24196, 1.448392, 5, 'select * from employee join company on employee.company_id=company.id'],
      [2.084081, 1.04204, 2, "select * from employee where name='eric'"],
    ],
  );
});

test('TiDB docs, statement-summary-tables (sample row, \\G): a whole STATEMENTS_SUMMARY row, its plan opens in the viewer', () => {
  const [t] = topStatements(docs('A2__statement-summary-tables__sample-row'));
  assert.deepEqual(
    [t.schema, t.digestText, t.execCount, t.sumMs, t.avgMs, t.maxMs, t.avgMem, t.maxMem, t.planDigest.slice(0, 8), t.sample],
    [
      'test',
      'select * from employee where id = ?',
      3,
      1.035161,
      0.345053,
      0.399594,
      103,
      103,
      'f415b8d5',
      'select * from employee where id=3100',
    ],
  );
  const [row] = docs('A2__statement-summary-tables__sample-row');
  assert.equal(parsePlan(row.PLAN).roots[0].id, 'Point_Get_1');
});

test('TiDB docs, statement-summary-tables (evicted): evicted digests are counted for the warning', () => {
  assert.equal(evictedCount(docs('A2__statement-summary-tables__evicted')), 104);
  assert.equal(evictedCount([{ evicted_count: null }]), 0);
});

test('TiDB docs, information-schema-processlist (cluster_processlist v8.5): a process with memory, disk and TxnStart', () => {
  const [p] = processes(docs('A3__information-schema-processlist__cluster-processlist__v8.5'));
  assert.deepEqual(
    [p.instance, p.id, p.user, p.command, p.time, p.info, p.digest.slice(0, 8), p.mem, p.disk, p.txnStart, p.db],
    [
      '127.0.0.1:10080',
      '1268776964',
      'root',
      'Query',
      0,
      'SELECT * FROM information_schema.cluster_processlist',
      'b1e38e59',
      0,
      0,
      '07-29 12:39:24.282(451471727468740609)',
      '',
    ],
  );
});

test('TiDB docs, sql-statement-kill: 64-bit connection ids survive to the KILL statement', () => {
  const ps = processes(docs('A3__sql-statement-kill__cluster-processlist'));
  assert.deepEqual(
    ps.map((p) => p.id),
    ['8306449708033769879', '5857102839209263511', '5857102839209263513'],
  );
  assert.equal(killQuerySql('tidb', ps[0].id, true), 'KILL QUERY 8306449708033769879');
  assert.equal(killQuerySql('tidb', ps[0].id, false), 'KILL TIDB QUERY 8306449708033769879');
  assert.equal(killQuerySql('mariadb', '42', false), 'KILL QUERY 42');
  for (const bad of ['1; DROP TABLE t', '', '-1', '1e3', '123456789012345678901'])
    assert.throws(() => killQuerySql('tidb', bad, true), /Not a connection id/);
});

test('slow queries always bind Time, group by digest, order by a fixed column, and take values as parameters', () => {
  const q = slowQueriesQuery({ last: 3600 }, 'memory', 20);
  assert.match(
    q.sql,
    /FROM INFORMATION_SCHEMA\.CLUSTER_SLOW_QUERY WHERE Is_internal = false AND Time BETWEEN NOW\(\) - INTERVAL \? SECOND AND NOW\(\)/,
  );
  assert.match(q.sql, /GROUP BY Digest ORDER BY max_mem DESC LIMIT \?$/);
  assert.match(q.sql, /^SELECT \/\*\+ AGG_TO_COP\(\), HASH_AGG\(\) \*\//);
  assert.deepEqual(q.params, [3600, 20]);
  const custom = slowQueriesQuery({ from: '2026-12-01 10:00:00', to: '2026-12-01 11:00:00' }, 'keys', 5000);
  assert.match(custom.sql, /Time BETWEEN \? AND \?/);
  assert.match(custom.sql, /ORDER BY max_process_keys DESC/);
  assert.deepEqual(custom.params, ['2026-12-01 10:00:00', '2026-12-01 11:00:00', 1000]);
  for (const q2 of [slowestExecutionQuery('abc', { last: 900 }), plansOfDigestQuery('abc', { last: 900 })]) {
    assert.match(q2.sql, /Digest = \? AND Time BETWEEN/);
    assert.deepEqual(q2.params, ['abc', 900]);
  }
});

test('top statements: the current window from the summary, a time window from its history, by total latency', () => {
  const now = topStatementsQuery(undefined, 50);
  assert.match(
    now.sql,
    /FROM INFORMATION_SCHEMA\.CLUSTER_STATEMENTS_SUMMARY GROUP BY SCHEMA_NAME, DIGEST ORDER BY sum_latency DESC LIMIT \?$/,
  );
  assert.deepEqual(now.params, [50]);
  const last = topStatementsQuery({ last: 86400 }, 10);
  assert.match(
    last.sql,
    /FROM INFORMATION_SCHEMA\.CLUSTER_STATEMENTS_SUMMARY_HISTORY WHERE SUMMARY_END_TIME >= NOW\(\) - INTERVAL \? SECOND GROUP BY/,
  );
  assert.deepEqual(last.params, [86400, 10]);
  const range = topStatementsQuery({ from: '2026-12-01 10:00:00', to: '2026-12-01 11:00:00' }, 10);
  assert.match(range.sql, /WHERE SUMMARY_END_TIME >= \? AND SUMMARY_BEGIN_TIME <= \? GROUP BY/);
  assert.deepEqual(range.params, ['2026-12-01 10:00:00', '2026-12-01 11:00:00', 10]);
  assert.deepEqual(evictedQuery(undefined).params, [1800]);
  assert.deepEqual(evictedQuery({ from: 'a', to: 'b' }).params, ['a', 'b']);
});

test('running times read as people read them', () => {
  assert.deepEqual([0.553164, 9.96, 12.4, 3600].map(formatSeconds), ['0.6 s', '10 s', '12 s', '3,600 s']);
});

test('custom windows accept a date and time, and nothing else', () => {
  assert.equal(parseWindowTime('2026-12-01 10:00'), '2026-12-01 10:00:00');
  assert.equal(parseWindowTime(' 2026-12-01T10:00:30 '), '2026-12-01 10:00:30');
  for (const bad of ['yesterday', '2026-13-01 10:00', '2026-12-01', "2026-12-01 10:00'; DROP", '2026-12-01 24:00'])
    assert.equal(parseWindowTime(bad), undefined, bad);
});

test('processes: CLUSTER_PROCESSLIST on TiDB, PROCESSLIST with MariaDB memory on MariaDB, never the own connection', () => {
  assert.match(processlistQuery('tidb').sql, /FROM INFORMATION_SCHEMA\.CLUSTER_PROCESSLIST .*ORDER BY MEM DESC, TIME DESC/);
  assert.match(processlistQuery('mariadb').sql, /MEMORY_USED AS mem.*FROM information_schema\.PROCESSLIST .*ORDER BY MEMORY_USED DESC/);
  assert.match(processlistQuery('mysql').sql, /NULL AS mem.*ORDER BY TIME DESC/);
  for (const f of ['tidb', 'mysql', 'mariadb'] as const) assert.match(processlistQuery(f).sql, /ID <> CONNECTION_ID\(\)/);
});

test('version gating across 6.5 / 7.1 / 7.5 / 8.1 / 8.5, and what MySQL and MariaDB lack', () => {
  const at = (version: string) => capabilities({ flavor: 'tidb', version });
  const row = (version: string) => {
    const c = at(version);
    const s = (x: { ok: boolean; experimental?: boolean }) => (x.ok ? (x.experimental ? 'experimental' : 'yes') : 'no');
    return [s(c.bindFromHistory), s(c.queryWatch), s(c.switchGroup), s(c.globalKill), s(c.memoryOpsHistory)];
  };
  assert.deepEqual(['6.5.0', '7.1.0', '7.5.0', '8.1.0', '8.5.0'].map(row), [
    ['experimental', 'no', 'no', 'yes', 'yes'],
    ['yes', 'no', 'no', 'yes', 'yes'],
    ['yes', 'experimental', 'no', 'yes', 'yes'],
    ['yes', 'yes', 'no', 'yes', 'yes'],
    ['yes', 'yes', 'yes', 'yes', 'yes'],
  ]);
  assert.equal(at('6.0.0').globalKill.ok, false);
  assert.match(at('7.1.0').queryWatch.why!, /v7\.3\.0 or later; this is TiDB 7\.1\.0/);
  assert.match(at('6.3.0').maxExecutionTime.why!, /every statement/);
  assert.match(at('8.5.0').maxExecutionTime.why!, /SELECT statements only/);
  assert.match(at('6.1.0').memQuota.why!, /each query/);
  assert.match(at('6.5.0').memQuota.why!, /whole session/);
  const maria = capabilities({ flavor: 'mariadb', version: '10.11.6' });
  assert.equal(maria.processlist.ok, true);
  for (const k of ['slowQueries', 'topStatements', 'bindFromHistory', 'queryWatch', 'statsHealthy'] as const) {
    assert.equal(maria[k].ok, false, k);
    assert.match(maria[k].why!, /needs TiDB; this is MariaDB 10\.11\.6/);
  }
  assert.equal(capabilities({ flavor: 'mysql', version: '8.0.36' }).maxExecutionTime.ok, true);
});

test('TiDB docs, identify-slow-queries (plan-changed): a file’s statements that ran slow are found by their shape', () => {
  const rows = docs('A1__identify-slow-queries__plan-changed');
  const slow = slowDigests(rows.map((r) => ({ digest: r.digest, plan_count: r.count, query: r['min(query)'], max_time: '1.5' })));
  const file = [
    '-- report.sql',
    'SELECT DISTINCT c FROM sbtest25 WHERE id BETWEEN 1 AND 100 ORDER BY c;',
    'SELECT DISTINCT c FROM sbtest99 WHERE id BETWEEN 1 AND 100 ORDER BY c;',
    'select distinct `c`\n  from `sbtest11`\n where id between 7 and 8\n order by c;',
    'SELECT c FROM sbtest22 WHERE id BETWEEN 1 AND 100;',
  ].join('\n');
  const found = slowStatements(file, byFingerprint(slow));
  assert.deepEqual(
    found.map((f) => [file.slice(f.start, f.start + 36), f.digest.digest.slice(0, 8), f.digest.planCount]),
    [
      ['SELECT DISTINCT c FROM sbtest25 WHER', '17b4518f', 2],
      ['select distinct `c`\n  from `sbtest11', 'db705c89', 2],
    ],
  );
});
