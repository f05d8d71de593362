// The results view: a tab per result set plus Messages, a virtualised grid (only
// the visible rows exist in the DOM, so 100,000 rows scroll like 100), NULL shown
// apart from the string 'NULL', selection and copy, cancel while running.
// Every value reaches the DOM through textContent.
import './results.css';
import '../shared/l10n';
import * as l10n from '@vscode/l10n';
import { el } from '../shared/dom';
import type { Cell, CopyFormat, FromResults, ResultColumn, StatementOutcome, ToResults } from '../../protocol/webviews/results';

declare function acquireVsCodeApi(): { postMessage(m: FromResults): void };
const vscode = acquireVsCodeApi();

const ROW_H = 22;
const OVERSCAN = 10;

interface SetView {
  statement: number;
  columns: ResultColumn[];
  rows: Cell[][];
  widths?: number[];
  /** sorted by a column (click its header: ascending, descending, as received) */
  sort?: { col: number; desc: boolean };
  /** the rows' indexes in display order while sorted */
  order?: number[];
  /** rows arrived since the last sort: sorted again when next drawn (once per frame, not per batch) */
  sortStale?: boolean;
}

/** The data row shown at display position `r`. */
function dataRow(set: SetView, r: number): number {
  return set.order ? set.order[r] : r;
}

/** NULL first, numbers (and numeric text such as DECIMAL or BIGINT) by value, other text in natural order. */
function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const x = typeof a === 'number' ? a : NUMERIC.test(a) ? Number(a) : Number.NaN;
  const y = typeof b === 'number' ? b : NUMERIC.test(b) ? Number(b) : Number.NaN;
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return collator.compare(String(a), String(b));
}
const NUMERIC = /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
const collator = new Intl.Collator(undefined, { numeric: true });

function applySort(set: SetView): void {
  if (!set.sort) {
    set.order = undefined;
    return;
  }
  const { col, desc } = set.sort;
  const order = Array.from(set.rows.keys());
  // stable: equal cells keep the order they came in
  order.sort(
    (i, j) => (desc ? compareCells(set.rows[j][col], set.rows[i][col]) : compareCells(set.rows[i][col], set.rows[j][col])) || i - j,
  );
  set.order = order;
}

interface StatementView {
  sql: string;
  line: number;
  outcome?: StatementOutcome;
}

const state = {
  runId: 0,
  running: false,
  connection: '',
  server: '',
  rowLimit: 0,
  statements: [] as StatementView[],
  sets: [] as SetView[],
  /** index into sets, or -1 for Messages */
  active: -1,
  summary: '',
  sel: { anchor: -1, rows: new Set<number>(), cell: undefined as undefined | { row: number; col: number } },
};

const root = document.getElementById('root')!;
const header = el('div', 'header');
const status = el('span', 'status');
const cancelBtn = el('button', 'cancel', l10n.t('Cancel'));
cancelBtn.title = l10n.t('Kill the running statement on the server');
cancelBtn.addEventListener('click', () => vscode.postMessage({ type: 'cancel', runId: state.runId }));
header.append(status, cancelBtn);
const banner = el('div', 'banner');
banner.hidden = true;
banner.setAttribute('role', 'status');
const tabs = el('div', 'tabs');
tabs.setAttribute('role', 'tablist');
const toolbar = el('div', 'toolbar');
const body = el('div', 'body');
root.append(header, banner, tabs, toolbar, body);

// --- the grid -----------------------------------------------------------------

const scroller = el('div', 'grid');
scroller.tabIndex = 0;
scroller.setAttribute('role', 'grid');
const headRow = el('div', 'row head');
const spacer = el('div', 'spacer');
const rowsLayer = el('div', 'rows');
spacer.append(rowsLayer);
scroller.append(headRow, spacer);
const messages = el('div', 'messages');

let frame = 0;
function scheduleGrid(): void {
  if (!frame)
    frame = requestAnimationFrame(() => {
      frame = 0;
      renderRows();
    });
}
scroller.addEventListener('scroll', scheduleGrid, { passive: true });
new ResizeObserver(scheduleGrid).observe(scroller);

function columnWidths(set: SetView): number[] {
  // character widths from the header and the first rows, capped; recomputed while rows stream in
  const sample = set.rows.slice(0, 200);
  return set.columns.map((c, i) => {
    let w = c.name.length + 2;
    for (const r of sample) w = Math.max(w, r[i] === null ? 4 : String(r[i]).length);
    return Math.min(Math.max(w, 4), 60);
  });
}

function gridTemplate(set: SetView): string {
  const gutter = Math.max(3, String(set.rows.length).length) + 1;
  return [`${gutter}ch`, ...(set.widths ?? []).map((w) => `${w + 2}ch`)].join(' ');
}

function renderGrid(set: SetView): void {
  set.widths ??= columnWidths(set);
  const template = gridTemplate(set);
  headRow.replaceChildren(el('div', 'cell gutter', '#'));
  set.columns.forEach((c, i) => {
    const sorted = set.sort?.col === i ? (set.sort.desc ? ' ▼' : ' ▲') : '';
    const h = el('div', `cell sortable${sorted ? ' sorted' : ''}`, c.name + sorted);
    h.title = l10n.t('{0} ({1}): click to sort', c.name, c.type);
    h.dataset.col = String(i);
    h.setAttribute('role', 'columnheader');
    h.setAttribute('aria-sort', !sorted ? 'none' : set.sort!.desc ? 'descending' : 'ascending');
    headRow.append(h);
  });
  headRow.style.gridTemplateColumns = template;
  rowsLayer.style.gridTemplateColumns = template;
  spacer.style.height = `${set.rows.length * ROW_H}px`;
  renderRows();
}

function renderRows(): void {
  const set = state.sets[state.active];
  if (!set) return;
  if (set.sortStale) {
    set.sortStale = false;
    applySort(set);
  }
  const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_H) - OVERSCAN);
  const visible = Math.ceil((scroller.clientHeight || 600) / ROW_H) + 2 * OVERSCAN;
  const last = Math.min(set.rows.length, first + visible);
  spacer.style.height = `${set.rows.length * ROW_H}px`;
  rowsLayer.style.transform = `translateY(${first * ROW_H}px)`;
  const frag = document.createDocumentFragment();
  const template = gridTemplate(set);
  for (let r = first; r < last; r++) {
    const row = el('div', 'row');
    row.style.gridTemplateColumns = template;
    row.dataset.row = String(r);
    row.setAttribute('role', 'row');
    if (state.sel.rows.has(r)) row.classList.add('selected');
    const d = dataRow(set, r);
    // the gutter keeps the row's number as received, sorted or not
    row.append(el('div', 'cell gutter', String(d + 1)));
    const cells = set.rows[d];
    for (let c = 0; c < set.columns.length; c++) {
      const v = cells[c];
      let cell: HTMLDivElement;
      if (v === null) cell = el('div', 'cell null', 'NULL');
      else {
        const text = String(v);
        // one line per row: line breaks and tabs shown as symbols, the full value in the tooltip
        const shown = text.replace(/\r?\n/g, '↵').replace(/\t/g, '⇥');
        cell = el('div', typeof v === 'number' ? 'cell num' : 'cell', shown.length > 1000 ? shown.slice(0, 1000) + '…' : shown);
        if (shown !== text || text.length > 40) cell.title = text.length > 4000 ? text.slice(0, 4000) + '…' : text;
      }
      cell.dataset.col = String(c);
      if (state.sel.cell && state.sel.cell.row === r && state.sel.cell.col === c) cell.classList.add('focus');
      row.append(cell);
    }
    frag.append(row);
  }
  rowsLayer.replaceChildren(frag);
}

function selectRows(r: number, e: MouseEvent | KeyboardEvent): void {
  const sel = state.sel;
  if (e.shiftKey && sel.anchor >= 0) {
    sel.rows = new Set();
    for (let i = Math.min(sel.anchor, r); i <= Math.max(sel.anchor, r); i++) sel.rows.add(i);
  } else if (e.ctrlKey || e.metaKey) {
    if (sel.rows.has(r)) sel.rows.delete(r);
    else sel.rows.add(r);
    sel.anchor = r;
  } else {
    sel.rows = new Set([r]);
    sel.anchor = r;
  }
}

rowsLayer.addEventListener('mousedown', (e) => {
  const target = e.target as HTMLElement;
  const rowEl = target.closest<HTMLElement>('.row');
  if (!rowEl) return;
  const r = Number(rowEl.dataset.row);
  if (target.classList.contains('gutter')) {
    state.sel.cell = undefined;
    selectRows(r, e);
  } else {
    state.sel.cell = { row: r, col: Number(target.dataset.col) };
    selectRows(r, e);
  }
  scroller.focus();
  renderRows();
});

function copy(format: CopyFormat, what: 'selection' | 'all'): void {
  const set = state.active;
  if (set < 0) return;
  const sel = state.sel;
  const view = state.sets[set];
  if (what === 'all' || sel.rows.size === 0) {
    // sorted: the rows in the order shown
    vscode.postMessage({ type: 'copy', set, rows: view.order ? [...view.order] : 'all', format });
    return;
  }
  const rows = [...sel.rows].sort((a, b) => a - b).map((r) => dataRow(view, r));
  if (sel.cell && rows.length === 1) vscode.postMessage({ type: 'copy', set, rows, column: sel.cell.col, format });
  else vscode.postMessage({ type: 'copy', set, rows, format });
}

scroller.addEventListener('keydown', (e) => {
  const set = state.sets[state.active];
  if (!set) return;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'c') {
    e.preventDefault();
    copy('tsv', 'selection');
  } else if (mod && e.key.toLowerCase() === 'a') {
    e.preventDefault();
    state.sel.rows = new Set(set.rows.keys());
    state.sel.cell = undefined;
    renderRows();
  } else if (['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'PageDown', 'PageUp', 'Home', 'End'].includes(e.key)) {
    e.preventDefault();
    const cur = state.sel.cell ?? { row: 0, col: 0 };
    const page = Math.max(1, Math.floor(scroller.clientHeight / ROW_H) - 1);
    let { row, col } = cur;
    switch (e.key) {
      case 'ArrowDown':
        row++;
        break;
      case 'ArrowUp':
        row--;
        break;
      case 'PageDown':
        row += page;
        break;
      case 'PageUp':
        row -= page;
        break;
      case 'Home':
        row = 0;
        break;
      case 'End':
        row = set.rows.length - 1;
        break;
      case 'ArrowRight':
        col++;
        break;
      case 'ArrowLeft':
        col--;
        break;
    }
    const nextRow = Math.max(0, Math.min(set.rows.length - 1, row));
    col = Math.max(0, Math.min(set.columns.length - 1, col));
    state.sel.cell = { row: nextRow, col };
    selectRows(nextRow, e);
    if (nextRow * ROW_H < scroller.scrollTop) scroller.scrollTop = nextRow * ROW_H;
    else if ((nextRow + 2) * ROW_H > scroller.scrollTop + scroller.clientHeight)
      scroller.scrollTop = (nextRow + 2) * ROW_H - scroller.clientHeight;
    renderRows();
  }
});

headRow.addEventListener('click', (e) => {
  const h = (e.target as HTMLElement).closest<HTMLElement>('.cell.sortable');
  const set = state.sets[state.active];
  if (!h || !set) return;
  const col = Number(h.dataset.col);
  // ascending, descending, then as received
  set.sort = set.sort?.col !== col ? { col, desc: false } : !set.sort.desc ? { col, desc: true } : undefined;
  applySort(set);
  state.sel = { anchor: -1, rows: new Set(), cell: undefined };
  renderGrid(set);
});

// --- tabs, toolbar, messages -------------------------------------------------------

function setLabel(i: number): string {
  const s = state.sets[i];
  return l10n.t('Result {0} ({1})', i + 1, `${s.rows.length.toLocaleString('en-US')}${truncatedOf(i) ? '+' : ''}`);
}

function truncatedOf(i: number): boolean {
  const s = state.sets[i];
  const o = state.statements[s.statement]?.outcome;
  if (!o) return false;
  const k = state.sets.filter((x, j) => x.statement === s.statement && j < i).length;
  return !!o.truncated[k];
}

function renderTabs(): void {
  tabs.replaceChildren();
  const add = (label: string, index: number, cls = '') => {
    const t = el('button', `tab ${cls}`, label);
    t.setAttribute('role', 'tab');
    t.setAttribute('aria-selected', String(state.active === index));
    if (state.active === index) t.classList.add('active');
    t.addEventListener('click', () => activate(index));
    tabs.append(t);
  };
  state.sets.forEach((_, i) => {
    add(setLabel(i), i);
  });
  const failed = state.statements.some((s) => s.outcome?.error);
  add(l10n.t('Messages'), -1, failed ? 'has-error' : '');
}

function renderToolbar(): void {
  toolbar.replaceChildren();
  const set = state.sets[state.active];
  if (!set) return;
  const label = el('span', 'label', l10n.t('Copy:'));
  toolbar.append(label);
  for (const [f, name] of [
    ['tsv', 'TSV'],
    ['csv', 'CSV'],
    ['json', 'JSON'],
    ['markdown', 'Markdown'],
  ] as const) {
    const b = el('button', 'copy', name);
    b.title = l10n.t('Copy the selected rows (or all rows) as {0}', name);
    b.dataset.format = f;
    b.addEventListener('click', () => copy(f, 'selection'));
    toolbar.append(b);
  }
  const exp = el('button', 'export', l10n.t('Export…'));
  exp.title = l10n.t('Save this result set to a file');
  exp.addEventListener('click', () => vscode.postMessage({ type: 'export', set: state.active }));
  toolbar.append(exp);
  const o = state.statements[set.statement]?.outcome;
  const k = state.sets.filter((x, j) => x.statement === set.statement && j < state.active).length;
  if (o?.truncated[k]) {
    const shown = set.rows.length.toLocaleString('en-US');
    const t = el(
      'span',
      'truncated',
      o.stoppedEarly?.[k]
        ? l10n.t(
            'Truncated: showing the first {0} of more than {0} rows (the statement was stopped there) (the tidb.query.rowLimit setting)',
            shown,
          )
        : l10n.t(
            'Truncated: showing the first {0} of {1} rows (the tidb.query.rowLimit setting)',
            shown,
            o.rowCounts[k].toLocaleString('en-US'),
          ),
    );
    toolbar.append(t);
  }
}

function renderMessages(): void {
  messages.replaceChildren();
  state.statements.forEach((s, i) => {
    const item = el('div', 'message');
    const head = el('div', 'sql');
    head.append(
      el('span', 'line', l10n.t('Line {0}', s.line + 1)),
      el('code', undefined, s.sql.length > 300 ? s.sql.slice(0, 300) + '…' : s.sql),
    );
    item.append(head);
    const o = s.outcome;
    if (!o) item.append(el('div', 'pending', state.running ? l10n.t('Running…') : l10n.t('Not run')));
    else if (o.error) {
      item.classList.add('error');
      item.append(el('div', 'error-text', o.error.message));
    } else {
      const sets = state.sets.filter((x) => x.statement === i).length;
      const parts: string[] = [];
      if (sets)
        parts.push(
          o.rowCounts
            .map((n, k) =>
              o.stoppedEarly?.[k]
                ? l10n.t('more than {0} rows (stopped at the row limit)', (n - 1).toLocaleString('en-US'))
                : n === 1
                  ? l10n.t('1 row')
                  : l10n.t('{0} rows', n.toLocaleString('en-US')),
            )
            .join(', '),
        );
      if (o.affectedRows !== undefined)
        parts.push(o.affectedRows === 1 ? l10n.t('1 row affected') : l10n.t('{0} rows affected', o.affectedRows.toLocaleString('en-US')));
      if (o.insertId) parts.push(l10n.t('last insert id {0}', String(o.insertId)));
      parts.push(`${o.elapsedMs.toFixed(o.elapsedMs < 10 ? 1 : 0)} ms`);
      item.append(el('div', 'ok', parts.join(' · ')));
    }
    for (const w of o?.warnings ?? []) item.append(el('div', 'warning', `${w.level} ${w.code}: ${w.message}`));
    messages.append(item);
  });
  if (state.summary) messages.append(el('div', 'summary', state.summary));
}

function activate(index: number): void {
  state.active = index;
  state.sel = { anchor: -1, rows: new Set(), cell: undefined };
  renderTabs();
  renderToolbar();
  if (index >= 0) {
    body.replaceChildren(scroller);
    scroller.scrollTop = 0;
    renderGrid(state.sets[index]);
  } else {
    body.replaceChildren(messages);
    renderMessages();
  }
}

function renderStatus(): void {
  const text = state.running
    ? l10n.t('Running on {0} ({1})…', state.connection, state.server)
    : state.summary
      ? `${state.connection} (${state.server}) · ${state.summary}`
      : '';
  status.textContent = text;
  cancelBtn.hidden = !state.running;
  root.classList.toggle('running', state.running);
}

// --- messages from the extension ---------------------------------------------------

let tabsDirty = false;
function scheduleTabs(): void {
  if (tabsDirty) return;
  tabsDirty = true;
  setTimeout(() => {
    tabsDirty = false;
    renderTabs();
  }, 100);
}

window.addEventListener('message', (ev: MessageEvent<ToResults>) => {
  const m = ev.data;
  if (m.type !== 'run-start' && m.runId !== state.runId) return;
  switch (m.type) {
    case 'run-start':
      banner.textContent = m.banner ?? '';
      banner.hidden = !m.banner;
      Object.assign(state, {
        runId: m.runId,
        running: true,
        connection: m.connection,
        server: m.server,
        rowLimit: m.rowLimit,
        statements: [],
        sets: [],
        active: -1,
        summary: '',
      });
      renderStatus();
      activate(-1);
      break;
    case 'statement-start':
      state.statements[m.statement] = { sql: m.sql, line: m.line };
      if (state.active === -1) renderMessages();
      break;
    case 'set-start': {
      state.sets[m.set] = { statement: m.statement, columns: m.columns, rows: [] };
      // the first result set is shown as soon as it starts
      if (state.active === -1 && !state.statements.some((s) => s.outcome?.error)) activate(m.set);
      else scheduleTabs();
      break;
    }
    case 'rows': {
      const set = state.sets[m.set];
      for (const r of m.rows) set.rows.push(r);
      if (set.sort) set.sortStale = true;
      if (set.widths && set.rows.length <= 200 + m.rows.length) set.widths = columnWidths(set);
      if (state.active === m.set) {
        if (set.rows.length === m.rows.length) renderGrid(set);
        else scheduleGrid();
      }
      scheduleTabs();
      break;
    }
    case 'statement-end':
      state.statements[m.statement].outcome = m.outcome;
      if (m.outcome.error) activate(-1);
      else if (state.active === -1) renderMessages();
      else renderToolbar();
      scheduleTabs();
      break;
    case 'run-end': {
      state.running = false;
      const secs = m.elapsedMs >= 1000 ? `${(m.elapsedMs / 1000).toFixed(2)} s` : `${Math.round(m.elapsedMs)} ms`;
      const parts = [l10n.t('{0} ok', m.ok)];
      if (m.failed) parts.push(l10n.t('{0} failed', m.failed));
      if (m.skipped) parts.push(l10n.t('{0} not run', m.skipped));
      if (m.cancelled) parts.push(l10n.t('cancelled'));
      state.summary = l10n.t(
        '{0} in {1}',
        parts.reduce((a, b) => l10n.t('{0}, {1}', a, b)),
        secs,
      );
      renderStatus();
      renderTabs();
      if (state.active === -1) renderMessages();
      else renderToolbar();
      break;
    }
  }
});

renderStatus();
activate(-1);
vscode.postMessage({ type: 'ready' });
