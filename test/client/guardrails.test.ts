// Guardrails and fixes for slow SQL (client/src/performance/guardrails.ts): the exact SQL each one
// runs, the execution-time hint edit on real statement shapes, and the rows TiDB returns, parsed
// from outputs copied verbatim from the TiDB v8.5 docs (test/fixtures/tidb-docs/perf).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  analyzeTableSql,
  bindFromHistorySql,
  bindings,
  dropBindingSql,
  memoryKills,
  memQuotaSql,
  parseBytes,
  queryWatchAddSql,
  queryWatchRemoveSql,
  tableHealth,
  unhealthyTables,
  watches,
} from '../../client/src/performance/guardrails';
import { applyEdit, maxExecutionTimeEdit } from '../../core/sql/hints';
import { readFixtureTable } from '../helpers/mysqlTable';

const docs = (f: string) => readFixtureTable(path.join(import.meta.dirname, '../fixtures/tidb-docs/perf', `${f}.txt`));
const limit = (sql: string, ms = 1000) => {
  const e = maxExecutionTimeEdit(sql, ms);
  return e && applyEdit(sql, e);
};

test('MAX_EXECUTION_TIME goes after the first SELECT, into an existing hint comment, or replaces the old limit', () => {
  assert.equal(limit('SELECT * FROM t WHERE a = 1'), 'SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM t WHERE a = 1');
  assert.equal(limit('select a from t;', 5000), 'select /*+ MAX_EXECUTION_TIME(5000) */ a from t;');
  assert.equal(limit('SELECT /*+ HASH_AGG() */ a FROM t'), 'SELECT /*+ MAX_EXECUTION_TIME(1000), HASH_AGG() */ a FROM t');
  assert.equal(limit('SELECT /*+HASH_AGG()*/ a FROM t'), 'SELECT /*+ MAX_EXECUTION_TIME(1000), HASH_AGG()*/ a FROM t');
  assert.equal(limit('SELECT /*+ */ a FROM t'), 'SELECT /*+ MAX_EXECUTION_TIME(1000) */ a FROM t');
  assert.equal(
    limit('SELECT /*+ USE_INDEX(t, a), max_execution_time( 20 ) */ a FROM t', 300),
    'SELECT /*+ USE_INDEX(t, a), MAX_EXECUTION_TIME(300) */ a FROM t',
  );
  // comments and strings before the keyword are not keywords
  assert.equal(
    limit("-- SELECT in a comment\n/* SELECT */ SELECT 'SELECT' FROM t"),
    "-- SELECT in a comment\n/* SELECT */ SELECT /*+ MAX_EXECUTION_TIME(1000) */ 'SELECT' FROM t",
  );
  assert.equal(
    limit('(SELECT a FROM t) UNION (SELECT b FROM u)'),
    '(SELECT /*+ MAX_EXECUTION_TIME(1000) */ a FROM t) UNION (SELECT b FROM u)',
  );
  assert.equal(
    limit('WITH c AS (SELECT a FROM t) SELECT * FROM c'),
    'WITH c AS (SELECT /*+ MAX_EXECUTION_TIME(1000) */ a FROM t) SELECT * FROM c',
  );
  // not a query: the hint does not limit these
  for (const s of ['INSERT INTO t SELECT * FROM u', 'UPDATE t SET a = 1', 'DELETE FROM t', 'CREATE TABLE t2 AS SELECT 1', 'TABLE t', ''])
    assert.equal(maxExecutionTimeEdit(s, 1000), undefined, s);
  for (const bad of [0, -5, 1.5, Number.NaN]) assert.throws(() => maxExecutionTimeEdit('SELECT 1', bad), /positive whole number/);
});

test('the session memory quota: bytes from what people type, never below TiDB’s floor', () => {
  assert.deepEqual(['1073741824', '512MB', '1 GiB', '2g', '1.5 GB', '10 tib', 'lots', '-1'].map(parseBytes), [
    1073741824,
    512 * 1024 ** 2,
    1024 ** 3,
    2 * 1024 ** 3,
    1.5 * 1024 ** 3,
    10 * 1024 ** 4,
    undefined,
    undefined,
  ]);
  assert.equal(memQuotaSql(536870912), 'SET SESSION tidb_mem_quota_query = 536870912');
  assert.throws(() => memQuotaSql(64), /at least 128/);
});

test('TiDB docs, sql-plan-management (binding candidates): our binding is the statement the docs build, for the same plan digest', () => {
  for (const r of docs('A3__sql-plan-management__stmt-summary-binding-candidates')) {
    const d = /"([0-9a-f]{64})"/.exec(r.binding_stmt)![1];
    const norm = (s: string) => s.toLowerCase().replace(/"/g, "'");
    assert.equal(norm(bindFromHistorySql(d)), norm(r.binding_stmt));
  }
  for (const bad of ['', 'abc', `${'a'.repeat(64)}' OR '1`, 'A'.repeat(64)]) assert.throws(() => bindFromHistorySql(bad), /plan digest/);
  assert.equal(dropBindingSql('b'.repeat(64)), `DROP GLOBAL BINDING FOR SQL DIGEST '${'b'.repeat(64)}'`);
});

test('TiDB docs, sql-statement-create-binding (SHOW GLOBAL BINDINGS): bindings with their source and digests', () => {
  const list = bindings(docs('A3__sql-statement-create-binding__show-global-bindings-from-history'));
  assert.equal(list.length, 4);
  assert.equal(list[0].originalSql, 'insert into `test` . `t1` select * from `test` . `t2` where `a` = ?');
  assert.deepEqual(
    [list[0].status, list[0].source, list[0].defaultDb, list[0].sqlDigest.slice(0, 8), list[0].planDigest.slice(0, 8)],
    ['enabled', 'history', 'test', 'bd23e6af', 'e72819cf'],
  );
});

test('QUERY WATCH: actions, resource groups through escapeId, digests and ids checked', () => {
  const d = 'c'.repeat(64);
  assert.equal(queryWatchAddSql(d, 'KILL'), `QUERY WATCH ADD ACTION KILL SQL DIGEST '${d}'`);
  assert.equal(queryWatchAddSql(d, 'COOLDOWN', 'rg1'), `QUERY WATCH ADD RESOURCE GROUP \`rg1\` ACTION COOLDOWN SQL DIGEST '${d}'`);
  assert.equal(
    queryWatchAddSql(d, { switchGroup: 'slow`lane' }),
    `QUERY WATCH ADD ACTION SWITCH_GROUP(\`slow\`\`lane\`) SQL DIGEST '${d}'`,
  );
  assert.throws(() => queryWatchAddSql(d, 'DROP' as never), /Unknown watch action/);
  assert.throws(() => queryWatchAddSql('x', 'KILL'), /SQL digest/);
  assert.equal(queryWatchRemoveSql('3'), 'QUERY WATCH REMOVE 3');
  assert.throws(() => queryWatchRemoveSql('3; DROP TABLE t'), /Not a watch id/);
});

test('TiDB docs, information-schema-runaway-watches (v8.5, \\G): watches with their rule and action', () => {
  const list = watches(docs('A3__information-schema-runaway-watches__select__v8.5'));
  assert.deepEqual(
    list.map((w) => [w.id, w.watch, w.action, w.text]),
    [
      ['1', 'Exact', 'Kill', 'select count(*) from `tpch1`.`supplier`'],
      ['2', 'Exact', 'Kill', 'select count(*) from `tpch1`.`partsupp`'],
      ['3', 'Exact', 'Kill', 'select sleep(2) from t'],
    ],
  );
  assert.equal(list[0].rule, 'ProcessedKeys = 10000(100)');
});

test('TiDB docs, sql-statement-show-stats-healthy (after delete): t1 at 50 is offered for ANALYZE TABLE', () => {
  const health = tableHealth(docs('A3__sql-statement-show-stats-healthy__after-delete'));
  assert.deepEqual(health, [{ db: 'test', table: 't1', partition: '', healthy: 50 }]);
  assert.deepEqual(
    unhealthyTables(health).map((t) => analyzeTableSql(t.db, t.table)),
    ['ANALYZE TABLE `test`.`t1`'],
  );
  // partitions fold into their table at the worst health; healthy tables are left alone
  const parts = [
    { db: 'd', table: 'p', partition: 'p0', healthy: 90 },
    { db: 'd', table: 'p', partition: 'p1', healthy: 30 },
    { db: 'd', table: 'ok', partition: '', healthy: 100 },
  ];
  assert.deepEqual(unhealthyTables(parts), [{ db: 'd', table: 'p', partition: '', healthy: 30 }]);
  assert.equal(analyzeTableSql('a`b', 'c'), 'ANALYZE TABLE `a``b`.`c`');
});

test('TiDB docs, information-schema-memory-usage-ops-history: the statement TiDB killed over the memory limit', () => {
  const [k] = memoryKills(docs('A3__information-schema-memory-usage-ops-history__select'));
  assert.deepEqual(
    [k.ops, k.memoryLimit, k.memoryCurrent, k.processId, k.mem, k.db, k.user, k.sqlDigest.slice(0, 8), k.sqlText],
    [
      'SessionKill',
      10737418240,
      10880237568,
      '6718275530455515543',
      7905028235,
      'test',
      'root',
      '146b3d81',
      'desc analyze select * from t t1 join t t2 on t1.a=t2.a order by t1.a',
    ],
  );
});
