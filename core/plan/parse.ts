// Any EXPLAIN output a user pastes into a plan tree (grammar.md): mysql boxed tables
// (row, brief, verbose, EXPLAIN ANALYZE, binary-plan text, pre-4.0 columns), TAB-separated
// output, slow-log "plan v1" (TAB-prefixed, task before estRows), \G vertical output,
// FORMAT='dot', FORMAT='tidb_json', and MySQL/MariaDB EXPLAIN FORMAT=JSON. Columns are
// read by header name; damaged tables are read as far as possible with notes.
import * as l10n from '@vscode/l10n';
import { decodePlan, findEncodedPlan, PlanDecodeError } from './decode';
import { parseExecInfo } from './execInfo';
import type { Plan, PlanFormat, PlanNode } from './model';
import { fromMysqlJson } from './mysqlJson';
import { parseSize } from './units';

export class PlanParseError extends Error {}

const LABEL = /\((Build|Probe|Seed Part|Recursive Part)\)\s*$/;
const TREE = new Set(['│', '├', '└', '─', ' ', '\u00a0']);

/** Column name -> field, case- and space-insensitive. */
function field(header: string): string {
  // docs trim long headers with '...' ('execution info ...')
  const h = header
    .trim()
    .toLowerCase()
    .replace(/(\.\.\.|…)$/, '')
    .replace(/[\s_]+/g, '');
  switch (h) {
    case 'id':
      return 'id';
    case 'estrows':
    case 'count':
      return 'estRows';
    case 'estcost':
      return 'estCost';
    case 'actrows':
      return 'actRows';
    case 'task':
    case 'tasktype':
      return 'task';
    case 'accessobject':
      return 'accessObject';
    case 'operatorinfo':
      return 'operatorInfo';
    case 'executioninfo':
    case 'executeinfo':
      return 'executionInfo';
    case 'memory':
    case 'memoryinfo':
      return 'memory';
    case 'disk':
    case 'diskinfo':
      return 'disk';
    case 'parents':
      return 'parents';
    case 'children':
      return 'children';
    default:
      return '';
  }
}

const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const t = s.trim();
  if (t === '' || /^n\/a$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};

/** Splits `TableReader_29(Build)` into id, operator and label. */
export function splitId(raw: string): { id: string; operator: string; label?: string } {
  let t = raw.trim();
  let label: string | undefined;
  const m = LABEL.exec(t);
  if (m) {
    label = m[1];
    t = t.slice(0, m.index).trim();
  }
  const s = /^(.*?)_(\d+)$/.exec(t);
  return { id: t, operator: s ? s[1] : t, label };
}

/** depth from the tree prefix: every unit is two code points ("│ ", "  ", "├─", "└─"). */
function splitPrefix(cell: string): { depth: number; rest: string } {
  const cps = [...cell.trimEnd()];
  let k = 0;
  while (k < cps.length && TREE.has(cps[k])) k++;
  return { depth: Math.floor(k / 2), rest: cps.slice(k).join('') };
}

function nodeFrom(cells: Record<string, string>, extra: Record<string, string>, depthCell: string): { node: PlanNode; depth: number } {
  const { depth, rest } = splitPrefix(depthCell);
  const { id, operator, label } = splitId(rest);
  const node: PlanNode = { id, operator, children: [] };
  if (label) node.label = label;
  const problems: string[] = [];
  if (cells.task?.trim()) node.task = cells.task.trim();
  const est = num(cells.estRows);
  if (est !== undefined) node.estRows = est;
  const act = num(cells.actRows);
  if (act !== undefined) node.actRows = act;
  const cost = num(cells.estCost);
  if (cost !== undefined) node.estCost = cost;
  if (cells.accessObject?.trim()) node.accessObject = cells.accessObject.trim();
  if (cells.operatorInfo?.trim()) node.operatorInfo = cells.operatorInfo.trim();
  // layouts before the access object column (v4.0) kept the table and index in operator info
  if (cells.accessObject === undefined && node.operatorInfo) {
    const m = /^((?:table|index|partition):[^,(]+(?:\([^)]*\))?(?:, (?:table|index|partition):[^,(]+(?:\([^)]*\))?)*)/.exec(
      node.operatorInfo,
    );
    if (m) node.accessObject = m[1];
  }
  const exec = cells.executionInfo?.trim();
  if (exec && !/^n\/a$/i.test(exec)) {
    node.executionInfoText = exec;
    node.executionInfo = parseExecInfo(exec);
    // before 4.0 the actual rows lived in execution info as rows:N
    if (node.actRows === undefined && typeof node.executionInfo.rows === 'string') node.actRows = num(node.executionInfo.rows);
    if (/\.\.\.$/.test(exec)) problems.push(l10n.t('execution info was cut short in the source'));
  }
  for (const k of ['memory', 'disk'] as const) {
    if (cells[k] === undefined) continue;
    const v = parseSize(cells[k]);
    if (v === undefined) {
      if (cells[k].trim())
        problems.push(
          k === 'memory' ? l10n.t("memory '{0}' is not a size", cells[k].trim()) : l10n.t("disk '{0}' is not a size", cells[k].trim()),
        );
    } else node[k] = v;
  }
  if (Object.keys(extra).length) node.extra = extra;
  if (problems.length) node.problems = problems;
  return { node, depth };
}

/**
 * TiDB 2.0's layout: no tree glyphs, rows in post-order, each naming its children (and
 * parents) by id. The tree comes from those links; roots are the rows nobody lists.
 */
function buildFromLinks(
  rows: Array<{ node: PlanNode; depth: number }>,
  links: Array<{ parents?: string; children?: string }>,
  notes: string[],
): PlanNode[] {
  const byId = new Map(rows.map((r) => [r.node.id, r.node]));
  const listed = new Set<PlanNode>();
  rows.forEach(({ node }, i) => {
    for (const id of (links[i].children ?? '').split(/[,\s]+/).filter(Boolean)) {
      const child = byId.get(id);
      if (!child || child === node || listed.has(child)) {
        if (!child) notes.push(l10n.t('{0}: child {1} is not a row of the plan', node.id, id));
        continue;
      }
      node.children.push(child);
      listed.add(child);
    }
  });
  notes.push(l10n.t('TiDB 2.0 layout: the tree is built from the parents/children columns'));
  return rows
    .map((r) => r.node)
    .filter((n) => !listed.has(n))
    .reverse();
}

/** Builds the forest from rows in display order (parent = nearest row one level up). */
function build(rows: Array<{ node: PlanNode; depth: number }>, notes: string[]): PlanNode[] {
  const roots: PlanNode[] = [];
  const stack: PlanNode[] = [];
  for (const { node, depth } of rows) {
    let d = depth;
    if (d > stack.length) {
      notes.push(l10n.t('{0}: indented deeper than its parent; attached to the row above', node.id));
      d = stack.length;
    }
    stack.length = d;
    if (d === 0) roots.push(node);
    else stack[d - 1].children.push(node);
    stack.push(node);
  }
  return roots;
}

/** A cell longer than this is cut (a runaway execution info of hundreds of MB would exhaust memory downstream). */
const MAX_CELL = 1 << 20;

function rowsToPlan(format: PlanFormat, header: string[], dataRows: string[][], notes: string[]): Plan {
  let cut = 0;
  for (const cells of dataRows) {
    for (let i = 0; i < cells.length; i++) {
      if (cells[i].length > MAX_CELL) {
        cut = Math.max(cut, cells[i].length);
        cells[i] = `${cells[i].slice(0, MAX_CELL)} … [cut: ${(cells[i].length - MAX_CELL).toLocaleString('en-US')} more characters]`;
      }
    }
  }
  if (cut) notes.push(l10n.t('a cell of {0} M characters was cut to {1}', (cut / 1e6).toFixed(1), MAX_CELL.toLocaleString('en-US')));
  const fields = header.map(field);
  const idCol = fields.indexOf('id');
  if (idCol === -1) throw new PlanParseError(l10n.t('no id column in the plan table'));
  const rows: Array<{ node: PlanNode; depth: number }> = [];
  let widened = false;
  const links: Array<{ parents?: string; children?: string }> = [];
  for (const row of dataRows) {
    if (row[idCol] === undefined) continue;
    if (row[idCol].trim().toLowerCase() === 'id') continue; // a repeated header
    let cells = row;
    let rowHeader = header;
    let rowFields = fields;
    if (row.length > header.length) {
      const fixed = alignByContent(fields, row);
      if (fixed) {
        ({ header: rowHeader, fields: rowFields, cells } = fixed);
        if (!widened)
          notes.push(
            l10n.t('rows have more cells than the header ({0} columns): the missing columns were told apart by content', header.length),
          );
        widened = true;
      }
    }
    if (cells.length !== rowHeader.length)
      notes.push(l10n.t('a row has {0} cells for {1} columns: read by position as far as it goes', cells.length, rowHeader.length));
    const named: Record<string, string> = {};
    const extra: Record<string, string> = {};
    rowHeader.forEach((h, i) => {
      if (i === idCol || cells[i] === undefined) return;
      if (rowFields[i]) named[rowFields[i]] = cells[i];
      else if (cells[i].trim() && h.trim() !== '...') extra[h.trim()] = cells[i].trim();
    });
    rows.push(nodeFrom(named, extra, cells[idCol]));
    links.push({ parents: named.parents, children: named.children });
  }
  if (rows.length === 0) throw new PlanParseError(l10n.t('the plan table has no rows'));
  const roots = fields.includes('children') ? buildFromLinks(rows, links, notes) : build(rows, notes);
  return {
    format,
    columns: header.map((h) => h.trim()),
    roots,
    analyzed: rows.some((r) => r.node.actRows !== undefined || r.node.executionInfoText !== undefined),
    notes,
  };
}

/**
 * A row with more cells than its header (a page that elided a column from the header):
 * the task cell is found by content, the numbers between id and task become estRows then
 * actRows (EXPLAIN ANALYZE: the row has execution info) or estCost, and the columns after
 * the task follow the header. Undefined when the row does not fit that reading.
 */
function alignByContent(fields: string[], cells: string[]): { header: string[]; fields: string[]; cells: string[] } | undefined {
  const taskAt = cells.findIndex((c, i) => i > 0 && TASK.test(c.trim()));
  const headerTask = fields.indexOf('task');
  if (taskAt < 1 || headerTask < 0 || fields[0] !== 'id') return undefined;
  const numbers = cells.slice(1, taskAt);
  if (!numbers.every((c) => NUMBER.test(c.trim()))) return undefined;
  const analyzed = cells.some((c) => /\b(time|loops):/.test(c));
  const before = ['estRows', analyzed ? 'actRows' : 'estCost', analyzed ? 'estCost' : 'actRows'].slice(0, numbers.length);
  const after = fields.slice(headerTask + 1);
  const rowFields = ['id', ...before, 'task', ...after];
  if (rowFields.length !== cells.length) return undefined;
  const names: Record<string, string> = { estRows: 'estRows', actRows: 'actRows', estCost: 'estCost' };
  return { header: rowFields.map((f) => names[f] ?? f), fields: rowFields, cells };
}

/** A boxed cell without its one-space padding: leading spaces of the id cell are tree indentation. */
const cell = (c: string) => c.replace(/^ /, '').trimEnd();

/** Cells of a boxed row `| a | b |`, by the header's column boundaries when they line up, else by '|'. */
function boxedCells(line: string, bounds: number[] | undefined): string[] {
  if (bounds?.length) {
    // the header's '|' positions are in code points (emoji take two UTF-16 units): walk the
    // line once and note where each falls, without an array per character (a 200 MB cell)
    const at: number[] = [];
    const last = bounds[bounds.length - 1];
    for (let i = 0, cp = 0; i < line.length && cp <= last; cp++) {
      if (cp === bounds[at.length]) {
        if (line[i] !== '|') break;
        at.push(i);
      }
      i += line.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    if (at.length === bounds.length) {
      const out: string[] = [];
      for (let i = 0; i + 1 < at.length; i++) out.push(cell(line.slice(at[i] + 1, at[i + 1])));
      return out;
    }
  }
  const t = line.trim();
  return t
    .slice(1, t.endsWith('|') ? -1 : undefined)
    .split('|')
    .map(cell);
}

function parseBoxed(lines: string[], start: number, notes: string[]): Plan {
  const indent = lines[start].length - lines[start].trimStart().length;
  const headerLine = lines[start].slice(indent);
  const cps = [...headerLine.trimEnd()];
  const bounds = cps.flatMap((c, i) => (c === '|' ? [i] : []));
  const header = boxedCells(headerLine, bounds);
  const data: string[][] = [];
  let tables = 0;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i].slice(Math.min(indent, lines[i].length - lines[i].trimStart().length));
    const t = l.trim();
    if (t.startsWith('+-') || t === '') {
      if (data.length && t === '') break;
      continue;
    }
    if (!t.startsWith('|')) {
      if (data.length) break;
      continue;
    }
    // a Markdown alignment row (|---|:--:|) or mycli's rule line (|----+----|) is not an operator
    if (/^\|[\s:|+-]*$/.test(t) && t.includes('-')) continue;
    if (data.length && /^\|\s*id\s*\|/i.test(t) && boxedCells(l, bounds)[0] !== undefined && i > start + 2) {
      // a second table: the first one is the plan
      tables++;
      break;
    }
    data.push(boxedCells(l.trimEnd(), bounds));
  }
  if (tables) notes.push(l10n.t('the text holds more than one plan table: the first one is shown'));
  return rowsToPlan('table', header, data, notes);
}

function parseSingleCellJson(text: string): unknown {
  const a = text.indexOf('[');
  const b = text.lastIndexOf(']');
  if (a === -1 || b <= a) throw new PlanParseError(l10n.t('no JSON array in the TiDB_JSON output'));
  return JSON.parse(text.slice(a, b + 1));
}

interface TidbJsonOp {
  id?: string;
  estRows?: string;
  actRows?: string;
  taskType?: string;
  accessObject?: string;
  operatorInfo?: string;
  executeInfo?: string;
  memoryInfo?: string;
  diskInfo?: string;
  estCost?: string;
  costFormula?: string;
  subOperators?: TidbJsonOp[];
}

function fromTidbJson(ops: TidbJsonOp[]): PlanNode[] {
  return ops.map((op) => {
    const cells: Record<string, string> = {};
    if (op.estRows !== undefined) cells.estRows = op.estRows;
    if (op.actRows !== undefined) cells.actRows = op.actRows;
    if (op.taskType !== undefined) cells.task = op.taskType;
    if (op.accessObject !== undefined) cells.accessObject = op.accessObject;
    if (op.operatorInfo !== undefined) cells.operatorInfo = op.operatorInfo;
    if (op.executeInfo !== undefined) cells.executionInfo = op.executeInfo;
    if (op.memoryInfo !== undefined) cells.memory = op.memoryInfo;
    if (op.diskInfo !== undefined) cells.disk = op.diskInfo;
    if (op.estCost !== undefined) cells.estCost = op.estCost;
    const { node } = nodeFrom(cells, op.costFormula ? { costFormula: op.costFormula } : {}, String(op.id ?? '?'));
    node.children = fromTidbJson(op.subOperators ?? []);
    return node;
  });
}

function parseDot(text: string, notes: string[]): Plan {
  const body = text.slice(text.indexOf('digraph'));
  const rootName = /digraph\s+"?([\w#]+)"?/.exec(body)?.[1];
  const nodes = new Map<string, PlanNode>();
  const hasParent = new Set<string>();
  const get = (name: string) => {
    let n = nodes.get(name);
    if (!n) {
      n = { ...splitId(name), children: [] };
      delete n.label;
      nodes.set(name, n);
    }
    return n;
  };
  // subgraph labels tell root vs cop
  let task: string | undefined;
  for (const line of body.split('\n')) {
    const lab = /label\s*=\s*"([^"]+)"/.exec(line);
    if (lab) task = lab[1];
    if (/^\s*}\s*$/.test(line)) task = undefined;
    // a node alone in its cluster is a bare node statement: it still takes the cluster's task
    const lone = /^\s*"([^"]+)"\s*;?\s*$/.exec(line);
    if (lone && task) get(lone[1]).task ??= task;
    const e = /"([^"]+)"\s*->\s*"([^"]+)"/.exec(line);
    if (e) {
      const a = get(e[1]);
      const b = get(e[2]);
      if (task) {
        a.task ??= task;
        b.task ??= task;
      }
      if (!a.children.includes(b)) a.children.push(b);
      hasParent.add(e[2]);
    }
  }
  if (nodes.size === 0 && rootName) nodes.set(rootName, { ...splitId(rootName), children: [] });
  if (nodes.size === 0) throw new PlanParseError(l10n.t('the dot output has no operators'));
  const roots = [...nodes.entries()].filter(([k]) => !hasParent.has(k)).map(([, n]) => n);
  notes.push(l10n.t("FORMAT='dot' has operators and tasks only: no row counts or operator info"));
  return { format: 'dot', columns: ['dot contents'], roots, analyzed: false, notes };
}

function parseVertical(lines: string[], notes: string[]): Plan {
  const rows: Array<Record<string, string>> = [];
  let cur: Record<string, string> | undefined;
  let lastKey: string | undefined;
  for (const l of lines) {
    if (/^\*+\s*\d+\.\s*row\s*\*+/.test(l.trim())) {
      cur = {};
      rows.push(cur);
      lastKey = undefined;
      continue;
    }
    if (!cur) continue;
    const m = /^\s*([A-Za-z][\w ]*?):\s?(.*)$/.exec(l);
    if (m && field(m[1]) !== '') {
      lastKey = m[1].trim();
      cur[lastKey] = m[2];
    } else if (m && !/^\d+ rows? in set/.test(l.trim())) {
      lastKey = m[1].trim();
      cur[lastKey] = m[2];
    } else if (lastKey && l.trim() && !/rows? in set/.test(l)) cur[lastKey] += `\n${l}`;
  }
  if (rows.length === 0) throw new PlanParseError(l10n.t('no rows in the vertical output'));
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return {
    ...rowsToPlan(
      'vertical',
      header,
      rows.map((r) => header.map((h) => r[h] ?? '')),
      notes,
    ),
    format: 'vertical',
  };
}

function stripPrompts(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^(mysql|tidb|MySQL \[[^\]]*\]|TiDB \[[^\]]*\]|\[tidb\])>\s?/, ''));
  // a table quoted as diff lines (a review thread): every line starts with +, - or a space
  if (lines.every((l) => l === '' || /^[+\- ]/.test(l)) && lines.some((l) => /^[+-][|+]/.test(l))) return lines.map((l) => l.slice(1));
  return lines;
}

/**
 * The plan in an EXPLAIN result as a driver returns it (column names and rows), with
 * no text in between: a single JSON cell (FORMAT='tidb_json', FORMAT=JSON) is read as
 * JSON, anything else as the row format (format 'tsv', as if it had been copied).
 */
export function planFromRows(columns: string[], rows: readonly (readonly unknown[])[]): Plan {
  if (columns.length === 1 && rows.length >= 1) {
    const cell = String(rows[0][0] ?? '');
    if (/^\s*[[{]/.test(cell)) return parsePlan(cell);
  }
  if (rows.length === 0) throw new PlanParseError(l10n.t('EXPLAIN returned no rows'));
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return rowsToPlan(
    'tsv',
    columns,
    rows.map((r) => r.map(text)),
    [],
  );
}

/** An operator id as TiDB prints it, after any tree prefix: TableReader_5, IndexLookUp_10(Probe), or normalized TableReader. */
const OPERATOR_ID = /^[A-Z][A-Za-z_]*(?:_\d+)?(?:\((?:Build|Probe|Seed Part|Recursive Part)\))?$/;
const TASK = /^(root|cop|cop\[\w+\]|mpp\[\w+\]|batchCop\[\w+\])$/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** Columns of a headerless CSV export, by how many there are (the EXPLAIN layouts TiDB prints). */
const CSV_LAYOUTS: Record<number, string[]> = {
  4: ['id', 'estRows', 'task', 'operator info'],
  5: ['id', 'estRows', 'task', 'access object', 'operator info'],
  6: ['id', 'estRows', 'estCost', 'task', 'access object', 'operator info'],
  9: ['id', 'estRows', 'actRows', 'task', 'access object', 'execution info', 'operator info', 'memory', 'disk'],
  10: ['id', 'estRows', 'estCost', 'actRows', 'task', 'access object', 'execution info', 'operator info', 'memory', 'disk'],
};

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let f = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') quoted = false;
      else f += c;
    } else if (c === '"' && f === '') quoted = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n') {
      row.push(f);
      out.push(row);
      row = [];
      f = '';
    } else if (c !== '\r') f += c;
  }
  if (f !== '' || row.length) {
    row.push(f);
    out.push(row);
  }
  return out.filter((r) => r.some((x) => x.trim()));
}

/** A CSV export of an EXPLAIN result, with or without its header row; undefined when the text is not one. */
function parseCsvPlan(lines: string[], notes: string[]): Plan | undefined {
  const first = lines.find((l) => l.trim());
  if (!first?.includes(',')) return undefined;
  const head = first.trim();
  const hasHeader = /^"?id"?,/i.test(head);
  const firstCell = splitPrefix(head.split(',')[0].replace(/^"|"$/g, '')).rest;
  if (!hasHeader && !OPERATOR_ID.test(firstCell)) return undefined;
  const records = csvRecords(lines.join('\n'));
  const header = hasHeader ? records.shift()! : CSV_LAYOUTS[records[0].length];
  if (!header)
    throw new PlanParseError(
      l10n.t('a CSV plan without a header row and {0} columns: add the header line (id,estRows,task,…)', records[0].length),
    );
  if (!hasHeader) notes.push(l10n.t('CSV without a header: read as {0}', header.join(', ')));
  return { ...rowsToPlan('csv', header, records, notes), format: 'csv' };
}

/**
 * Rows with no header, as TiDB writes plans outside EXPLAIN: the slow log's decoded `Plan`,
 * tidb_decode_plan() results, and the statement summary's PLAN (TAB-separated, or space-aligned
 * once a client or a page printed them). Columns follow plancodec's order — id, task,
 * [estRows], operator info, [actRows, execution info, memory, disk] — and are told apart by
 * their content; a normalized plan has no estRows. Depth comes from the tree glyphs, whatever
 * the line's indentation (a `min(plan):` label before the first row shifts it).
 */
interface HeaderlessRow {
  glyphAt: number;
  id: string;
  fields: string[];
  /** where the task is among the fields: 0 in slow-log order, 1 or 2 in EXPLAIN's (after estRows [, actRows]) */
  taskAt: number;
}

const base0 = (rows: HeaderlessRow[]) => {
  const glyphs = rows.filter((r) => r.glyphAt >= 0).map((r) => r.glyphAt);
  return glyphs.length ? Math.min(...glyphs) : 0;
};
const treeId = (r: HeaderlessRow, base: number) => {
  const depth = r.glyphAt < 0 ? 0 : Math.round((r.glyphAt - base) / 2) + 1;
  return `${depth ? `${'  '.repeat(depth - 1)}└─` : ''}${r.id}`;
};

/**
 * Headerless rows in EXPLAIN's column order (a TSV copy without its header): `id estRows task
 * [access object] operator info`, or with actRows: `id estRows actRows task access object
 * execution info operator info memory disk`. Whether a row has an access object is read by count.
 */
function explainOrderRows(rows: HeaderlessRow[], base: number, notes: string[]): Plan {
  const analyzed = rows[0].taskAt === 2;
  const header = analyzed
    ? ['id', 'estRows', 'actRows', 'task', 'access object', 'execution info', 'operator info', 'memory', 'disk']
    : ['id', 'estRows', 'task', 'access object', 'operator info'];
  const data = rows.map((r) => {
    const f = r.fields;
    const after = f.slice(r.taskAt + 1);
    const lead = [treeId(r, base), ...f.slice(0, r.taskAt + 1)];
    if (analyzed) return [...lead, ...after];
    // old layouts (id count task operator info) have no access object column
    return [...lead, ...(after.length >= 2 ? after.slice(0, 2) : ['', after[0] ?? ''])];
  });
  notes.push(l10n.t('rows without a header, read in EXPLAIN column order'));
  return { ...rowsToPlan('rows', header, data, notes), format: 'rows' };
}

function parseHeaderlessPlan(lines: string[], notes: string[]): Plan | undefined {
  const rows: HeaderlessRow[] = [];
  for (const raw of lines) {
    // a `key:` label before the first row (\G output: `min(plan):   Sort_6   root …`)
    const l = raw.replace(/^\s*[\w.()'`]+:(?=\s)/, (m) => ' '.repeat(m.length));
    const tabbed = l.includes('\t');
    const m = /^([\s│├└─]*)(\S+)/u.exec(l);
    if (!m) {
      if (rows.length && l.trim()) break;
      continue;
    }
    const prefix = m[1];
    const idText = m[2];
    const rest = l.slice(m[0].length);
    const fields = (tabbed ? rest.replace(/^[ ]*\t/, '').split('\t') : rest.trim().split(/\s{2,}/)).map((x) => x.trim());
    // the task first (slow log, tidb_decode_plan, statement summary), or after estRows [and actRows] (EXPLAIN's own order)
    const taskAt = [0, 1, 2].find((i) => TASK.test(fields[i] ?? '') && fields.slice(0, i).every((f) => NUMBER.test(f)));
    if (!OPERATOR_ID.test(idText) || taskAt === undefined || (rows.length && taskAt !== rows[0].taskAt)) {
      if (rows.length) break;
      continue;
    }
    const glyph = Math.max(prefix.lastIndexOf('└─'), prefix.lastIndexOf('├─'));
    rows.push({ glyphAt: glyph, id: idText, fields, taskAt });
  }
  if (rows.length === 0) return undefined;
  if (rows[0].taskAt > 0) return explainOrderRows(rows, base0(rows), notes);
  const base = base0(rows);
  const header = ['id', 'task', 'estRows', 'operator info', 'actRows', 'execution info', 'memory', 'disk'];
  let width = 0;
  const data = rows.map((r) => {
    const cells = [treeId(r, base), '', '', '', '', '', '', ''];
    const f = r.fields;
    let k = 0;
    cells[1] = f[k++];
    if (NUMBER.test(f[k] ?? '')) cells[2] = f[k++];
    cells[3] = f[k++] ?? '';
    if (NUMBER.test(f[k] ?? '')) {
      cells[4] = f[k++];
      cells[5] = f[k++] ?? '';
      cells[6] = f[k++] ?? '';
      cells[7] = f[k++] ?? '';
    }
    for (let i = cells.length - 1; i >= 0; i--) {
      if (cells[i] !== '') {
        width = Math.max(width, i + 1);
        break;
      }
    }
    return cells;
  });
  if (!rows.some((r) => NUMBER.test(r.fields[1] ?? '')))
    notes.push(l10n.t('a normalized plan (no row estimates), as the statement summary keeps it'));
  const w = Math.max(width, 4);
  return {
    ...rowsToPlan(
      'rows',
      header.slice(0, w),
      data.map((c) => c.slice(0, w)),
      notes,
    ),
    format: 'rows',
  };
}

/** Finds and parses the plan in `text`; throws PlanParseError when there is none. */
export function parsePlan(text: string): Plan {
  const notes: string[] = [];
  const lines = stripPrompts(text);
  const all = lines.join('\n');
  const encoded = findEncodedPlan(all);
  if (encoded) {
    let decoded: string;
    try {
      decoded = decodePlan(encoded);
    } catch (e) {
      if (!(e instanceof PlanDecodeError)) throw e;
      // a pasted result may hold the decoded table beside a cut encoded string
      try {
        return parseText(lines, all, notes);
      } catch {
        throw new PlanParseError(
          l10n.t('{0}. Paste the output of SELECT tidb_decode_plan(…) or tidb_decode_binary_plan(…) instead.', e.message),
        );
      }
    }
    const plan = parsePlan(decoded);
    plan.notes.unshift(
      encoded.kind === 'unknown'
        ? l10n.t('decoded offline from an encoded plan ({0} base64 characters)', encoded.encoded.length)
        : l10n.t(
            'decoded offline from {0} ({1} base64 characters)',
            encoded.kind === 'binary_plan' ? 'tidb_decode_binary_plan' : 'tidb_decode_plan',
            encoded.encoded.length,
          ),
    );
    plan.decoded = decoded;
    return plan;
  }
  return parseText(lines, all, notes);
}

function parseText(lines: string[], all: string, notes: string[]): Plan {
  // JSON formats first: they contain '|' and tabs inside strings
  if (/"query_block"\s*:/.test(all)) {
    const a = all.indexOf('{');
    const b = all.lastIndexOf('}');
    try {
      return fromMysqlJson(JSON.parse(all.slice(a, b + 1)), notes);
    } catch (e) {
      if (e instanceof PlanParseError) throw e;
      throw new PlanParseError(l10n.t('EXPLAIN FORMAT=JSON output that is not valid JSON: {0}', (e as Error).message));
    }
  }
  if (/TiDB_JSON/i.test(all) || /^\s*\[\s*\{\s*"id"\s*:/.test(all)) {
    let ops: unknown;
    try {
      ops = parseSingleCellJson(all);
    } catch (e) {
      throw new PlanParseError(l10n.t("FORMAT='tidb_json' output that is not valid JSON: {0}", (e as Error).message));
    }
    if (!Array.isArray(ops)) throw new PlanParseError(l10n.t("FORMAT='tidb_json' output is not an array"));
    const roots = fromTidbJson(ops as TidbJsonOp[]);
    const analyzed = [
      ...(function* w(ns: PlanNode[]): Generator<PlanNode> {
        for (const n of ns) {
          yield n;
          yield* w(n.children);
        }
      })(roots),
    ].some((n) => n.actRows !== undefined);
    notes.push(l10n.t("FORMAT='tidb_json' has no Build/Probe labels: children are in display order"));
    return { format: 'tidb_json', columns: ['TiDB_JSON'], roots, analyzed, notes };
  }
  if (/\bdigraph\s+"?[\w#]+"?\s*\{/.test(all)) return parseDot(all, notes);
  // slow-log plan v1: TAB-prefixed lines with a header
  const slowHeader = lines.findIndex((l) => /^\t\s*id\s*\t/i.test(l));
  if (slowHeader !== -1) {
    const header = lines[slowHeader].split('\t').slice(1);
    const data = lines
      .slice(slowHeader + 1)
      .filter((l) => l.startsWith('\t') && l.trim())
      .map((l) => l.split('\t').slice(1));
    return rowsToPlan('slowlog', header, data, notes);
  }
  const boxed = lines.findIndex((l) => /^\s*\|\s*id\s*\|/i.test(l));
  if (boxed !== -1) return parseBoxed(lines, boxed, notes);
  const tsv = lines.findIndex((l) => /^\s*id\t/i.test(l) && /\t/.test(l));
  if (tsv !== -1) {
    const header = lines[tsv].trim().split('\t');
    const data: string[][] = [];
    for (const l of lines.slice(tsv + 1)) {
      if (!l.includes('\t')) {
        if (data.length) break;
        continue;
      }
      data.push(l.split('\t'));
    }
    return rowsToPlan('tsv', header, data, notes);
  }
  const csv = parseCsvPlan(lines, notes);
  if (csv) return csv;
  const bare = parseHeaderlessPlan(lines, notes);
  if (bare) return bare;
  if (lines.some((l) => /^\*+\s*\d+\.\s*row\s*\*+/.test(l.trim()))) return parseVertical(lines, notes);
  throw new PlanParseError(
    l10n.t(
      "no EXPLAIN output found: expected a table with an id column, TAB-separated rows, \\G rows, FORMAT='dot', FORMAT='tidb_json' or EXPLAIN FORMAT=JSON",
    ),
  );
}
