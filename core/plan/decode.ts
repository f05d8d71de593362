// Offline decoding of the encoded plans TiDB keeps in the slow log and statement summary:
// `# Plan: tidb_decode_plan('…')` (pingcap/tidb pkg/util/plancodec/codec.go: TAB-separated
// rows "depth, typeID_id, task, estRows, operator info[, actRows, execution info, memory, disk]",
// snappy-compressed, base64) and `# Binary_plan: tidb_decode_binary_plan('…')`
// (binary_plan_decode.go: a tipb.ExplainData protobuf, snappy-compressed, base64). The result
// is rendered the way TiDB's own decoder prints it, so the ordinary parser reads it and a user
// sees the text the server would have shown.
import * as l10n from '@vscode/l10n';
import { Root } from 'protobufjs/light';
import * as snappy from 'snappyjs';

export class PlanDecodeError extends Error {}

export interface EncodedPlan {
  kind: 'plan' | 'binary_plan' | 'unknown';
  encoded: string;
}

// pkg/util/plancodec/id.go: "for compatibility of encode/decode plan, the plan id shouldn't be changed"
const PLAN_TYPES = [
  '',
  'Selection',
  'Set',
  'Projection',
  'Aggregation',
  'StreamAgg',
  'HashAgg',
  'Show',
  'Join',
  'Union',
  'TableScan',
  'MemTableScan',
  'UnionScan',
  'IndexScan',
  'Sort',
  'TopN',
  'Limit',
  'HashJoin',
  'MergeJoin',
  'IndexJoin',
  'IndexMergeJoin',
  'IndexHashJoin',
  'Apply',
  'MaxOneRow',
  'Exists',
  'TableDual',
  'SelectLock',
  'Insert',
  'Update',
  'Delete',
  'IndexLookUp',
  'TableReader',
  'IndexReader',
  'Window',
  'TiKVSingleGather',
  'IndexMerge',
  'Point_Get',
  'ShowDDLJobs',
  'Batch_Point_Get',
  'ClusterMemTableReader',
  'DataSource',
  'LoadData',
  'TableSample',
  'TableFullScan',
  'TableRangeScan',
  'TableRowIDScan',
  'IndexFullScan',
  'IndexRangeScan',
  'ExchangeReceiver',
  'ExchangeSender',
  'CTEFullScan',
  'CTE',
  'CTETable',
  'PartitionUnion',
  'Shuffle',
  'ShuffleReceiver',
  'Foreign_Key_Check',
  'Foreign_Key_Cascade',
  'Expand',
  'ImportInto',
  'ScalarSubQuery',
  'MVDeltaMerge',
  'MViewCompleteDeltaApply',
];
// pkg/kv StoreType: TiKV = 0, TiFlash = 1, TiDB = 2
const STORE_TYPES = ['tikv', 'tiflash', 'tidb'];

const CALL = /\b(tidb_decode_plan|tidb_decode_binary_plan)\s*\(\s*'([A-Za-z0-9+/=\s]+)'\s*\)/gi;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The encoded plan in `text`, if it holds one: a `tidb_decode_plan('…')` or
 * `tidb_decode_binary_plan('…')` call (as the slow log writes them; the binary one is preferred,
 * it carries estCost and the access object), or a bare base64 string, optionally after a
 * `Plan:` / `Binary_plan:` label.
 */
export function findEncodedPlan(text: string): EncodedPlan | undefined {
  const calls = [...text.matchAll(CALL)].map((m) => ({
    kind: m[1].toLowerCase() === 'tidb_decode_binary_plan' ? ('binary_plan' as const) : ('plan' as const),
    encoded: m[2].replace(/\s+/g, ''),
  }));
  if (calls.length) return calls.find((c) => c.kind === 'binary_plan') ?? calls[0];
  const bare = text
    .trim()
    .replace(/^["'`]|["'`]$/g, '')
    .replace(/^(?:#\s*)?(binary_plan|plan)\s*:\s*/i, '');
  const compact = bare.replace(/\s+/g, '');
  if (compact.length >= 16 && BASE64.test(compact) && /[0-9+/]/.test(compact) && /[A-Z]/.test(compact) && /[a-z]/.test(compact)) {
    const label = /^(?:#\s*)?binary_plan\s*:/i.test(text.trim())
      ? 'binary_plan'
      : /^(?:#\s*)?plan\s*:/i.test(text.trim())
        ? 'plan'
        : 'unknown';
    return { kind: label, encoded: compact };
  }
  return undefined;
}

function decompress(encoded: string): Uint8Array {
  if (encoded === '[discard]')
    throw new PlanDecodeError(
      l10n.t('TiDB discarded this plan because it was too long (tidb_stmt_summary_max_sql_length / slow-log plan size limit)'),
    );
  let bytes: Uint8Array;
  try {
    const bin = atob(encoded);
    bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  } catch {
    throw new PlanDecodeError(l10n.t('the encoded plan is not valid base64: was it cut when copied?'));
  }
  try {
    return snappy.uncompress(bytes);
  } catch (e) {
    throw new PlanDecodeError(
      l10n.t('the encoded plan is not snappy-compressed data ({0}): was it cut when copied?', (e as Error).message),
    );
  }
}

const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

// ---- text plans (tidb_decode_plan) ------------------------------------------------------------

function decodeTask(v: string): string {
  const [kind, store] = v.split('_');
  if (kind === '0') return 'root';
  if (store === undefined) return 'cop';
  return `cop[${STORE_TYPES[Number(store)] ?? 'unspecified'}]`;
}

function decodeId(v: string): string {
  const [type, id] = v.split('_');
  const n = Number(type);
  if (!Number.isInteger(n)) throw new PlanDecodeError(`decode plan: invalid plan id ${v}`);
  const name = PLAN_TYPES[n] || `UnknownPlanID${n}`;
  return id === undefined ? name : `${name}_${id}`;
}

/** codec.go buildPlanTree: depth-first rows with "└─" indents, fields TAB-separated and padded. */
export function renderTextPlan(decompressed: string, header = true): string {
  const rows: Array<{ depth: number; fields: string[] }> = [];
  for (const line of decompressed.split('\n')) {
    const values = line.split('\t');
    if (values.length < 2) continue;
    const depth = Number(values[0]);
    if (!Number.isInteger(depth)) throw new PlanDecodeError(`decode plan: invalid depth ${JSON.stringify(values[0])}`);
    const fields = [decodeId(values[1])];
    if (values.length > 2) fields.push(decodeTask(values[2]));
    fields.push(...values.slice(3));
    rows.push({ depth, fields });
  }
  if (!rows.length) throw new PlanDecodeError(l10n.t('the encoded plan decodes to no operators'));
  if (header) {
    const names = ['id', 'task', 'estRows', 'operator info', 'actRows', 'execution info', 'memory', 'disk'];
    rows.unshift({ depth: 0, fields: names.slice(0, Math.min(names.length, rows[0].fields.length)) });
  }
  const indents = rows.map(({ depth }) => {
    const a = Array.from({ length: 2 * depth }, () => ' ');
    if (depth) a.splice(a.length - 2, 2, '└', '─');
    return a;
  });
  // a child whose earlier siblings exist turns their "└" into "├" and draws "│" between
  for (let i = 1; i < rows.length; i++) {
    const depth = rows[i].depth;
    if (!depth) continue;
    const idx = depth * 2 - 2;
    for (let j = i - 1; j > 0 && rows[j].depth >= depth; j--) {
      if (rows[j].depth === depth && indents[j][idx] === '└') {
        indents[j][idx] = '├';
        break;
      }
      if (rows[j].depth > depth) indents[j][idx] = '│';
    }
  }
  const width = Math.max(...rows.map((r) => r.fields.length));
  for (const r of rows) while (r.fields.length < width) r.fields.push('');
  // Go's len(): bytes of the field (µ counts 2), runes of the indent
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  for (let c = 0; c < width - 1; c++) {
    const len = (r: number) => (c === 0 ? indents[r].length : 0) + bytes(rows[r].fields[c]);
    const max = Math.max(...rows.map((_, r) => len(r)));
    rows.forEach((row, r) => {
      row.fields[c] += ' '.repeat(max - len(r));
    });
  }
  return rows.map((r, i) => `\t${indents[i].join('')}${r.fields.join('\t')}`).join('\n');
}

// ---- binary plans (tidb_decode_binary_plan) ---------------------------------------------------

// tipb proto/explain.proto, as a protobufjs JSON descriptor
const tipb = Root.fromJSON({
  nested: {
    ExplainData: {
      fields: {
        main: { type: 'ExplainOperator', id: 1 },
        ctes: { rule: 'repeated', type: 'ExplainOperator', id: 2 },
        withRuntimeStats: { type: 'bool', id: 3 },
        discardedDueToTooLong: { type: 'bool', id: 4 },
        subqueries: { rule: 'repeated', type: 'ExplainOperator', id: 5 },
      },
    },
    ExplainOperator: {
      fields: {
        name: { type: 'string', id: 1 },
        children: { rule: 'repeated', type: 'ExplainOperator', id: 2 },
        labels: { rule: 'repeated', type: 'OperatorLabel', id: 3 },
        cost: { type: 'double', id: 4 },
        estRows: { type: 'double', id: 5 },
        actRows: { type: 'uint64', id: 6 },
        taskType: { type: 'TaskType', id: 7 },
        storeType: { type: 'StoreType', id: 8 },
        accessObjects: { rule: 'repeated', type: 'AccessObject', id: 9 },
        operatorInfo: { type: 'string', id: 10 },
        rootBasicExecInfo: { type: 'string', id: 11 },
        rootGroupExecInfo: { rule: 'repeated', type: 'string', id: 12 },
        copExecInfo: { type: 'string', id: 13 },
        memoryBytes: { type: 'int64', id: 14 },
        diskBytes: { type: 'int64', id: 15 },
        briefName: { type: 'string', id: 16 },
        briefOperatorInfo: { type: 'string', id: 17 },
      },
    },
    AccessObject: {
      oneofs: { accessObject: { oneof: ['scanObject', 'dynamicPartitionObjects', 'otherObject'] } },
      fields: {
        scanObject: { type: 'ScanAccessObject', id: 1 },
        dynamicPartitionObjects: { type: 'DynamicPartitionAccessObjects', id: 2 },
        otherObject: { type: 'string', id: 3 },
      },
    },
    DynamicPartitionAccessObjects: { fields: { objects: { rule: 'repeated', type: 'DynamicPartitionAccessObject', id: 1 } } },
    DynamicPartitionAccessObject: {
      fields: {
        database: { type: 'string', id: 1 },
        table: { type: 'string', id: 2 },
        allPartitions: { type: 'bool', id: 3 },
        partitions: { rule: 'repeated', type: 'string', id: 4 },
      },
    },
    ScanAccessObject: {
      fields: {
        database: { type: 'string', id: 1 },
        table: { type: 'string', id: 2 },
        indexes: { rule: 'repeated', type: 'IndexAccess', id: 3 },
        partitions: { rule: 'repeated', type: 'string', id: 4 },
      },
    },
    IndexAccess: {
      fields: {
        name: { type: 'string', id: 1 },
        cols: { rule: 'repeated', type: 'string', id: 2 },
        isClusteredIndex: { type: 'bool', id: 3 },
      },
    },
    TaskType: { values: { unknown: 0, root: 1, cop: 2, batchCop: 3, mpp: 4 } },
    StoreType: { values: { unspecified: 0, tidb: 1, tikv: 2, tiflash: 3 } },
    OperatorLabel: { values: { empty: 0, buildSide: 1, probeSide: 2, seedPart: 3, recursivePart: 4 } },
  },
});
const ExplainData = tipb.lookupType('ExplainData');

interface Op {
  name: string;
  children: Op[];
  labels: string[];
  cost: number;
  estRows: number;
  actRows: number;
  taskType: string;
  storeType: string;
  accessObjects: Array<{
    scanObject?: { table: string; partitions: string[]; indexes: Array<{ name: string; cols: string[]; isClusteredIndex: boolean }> };
    dynamicPartitionObjects?: { objects: Array<{ table: string; allPartitions: boolean; partitions: string[] }> };
    otherObject?: string;
  }>;
  operatorInfo: string;
  rootBasicExecInfo: string;
  rootGroupExecInfo: string[];
  copExecInfo: string;
  memoryBytes: number;
  diskBytes: number;
}

const LABELS: Record<string, string> = {
  buildSide: '(Build)',
  probeSide: '(Probe)',
  seedPart: '(Seed Part)',
  recursivePart: '(Recursive Part)',
};

/** pkg/util/memory FormatBytes */
export function formatBytes(n: number): string {
  const units: Array<[number, string]> = [
    [1 << 30, 'GB'],
    [1 << 20, 'MB'],
    [1 << 10, 'KB'],
  ];
  if (n <= 1024) return `${n} Bytes`;
  const [unit, name] = units.find(([u]) => n > u) ?? [1, 'Bytes'];
  const v = n / unit;
  const decimals = n % unit === 0 ? 0 : v < 10 ? 2 : 1;
  return `${v.toFixed(decimals)} ${name}`;
}

function accessObject(op: Op): string {
  const out: string[] = [];
  for (const ao of op.accessObjects) {
    if (ao.dynamicPartitionObjects) {
      const objs = ao.dynamicPartitionObjects.objects;
      const one = (o: (typeof objs)[number]) =>
        o.allPartitions ? 'partition:all' : o.partitions.length ? `partition:${o.partitions.join(',')}` : 'partition:dual';
      if (objs.length === 1) return one(objs[0]);
      out.push(objs.map((o) => `${one(o)} of ${o.table}`).join(', '));
    } else if (ao.scanObject) {
      const s = ao.scanObject;
      let t = s.table ? `table:${s.table}` : '';
      if (s.partitions.length) t += `, partition:${s.partitions.join(',')}`;
      for (const ix of s.indexes) t += `, ${ix.isClusteredIndex ? 'clustered index' : 'index'}:${ix.name}(${ix.cols.join(', ')})`;
      out.push(t);
    } else if (ao.otherObject) out.push(ao.otherObject);
  }
  return out.join('');
}

function binaryRows(op: Op, prefix: string, last: boolean, root: boolean, runtime: boolean, out: string[][]): void {
  const id = (root ? '' : `${prefix}${last ? '└─' : '├─'}`) + op.name + op.labels.map((l) => LABELS[l] ?? '').join('');
  const task = op.taskType === 'unknown' || op.taskType === 'root' ? op.taskType : `${op.taskType}[${op.storeType}]`;
  const row = [id, op.estRows.toFixed(2), op.cost.toFixed(2)];
  if (runtime) row.push(String(op.actRows));
  row.push(task, accessObject(op));
  if (runtime) row.push([op.rootBasicExecInfo, op.rootGroupExecInfo.join(', '), op.copExecInfo].filter(Boolean).join(', '));
  row.push(op.operatorInfo);
  if (runtime) row.push(op.memoryBytes < 0 ? 'N/A' : formatBytes(op.memoryBytes), op.diskBytes < 0 ? 'N/A' : formatBytes(op.diskBytes));
  out.push(row);
  const children = [...op.children];
  if (children.length === 2 && children[0].labels[0] === 'probeSide' && children[1].labels[0] === 'buildSide') children.reverse();
  const childPrefix = root ? '' : prefix + (last ? '  ' : '│ ');
  for (const [i, c] of children.entries()) binaryRows(c, childPrefix, i === children.length - 1, false, runtime, out);
}

/** binary_plan_decode.go DecodeBinaryPlan: a boxed table like EXPLAIN ANALYZE's. */
export function renderBinaryPlan(bytes: Uint8Array): string {
  let data: { main?: Op; ctes: Op[]; subqueries: Op[]; withRuntimeStats: boolean; discardedDueToTooLong: boolean };
  try {
    data = ExplainData.toObject(ExplainData.decode(bytes), { longs: Number, enums: String, defaults: true, arrays: true }) as typeof data;
  } catch (e) {
    throw new PlanDecodeError(l10n.t('the binary plan is not a TiDB ExplainData message ({0})', (e as Error).message));
  }
  if (data.discardedDueToTooLong) throw new PlanDecodeError(l10n.t('TiDB discarded this plan because it was too long'));
  const rows: string[][] = [];
  for (const op of [data.main, ...data.ctes, ...data.subqueries]) if (op) binaryRows(op, '', true, true, data.withRuntimeStats, rows);
  if (!rows.length) throw new PlanDecodeError(l10n.t('the binary plan holds no operators'));
  const titles = data.withRuntimeStats
    ? ['id', 'estRows', 'estCost', 'actRows', 'task', 'access object', 'execution info', 'operator info', 'memory', 'disk']
    : ['id', 'estRows', 'estCost', 'task', 'access object', 'operator info'];
  const all = [titles, ...rows];
  const widths = titles.map((_, c) => Math.max(...all.map((r) => [...r[c]].length)));
  return all.map((r) => `| ${r.map((v, c) => v + ' '.repeat(widths[c] - [...v].length)).join(' | ')} |`).join('\n');
}

/** Decodes an encoded plan to the text TiDB's decoder prints for it. */
export function decodePlan(p: EncodedPlan): string {
  const bytes = decompress(p.encoded);
  const asText = utf8(bytes);
  const looksText = /^\d+\t\d+(_\w+)?\t/.test(asText);
  if (p.kind === 'plan' || (p.kind === 'unknown' && looksText)) {
    if (!looksText)
      throw new PlanDecodeError(
        l10n.t('tidb_decode_plan input that does not decode to plan rows (is it a binary plan? use tidb_decode_binary_plan)'),
      );
    return renderTextPlan(asText);
  }
  return renderBinaryPlan(bytes);
}
