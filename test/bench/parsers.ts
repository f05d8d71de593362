// Why the engine reads SQL with its own token-level readers and not node-sql-parser:
// the share of real statements each can read at all, on the labelled corpus, on
// every rule example, and on TiDB-only syntax from the TiDB docs; and the speed of
// each on the same statements. Prints numbers (npm run bench); asserts nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { exampleOf } from '../../core/lint/rule';
import { RULES } from '../../core/lint/rules';
import { split } from '../../core/sql/splitter';
import { Stmt } from '../../core/sql/statement';
import { lintText } from '../../core/lint/engine';

const require = createRequire(__filename);
const { Parser } = require('node-sql-parser/build/mysql') as { Parser: new () => { astify(sql: string, o: object): unknown } };
const parser = new Parser();

/** TiDB-only statements, verbatim or nearly from the TiDB docs (docs.pingcap.com/tidb/stable, CC BY-SA 4.0). */
const TIDB_ONLY = [
  'CREATE TABLE t (a BIGINT PRIMARY KEY AUTO_RANDOM, b VARCHAR(255));',
  'CREATE TABLE t (c INT) SHARD_ROW_ID_BITS = 4 PRE_SPLIT_REGIONS = 2;',
  'CREATE TABLE t1 (a INT) /*T! SHARD_ROW_ID_BITS=4 */;',
  'CREATE TABLE t (a BIGINT, b VARCHAR(255), PRIMARY KEY(a, b) CLUSTERED);',
  'CREATE PLACEMENT POLICY myplacementpolicy PRIMARY_REGION="us-east-1" REGIONS="us-east-1,us-west-1";',
  'ALTER TABLE t PLACEMENT POLICY=myplacementpolicy;',
  'ALTER TABLE t SET TIFLASH REPLICA 1;',
  'BATCH ON id LIMIT 10000 DELETE FROM t WHERE v < 100;',
  'FLASHBACK TABLE t TO t1;',
  "FLASHBACK CLUSTER TO TIMESTAMP '2022-09-21 16:02:50';",
  'RECOVER TABLE t;',
  "SELECT * FROM t AS OF TIMESTAMP '2016-10-08 16:45:26' WHERE id = 1;",
  'SELECT /*+ READ_FROM_STORAGE(TIFLASH[t]) */ count(*) FROM t;',
  'CREATE GLOBAL BINDING FOR SELECT * FROM t1 WHERE a > 1 USING SELECT * FROM t1 USE INDEX (idx_a) WHERE a > 1;',
  'SPLIT TABLE t BETWEEN (0) AND (1000000) REGIONS 16;',
  'ADMIN SHOW DDL JOBS;',
  "QUERY WATCH ADD RESOURCE GROUP rg1 SQL TEXT EXACT TO 'SELECT * FROM t';",
  'CREATE RESOURCE GROUP IF NOT EXISTS rg1 RU_PER_SEC = 500 BURSTABLE;',
  'ALTER TABLE t ADD INDEX idx_a (a) /*T![global_index] GLOBAL */;',
  "EXPLAIN ANALYZE FORMAT = 'tidb_json' SELECT * FROM t;",
  "BACKUP DATABASE test TO 's3://backup/2022-09-21';",
  "LOAD DATA INFILE 's3://bucket/data.csv' INTO TABLE t;",
  "IMPORT INTO t FROM '/path/to/file.csv';",
  'TRACE SELECT * FROM t WHERE id = 1;',
];

function statements(sql: string): string[] {
  return split(sql)
    .statements.map((s) => sql.slice(s.start, s.end))
    .filter((s) => s.trim());
}

function corpusStatements(): string[] {
  const file = path.resolve(__dirname, '../fixtures/corpus/cases.jsonl');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => statements((JSON.parse(l) as { sql: string }).sql));
}

function exampleStatements(): string[] {
  return RULES.flatMap((r) => [...r.examples.flagged, ...r.examples.clean].map((e) => exampleOf(r, e).sql)).flatMap(statements);
}

function nodeSqlParserReads(sql: string): boolean {
  try {
    parser.astify(sql, { database: 'MySQL' });
    return true;
  } catch {
    return false;
  }
}

/** Ours "reads" a statement when it classifies it and no syntax-error or internal-error comes out. */
function oursReads(sql: string): boolean {
  const { statements: st } = split(sql);
  if (st.length === 0 || !new Stmt(sql, st[0]).kind) return false;
  return !lintText(sql, RULES).findings.some((f) => f.ruleId === 'syntax-error' || f.ruleId === 'internal-error');
}

function measure(label: string, list: string[]): void {
  const bytes = list.reduce((n, s) => n + Buffer.byteLength(s), 0);
  const time = (f: (s: string) => boolean) => {
    const t0 = performance.now();
    let ok = 0;
    for (const s of list) if (f(s)) ok++;
    return { ok, ms: performance.now() - t0 };
  };
  const theirs = time(nodeSqlParserReads);
  const ours = time(oursReads);
  const pct = (n: number) => `${((100 * n) / list.length).toFixed(0)}%`;
  console.log(
    `parsers, ${label} (${list.length} statements, ${(bytes / 1024).toFixed(0)} KB): node-sql-parser reads ${theirs.ok} (${pct(theirs.ok)}) in ${theirs.ms.toFixed(0)} ms; ours reads ${ours.ok} (${pct(ours.ok)}) and lints them with all 91 rules in ${ours.ms.toFixed(0)} ms`,
  );
}

measure('labelled corpus', corpusStatements());
measure('rule examples', exampleStatements());
measure('TiDB-only syntax from the TiDB docs', TIDB_ONLY);
