// The plan model shared by the parser, the advice, the tidb-plan CLI and the plan
// webview (it crosses into the webview as JSON). Plain data, no VS Code imports.

/** Parsed `execution info`: nested key/values; scalars stay text (durations and sizes are converted where used). */
export type ExecValue = string | ExecInfo;
export interface ExecInfo {
  [key: string]: ExecValue;
}

export interface PlanNode {
  /** the id as printed, without tree characters and label: `TableReader_29`, `CTE_0`, `TableFullScan` (brief) */
  id: string;
  /** the operator: `TableReader`, `Batch_Point_Get`, `CTE` */
  operator: string;
  /** Build, Probe, Seed Part, Recursive Part */
  label?: string;
  /** root, cop[tikv], cop[tiflash], batchCop[tiflash], mpp[tiflash], cop[tidb], legacy cop */
  task?: string;
  estRows?: number;
  actRows?: number;
  estCost?: number;
  accessObject?: string;
  operatorInfo?: string;
  /** the execution info as printed */
  executionInfoText?: string;
  executionInfo?: ExecInfo;
  /** bytes; null: N/A (not tracked) */
  memory?: number | null;
  disk?: number | null;
  /** columns this parser does not know, kept raw (header name -> cell) */
  extra?: Record<string, string>;
  /** what could not be read in this row */
  problems?: string[];
  children: PlanNode[];
}

/** How the plan was written: 'csv' an export, 'rows' headerless plan rows (slow log, tidb_decode_plan, statement summary). */
export type PlanFormat = 'table' | 'tsv' | 'csv' | 'rows' | 'slowlog' | 'vertical' | 'dot' | 'tidb_json' | 'mysql_json';

export interface Plan {
  format: PlanFormat;
  /** the text TiDB's decoder prints, when the plan was pasted encoded (slow log, statement summary) */
  decoded?: string;
  /** the column headers as found (table formats) */
  columns: string[];
  /** main tree first, then CTE definitions (and other extra roots) */
  roots: PlanNode[];
  /** true when some node has actRows / execution info */
  analyzed: boolean;
  /** what was skipped or guessed, for the user */
  notes: string[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnosis {
  rule: string;
  nodeId?: string;
  severity: Severity;
  message: string;
  /** what to try */
  fix?: string;
  docsUrl?: string;
  /** for ranking: higher first */
  impact: number;
}

/** Walks every node, parents before children. */
export function* walk(roots: PlanNode[]): Generator<{ node: PlanNode; parent?: PlanNode; depth: number }> {
  const stack: Array<{ node: PlanNode; parent?: PlanNode; depth: number }> = roots.map((node) => ({ node, depth: 0 })).reverse();
  while (stack.length) {
    const e = stack.pop()!;
    yield e;
    for (let i = e.node.children.length - 1; i >= 0; i--) stack.push({ node: e.node.children[i], parent: e.node, depth: e.depth + 1 });
  }
}

const KEY_ORDER = [
  'id',
  'operator',
  'label',
  'task',
  'estRows',
  'estCost',
  'actRows',
  'accessObject',
  'operatorInfo',
  'executionInfo',
  'executionInfoText',
  'memory',
  'disk',
  'extra',
  'problems',
];

/** A node as JSON with its fields in reading order and its children last. */
export function nodeToJson(root: PlanNode): Record<string, unknown> {
  // iterative: plans thousands of operators deep must not overflow the stack
  const shallow = (n: PlanNode) => {
    const out: Record<string, unknown> = {};
    for (const k of KEY_ORDER)
      if ((n as unknown as Record<string, unknown>)[k] !== undefined) out[k] = (n as unknown as Record<string, unknown>)[k];
    out.children = [];
    return out;
  };
  const top = shallow(root);
  const stack: Array<[PlanNode, Record<string, unknown>]> = [[root, top]];
  while (stack.length) {
    const [n, out] = stack.pop()!;
    for (const c of n.children) {
      const j = shallow(c);
      (out.children as unknown[]).push(j);
      stack.push([c, j]);
    }
  }
  return top;
}
