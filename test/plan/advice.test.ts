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
