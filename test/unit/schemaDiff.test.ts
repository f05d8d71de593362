// The schema compare's model (core/schemaDiff/model.ts): what is noise between MySQL, MariaDB and TiDB
// prints of one table, and what is a difference. TiDB's SHOW CREATE form from the v8.5 docs.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { cancelJobSql, ddlJobs, describeJob, RUNNING_DDL_JOBS } from '../../client/src/schemaCompare/apply';
import { diffSchemas, isEmpty, modifyCost } from '../../core/schemaDiff/diff';
import { createTablesIn, schemaModel, tableModel } from '../../core/schemaDiff/model';
import { readFixtureTable } from '../helpers/mysqlTable';

test('TiDB docs, sql-statement-rename-table (SHOW CREATE TABLE with /*T![clustered_index] */): equal to the plain DDL it came from', () => {
  const [row] = readFixtureTable(
    path.join(import.meta.dirname, '../fixtures/tidb-docs/schema/C__sql-statement-rename-table__show-create-table-clustered.txt'),
  );
  const tidb = tableModel(row['Create Table'])!;
  assert.equal(tidb.name, 't1');
  assert.deepEqual(
    tidb.columns.map((c) => c.name),
    ['id', 'n'],
  );
  assert.equal(tidb.indexes[0].key, 'primary key(id) clustered');
  const handWritten = tableModel(
    'create table t1 (id INT not null, n CHAR(0), primary key (id) clustered) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin',
  )!;
  assert.ok(isEmpty(diffSchemas(schemaModel([row['Create Table']]), schemaModel([handWritten.createSql]))));
});

test('noise: AUTO_INCREMENT=n, integer display widths, DEFAULT NULL, quoting, case and spacing; not noise: a type, a length, a default', () => {
  const a =
    'CREATE TABLE `t` (`id` int(11) NOT NULL AUTO_INCREMENT, `v` varchar(10) DEFAULT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4';
  const b = 'create table t (id INT not null auto_increment, v VARCHAR(10), primary key (id)) engine=InnoDB default charset=utf8mb4';
  assert.ok(isEmpty(diffSchemas(schemaModel([a]), schemaModel([b]))));
  assert.ok(!tableModel(a)!.createSql.includes('AUTO_INCREMENT=42'));
  for (const other of [
    b.replace('VARCHAR(10)', 'VARCHAR(20)'),
    b.replace('INT not null', 'BIGINT not null'),
    b.replace('VARCHAR(10)', "VARCHAR(10) DEFAULT 'x'"),
    b.replace('engine=InnoDB', 'engine=MyISAM'),
  ])
    assert.ok(!isEmpty(diffSchemas(schemaModel([a]), schemaModel([other]))), other);
});

test('cost classes: widening is metadata only, narrowing and retyping rewrite the rows', () => {
  const col = (ddl: string) => tableModel(`CREATE TABLE t (${ddl})`)!.columns[0];
  const cost = (from: string, to: string) => modifyCost(col(from), col(to)).cost;
  assert.equal(cost('a INT', 'a BIGINT'), 'instant');
  assert.equal(cost('a INT UNSIGNED', 'a BIGINT'), 'reorg', 'signedness changes');
  assert.equal(cost('a BIGINT', 'a INT'), 'reorg');
  assert.equal(cost('a VARCHAR(10)', 'a VARCHAR(20)'), 'instant');
  assert.equal(cost('a VARCHAR(20)', 'a VARCHAR(10)'), 'reorg');
  assert.equal(cost('a INT', 'a VARCHAR(20)'), 'reorg');
  assert.equal(cost('a DECIMAL(10,2)', 'a DECIMAL(12,2)'), 'reorg');
  assert.equal(cost('a INT NULL', "a INT NOT NULL DEFAULT 0 COMMENT 'x'"), 'instant');
});

test('a folder’s DDL: every CREATE TABLE of the text, other statements ignored', () => {
  const text = 'CREATE DATABASE x;\nUSE x;\nCREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\nCREATE TABLE IF NOT EXISTS b (id INT);\n';
  assert.deepEqual(
    createTablesIn(text).map((s) => tableModel(s)!.name),
    ['a', 'b'],
  );
});

test('TiDB docs, sql-statement-admin-show-ddl (v8.5): a long DDL job’s progress as the apply shows it; its cancel', () => {
  const rows = readFixtureTable(
    path.join(import.meta.dirname, '../fixtures/tidb-docs/timetravel/C__sql-statement-admin-show-ddl__jobs__v8.5.txt'),
  );
  const running = ddlJobs(rows).filter((j) => !['synced', 'done'].includes(j.state));
  assert.deepEqual(running.map(describeJob), [
    'add index on test.sbtest1: running, write reorganization (ingest, DXF)',
    'add index on test.sbtest1: queueing',
  ]);
  assert.equal(
    describeJob(ddlJobs(rows).find((j) => j.id === '562')!),
    'add index on test.sbtest1: synced, public, 1,580,334 rows (ingest, DXF)',
  );
  assert.equal(cancelJobSql('565'), 'ADMIN CANCEL DDL JOBS 565');
  assert.throws(() => cancelJobSql('565; DROP TABLE t'), /Not a DDL job id/);
  assert.match(RUNNING_DDL_JOBS, /^ADMIN SHOW DDL JOBS 20 WHERE STATE NOT IN/);
});
