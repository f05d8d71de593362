// The schema compare's model (core/schemaDiff/model.ts): what is noise between MySQL, MariaDB and TiDB
// prints of one table, and what is a difference. TiDB's SHOW CREATE form from the v8.5 docs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { cancelJobSql, ddlJobs, describeJob, RUNNING_DDL_JOBS } from '../../client/src/schemaCompare/apply';
import { sqlFiles } from '../../client/src/schemaCompare/cli';
import { diffSchemas, isEmpty, migration, modifyCost } from '../../core/schemaDiff/diff';
import { renderCreate, schemaModel, sequenceModel, tableModel } from '../../core/schemaDiff/model';
import { replayDdl } from '../../core/schemaDiff/replay';
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

test('a folder’s DDL: every CREATE TABLE of the text, data and session statements passed over', () => {
  const text = 'CREATE DATABASE x;\nUSE x;\nCREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\nCREATE TABLE IF NOT EXISTS b (id INT);\n';
  const r = replayDdl([{ name: 'x.sql', text }]);
  assert.deepEqual(
    [...r.model.tables.values()].map((t) => t.name),
    ['a', 'b'],
  );
  assert.deepEqual(r.unreplayed, []);
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

test('charsets and collations: a column’s equal to its table’s default is noise, so is utf8 vs utf8mb3 and an ENGINE or CHARSET left to the server; another collation is not', () => {
  const mysql8 =
    'CREATE TABLE `t` (`id` int NOT NULL, `name` varchar(20) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci DEFAULT NULL, `code` varchar(8) COLLATE utf8mb4_bin NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci';
  const handWritten =
    'CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) CHARACTER SET utf8 COLLATE utf8_general_ci, code VARCHAR(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci';
  const diff = (a: string, b: string) => diffSchemas(schemaModel([a]), schemaModel([b]));
  assert.ok(isEmpty(diff(mysql8, handWritten)), JSON.stringify(diff(mysql8, handWritten).changed));
  // PRIMARY KEY and UNIQUE on the column are the indexes the server prints; a key column is NOT NULL
  assert.ok(
    isEmpty(
      diff(
        'CREATE TABLE u (id INT PRIMARY KEY, email VARCHAR(9) NULL UNIQUE)',
        'CREATE TABLE `u` (`id` int NOT NULL, `email` varchar(9) DEFAULT NULL, PRIMARY KEY (`id`), UNIQUE KEY `email` (`email`))',
      ),
    ),
  );
  // a column charset equal to the table's, spelled out, is the same column
  assert.ok(
    isEmpty(
      diff(
        'CREATE TABLE t (a VARCHAR(5)) DEFAULT CHARSET=latin1',
        'CREATE TABLE t (a VARCHAR(5) CHARACTER SET latin1 COLLATE latin1_swedish_ci) DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci',
      ),
    ),
  );
  // ENGINE / CHARSET written on one side only: the other is the server's default
  assert.ok(isEmpty(diff('CREATE TABLE t (a INT)', 'CREATE TABLE t (a INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4')));
  // but a COMMENT on one side only, another charset, and another collation on a column are differences
  assert.ok(!isEmpty(diff('CREATE TABLE t (a INT)', "CREATE TABLE t (a INT) COMMENT='orders'")));
  assert.ok(!isEmpty(diff('CREATE TABLE t (a INT) CHARSET=latin1', 'CREATE TABLE t (a INT) CHARSET=utf8mb4')));
  const col = diff(handWritten, handWritten.replace('COLLATE utf8mb4_bin NOT NULL', 'COLLATE utf8mb4_unicode_ci NOT NULL'));
  assert.deepEqual(
    col.changed[0].modifyColumns.map((m) => [m.from.key, m.to.key]),
    [['code varchar(8) collate utf8mb4_unicode_ci not null', 'code varchar(8) collate utf8mb4_bin not null']],
  );
});

test('TiDB docs, sql-statement-show-create-sequence: SHOW CREATE SEQUENCE equals a bare CREATE SEQUENCE; options differ, START is a counter', () => {
  const [row] = readFixtureTable(path.join(import.meta.dirname, '../fixtures/tidb-docs/schema/C__sql-statement-show-create-sequence.txt'));
  const tidb = sequenceModel(row['Create Table'])!;
  assert.equal(tidb.name, 'seq');
  const bare = sequenceModel('CREATE SEQUENCE seq')!;
  assert.equal(tidb.key, bare.key);
  assert.equal(sequenceModel('CREATE SEQUENCE IF NOT EXISTS db.`seq` START WITH 100')!.key, bare.key, 'START is not compared');
  const desc = sequenceModel('CREATE SEQUENCE d INCREMENT BY -1')!;
  assert.deepEqual([desc.options.minvalue, desc.options.maxvalue, desc.options.start], ['-9223372036854775807', '-1', '-1']);
  assert.equal(sequenceModel('create sequence s nocache cycle')!.key, 'increment 1 minvalue 1 maxvalue 9223372036854775806 cache 0 cycle');
  const src = { ...schemaModel([]), sequences: new Map([['seq', sequenceModel('CREATE SEQUENCE seq INCREMENT BY 2 CACHE 100')!]]) };
  const dst = {
    ...schemaModel([]),
    sequences: new Map([
      ['seq', tidb],
      ['old', sequenceModel('CREATE SEQUENCE old')!],
    ]),
  };
  const d = diffSchemas(src, dst);
  assert.deepEqual(
    migration(d, { flavor: 'tidb' }).map((s) => s.sql),
    ['ALTER SEQUENCE `seq` INCREMENT BY 2 MINVALUE 1 MAXVALUE 9223372036854775806 CACHE 100 NOCYCLE', '-- DROP SEQUENCE `old`'],
  );
  // a sequence only in the source comes first: a new table's DEFAULT NEXTVAL(s) needs it
  const withTable = diffSchemas(
    {
      ...schemaModel(['CREATE TABLE t (id BIGINT DEFAULT NEXTVAL(s2))']),
      sequences: new Map([['s2', sequenceModel('CREATE SEQUENCE s2')!]]),
    },
    schemaModel([]),
  );
  assert.match(migration(withTable, { flavor: 'tidb' })[0].sql, /^CREATE SEQUENCE `s2` START WITH 1/);
});

test('a migrations folder replayed: ALTERs, CREATE/DROP INDEX, renames and drops give the table the server ends with', () => {
  const r = replayDdl([
    {
      name: 'V1__init.sql',
      text: 'CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(100), name VARCHAR(50), KEY idx_name_email (name, email));\nCREATE TABLE tmp (id INT);\nINSERT INTO users VALUES (1, 2, 3);\n',
    },
    {
      name: 'V2__more.sql',
      text: [
        'ALTER TABLE users ADD COLUMN age INT AFTER id, ADD INDEX idx_age (age), MODIFY email VARCHAR(200) NOT NULL',
        'ALTER TABLE users DROP COLUMN name, RENAME COLUMN email TO mail, ALTER COLUMN age SET DEFAULT 18, ALTER INDEX idx_age INVISIBLE',
        'CREATE UNIQUE INDEX uk_mail ON users (mail)',
        'CREATE TABLE audit LIKE users',
        'RENAME TABLE audit TO audit_log',
        "ALTER TABLE audit_log COMMENT='who did what', DROP INDEX uk_mail",
        'DROP TABLE IF EXISTS tmp',
        'CREATE SEQUENCE s START 5',
        'ALTER SEQUENCE s INCREMENT BY 2',
        'ALTER TABLE users REORGANIZE PARTITION p0 INTO (PARTITION p0 VALUES LESS THAN (10))',
      ].join(';\n'),
    },
  ]);
  const expected = schemaModel([
    'CREATE TABLE users (id BIGINT PRIMARY KEY, age INT DEFAULT 18, mail VARCHAR(200) NOT NULL, KEY idx_name_email (mail), KEY idx_age (age) INVISIBLE, UNIQUE KEY uk_mail (mail))',
    "CREATE TABLE audit_log (id BIGINT PRIMARY KEY, age INT DEFAULT 18, mail VARCHAR(200) NOT NULL, KEY idx_name_email (mail), KEY idx_age (age) INVISIBLE) COMMENT='who did what'",
  ]);
  expected.sequences.set('s', sequenceModel('CREATE SEQUENCE s START WITH 5 INCREMENT BY 2')!);
  const d = diffSchemas(expected, r.model);
  assert.ok(isEmpty(d), JSON.stringify(d, null, 1).slice(0, 2000));
  assert.deepEqual(
    r.model.tables.get('users')!.columns.map((c) => c.name),
    ['id', 'age', 'mail'],
    'AFTER id puts the column second',
  );
  assert.deepEqual(
    r.unreplayed.map((u) => `${u.file}:${u.line} ${u.why}`),
    ['V2__more.sql:10 a partition operation (REORGANIZE)'],
  );
});

test('a migrations folder in version order: V2 before V10 (as Flyway orders them, not as a string sort does)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  try {
    fs.writeFileSync(path.join(dir, 'V1__a.sql'), 'CREATE TABLE t (a INT);');
    fs.writeFileSync(path.join(dir, 'V2__b.sql'), 'ALTER TABLE t ADD COLUMN b INT;');
    fs.writeFileSync(path.join(dir, 'V10__c.sql'), 'ALTER TABLE t DROP COLUMN b;');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'DROP TABLE t;');
    assert.deepEqual(
      sqlFiles(dir).map((f) => path.basename(f)),
      ['V1__a.sql', 'V2__b.sql', 'V10__c.sql'],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('every real-world corpus file replays without throwing, and each table it makes reads back the same from its rendered CREATE TABLE', () => {
  const dir = path.join(import.meta.dirname, '../fixtures/real-sql');
  let tables = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.sql'))) {
    const r = replayDdl([{ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }]);
    for (const t of r.model.tables.values()) {
      const back = tableModel(renderCreate(t))!;
      assert.deepEqual(
        [back.columns.map((c) => c.key), back.indexes.map((i) => i.key), back.options],
        [t.columns.map((c) => c.key), t.indexes.map((i) => i.key), t.options],
        `${f}: ${t.name}`,
      );
      tables++;
    }
  }
  assert.ok(tables > 250, `${tables} tables`);
});
