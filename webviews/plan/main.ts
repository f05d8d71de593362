// The plan viewer: the operator tree coloured by where each operator runs (TiDB,
// TiKV, TiFlash/MPP), with rows, time shares, misestimates and memory per node; the
// advice ranked by impact, each pointing at its node; details with the parsed
// execution info; Grid and Raw tabs; two plans side by side. Keyboard: arrows move
// and fold, Enter folds, a/d jump between advice. All data goes in as textContent.
import './plan.css';
import '../shared/l10n';
import * as l10n from '@vscode/l10n';
import { el, showBidi } from '../shared/dom';
import type { Diagnosis, ExecInfo, PlanNode } from '../../core/plan/model';
import { walk } from '../../core/plan/model';
import { planMetrics, type NodeMetrics } from '../../core/plan/metrics';
import { formatBytes, formatDuration, formatFactor } from '../../core/plan/units';
import { comparePlans, type PlanComparison } from '../../core/plan/compare';
import type { FromPlan, PlanPayload, PlanState, PlanView, ToPlan } from '../../protocol/webviews/plan';

interface VsApi {
  postMessage(m: FromPlan): void;
  getState(): PlanState | undefined;
  setState(s: PlanState): void;
}
declare function acquireVsCodeApi(): VsApi;
const vscode: VsApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

const root = document.getElementById('root')!;
let state: PlanState | undefined = vscode?.getState();

function save(): void {
  if (state) vscode?.setState(state);
}

export function taskClass(task: string | undefined): string {
  const t = (task ?? '').toLowerCase();
  if (t.startsWith('mpp')) return 'mpp';
  if (t.includes('tiflash')) return 'tiflash';
  if (t.includes('tikv') || t === 'cop') return 'tikv';
  if (t === 'root' || t.includes('tidb')) return 'tidb';
  return 'other';
}

const TASK_NAME: Record<string, string> = { tidb: 'TiDB', tikv: 'TiKV', tiflash: 'TiFlash', mpp: 'TiFlash MPP', other: '' };
const fmtRows = (n: number | undefined) =>
  n === undefined
    ? ''
    : n >= 1e6
      ? `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`
      : n >= 1e4
        ? `${(n / 1e3).toFixed(0)}k`
        : String(Math.round(n * 100) / 100);

/** Keys of the operator info worth showing on the node itself. */
function keyInfo(n: PlanNode): string {
  const info = n.operatorInfo ?? '';
  const pick =
    /(range:[^,]*(?:,[^,:]*\])?|keep order:\w+|stats:pseudo|equal:\[[^\]]*\]|funcs:[^,]*|group by:[^,]*|(?:inner|left outer|right outer|semi|anti semi|CARTESIAN[^,]*) join|offset:\d+, count:\d+|ExchangeType: \w+|data:\w+|index:\w+)/g;
  const parts = info.match(pick) ?? [];
  const s = (parts.length ? parts.join(', ') : info).replace(/\s+/g, ' ');
  return s.length > 140 ? s.slice(0, 139) + '…' : s;
}

interface Rendered {
  view: PlanView;
  metrics: Map<PlanNode, NodeMetrics>;
  totalNs?: number;
  byKey: Map<string, PlanNode>;
  keyOf: Map<PlanNode, string>;
  parentOf: Map<PlanNode, PlanNode | undefined>;
  /** with two plans: per operator, how it changed from the other plan, or that only this plan has it */
  changes?: Map<PlanNode, { text: string; cls: 'better' | 'worse' | 'same' | 'only' }>;
}

function prepare(view: PlanView, index: number): Rendered {
  const { byNode, totalNs } = planMetrics(view.plan);
  const byKey = new Map<string, PlanNode>();
  const keyOf = new Map<PlanNode, string>();
  const parentOf = new Map<PlanNode, PlanNode | undefined>();
  let i = 0;
  for (const { node, parent } of walk(view.plan.roots)) {
    const key = `${index}:${i++}:${node.id}`;
    byKey.set(key, node);
    keyOf.set(node, key);
    parentOf.set(node, parent);
  }
  return { view, metrics: byNode, totalNs, byKey, keyOf, parentOf };
}

let rendered: Rendered[] = [];

function isCollapsed(key: string): boolean {
  return !!state?.collapsed.includes(key);
}

function toggle(key: string, collapse?: boolean): void {
  if (!state) return;
  const on = collapse ?? !isCollapsed(key);
  state.collapsed = state.collapsed.filter((k) => k !== key);
  if (on) state.collapsed.push(key);
  save();
  render();
}

function select(key: string | undefined, scroll = true): void {
  if (!state) return;
  state.selected = key;
  save();
  for (const e of document.querySelectorAll('.node.selected')) e.classList.remove('selected');
  if (key) {
    const row = document.querySelector<HTMLElement>(`.node[data-key="${CSS.escape(key)}"]`);
    row?.classList.add('selected');
    if (scroll) row?.scrollIntoView({ block: 'nearest' });
    row?.focus({ preventScroll: !scroll });
  }
  renderDetails();
}

function bar(share: number | undefined, cls: string, title: string): HTMLElement {
  const b = el('div', `bar ${cls}`);
  b.title = title;
  const fill = el('div', 'fill');
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, share ?? 0)) * 100)}%`;
  b.append(fill);
  return b;
}

function nodeRow(r: Rendered, node: PlanNode, depth: number, diagnosed: Map<string, Diagnosis[]>): HTMLElement {
  const key = r.keyOf.get(node)!;
  const m = r.metrics.get(node) ?? {};
  const row = el('div', `node task-${taskClass(node.task)}`);
  row.dataset.key = key;
  row.dataset.id = node.id;
  row.tabIndex = -1;
  row.setAttribute('role', 'treeitem');
  row.setAttribute('aria-level', String(depth + 1));
  if (node.children.length) row.setAttribute('aria-expanded', String(!isCollapsed(key)));
  row.style.paddingLeft = `${depth * 16 + 4}px`;
  const twisty = el('span', 'twisty', node.children.length ? (isCollapsed(key) ? '▸' : '▾') : '');
  twisty.addEventListener('click', (e) => {
    e.stopPropagation();
    toggle(key);
  });
  const head = el('div', 'head');
  head.append(twisty, el('span', 'op', node.operator));
  // nothing empty is drawn: no blank id suffix, task or badge
  if (node.id !== node.operator) head.append(el('span', 'pid', node.id.slice(node.operator.length)));
  if (node.label) head.append(el('span', 'label', node.label));
  if (node.task) {
    const task = el('span', 'task', TASK_NAME[taskClass(node.task)] || node.task);
    task.title = node.task;
    head.append(task);
  }
  if (node.accessObject) head.append(el('span', 'access', node.accessObject));
  const ds = diagnosed.get(key) ?? [];
  const change = r.changes?.get(node);
  if (change) head.append(el('span', `change ${change.cls}`, change.text));
  if (ds.length) {
    const worst = ds.some((d) => d.severity === 'error') ? 'error' : ds.some((d) => d.severity === 'warning') ? 'warning' : 'info';
    const badge = el('span', `badge ${worst}`, `${ds.length}`);
    badge.title = ds.map((d) => d.message).join('\n');
    head.append(badge);
  }
  row.append(head);
  const info = keyInfo(node);
  if (info) row.append(el('div', 'info', info));
  const stats = el('div', 'stats');
  if (node.actRows !== undefined || node.estRows !== undefined) {
    const rows = el(
      'span',
      'rows',
      node.actRows !== undefined ? l10n.t('{0} rows', fmtRows(node.actRows)) : l10n.t('est {0} rows', fmtRows(node.estRows)),
    );
    if (node.actRows !== undefined && node.estRows !== undefined)
      rows.title = l10n.t('estimated {0}, actual {1}', node.estRows, node.actRows);
    stats.append(rows);
    const mis = m.misestimate;
    if (mis && mis.factor >= 10) {
      const level = mis.factor >= 1000 ? 'high' : mis.factor >= 100 ? 'mid' : 'low';
      const e = el('span', `mis ${level}`, `${mis.direction === 'under' ? '▲' : '▼'} ${formatFactor(mis.factor)}`);
      e.title =
        mis.direction === 'under'
          ? l10n.t('Underestimated: est {0}, act {1}', node.estRows ?? '', node.actRows ?? '')
          : l10n.t('Overestimated: est {0}, act {1}', node.estRows ?? '', node.actRows ?? '');
      stats.append(e);
    }
  }
  if (m.inclusiveNs !== undefined) {
    stats.append(el('span', 'time', formatDuration(m.inclusiveNs)));
    stats.append(bar(m.inclusiveShare, 'incl', l10n.t('inclusive {0}% of the statement', Math.round((m.inclusiveShare ?? 0) * 100))));
    stats.append(bar(m.exclusiveShare, 'excl', l10n.t('exclusive (self) {0}%', Math.round((m.exclusiveShare ?? 0) * 100))));
  }
  if (node.memory) stats.append(el('span', 'mem', formatBytes(node.memory)));
  if (node.disk) stats.append(el('span', 'disk', l10n.t('disk {0}', formatBytes(node.disk))));
  if (stats.childElementCount) row.append(stats);
  row.addEventListener('click', () => select(key, false));
  row.addEventListener('dblclick', () => node.children.length && toggle(key));
  return row;
}

function treePane(r: Rendered): HTMLElement {
  const pane = el('div', 'tree');
  pane.setAttribute('role', 'tree');
  const diagnosed = new Map<string, Diagnosis[]>();
  const keyById = new Map<string, string>();
  for (const [k, n] of r.byKey) if (!keyById.has(n.id)) keyById.set(n.id, k);
  for (const d of r.view.diagnoses) {
    const k = d.nodeId ? keyById.get(d.nodeId) : undefined;
    if (k) diagnosed.set(k, [...(diagnosed.get(k) ?? []), d]);
  }
  const frag = document.createDocumentFragment();
  const add = (nodes: PlanNode[], depth: number) => {
    for (const n of nodes) {
      frag.append(nodeRow(r, n, depth, diagnosed));
      if (!isCollapsed(r.keyOf.get(n)!)) add(n.children, depth + 1);
    }
  };
  r.view.plan.roots.forEach((rootNode, i) => {
    if (i > 0)
      frag.append(
        el(
          'div',
          'root-sep',
          rootNode.operator === 'CTE' ? l10n.t('CTE definition {0}', rootNode.id) : l10n.t('Another root: {0}', rootNode.id),
        ),
      );
    add([rootNode], 0);
  });
  pane.append(frag);
  pane.addEventListener('keydown', (e) => onTreeKey(e, r));
  return pane;
}

function visibleKeys(r: Rendered): string[] {
  return [...document.querySelectorAll<HTMLElement>('.node')].map((e) => e.dataset.key!).filter((k) => r.byKey.has(k));
}

function onTreeKey(e: KeyboardEvent, r: Rendered): void {
  const keys = visibleKeys(r);
  const cur = state?.selected && keys.includes(state.selected) ? state.selected : undefined;
  const i = cur ? keys.indexOf(cur) : -1;
  const node = cur ? r.byKey.get(cur) : undefined;
  switch (e.key) {
    case 'ArrowDown':
      select(keys[Math.min(keys.length - 1, i + 1)]);
      break;
    case 'ArrowUp':
      select(keys[Math.max(0, i - 1)]);
      break;
    case 'Home':
      select(keys[0]);
      break;
    case 'End':
      select(keys[keys.length - 1]);
      break;
    case 'ArrowRight':
      if (node?.children.length && isCollapsed(cur!)) toggle(cur!, false);
      else if (node?.children.length) select(r.keyOf.get(node.children[0]));
      break;
    case 'ArrowLeft': {
      if (node?.children.length && !isCollapsed(cur!)) toggle(cur!, true);
      else {
        const p = node ? r.parentOf.get(node) : undefined;
        if (p) select(r.keyOf.get(p));
      }
      break;
    }
    case 'Enter':
    case ' ':
      if (cur && node?.children.length) toggle(cur);
      break;
    default:
      return;
  }
  e.preventDefault();
  if (state?.selected) document.querySelector<HTMLElement>(`.node[data-key="${CSS.escape(state.selected)}"]`)?.focus();
}

function execTable(info: ExecInfo): HTMLElement {
  const t = el('table', 'exec');
  for (const [k, v] of Object.entries(info)) {
    const tr = el('tr');
    tr.append(el('th', undefined, k));
    const td = el('td');
    if (typeof v === 'string') td.textContent = showBidi(v);
    else td.append(execTable(v));
    tr.append(td);
    t.append(tr);
  }
  return t;
}

const details = el('div', 'details');

function renderDetails(): void {
  details.replaceChildren();
  const key = state?.selected;
  const r = rendered.find((x) => key && x.byKey.has(key));
  const node = key && r ? r.byKey.get(key) : undefined;
  if (!node || !r) {
    details.append(el('p', 'hint', l10n.t('Select an operator to see its details. Arrows move, ←/→ fold, Enter toggles.')));
    return;
  }
  details.append(el('h3', undefined, `${node.id}${node.label ? ` (${node.label})` : ''}`));
  const m = r.metrics.get(node) ?? {};
  const t = el('table', 'props');
  const prop = (k: string, v: string | undefined) => {
    if (v === undefined || v === '') return;
    const tr = el('tr');
    tr.append(el('th', undefined, k), el('td', undefined, v));
    t.append(tr);
  };
  prop(l10n.t('Runs on'), node.task ? `${TASK_NAME[taskClass(node.task)] || ''} (${node.task})` : undefined);
  prop(l10n.t('Access object'), node.accessObject);
  prop(l10n.t('Estimated rows'), node.estRows?.toString());
  prop(l10n.t('Actual rows'), node.actRows?.toString());
  if (node.estRows !== undefined && node.actRows !== undefined)
    prop(
      l10n.t('Estimate'),
      !m.misestimate || formatFactor(m.misestimate.factor) === 'exact'
        ? node.estRows === node.actRows
          ? l10n.t('exact')
          : l10n.t('as expected here (see the advice)')
        : m.misestimate.direction === 'under'
          ? l10n.t('underestimated {0}', formatFactor(m.misestimate.factor))
          : l10n.t('overestimated {0}', formatFactor(m.misestimate.factor)),
    );
  prop(l10n.t('Estimated cost'), node.estCost?.toString());
  if (m.inclusiveNs !== undefined)
    prop(
      l10n.t('Time (inclusive)'),
      `${formatDuration(m.inclusiveNs)}${m.inclusiveShare !== undefined ? ` · ${Math.round(m.inclusiveShare * 100)}%` : ''}`,
    );
  if (m.exclusiveNs !== undefined)
    prop(
      l10n.t('Time (self)'),
      `${formatDuration(m.exclusiveNs)}${m.exclusiveShare !== undefined ? ` · ${Math.round(m.exclusiveShare * 100)}%` : ''}`,
    );
  prop(l10n.t('Loops'), typeof node.executionInfo?.loops === 'string' ? node.executionInfo.loops : undefined);
  prop(l10n.t('Memory'), node.memory === null ? 'N/A' : node.memory !== undefined ? formatBytes(node.memory) : undefined);
  prop(l10n.t('Disk'), node.disk === null ? 'N/A' : node.disk !== undefined ? formatBytes(node.disk) : undefined);
  prop(l10n.t('Operator info'), node.operatorInfo);
  for (const [k, v] of Object.entries(node.extra ?? {})) prop(k, v);
  for (const p of node.problems ?? []) prop(l10n.t('Note'), p);
  details.append(t);
  const execText = node.executionInfoText ?? '';
  if (/(\.\.\.|…)\s*$/.test(execText) || (execText && !node.executionInfo)) {
    // cut off where it was copied (docs elide with "..."): the text as it is, not a broken table
    details.append(el('h4', undefined, l10n.t('Execution info (cut off in the source)')), el('pre', 'exec-raw', execText));
  } else if (node.executionInfo && Object.keys(node.executionInfo).length) {
    details.append(el('h4', undefined, l10n.t('Execution info')), execTable(node.executionInfo));
  }
  const mine = r.view.diagnoses.filter((d) => d.nodeId === node.id);
  if (mine.length) {
    details.append(el('h4', undefined, l10n.t('Advice')));
    for (const d of mine) details.append(adviceItem(d, r));
  }
}

function adviceItem(d: Diagnosis, r: Rendered): HTMLElement {
  const item = el('div', `advice ${d.severity}`);
  item.tabIndex = 0;
  const head = el('div', 'advice-head');
  const sev = d.severity === 'error' ? l10n.t('error') : d.severity === 'warning' ? l10n.t('warning') : l10n.t('info');
  head.append(el('span', `sev ${d.severity}`, sev), el('span', 'rule', d.rule));
  if (d.nodeId) head.append(el('span', 'at', d.nodeId));
  item.append(head, el('div', 'msg', d.message));
  if (d.fix) item.append(el('div', 'fix', l10n.t('Try: {0}', d.fix)));
  if (d.docsUrl) {
    const a = el('a', 'docs', l10n.t('TiDB docs'));
    a.href = d.docsUrl;
    a.addEventListener('click', (e) => {
      if (vscode) {
        e.preventDefault();
        vscode.postMessage({ type: 'openDocs', url: d.docsUrl! });
      }
    });
    item.append(a);
  }
  const go = () => {
    const key = [...r.byKey].find(([, n]) => n.id === d.nodeId)?.[0];
    if (key) {
      // unfold the path to it
      let p = r.parentOf.get(r.byKey.get(key)!);
      let changed = false;
      while (p) {
        const pk = r.keyOf.get(p)!;
        if (isCollapsed(pk)) {
          state!.collapsed = state!.collapsed.filter((k) => k !== pk);
          changed = true;
        }
        p = r.parentOf.get(p);
      }
      if (changed) render();
      select(key);
    }
  };
  item.addEventListener('click', go);
  item.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') go();
  });
  return item;
}

function grid(r: Rendered): HTMLElement {
  const t = el('table', 'grid');
  const cols = ['id', 'task', 'estRows', 'actRows', 'time', 'self', 'access object', 'operator info', 'memory', 'disk'];
  const h = el('tr');
  for (const c of cols) h.append(el('th', undefined, c));
  t.append(h);
  for (const { node, depth } of walk(r.view.plan.roots)) {
    const m = r.metrics.get(node) ?? {};
    const tr = el('tr', `task-${taskClass(node.task)}`);
    const cells = [
      `${'  '.repeat(depth)}${node.id}${node.label ? `(${node.label})` : ''}`,
      node.task ?? '',
      node.estRows?.toString() ?? '',
      node.actRows?.toString() ?? '',
      m.inclusiveNs !== undefined ? formatDuration(m.inclusiveNs) : '',
      m.exclusiveNs !== undefined ? formatDuration(m.exclusiveNs) : '',
      node.accessObject ?? '',
      node.operatorInfo ?? '',
      node.memory ? formatBytes(node.memory) : node.memory === null ? 'N/A' : '',
      node.disk ? formatBytes(node.disk) : node.disk === null ? 'N/A' : '',
    ];
    cells.forEach((c, i) => {
      tr.append(el('td', i === 0 ? 'id' : undefined, c));
    });
    t.append(tr);
  }
  return t;
}

function summary(r: Rendered): HTMLElement {
  const s = el('div', 'summary');
  s.append(el('span', 'title', r.view.title), el('span', 'source', r.view.source));
  const count = [...walk(r.view.plan.roots)].length;
  const facts = [l10n.t('{0} operators', count), r.view.plan.analyzed ? 'EXPLAIN ANALYZE' : 'EXPLAIN', r.view.plan.format];
  if (r.totalNs !== undefined) facts.push(l10n.t('total {0}', formatDuration(r.totalNs)));
  s.append(el('span', 'facts', facts.join(' · ')));
  const e = r.view.diagnoses.filter((d) => d.severity === 'error').length;
  const w = r.view.diagnoses.filter((d) => d.severity === 'warning').length;
  if (e + w)
    s.append(
      el(
        'span',
        `counts ${e ? 'error' : 'warning'}`,
        [e === 1 ? l10n.t('1 error') : e ? l10n.t('{0} errors', e) : '', w === 1 ? l10n.t('1 warning') : w ? l10n.t('{0} warnings', w) : '']
          .filter(Boolean)
          .join(', '),
      ),
    );
  return s;
}

function legend(): HTMLElement {
  const l = el('div', 'legend');
  for (const c of ['tidb', 'tikv', 'tiflash', 'mpp']) {
    const i = el('span', `key task-${c}`, TASK_NAME[c]);
    l.append(i);
  }
  if (rendered.some((r) => r.totalNs !== undefined)) {
    const incl = el('span', 'bar-key');
    incl.append(bar(1, 'incl', ''), el('span', undefined, l10n.t('time with children')));
    const excl = el('span', 'bar-key');
    excl.append(bar(1, 'excl', ''), el('span', undefined, l10n.t('time itself')));
    l.append(incl, excl);
  }
  return l;
}

const pct = (x: number) => `${x > 0 ? '+' : ''}${Math.round(x * 100)}%`;

/** Marks each operator of the second plan with how it changed from the first, and what only one plan has. */
function annotateChanges(before: Rendered, after: Rendered): PlanComparison {
  const c = comparePlans(before.view.plan, after.view.plan, formatDuration);
  before.changes = new Map();
  after.changes = new Map();
  for (const n of c.onlyBefore) before.changes.set(n, { text: l10n.t('only in this plan'), cls: 'only' });
  for (const n of c.onlyAfter) after.changes.set(n, { text: l10n.t('only in this plan'), cls: 'only' });
  for (const d of c.matched) {
    const parts: string[] = [];
    let cls: 'better' | 'worse' | 'same' = 'same';
    if (d.beforeNs !== undefined && d.afterNs !== undefined && d.beforeNs > 0) {
      const x = (d.afterNs - d.beforeNs) / d.beforeNs;
      if (Math.abs(x) >= 0.1 && Math.abs(d.afterNs - d.beforeNs) >= 1e6) {
        parts.push(l10n.t('time {0} → {1} ({2})', formatDuration(d.beforeNs), formatDuration(d.afterNs), pct(x)));
        cls = x < 0 ? 'better' : 'worse';
      }
    }
    if (d.beforeRows !== undefined && d.afterRows !== undefined && d.beforeRows !== d.afterRows) {
      const ratio = Math.max(d.beforeRows, d.afterRows) / Math.max(1, Math.min(d.beforeRows, d.afterRows));
      if (ratio >= 1.5) {
        parts.push(l10n.t('rows {0} → {1}', fmtRows(d.beforeRows), fmtRows(d.afterRows)));
        if (cls === 'same') cls = d.afterRows < d.beforeRows ? 'better' : 'worse';
      }
    }
    if (parts.length && d.after) after.changes.set(d.after, { text: parts.join(', '), cls });
  }
  return c;
}

function compareBanner(c: PlanComparison, before: Rendered, after: Rendered): HTMLElement {
  const b = el('div', 'compare-banner');
  b.append(el('span', 'headline', c.headline ?? l10n.t('Compared without timings (one plan is not from EXPLAIN ANALYZE)')));
  const only = (ns: PlanNode[], r: Rendered) =>
    ns.length
      ? l10n.t(
          '{0} only in {1}: {2}',
          ns.length,
          r.view.title,
          `${ns
            .slice(0, 6)
            .map((n) => n.id)
            .join(', ')}${ns.length > 6 ? ', …' : ''}`,
        )
      : '';
  const facts = [l10n.t('{0} operators in both', c.matched.length), only(c.onlyBefore, before), only(c.onlyAfter, after)].filter(Boolean);
  b.append(el('span', 'facts', facts.join(' · ')));
  return b;
}

function render(): void {
  if (!state) {
    root.replaceChildren(el('p', 'hint', l10n.t('Waiting for a plan…')));
    return;
  }
  const { payload } = state;
  rendered = payload.plans.map(prepare);
  const comparison = rendered.length === 2 ? annotateChanges(rendered[0], rendered[1]) : undefined;
  const bar = el('div', 'toolbar');
  for (const [tab, label] of [
    ['tree', l10n.t('Plan')],
    ['grid', l10n.t('Grid')],
    ['raw', l10n.t('Raw')],
  ] as const) {
    const b = el('button', `tab ${state.tab === tab ? 'active' : ''}`, label);
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(state.tab === tab));
    b.dataset.tab = tab;
    b.addEventListener('click', () => {
      state!.tab = tab;
      save();
      render();
    });
    bar.append(b);
  }
  bar.append(legend());
  if (payload.interactive && vscode) {
    const cmp = el('button', 'compare', payload.plans.length > 1 ? l10n.t('Compare with another…') : l10n.t('Compare with…'));
    cmp.title = l10n.t('Show another plan of the same statement side by side');
    cmp.addEventListener('click', () => vscode.postMessage({ type: 'compareWith' }));
    const exp = el('button', 'export', l10n.t('Export HTML…'));
    exp.title = l10n.t('Save a standalone HTML file that opens offline');
    exp.addEventListener('click', () => vscode.postMessage({ type: 'exportHtml' }));
    bar.append(cmp, exp);
  }
  const body = el('div', `body plans-${rendered.length}`);
  for (const r of rendered) {
    const col = el('div', 'plan');
    col.append(summary(r));
    for (const n of r.view.plan.notes) col.append(el('div', 'note', n));
    if (state.tab === 'tree') {
      col.append(treePane(r));
      const adv = el('div', 'advice-list');
      adv.append(el('h4', undefined, r.view.diagnoses.length ? l10n.t('Advice ({0})', r.view.diagnoses.length) : l10n.t('Advice')));
      if (!r.view.diagnoses.length)
        adv.append(
          el(
            'p',
            'hint',
            r.view.plan.format === 'mysql_json'
              ? l10n.t('TiDB advice does not apply to MySQL/MariaDB plans.')
              : l10n.t('Nothing in this plan matches a known problem.'),
          ),
        );
      for (const d of r.view.diagnoses) adv.append(adviceItem(d, r));
      col.append(adv);
    } else if (state.tab === 'grid') col.append(grid(r));
    else col.append(el('pre', 'raw', r.view.raw));
    body.append(col);
  }
  if (state.tab === 'tree') body.append(details);
  if (comparison) root.replaceChildren(bar, compareBanner(comparison, rendered[0], rendered[1]), body);
  else root.replaceChildren(bar, body);
  if (state.selected && rendered.some((r) => r.byKey.has(state!.selected!))) select(state.selected, false);
  else renderDetails();
}

const signature = (p: PlanPayload) => JSON.stringify(p.plans.map((v) => [v.title, v.source, v.raw.length]));

function show(payload: PlanPayload): void {
  // the same plan again (the panel was hidden and shown): keep what the user folded and selected
  if (state && signature(state.payload) === signature(payload)) {
    state.payload = payload;
    save();
    render();
    return;
  }
  state = { payload, collapsed: [], tab: 'tree', selected: undefined };
  // select the most important advice's node, else the root
  const r0 = prepare(payload.plans[0], 0);
  const first = payload.plans[0].diagnoses[0]?.nodeId;
  state.selected = [...r0.byKey].find(([, n]) => n.id === first)?.[0] ?? [...r0.byKey.keys()][0];
  save();
  const t0 = performance.now();
  render();
  (window as unknown as { __planRenderMs?: number }).__planRenderMs = performance.now() - t0;
}

window.addEventListener('message', (ev: MessageEvent<ToPlan>) => {
  if (ev.data?.type === 'show') show(ev.data.payload);
});

// the standalone HTML file carries its data in a JSON script element
const embedded = document.getElementById('plan-data');
if (embedded?.textContent) show(JSON.parse(embedded.textContent) as PlanPayload);
else render();
vscode?.postMessage({ type: 'ready' });
