// Every EXPLAIN fixture (test/fixtures/explain, plus any new one in ../shared/explain) parses into a tree whose node count
// matches the output ("N rows in set" where printed, else its data rows) and whose
// depths match the tree prefixes of the id column; specific shapes read specific ways.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseExecInfo } from '../../core/plan/execInfo';
import { walk, type PlanNode } from '../../core/plan/model';
import { parsePlan, PlanParseError } from '../../core/plan/parse';
import { parseDurationNs, parseSize } from '../../core/plan/units';
import { EXPLAIN_DIR, fixtureOutput, SHARED_EXPLAIN_DIR } from '../helpers/explainFixtures';

if (!fs.existsSync(SHARED_EXPLAIN_DIR))
  console.log(`# note: ${SHARED_EXPLAIN_DIR} is absent: only the fixtures copied into the repo are read`);

/** The repo's copies, then any fixture in ../shared/explain the repo does not have yet. */
function fixtures(): string[] {
  const list = (root: string) =>
    ['fixtures', 'fixtures_all'].flatMap((d) =>
      fs.existsSync(path.join(root, d))
        ? fs
            .readdirSync(path.join(root, d))
            .filter((f) => f.endsWith('.txt'))
            .map((f) => path.join(d, f))
        : [],
    );
  const ours = list(EXPLAIN_DIR);
  const known = new Set(ours);
  const extra = fs.existsSync(SHARED_EXPLAIN_DIR) ? list(SHARED_EXPLAIN_DIR).filter((f) => !known.has(f)) : [];
  if (extra.length) console.log(`# ${extra.length} fixture(s) in ../shared/explain are not copied into the repo yet; read from there`);
  return [...ours.map((f) => path.join(EXPLAIN_DIR, f)), ...extra.map((f) => path.join(SHARED_EXPLAIN_DIR, f))];
}

/** The id cells of a table, TSV or slow-log output, straight from the text. */
function idCells(out: string): string[] | undefined {
  const lines = out.split('\n');
  const boxed = lines.findIndex((l) => /^\s*\|\s*id\s*\|/i.test(l));
  if (boxed !== -1) {
    const indent = lines[boxed].length - lines[boxed].trimStart().length;
    const cells: string[] = [];
    for (const l of lines.slice(boxed + 1)) {
      const t = l.slice(indent);
      if (t.startsWith('+')) {
        if (cells.length) break;
        continue;
      }
      if (!t.startsWith('|')) break;
      const c = t.slice(2, t.indexOf('|', 1));
      if (c.trim().toLowerCase() !== 'id') cells.push(c);
    }
    return cells;
  }
  const slow = lines.findIndex((l) => /^\t\s*id\s*\t/i.test(l));
  if (slow !== -1)
    return lines
      .slice(slow + 1)
      .filter((l) => l.startsWith('\t') && l.trim())
      .map((l) => l.split('\t')[1]);
  const tsv = lines.findIndex((l) => /^id\t/i.test(l));
  if (tsv !== -1)
    return lines
      .slice(tsv + 1)
      .filter((l) => l.includes('\t'))
      .map((l) => l.split('\t')[0]);
  return undefined;
}

const prefixDepth = (cell: string) => Math.floor([...cell].findIndex((c) => !'│├└─ '.includes(c)) / 2);

test('every fixture parses: node counts and depths match the printed tables', () => {
  const files = fixtures();
  assert.ok(files.length >= 370, `${files.length} fixtures`);
  let checkedDepths = 0;
  for (const f of files) {
    const out = fixtureOutput(f);
    const name = path.basename(f);
    const plan = parsePlan(out);
    const nodes = [...walk(plan.roots)].map((e) => ({ ...e.node, depth: e.depth, node: e.node }));
    const printed = /(\d+) rows? in set/.exec(out);
    const cells = idCells(out);
    if (printed && plan.format !== 'dot' && plan.format !== 'tidb_json')
      assert.equal(nodes.length, Number(printed[1]), `${name}: ${nodes.length} nodes, the output says ${printed[1]} rows`);
    if (cells && (plan.format === 'table' || plan.format === 'tsv' || plan.format === 'slowlog')) {
      assert.equal(nodes.length, cells.length, `${name}: node count`);
      assert.deepEqual(
        nodes.map((n) => n.depth),
        cells.map(prefixDepth),
        `${name}: depths`,
      );
      checkedDepths++;
    }
    for (const n of nodes) assert.ok(n.id && n.operator, `${name}: a node without id`);
  }
  assert.ok(checkedDepths > 350, `depths checked on ${checkedDepths} fixtures`);
});

const fx = (name: string) => parsePlan(fixtureOutput(path.join(EXPLAIN_DIR, 'fixtures', `${name}.txt`)));
const find = (nodes: PlanNode[], id: string): PlanNode => {
  for (const { node } of walk(nodes)) if (node.id === id) return node;
  throw new Error(`no ${id}`);
};

test('EXPLAIN ANALYZE columns by name: actRows, labels, task, memory/disk in bytes, execution info nested', () => {
  const p = fx('analyze_hash_join');
  assert.equal(p.analyzed, true);
  const join = p.roots[0];
  assert.deepEqual([join.id, join.operator, join.estRows, join.actRows, join.task], ['HashJoin_27', 'HashJoin', 142020, 71010, 'root']);
  assert.equal(join.memory, 209.61642456054688 * 1024 * 1024);
  assert.equal(join.disk, 0);
  assert.equal(
    join.executionInfo!.build_hash_table && (join.executionInfo!.build_hash_table as Record<string, string>).fetch,
    '566.91012ms',
  );
  assert.deepEqual(
    join.children.map((c) => [c.id, c.label]),
    [
      ['TableReader_29', 'Build'],
      ['TableReader_31', 'Probe'],
    ],
  );
  const scan = find(p.roots, 'TableFullScan_30');
  assert.deepEqual([scan.task, scan.accessObject, scan.operatorInfo, scan.memory], ['cop[tikv]', 'table:t2', 'keep order:false', null]);
  assert.equal(scan.executionInfo!['proc max'], '84ms');
});

test('other shapes: slow-log plan v1, tidb_json, dot, CTE roots, pre-4.0 columns', () => {
  const slow = fx('slowlog_plan_v1_tab_format');
  assert.equal(slow.format, 'slowlog');
  assert.deepEqual(
    [...walk(slow.roots)].map((e) => `${e.depth}:${e.node.id}`),
    ['0:Projection_5', '1:HashAgg_15', '2:IndexReader_16', '3:HashAgg_7', '4:IndexRangeScan_14'],
  );
  assert.equal(find(slow.roots, 'IndexRangeScan_14').estRows, 210302349.4);
  const json = fx('format_tidb_json');
  assert.equal(json.format, 'tidb_json');
  assert.deepEqual(
    [...walk(json.roots)].map((e) => e.node.id),
    ['Projection_4', 'IndexReader_6', 'IndexRangeScan_5'],
  );
  assert.equal(find(json.roots, 'IndexRangeScan_5').accessObject, 'table:t, index:a(a)');
  const dot = fx('format_dot');
  assert.equal(dot.roots[0].id, 'Projection_8');
  assert.equal([...walk(dot.roots)].length, 9);
  assert.equal(find(dot.roots, 'TableFullScan_11').task, 'cop');
  const cte = fx('cte_two_refs_cartesian_multi_root');
  assert.deepEqual(
    cte.roots.map((r) => r.id),
    ['HashJoin_21', 'CTE_0'],
  );
  assert.deepEqual(
    cte.roots[1].children.map((c) => c.label),
    ['Seed Part', 'Recursive Part'],
  );
  const legacy = fx('legacy_v3_analyze_count_execinfo_rows');
  assert.deepEqual([legacy.roots[0].estRows, legacy.roots[0].actRows], [10000, 3]);
});

test('pasted from a terminal: prompts, indentation, a trailer, a second table, damaged rows', () => {
  const text = `mysql> EXPLAIN SELECT * FROM t WHERE a = 1;
    +-------------------------+---------+-----------+---------------------+---------------------------------+
    | id                      | estRows | task      | access object       | operator info                   |
    +-------------------------+---------+-----------+---------------------+---------------------------------+
    | IndexLookUp_10          | 10.00   | root      |                     |                                 |
    | ├─IndexRangeScan_8(Build)| 10.00   | cop[tikv] | table:t, index:a(a) | range:[1,1], keep order:false   |
    | └─TableRowIDScan_9(Probe)| 10.00   | cop[tikv] | table:t             | keep order:false, stats:pseudo  |
    +-------------------------+---------+-----------+---------------------+---------------------------------+
    3 rows in set (0.00 sec)
`;
  const p = parsePlan(text);
  assert.deepEqual(
    [...walk(p.roots)].map((e) => `${e.depth}:${e.node.id}:${e.node.label ?? ''}`),
    ['0:IndexLookUp_10:', '1:IndexRangeScan_8:Build', '1:TableRowIDScan_9:Probe'],
  );
  assert.equal(find(p.roots, 'IndexRangeScan_8').accessObject, 'table:t, index:a(a)');
  const tsv = parsePlan(
    'id\testRows\ttask\taccess object\toperator info\nTableReader_5\t10000.00\troot\t\tdata:TableFullScan_4\n└─TableFullScan_4\t10000.00\tcop[tikv]\ttable:t\tkeep order:false, stats:pseudo\n',
  );
  assert.equal(tsv.format, 'tsv');
  assert.equal(tsv.roots[0].children[0].operatorInfo, 'keep order:false, stats:pseudo');
  const vertical = parsePlan(
    '*************************** 1. row ***************************\n           id: Projection_3\n      estRows: 1.00\n         task: root\naccess object: \noperator info: 1->Column#1\n*************************** 2. row ***************************\n           id: └─TableDual_4\n      estRows: 1.00\n         task: root\naccess object: \noperator info: rows:1\n2 rows in set (0.00 sec)\n',
  );
  assert.equal(vertical.format, 'vertical');
  assert.deepEqual(
    [...walk(vertical.roots)].map((e) => `${e.depth}:${e.node.id}`),
    ['0:Projection_3', '1:TableDual_4'],
  );
  // a row indented too deep is attached with a note; an unknown column is kept raw
  const damaged = parsePlan('| id | estRows | task | weird |\n| A_1 | 1 | root | x |\n|     └─B_2 | 2 | cop[tikv] | y |\n');
  assert.equal(damaged.roots[0].children[0].id, 'B_2');
  assert.match(damaged.notes.join(), /deeper than its parent/);
  assert.deepEqual(damaged.roots[0].extra, { weird: 'x' });
  assert.throws(() => parsePlan('SELECT 1;\nhello'), PlanParseError);
  assert.throws(() => parsePlan(''), /no EXPLAIN output/);
});

test('execution info: nested braces, keys with spaces, brackets in values, legacy forms', () => {
  const e = parseExecInfo(
    'time:647.5ms, loops:72, cop_task: {num: 2, max: 569.8ms, copr_cache_hit_ratio: 0.00}, tikv_task:{proc max:64ms, p95:64ms}, scan_detail: {rocksdb: {block: {cache_hit_count: 3}}}, data sources:[TableReader_24, X], backoff{regionMiss: 2ms}',
  );
  assert.equal(e.time, '647.5ms');
  assert.deepEqual(e.cop_task, { num: '2', max: '569.8ms', copr_cache_hit_ratio: '0.00' });
  assert.equal((e.tikv_task as Record<string, string>)['proc max'], '64ms');
  assert.equal(
    (((e.scan_detail as Record<string, unknown>).rocksdb as Record<string, unknown>).block as Record<string, string>).cache_hit_count,
    '3',
  );
  assert.equal(e['data sources'], '[TableReader_24, X]');
  assert.deepEqual(e.backoff, { regionMiss: '2ms' });
  assert.deepEqual(parseExecInfo('rpc num: 1, rpc time:1.2ms, proc keys:100'), { 'rpc num': '1', 'rpc time': '1.2ms', 'proc keys': '100' });
});

test('units: Go durations and sizes', () => {
  assert.equal(parseDurationNs('757.205µs'), 757205);
  assert.equal(parseDurationNs('1m33.4s'), 93.4e9);
  assert.equal(parseDurationNs('0s'), 0);
  assert.equal(parseDurationNs('soon'), undefined);
  assert.equal(parseSize('1.25 KB'), 1280);
  assert.equal(parseSize('0 Bytes'), 0);
  assert.equal(parseSize('N/A'), null);
  assert.equal(parseSize('lots'), undefined);
});
