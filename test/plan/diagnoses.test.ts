// The plan advice on doc fixtures whose text says what is wrong, and on small hand-made plans.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { diagnose, PLAN_RULES } from '../../core/plan/diagnoses/index';
import { parsePlan } from '../../core/plan/parse';
import { EXPLAIN_DIR, fixtureOutput } from '../helpers/explainFixtures';

const SHARED = path.join(EXPLAIN_DIR, 'fixtures');
const has = (name: string, rule: string) => {
  const got = rulesOf(name);
  assert.ok(
    got.includes(rule) || (rule.endsWith('@') && got.some((r) => r.startsWith(rule))),
    `${name}: expected ${rule} in ${got.join(', ')}`,
  );
};
const rulesOf = (name: string) => diagnose(parsePlan(fixtureOutput(path.join(SHARED, `${name}.txt`)))).map((d) => `${d.rule}@${d.nodeId}`);

test('doc fixtures get the diagnoses their docs describe', () => {
  // sql-tuning-best-practice.md: HashJoin_69 built on 256M rows after a 1-row estimate, 21.6 GB memory + 7.65 GB disk
  const tuning = rulesOf('analyze_verbose_estcost_misestimate');
  for (const r of ['row-misestimate@IndexRangeScan_75', 'disk-spill@HashJoin_69', 'hash-join-build-side@HashJoin_69'])
    assert.ok(tuning.includes(r), `${r} in ${tuning}`);
  assert.equal(
    diagnose(parsePlan(fixtureOutput(path.join(SHARED, 'analyze_verbose_estcost_misestimate.txt'))))[0].severity,
    'error',
    'the 257M× misestimate ranks first',
  );
  has('cartesian_join_nonequal', 'cartesian-join@HashJoin_8');
  has('cartesian_semi_join_null_aware', 'cartesian-join@HashJoin_8');
  has('apply_correlated_subquery', 'apply-correlated-subquery@Apply_12');
  assert.ok(
    !rulesOf('apply_correlated_subquery').some((r) => r.startsWith('cartesian-join')),
    'Apply is not reported as a Cartesian join too',
  );
  has('table_full_scan_stats_pseudo_walkthrough', 'pseudo-stats@TableFullScan_18');
  has('analyze_table_full_scan_walkthrough', 'full-scan-selective-filter@TableFullScan_18');
  has('analyze_memory_disk_spill', 'disk-spill@HashJoin_12');
  has('partition_union_all_partitions', 'no-partition-pruning@PartitionUnion_21');
  has('partition_union_all_partitions', 'unsargable-predicate@');
  has('topn_pushdown_full_scan', 'sort-without-index@TopN_7');
  has('analyze_coprocessor_cache', 'coprocessor-cache@');
  // clean plans stay clean
  for (const clean of ['point_get', 'batch_point_get_handle', 'index_lookup_range_eq', 'mpp_broadcast_join'])
    assert.deepEqual(rulesOf(clean), [], clean);
  // MAX/MIN elimination joins two one-row sides: not a Cartesian problem
  assert.ok(!rulesOf('max_min_eliminate_two_limits').some((r) => r.startsWith('cartesian-join')));
});

const table = (rows: string) =>
  `| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n${rows}`;

test('hand-made plans: misestimate reported where it starts, cop skew, MVCC garbage, backoff, not pushed down', () => {
  const mis = diagnose(
    parsePlan(
      table(
        [
          '| TableReader_5 | 10.00 | 500000 | root | | time:1s, loops:2 | data:TableFullScan_4 | 1 MB | N/A |',
          '| └─TableFullScan_4 | 10.00 | 500000 | cop[tikv] | table:t | tikv_task:{time:900ms, loops:500} | keep order:false | N/A | N/A |',
        ].join('\n'),
      ),
    ),
  );
  assert.deepEqual(
    mis.filter((d) => d.rule === 'row-misestimate').map((d) => d.nodeId),
    ['TableFullScan_4'],
  );
  const skew = diagnose(
    parsePlan(
      table(
        '| TableReader_5 | 1000 | 1000 | root | | time:2s, loops:2, cop_task: {num: 40, max: 1.9s, min: 1ms, avg: 50ms, p95: 20ms, max_proc_keys: 500000, p95_proc_keys: 1000, tot_proc: 2s}, backoff{regionMiss: 12ms} | data:TableFullScan_4 | 1 MB | N/A |\n| └─TableFullScan_4 | 1000 | 1000 | cop[tikv] | table:t | tikv_task:{time:1.9s, loops:40}, scan_detail: {total_process_keys: 1000, total_keys: 900000} | keep order:false | N/A | N/A |',
      ),
    ),
  );
  const rules = skew.map((d) => d.rule);
  for (const r of ['cop-task-skew', 'mvcc-garbage', 'backoff']) assert.ok(rules.includes(r), `${r} in ${rules}`);
  assert.equal(skew.filter((d) => d.rule === 'cop-task-skew').length, 2, 'time skew and key skew');
  const gap = diagnose(
    parsePlan(
      table(
        '| TableReader_5 | 10 | 10 | root | | time:900ms, loops:2, cop_task: {num: 3, max: 400ms, min: 200ms, avg: 300ms, p95: 400ms} | data:TableFullScan_4 | 1 KB | N/A |\n| └─TableFullScan_4 | 10 | 10 | cop[tikv] | table:t | tikv_task:{proc max:3ms, min:1ms, avg: 2ms, p80:3ms, p95:3ms, iters:3, tasks:3} | keep order:false | N/A | N/A |',
      ),
    ),
  );
  assert.ok(
    gap.some((d) => d.rule === 'cop-network-wait' && d.nodeId === 'TableReader_5'),
    gap.map((d) => d.rule).join(),
  );
  const notPushed = diagnose(
    parsePlan(
      '| id | estRows | task | access object | operator info |\n| Selection_6 | 8000 | root | | gt(json_extract(t.j, "$.a"), 1) |\n| └─TableReader_5 | 10000 | root | | data:TableFullScan_4 |\n|   └─TableFullScan_4 | 10000 | cop[tikv] | table:t | keep order:false |',
    ),
  );
  assert.ok(notPushed.some((d) => d.rule === 'not-pushed-down' && d.nodeId === 'Selection_6'));
});

test('every rule has an id, a severity and a TiDB docs link; a rule that throws does not hide the others', () => {
  const ids = PLAN_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of PLAN_RULES) assert.match(r.docsUrl, /^https:\/\/docs\.pingcap\.com\//);
  const plan = parsePlan(
    '| id | estRows | task | access object | operator info |\n| HashJoin_1 | 100 | root | | CARTESIAN inner join |\n| ├─A_2(Build) | 10 | root | | |\n| └─B_3(Probe) | 10 | root | | |',
  );
  const original = PLAN_RULES[1].check;
  (PLAN_RULES[1] as { check: unknown }).check = () => {
    throw new Error('boom');
  };
  try {
    assert.ok(diagnose(plan).some((d) => d.rule === 'cartesian-join'));
  } finally {
    (PLAN_RULES[1] as { check: unknown }).check = original;
  }
});
