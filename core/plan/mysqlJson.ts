// MySQL and MariaDB `EXPLAIN FORMAT=JSON` into the same plan tree: a node per
// query block, per nested loop, per table access and per operation that wraps
// others (ordering, grouping, temporary tables, materialised subqueries).
import * as l10n from '@vscode/l10n';
import type { Plan, PlanNode } from './model';

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => !!v && typeof v === 'object' && !Array.isArray(v);

function tableNode(t: J): PlanNode {
  const name = String(t.table_name ?? t.alias ?? '?');
  const access = String(t.access_type ?? '');
  const node: PlanNode = { id: `${name}`, operator: access ? `Table access (${access})` : 'Table access', task: 'root', children: [] };
  const obj = [`table:${name}`];
  if (t.key) obj.push(`index:${String(t.key)}${Array.isArray(t.used_key_parts) ? `(${(t.used_key_parts as unknown[]).join(', ')})` : ''}`);
  if (Array.isArray(t.partitions)) obj.push(`partition:${(t.partitions as unknown[]).join(',')}`);
  node.accessObject = obj.join(', ');
  const rows = t.rows_examined_per_scan ?? t.rows ?? t.rows_produced_per_join;
  if (rows !== undefined && Number.isFinite(Number(rows))) node.estRows = Number(rows);
  const info: string[] = [];
  if (t.attached_condition) info.push(`condition:${String(t.attached_condition)}`);
  if (t.filtered !== undefined) info.push(`filtered:${String(t.filtered)}%`);
  if (t.using_index) info.push('covering index');
  if (Array.isArray(t.possible_keys)) info.push(`possible keys:${(t.possible_keys as unknown[]).join(', ')}`);
  if (info.length) node.operatorInfo = info.join(', ');
  const cost = isObj(t.cost_info)
    ? Number(t.cost_info.read_cost ?? t.cost_info.prefix_cost)
    : t.cost !== undefined
      ? Number(t.cost)
      : undefined;
  if (cost !== undefined && Number.isFinite(cost)) node.estCost = cost;
  if (t.r_rows !== undefined) node.actRows = Number(t.r_rows);
  for (const [k, v] of Object.entries(t))
    if (isObj(v) && (k === 'materialized' || k.endsWith('_subquery') || k === 'query_block')) node.children.push(...convert(k, v));
  return node;
}

function convert(key: string, v: unknown): PlanNode[] {
  if (Array.isArray(v)) return v.flatMap((x) => (isObj(x) ? Object.entries(x).flatMap(([k, y]) => convert(k, y)) : []));
  if (!isObj(v)) return [];
  if (key === 'table') return [tableNode(v)];
  const children = Object.entries(v).flatMap(([k, y]) => (isObj(y) || Array.isArray(y) ? convert(k, y) : []));
  const label = key === 'query_block' ? `query_block #${String(v.select_id ?? '?')}` : key;
  const node: PlanNode = { id: label, operator: key.replace(/_/g, ' '), task: 'root', children };
  const info = Object.entries(v)
    .filter(([, y]) => !isObj(y) && !Array.isArray(y))
    .map(([k, y]) => `${k}:${String(y)}`);
  if (info.length) node.operatorInfo = info.join(', ');
  // a wrapper that only passes one child through adds nothing
  if (!info.length && children.length === 1 && key !== 'query_block') return children;
  return [node];
}

export function fromMysqlJson(doc: unknown, notes: string[]): Plan {
  if (!isObj(doc) || !isObj(doc.query_block)) throw new Error('no query_block');
  notes.push(l10n.t('MySQL/MariaDB EXPLAIN FORMAT=JSON: table accesses and the operations around them; TiDB advice does not apply'));
  const roots = convert('query_block', doc.query_block);
  return {
    format: 'mysql_json',
    columns: [],
    roots,
    analyzed: roots.some(function has(n: PlanNode): boolean {
      return n.actRows !== undefined || n.children.some(has);
    }),
    notes,
  };
}
