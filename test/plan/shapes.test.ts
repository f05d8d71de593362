// Plan shapes people paste beyond the EXPLAIN tables: CSV exports, the statement summary's
// normalized plans, the slow log's decoded plans and tidb_decode_plan() results (headerless
// rows), Markdown and mycli tables. Minimal examples written for issue 14, and verbatim TiDB
// docs outputs (test/fixtures/tidb-docs/plans, CC BY-SA 4.0).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { walk } from '../../core/plan/model';
import { parsePlan } from '../../core/plan/parse';

const tree = (text: string) => {
  const p = parsePlan(text);
  return {
    format: p.format,
    nodes: [...walk(p.roots)].map(({ node, depth }) => ({
      depth,
      id: node.id,
      task: node.task,
      est: node.estRows,
      act: node.actRows,
      info: node.operatorInfo,
      access: node.accessObject,
    })),
    notes: p.notes,
  };
};
const docs = (f: string) => fs.readFileSync(path.resolve(__dirname, '../fixtures/tidb-docs/plans', f), 'utf8');

test('CSV exports, with and without the header row (quoted cells hold commas)', () => {
  const rows =
    'TableReader_5,1.00,root,"",data:TableFullScan_4\n└─TableFullScan_4,10000.00,cop[tikv],table:t,"keep order:false, stats:pseudo"\n';
  for (const text of [`id,estRows,task,access object,operator info\n${rows}`, rows]) {
    const t = tree(text);
    assert.equal(t.format, 'csv');
    assert.deepEqual(
      t.nodes.map((n) => [n.depth, n.id, n.task, n.est, n.access, n.info]),
      [
        [0, 'TableReader_5', 'root', 1, undefined, 'data:TableFullScan_4'],
        [1, 'TableFullScan_4', 'cop[tikv]', 10000, 'table:t', 'keep order:false, stats:pseudo'],
      ],
    );
  }
  assert.match(tree(rows).notes.join(), /without a header/);
  assert.throws(() => parsePlan('TableReader_5,1.00,root\n'), /without a header row and 3 columns/);
});

test("the statement summary's normalized plan: leading TAB, no header, no estRows, no _N ids", () => {
  const t = tree(
    '\tProjection\troot\ttest.t.a\n\t└─TableReader\troot\tdata:Selection\n\t  └─Selection\tcop[tikv]\teq(test.t.a, ?)\n\t    └─TableFullScan\tcop[tikv]\ttable:t, keep order:false\n',
  );
  assert.equal(t.format, 'rows');
  assert.deepEqual(
    t.nodes.map((n) => [n.depth, n.id, n.task, n.est, n.info]),
    [
      [0, 'Projection', 'root', undefined, 'test.t.a'],
      [1, 'TableReader', 'root', undefined, 'data:Selection'],
      [2, 'Selection', 'cop[tikv]', undefined, 'eq(test.t.a, ?)'],
      [3, 'TableFullScan', 'cop[tikv]', undefined, 'table:t, keep order:false'],
    ],
  );
  assert.match(t.notes.join(), /normalized plan/);
});

test('TiDB docs: a tidb_decode_plan() result, space-aligned, with actual rows and execution info', () => {
  const t = tree(docs('tidb-decode-plan.txt'));
  assert.deepEqual(
    t.nodes.map((n) => [n.depth, n.id, n.task, n.est, n.act]),
    [
      [0, 'TableReader_7', 'root', 319.04, 960],
      [1, 'Selection_6', 'cop[tikv]', 319.04, 960],
      [2, 'TableFullScan_5', 'cop[tikv]', 960, 960],
    ],
  );
  assert.equal(t.nodes[1].info, 'lt(test.t.a, 10000)');
});

test("TiDB docs: the slow log's decoded plans behind a `min(plan):` label (\\G), depth from the tree glyphs", () => {
  const t = tree(docs('slow-query-plans-by-digest.txt'));
  assert.deepEqual(
    t.nodes.map((n) => [n.depth, n.id, n.task]),
    [
      [0, 'Sort_6', 'root'],
      [1, 'HashAgg_10', 'root'],
      [2, 'TableReader_15', 'root'],
      [3, 'TableScan_14', 'cop'],
    ],
  );
  assert.equal(t.nodes[3].info, 'table:sbtest25, range:[502791,502890], keep order:false');
});

test("TiDB docs: a statement summary row's PLAN column (\\G), read out of the whole row", () => {
  const t = tree(docs('statement-summary-sample-row.txt'));
  assert.deepEqual(
    t.nodes.map((n) => [n.depth, n.id, n.task, n.est, n.info]),
    [[0, 'Point_Get_1', 'root', 1, 'table:employee, handle:3100']],
  );
});

test("Markdown tables' alignment row and mycli's rule lines are not operators", () => {
  const md =
    '| id | estRows | task | access object | operator info |\n|---|:--:|---|---|---|\n| TableReader_5 | 1.00 | root | | data:TableFullScan_4 |\n| └─TableFullScan_4 | 1.00 | cop[tikv] | table:t | keep order:false |\n';
  const mycli =
    '+-------------------+---------+-----------+\n| id                | estRows | task      |\n|-------------------+---------+-----------|\n| TableReader_5     | 1.00    | root      |\n| └─TableFullScan_4 | 1.00    | cop[tikv] |\n+-------------------+---------+-----------+\n';
  for (const text of [md, mycli])
    assert.deepEqual(
      tree(text).nodes.map((n) => [n.depth, n.id, n.task]),
      [
        [0, 'TableReader_5', 'root'],
        [1, 'TableFullScan_4', 'cop[tikv]'],
      ],
    );
});

test('a header with fewer columns than the rows: the task is found by content, never shifted into estCost or actRows', () => {
  const verbose = tree(
    '| id | estRows | task | access object | operator info |\n| TableReader_5 | 10.00 | 245.96 | root | | data:TableFullScan_4 |\n| └─TableFullScan_4 | 10.00 | 2745.00 | cop[tikv] | table:t | keep order:false |\n',
  );
  assert.deepEqual(
    verbose.nodes.map((n) => [n.id, n.task, n.est, n.act, n.access, n.info]),
    [
      ['TableReader_5', 'root', 10, undefined, undefined, 'data:TableFullScan_4'],
      ['TableFullScan_4', 'cop[tikv]', 10, undefined, 'table:t', 'keep order:false'],
    ],
  );
  assert.match(verbose.notes.join(), /told apart by content/);
  const analyzed = tree(
    '| id | estRows | task | access object | execution info | operator info | memory | disk |\n| TableReader_5 | 10.00 | 7 | root | | time:1ms, loops:2 | data:TableFullScan_4 | 1 KB | N/A |\n',
  );
  assert.deepEqual(
    analyzed.nodes.map((n) => [n.id, n.task, n.est, n.act]),
    [['TableReader_5', 'root', 10, 7]],
  );
});

test("TiDB 2.0's id | parents | children | task | operator info | count layout: rows in post-order, the tree from the links", () => {
  const t = tree(
    [
      '+---------------+---------------+---------------+------+---------------------------------------------+----------+',
      '| id            | parents       | children      | task | operator info                               | count    |',
      '+---------------+---------------+---------------+------+---------------------------------------------+----------+',
      '| TableScan_5   | Selection_6   |               | cop  | table:t1, range:(-inf,+inf), keep order:false | 10000.00 |',
      '| Selection_6   | TableReader_7 | TableScan_5   | cop  | eq(test.t1.a, 1)                            | 10.00    |',
      '| TableReader_7 | Projection_4  | Selection_6   | root | data:Selection_6                            | 10.00    |',
      '| Projection_4  |               | TableReader_7 | root | test.t1.a                                   | 10.00    |',
      '+---------------+---------------+---------------+------+---------------------------------------------+----------+',
    ].join('\n'),
  );
  assert.deepEqual(
    t.nodes.map((n) => [n.depth, n.id, n.task, n.est]),
    [
      [0, 'Projection_4', 'root', 10],
      [1, 'TableReader_7', 'root', 10],
      [2, 'Selection_6', 'cop', 10],
      [3, 'TableScan_5', 'cop', 10000],
    ],
  );
  assert.match(t.notes.join(), /TiDB 2\.0 layout/);
});

test("FORMAT='dot': a node alone in its cluster keeps the cluster's task", () => {
  const dot = [
    'digraph TableReader_5 {',
    'subgraph cluster5{',
    'node [style=filled, color=lightgrey]',
    'color=black',
    'label = "root"',
    '"TableReader_5"',
    '}',
    'subgraph cluster4{',
    'node [style=filled, color=lightgrey]',
    'color=black',
    'label = "cop"',
    '"TableFullScan_4"',
    '}',
    '"TableReader_5" -> "TableFullScan_4"',
    '}',
  ].join('\n');
  assert.deepEqual(
    tree(dot).nodes.map((n) => [n.depth, n.id, n.task]),
    [
      [0, 'TableReader_5', 'root'],
      [1, 'TableFullScan_4', 'cop'],
    ],
  );
});

test('layouts before the access object column: the table and index are recovered from operator info', () => {
  const t = tree(
    '| id | count | task | operator info |\n| IndexLookUp_10 | 10.00 | root | |\n| ├─IndexScan_8 | 10.00 | cop | table:t, index:a(a), range:[1,1], keep order:false |\n| └─TableScan_9 | 10.00 | cop | table:t, keep order:false |\n',
  );
  assert.deepEqual(
    t.nodes.map((n) => [n.id, n.access]),
    [
      ['IndexLookUp_10', undefined],
      ['IndexScan_8', 'table:t, index:a(a)'],
      ['TableScan_9', 'table:t'],
    ],
  );
});
