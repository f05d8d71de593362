// The Performance section of a connection in the explorer: Slow Queries and Top Statements (TiDB),
// Running Now (every server). Each view lists its top entries with the numbers that matter in the
// description and the rest in the tooltip; entries carry the actions (plan, statement, kill…).
// Loaded when the user expands a view or presses Refresh; nothing polls in the background.
import * as vscode from 'vscode';
import { formatBytes, formatDuration } from '../../../core/plan/units';
import type { Session } from '../connections/session';
import { summary } from '../query/statements';
import { capabilities } from './capabilities';
import { loadProcesses, loadSlowDigests, loadTopStatements } from './load';
import {
  describeWindow,
  formatSeconds,
  type Process,
  SLOW_ORDERS,
  type SlowDigest,
  type SlowOrder,
  type TopStatement,
  type Window,
} from './queries';

export type PerfView = 'slow' | 'top' | 'running';

export type PerfNode =
  | { kind: 'perf'; connectionId: string }
  | { kind: 'perfView'; connectionId: string; view: PerfView }
  | { kind: 'perfSlow'; connectionId: string; item: SlowDigest; window: Window }
  | { kind: 'perfTop'; connectionId: string; item: TopStatement; window?: Window }
  | { kind: 'perfProcess'; connectionId: string; item: Process }
  | { kind: 'perfNote'; connectionId: string; label: string; tooltip?: string; warning?: boolean };

export const PERF_KINDS = new Set<string>(['perf', 'perfView', 'perfSlow', 'perfTop', 'perfProcess', 'perfNote']);

const VIEW_LABEL: Record<PerfView, string> = { slow: 'Slow Queries', top: 'Top Statements', running: 'Running Now' };

/** What each connection's views show: the window and order the user picked (default: last hour, by query time). */
export class PerformanceSettings {
  private windows = new Map<string, Window>();
  private topWindows = new Map<string, Window | undefined>();
  private orders = new Map<string, SlowOrder>();
  /** how many entries a view lists */
  limit = 20;

  window(id: string): Window {
    return this.windows.get(id) ?? { last: 3600 };
  }
  /** undefined: the current summary window */
  topWindow(id: string): Window | undefined {
    return this.topWindows.has(id) ? this.topWindows.get(id) : { last: 3600 };
  }
  order(id: string): SlowOrder {
    return this.orders.get(id) ?? 'time';
  }
  setWindow(id: string, view: 'slow' | 'top', w: Window | undefined): void {
    if (view === 'slow' && w) this.windows.set(id, w);
    else this.topWindows.set(id, w);
  }
  setOrder(id: string, o: SlowOrder): void {
    this.orders.set(id, o);
  }
}

export function perfItem(n: PerfNode, session: Session | undefined, settings: PerformanceSettings): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  switch (n.kind) {
    case 'perf': {
      const item = new vscode.TreeItem('Performance', C.Collapsed);
      item.iconPath = new vscode.ThemeIcon('pulse');
      item.tooltip = 'Slow queries, top statements and what runs now. Loaded when opened or refreshed; nothing polls.';
      item.contextValue = 'perf';
      return item;
    }
    case 'perfView': {
      const item = new vscode.TreeItem(VIEW_LABEL[n.view], C.Collapsed);
      const caps = session ? capabilities(session.server) : undefined;
      const cap = n.view === 'slow' ? caps?.slowQueries : n.view === 'top' ? caps?.topStatements : caps?.processlist;
      if (n.view === 'slow')
        item.description = `${describeWindow(settings.window(n.connectionId))} · by ${SLOW_ORDERS[settings.order(n.connectionId)].label}`;
      if (n.view === 'top') {
        const w = settings.topWindow(n.connectionId);
        item.description = `${w ? describeWindow(w) : 'Current window'} · by total latency`;
      }
      if (n.view === 'running') item.description = session?.server.flavor === 'tidb' ? 'by memory, then time' : 'by time';
      item.iconPath = new vscode.ThemeIcon(n.view === 'slow' ? 'watch' : n.view === 'top' ? 'graph' : 'run-all');
      if (cap && !cap.ok) {
        item.description = 'needs TiDB';
        item.tooltip = cap.why;
        item.collapsibleState = C.None;
        item.contextValue = 'perfView.unavailable';
        return item;
      }
      item.contextValue = `perfView.${n.view}`;
      item.tooltip =
        n.view === 'slow'
          ? 'INFORMATION_SCHEMA.CLUSTER_SLOW_QUERY grouped by digest. Right-click to change the time window or the order.'
          : n.view === 'top'
            ? 'The statement summary (CLUSTER_STATEMENTS_SUMMARY / _HISTORY) by total latency, as TiDB Dashboard orders it.'
            : 'Statements running now, other than the explorer’s own. Right-click an entry to kill it.';
      return item;
    }
    case 'perfSlow': {
      const d = n.item;
      const item = new vscode.TreeItem(summary(d.query || d.digest, 80), C.None);
      const flags = [d.planCount > 1 ? `${d.planCount} plans` : '', d.pseudoCount ? 'pseudo stats' : ''].filter(Boolean);
      item.description = `max ${ms(d.maxMs)} · ${d.execCount}× · ${formatBytes(d.maxMem)}${flags.length ? ` · ⚠ ${flags.join(', ')}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(flags.length ? 'warning' : 'watch');
      item.tooltip = tooltip(d.query, [
        ['Digest', d.digest],
        ['Database', d.db],
        ['Executions', String(d.execCount)],
        ['Query time', `max ${ms(d.maxMs)}, avg ${ms(d.avgMs)}, total ${ms(d.sumMs)}`],
        ['Memory (max)', formatBytes(d.maxMem)],
        ['Keys (max)', `${d.maxProcessKeys.toLocaleString('en-US')} processed, ${d.maxTotalKeys.toLocaleString('en-US')} total`],
        ['Plans', d.planCount > 1 ? `${d.planCount}: the plan changed — Compare Plans` : '1'],
        ['Statistics', d.pseudoCount ? `pseudo in ${d.pseudoCount} of ${d.execCount} runs: run ANALYZE TABLE` : 'healthy'],
        ['Last seen', d.lastSeen],
      ]);
      item.contextValue = d.planCount > 1 ? 'perfSlow.plans' : 'perfSlow';
      item.command = { command: 'tidb.performance.openPlan', title: 'Open Plan', arguments: [n] };
      return item;
    }
    case 'perfTop': {
      const t = n.item;
      const item = new vscode.TreeItem(summary(t.sample || t.digestText, 80), C.None);
      item.description = `total ${ms(t.sumMs)} · ${t.execCount}× · avg ${ms(t.avgMs)} · max ${formatBytes(t.maxMem)}${t.planCount > 1 ? ` · ⚠ ${t.planCount} plans` : ''}`;
      item.iconPath = new vscode.ThemeIcon(t.planCount > 1 ? 'warning' : 'graph');
      item.tooltip = tooltip(t.sample || t.digestText, [
        ['Digest', t.digest],
        ['Schema', t.schema],
        ['Executions', String(t.execCount)],
        ['Latency', `total ${ms(t.sumMs)}, avg ${ms(t.avgMs)}, max ${ms(t.maxMs)}`],
        ['Memory', `avg ${formatBytes(t.avgMem)}, max ${formatBytes(t.maxMem)}`],
        ['Plans', String(t.planCount)],
        ['Last seen', t.lastSeen],
      ]);
      item.contextValue = 'perfTop';
      item.command = { command: 'tidb.performance.openPlan', title: 'Open Plan', arguments: [n] };
      return item;
    }
    case 'perfProcess': {
      const p = n.item;
      const item = new vscode.TreeItem(summary(p.info, 80), C.None);
      item.description = [formatSeconds(p.time), p.mem !== undefined ? formatBytes(p.mem) : '', `#${p.id}`, p.user, p.instance]
        .filter(Boolean)
        .join(' · ');
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.tooltip = tooltip(p.info, [
        ['Connection', p.id],
        ['User', `${p.user}@${p.host}`],
        ['Database', p.db],
        ['Instance', p.instance],
        ['Time', formatSeconds(p.time)],
        ['State', p.state],
        ['Memory', p.mem !== undefined ? formatBytes(p.mem) : ''],
        ['Disk', p.disk !== undefined ? formatBytes(p.disk) : ''],
        ['Transaction start', p.txnStart],
        ['Digest', p.digest],
      ]);
      item.contextValue = 'perfProcess';
      return item;
    }
    case 'perfNote': {
      const item = new vscode.TreeItem(n.label, C.None);
      item.iconPath = new vscode.ThemeIcon(n.warning ? 'warning' : 'info');
      item.tooltip = n.tooltip ?? n.label;
      return item;
    }
  }
}

export async function perfChildren(n: PerfNode, session: Session, settings: PerformanceSettings): Promise<PerfNode[]> {
  const id = session.profile.id;
  if (n.kind === 'perf')
    return (['slow', 'top', 'running'] as const).map((view): PerfNode => ({ kind: 'perfView', connectionId: id, view }));
  if (n.kind !== 'perfView') return [];
  const note = (label: string, tooltip?: string, warning?: boolean): PerfNode => ({
    kind: 'perfNote',
    connectionId: id,
    label,
    tooltip,
    warning,
  });
  if (n.view === 'slow') {
    const w = settings.window(id);
    const list = await loadSlowDigests(session, w, settings.order(id), settings.limit);
    return list.length
      ? list.map((item): PerfNode => ({ kind: 'perfSlow', connectionId: id, item, window: w }))
      : [
          note(
            `No slow queries in ${describeWindow(w).toLowerCase()}`,
            'Statements slower than tidb_slow_log_threshold (default 300 ms, set per TiDB instance) are logged.',
          ),
        ];
  }
  if (n.view === 'top') {
    const w = settings.topWindow(id);
    const { statements, evicted } = await loadTopStatements(session, w, settings.limit);
    const out: PerfNode[] = statements.map((item): PerfNode => ({ kind: 'perfTop', connectionId: id, item, window: w }));
    if (evicted > 0)
      out.unshift(
        note(
          `The summary evicted ${evicted} statement digests in this window`,
          'The statement summary keeps tidb_stmt_summary_max_stmt_count digests (default 3000) and evicts the least recently used: this list may miss some. Raise the variable to keep more.',
          true,
        ),
      );
    if (!statements.length) out.push(note('No statements in the summary for this window', 'Is tidb_enable_stmt_summary ON?'));
    return out;
  }
  const list = await loadProcesses(session);
  return list.length
    ? list.map((item): PerfNode => ({ kind: 'perfProcess', connectionId: id, item }))
    : [note('Nothing is running now', 'Idle connections and the explorer’s own are not listed.')];
}

function ms(v: number): string {
  return formatDuration(v * 1e6);
}

function tooltip(sql: string, fields: Array<[string, string]>): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendCodeblock(sql.length > 2000 ? `${sql.slice(0, 2000)}…` : sql, 'sql');
  for (const [k, v] of fields) if (v) md.appendMarkdown(`**${k}:** ${escapeMd(v)}  \n`);
  return md;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
