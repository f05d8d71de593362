// Encoded plans decoded offline (issue 14): the slow log's `# Plan: tidb_decode_plan('…')` and
// `# Binary_plan: tidb_decode_binary_plan('…')` values, and the same strings pasted bare, give the
// tree TiDB's own decoder gives. Vectors: test/fixtures/plancodec (TiDB's tests and the TiDB docs).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { decodePlan, findEncodedPlan, formatBytes, PlanDecodeError, renderTextPlan } from '../../core/plan/decode';
import type { PlanNode } from '../../core/plan/model';
import { PlanParseError, parsePlan } from '../../core/plan/parse';

interface Vector {
  name: string;
  kind: 'plan' | 'binary_plan';
  encoded: string;
  decoded_exact?: string;
  decoded_as_shown?: string;
  nodes: number;
}
const vectors: Vector[] = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/plancodec/vectors.json'), 'utf8'));

const flat = (ns: PlanNode[]): PlanNode[] => ns.flatMap((n) => [n, ...flat(n.children)]);
const shape = (ns: PlanNode[]) =>
  flat(ns).map((n) => ({
    id: n.id,
    label: n.label,
    task: n.task,
    estRows: n.estRows,
    actRows: n.actRows,
    access: n.accessObject,
    info: n.operatorInfo,
    children: n.children.length,
  }));

test('the text vectors decode byte for byte to what TiDB prints', () => {
  const exact = vectors.filter((v) => v.decoded_exact);
  assert.equal(exact.length, 2);
  for (const v of exact) assert.equal(decodePlan({ kind: v.kind, encoded: v.encoded }), v.decoded_exact, v.name);
});

test('every vector, pasted as a slow-log line, a function call or bare, parses to the tree TiDB shows', () => {
  for (const v of vectors) {
    const expected = parsePlan(v.decoded_exact ?? v.decoded_as_shown!);
    assert.equal(flat(expected.roots).length, v.nodes, `${v.name}: the shown output`);
    const fn = v.kind === 'plan' ? 'tidb_decode_plan' : 'tidb_decode_binary_plan';
    const label = v.kind === 'plan' ? 'Plan' : 'Binary_plan';
    for (const pasted of [`# ${label}: ${fn}('${v.encoded}')`, `SELECT ${fn}('${v.encoded}')\\G`, v.encoded, `${label}: ${v.encoded}`]) {
      const plan = parsePlan(pasted);
      assert.deepEqual(shape(plan.roots), shape(expected.roots), `${v.name}: ${pasted.slice(0, 40)}`);
      assert.match(plan.notes[0], /decoded offline/);
      assert.ok(plan.decoded);
    }
  }
});

test('the binary plan keeps estCost, the access object, execution info and memory as the docs show them', () => {
  const v = vectors.find((x) => x.kind === 'binary_plan')!;
  const decoded = decodePlan({ kind: 'binary_plan', encoded: v.encoded });
  const cells = (t: string) =>
    t.split('\n').map((l) =>
      l
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean),
    );
  assert.deepEqual(cells(decoded), cells(v.decoded_as_shown!));
});

test('a whole slow-log entry: the binary plan is preferred, the text plan is used when alone', () => {
  const text = vectors.find((x) => x.name.startsWith('docs tidb_decode_plan'))!;
  const bin = vectors.find((x) => x.kind === 'binary_plan')!;
  const entry = (withBinary: boolean) =>
    [
      '# Time: 2022-05-24T12:00:00.000000+08:00',
      '# Query_time: 0.001',
      `# Plan: tidb_decode_plan('${text.encoded}')`,
      withBinary ? `# Binary_plan: tidb_decode_binary_plan('${bin.encoded}')` : '',
      'select * from t where a < 10000;',
    ].join('\n');
  assert.equal(flat(parsePlan(entry(true)).roots)[0].id, 'Projection_3');
  assert.equal(flat(parsePlan(entry(false)).roots)[0].id, 'TableReader_7');
  assert.equal(parsePlan(entry(false)).roots[0].children[0].children[0].task, 'cop[tikv]');
});

test('damaged or foreign strings get a clear error, never a wrong tree', () => {
  const v = vectors[0];
  assert.throws(
    () => parsePlan(`tidb_decode_plan('${v.encoded.slice(0, 60)}')`),
    (e: Error) => e instanceof PlanParseError && /cut when copied/.test(e.message),
  );
  assert.throws(() => decodePlan({ kind: 'plan', encoded: '[discard]' }), PlanDecodeError);
  assert.throws(() => decodePlan({ kind: 'plan', encoded: 'not base64 at all!' }), /base64/);
  // a binary plan handed to tidb_decode_plan says which function it needs
  assert.throws(() => decodePlan({ kind: 'plan', encoded: vectors[1].encoded }), /tidb_decode_binary_plan/);
  // plain prose and hex digests are not mistaken for encoded plans
  assert.equal(findEncodedPlan('TableReader_5 root data:TableFullScan_4'), undefined);
  assert.equal(findEncodedPlan('e5796985ccafe2f71126ed6c0ac939ffa015a8c0744a24b7aee6d587103fd2f7'), undefined);
});

test('the text decoder draws the tree as TiDB does, and store types map to kv.StoreType names', () => {
  const out = renderTextPlan('0\t31_7\t0\t1\tdata:x\n1\t1_6\t1_1\t1\tx\n1\t43_5\t1_2\t1\tt\n2\t99_1\t1\t1\t', false);
  assert.deepEqual(
    out.split('\n').map((l) =>
      l
        .split('\t')
        .slice(1, 3)
        .map((c) => c.trimEnd())
        .join('|'),
    ),
    ['TableReader_7|root', '├─Selection_6|cop[tiflash]', '└─TableFullScan_5|cop[tidb]', '  └─UnknownPlanID99_1|cop'],
  );
  assert.equal(formatBytes(128), '128 Bytes');
  assert.equal(formatBytes(13005), '12.7 KB');
  assert.equal(formatBytes(4086), '3.99 KB');
  assert.equal(formatBytes(2 * 1024 * 1024), '2 MB');
});
