// Advice that must not be given (issue 14's "wrong today" patterns), on minimal hand-made
// plans in the EXPLAIN ANALYZE format of the TiDB docs (sql-statement-explain-analyze.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose } from '../../core/plan/diagnoses/index';
import { parsePlan } from '../../core/plan/parse';

const HEAD = '| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n';
const rulesOf = (rows: string[]) => diagnose(parsePlan(HEAD + rows.join('\n'))).map((d) => `${d.rule}@${d.nodeId}`);

test('a scan a Limit stopped early is not a row misestimate (pushed-down Limit, and a Limit embedded in IndexLookUp)', () => {
  const pushed = rulesOf([
    '| Limit_7 | 10.00 | 10 | root | | time:1.2ms, loops:2 | offset:0, count:10 | N/A | N/A |',
    '| └─TableReader_12 | 10.00 | 10 | root | | time:1.1ms, loops:1, cop_task: {num: 1, max: 1ms} | data:Limit_11 | 1 KB | N/A |',
    '|   └─Limit_11 | 10.00 | 10 | cop[tikv] | | tikv_task:{time:0s, loops:1} | offset:0, count:10 | N/A | N/A |',
    '|     └─TableFullScan_10 | 100000.00 | 32 | cop[tikv] | table:t | tikv_task:{time:0s, loops:1} | keep order:false | N/A | N/A |',
  ]);
  assert.ok(!pushed.some((r) => r.startsWith('row-misestimate')), pushed.join());
  const embedded = rulesOf([
    '| IndexLookUp_15 | 10.00 | 10 | root | | time:2ms, loops:2 | limit embedded(offset:0, count:10) | 10 KB | N/A |',
    '| ├─IndexRangeScan_13(Build) | 50000.00 | 10 | cop[tikv] | table:t, index:idx_a(a) | tikv_task:{time:0s, loops:1} | range:[1,1], keep order:false | N/A | N/A |',
    '| └─TableRowIDScan_14(Probe) | 10.00 | 10 | cop[tikv] | table:t | tikv_task:{time:0s, loops:1} | keep order:false | N/A | N/A |',
  ]);
  assert.ok(!embedded.some((r) => r.startsWith('row-misestimate')), embedded.join());
  // the same scan with no Limit above it is a misestimate
  const real = rulesOf([
    '| TableReader_12 | 100000.00 | 32 | root | | time:1.1ms, loops:1, cop_task: {num: 1, max: 1ms} | data:TableFullScan_10 | 1 KB | N/A |',
    '| └─TableFullScan_10 | 100000.00 | 32 | cop[tikv] | table:t | tikv_task:{time:0s, loops:1} | keep order:false | N/A | N/A |',
  ]);
  assert.ok(real.includes('row-misestimate@TableFullScan_10'), real.join());
});

test('a Limit above a Sort does not stop what the Sort reads: a misestimate below it is still one', () => {
  const r = rulesOf([
    '| Limit_8 | 10.00 | 10 | root | | time:900ms, loops:2 | offset:0, count:10 | N/A | N/A |',
    '| └─Sort_9 | 500000.00 | 200 | root | | time:900ms, loops:2 | t.b | 1 MB | N/A |',
    '|   └─TableReader_12 | 500000.00 | 200 | root | | time:800ms, loops:2, cop_task: {num: 4, max: 300ms} | data:TableFullScan_10 | 1 KB | N/A |',
    '|     └─TableFullScan_10 | 500000.00 | 200 | cop[tikv] | table:t | tikv_task:{time:300ms, loops:4} | keep order:false | N/A | N/A |',
  ]);
  assert.ok(r.includes('row-misestimate@TableFullScan_10'), r.join());
});

test("a partial aggregation's estimate is per cop task: 1 per task over 5,121 tasks is not 'estimated 1, actually 5121'", () => {
  const r = rulesOf([
    '| HashAgg_11 | 1.00 | 1 | root | | time:1.5s, loops:2 | funcs:count(Column#5)->Column#4 | 1 KB | N/A |',
    '| └─TableReader_12 | 1.00 | 5121 | root | | time:1.4s, loops:7, cop_task: {num: 5121, max: 30ms, min: 1ms, avg: 5ms, p95: 12ms} | data:HashAgg_6 | 1 KB | N/A |',
    '|   └─HashAgg_6 | 1.00 | 5121 | cop[tikv] | | tikv_task:{proc max:29ms, min:0s, avg: 4ms, p80:6ms, p95:11ms, iters:5121, tasks:5121} | funcs:count(1)->Column#5 | N/A | N/A |',
    '|     └─TableFullScan_10 | 50000000.00 | 50000000 | cop[tikv] | table:t | tikv_task:{proc max:29ms, min:0s, avg: 4ms, p80:6ms, p95:11ms, iters:60000, tasks:5121} | keep order:false | N/A | N/A |',
  ]);
  assert.ok(!r.some((x) => x.startsWith('row-misestimate')), r.join());
});

test('no row misestimate stacked on a scan already reported for pseudo statistics', () => {
  const r = rulesOf([
    '| TableReader_5 | 10000.00 | 3 | root | | time:1ms, loops:2, cop_task: {num: 1, max: 1ms} | data:TableFullScan_4 | 1 KB | N/A |',
    '| └─TableFullScan_4 | 10000.00 | 3 | cop[tikv] | table:t | tikv_task:{time:0s, loops:1} | keep order:false, stats:pseudo | N/A | N/A |',
  ]);
  assert.ok(r.includes('pseudo-stats@TableFullScan_4'), r.join());
  assert.ok(!r.includes('row-misestimate@TableFullScan_4'), r.join());
});

test("a TiKV operator's time (over concurrent tasks) is capped at its reader's wall time: never more than the statement", () => {
  const ds = diagnose(
    parsePlan(
      HEAD +
        [
          '| TableReader_5 | 10000.00 | 10000 | root | | time:65.6ms, loops:12, cop_task: {num: 8, max: 40ms, min: 5ms, avg: 14ms, p95: 40ms} | data:TableFullScan_4 | 1 MB | N/A |',
          '| └─TableFullScan_4 | 10000.00 | 10000 | cop[tikv] | table:t | tikv_task:{time:114ms, loops:40} | keep order:false | N/A | N/A |',
        ].join('\n'),
    ),
  );
  const slowest = ds.find((d) => d.rule === 'slowest-operator');
  assert.ok(slowest, ds.map((d) => d.rule).join());
  assert.doesNotMatch(slowest.message, /114 ms/);
  assert.match(slowest.message, /TableFullScan_4 spends 65\.6ms itself, 100% of the statement's 65\.6ms/);
});

const adviceOf = (rows: string[], version?: string) => diagnose(parsePlan(HEAD + rows.join('\n')), { version });

test('IndexLookUp lookups are counted on the TableRowIDScan, not after the probe-side filter (12M lookups, not 17k)', () => {
  const ds = adviceOf([
    '| IndexLookUp_10 | 17000.00 | 17000 | root | | time:40s, loops:20 | | 80 MB | N/A |',
    '| ├─IndexRangeScan_7(Build) | 12000000.00 | 12000000 | cop[tikv] | table:orders, index:idx_created(created_at) | tikv_task:{time:3s, loops:12000} | range:[2024-01-01,2024-12-31], keep order:false | N/A | N/A |',
    '| └─Selection_9(Probe) | 17000.00 | 17000 | cop[tikv] | | tikv_task:{time:30s, loops:12000} | eq(shop.orders.user_id, 42) | N/A | N/A |',
    '|   └─TableRowIDScan_8 | 12000000.00 | 12000000 | cop[tikv] | table:orders | tikv_task:{time:29s, loops:12000} | keep order:false | N/A | N/A |',
  ]);
  const text = ds.map((d) => d.message).join('\n');
  assert.match(text, /12M rows/);
  assert.doesNotMatch(text, /looks up 17k/);
  // the filter after the lookup throws 99.9% away: the index is the wrong one, said once
  assert.deepEqual(
    ds.filter((d) => d.nodeId === 'IndexLookUp_10').map((d) => d.rule),
    ['wrong-index'],
  );
  assert.match(ds.find((d) => d.rule === 'wrong-index')!.fix!, /composite index/);
});

test('plain EXPLAIN on pseudo statistics: no row counts from the 10,000-row default, at most an info', () => {
  const ds = diagnose(
    parsePlan(
      [
        '| id | estRows | task | access object | operator info |',
        '| TableReader_7 | 10.00 | root | | data:Selection_6 |',
        '| └─Selection_6 | 10.00 | cop[tikv] | | eq(test.t.a, 1) |',
        '|   └─TableFullScan_5 | 10000.00 | cop[tikv] | table:t | keep order:false, stats:pseudo |',
      ].join('\n'),
    ),
  );
  const scan = ds.filter((d) => d.rule === 'full-scan-selective-filter');
  assert.equal(scan.length, 1);
  assert.equal(scan[0].severity, 'info');
  assert.doesNotMatch(scan[0].message, /10k|10000|to keep 10/);
  assert.ok(ds.some((d) => d.rule === 'pseudo-stats'));
});

test('a 1.3% filter over 300M rows: the answer is TiFlash, not an index that would look up 3.9M rows', () => {
  const ds = adviceOf([
    '| TableReader_24 | 3900000.00 | 3900000 | root | | time:2m10s, loops:3811, cop_task: {num: 9163, max: 1.2s} | data:Selection_23 | 60 MB | N/A |',
    '| └─Selection_23 | 3900000.00 | 3900000 | cop[tikv] | | tikv_task:{proc max:1.1s, tasks:9163} | ge(tpch.lineitem.l_shipdate, 1996-12-01) | N/A | N/A |',
    '|   └─TableFullScan_22 | 300000000.00 | 300005811 | cop[tikv] | table:lineitem | tikv_task:{proc max:1s, tasks:9163} | keep order:false | N/A | N/A |',
  ]);
  const scan = ds.find((d) => d.rule === 'full-scan-selective-filter')!;
  assert.match(scan.fix!, /TiFlash/);
  assert.doesNotMatch(scan.fix!, /^Add an index/);
  assert.ok(ds.some((d) => d.rule === 'too-many-cop-tasks'));
});

const indexJoin = (probeEst: string, probeAct: string) => [
  '| IndexJoin_12 | 5000.00 | 5000 | root | | time:3s, loops:6, inner:{total:2.5s, concurrency:5, task:40} | inner join, inner:IndexLookUp_11, outer key:test.a.id, inner key:test.b.a_id | 2 MB | N/A |',
  '| ├─TableReader_20(Build) | 5000.00 | 5000 | root | | time:200ms, loops:6, cop_task: {num: 2, max: 150ms} | data:TableFullScan_19 | 1 MB | N/A |',
  '| │ └─TableFullScan_19 | 5000.00 | 5000 | cop[tikv] | table:a | tikv_task:{time:140ms, loops:10} | keep order:false | N/A | N/A |',
  `| └─IndexLookUp_11(Probe) | ${probeEst} | ${probeAct} | root | | time:2.4s, loops:50 | | 3 MB | N/A |`,
  `|   ├─IndexRangeScan_9(Build) | ${probeEst} | ${probeAct} | cop[tikv] | table:b, index:idx_a(a_id) | tikv_task:{time:1s, loops:50} | range: decided by [eq(test.b.a_id, test.a.id)], keep order:false | N/A | N/A |`,
  `|   └─TableRowIDScan_10(Probe) | ${probeEst} | ${probeAct} | cop[tikv] | table:b | tikv_task:{time:1s, loops:50} | keep order:false | N/A | N/A |`,
];

test('index join probe side: per-loop estimates before v6.4, totals since; fewer rows than estimated is de-duplication', () => {
  const misest = (rows: string[], v?: string) =>
    adviceOf(rows, v)
      .filter((d) => d.rule === 'row-misestimate')
      .map((d) => d.nodeId);
  // 1 row per outer row × 5,000 loops = 5,000 rows: right on a pre-6.4 server, and with no version
  assert.deepEqual(misest(indexJoin('1.00', '5000'), 'v6.1.0'), []);
  assert.deepEqual(misest(indexJoin('1.00', '5000')), []);
  // on v7.5 the probe estimate is the total: 1 estimated, 5,000 read is a real underestimate
  assert.ok(misest(indexJoin('1.00', '5000'), '8.0.11-TiDB-v7.5.1').length > 0);
  // far fewer rows than the total estimate: duplicate lookup keys were fetched once, not a statistics error
  assert.deepEqual(misest(indexJoin('500000.00', '4000'), 'v8.5.0'), []);
});

test('a Cartesian semi join from an IN subquery is not told about NOT IN', () => {
  const ds = adviceOf([
    '| HashJoin_8 | 8000.00 | 8000 | root | | time:20s, loops:9 | CARTESIAN semi join, other cond:eq(cast(test.t1.code, double BINARY), cast(test.t2.code, double BINARY)) | 10 MB | N/A |',
    '| ├─TableReader_12(Build) | 10000.00 | 10000 | root | | time:10ms, loops:11 | data:TableFullScan_11 | 1 MB | N/A |',
    '| │ └─TableFullScan_11 | 10000.00 | 10000 | cop[tikv] | table:t2 | tikv_task:{time:5ms, loops:14} | keep order:false | N/A | N/A |',
    '| └─TableReader_10(Probe) | 10000.00 | 10000 | root | | time:10ms, loops:11 | data:TableFullScan_9 | 1 MB | N/A |',
    '|   └─TableFullScan_9 | 10000.00 | 10000 | cop[tikv] | table:t1 | tikv_task:{time:5ms, loops:14} | keep order:false | N/A | N/A |',
  ]);
  const c = ds.find((d) => d.rule === 'cartesian-join')!;
  assert.doesNotMatch(c.fix!, /NOT IN|NOT EXISTS/);
  assert.match(c.fix!, /same type/);
});

test("a connection's SHOW WARNINGS: a blocked MPP plan says why and points at the table's scan; an ignored hint says so", () => {
  const plan = parsePlan(
    HEAD +
      [
        '| TableReader_7 | 10.00 | 10 | root | | time:1ms, loops:2, cop_task: {num: 1, max: 1ms} | data:TableFullScan_6 | 1 KB | N/A |',
        '| └─TableFullScan_6 | 10.00 | 10 | cop[tikv] | table:orders | tikv_task:{time:0s, loops:1} | keep order:false | N/A | N/A |',
      ].join('\n'),
  );
  const ds = diagnose(plan, {
    warnings: [
      { level: 'Warning', code: 1105, message: 'MPP mode may be blocked because tiflash replicas of table `orders` not ready.' },
      { level: 'Warning', code: 1815, message: 'Optimizer Hint /*+ INL_JOIN(t9) */ or /*+ TIDB_INLJ(t9) */ is inapplicable' },
    ],
  }).filter((d) => d.rule === 'optimizer-warnings');
  assert.equal(ds.length, 2);
  assert.equal(ds[0].nodeId, 'TableFullScan_6');
  assert.match(ds[0].message, /tiflash replicas of table `orders` not ready/);
  assert.match(ds[0].fix!, /PROGRESS in information_schema\.tiflash_replica/);
  assert.match(ds[1].message, /A hint was not applied: Optimizer Hint/);
  assert.match(ds[1].docsUrl!, /optimizer-hints$/);
  // without a connection there is nothing to say
  assert.equal(diagnose(plan).filter((d) => d.rule === 'optimizer-warnings').length, 0);
});
