// The Performance section of a connection in the explorer: Slow Queries and Top Statements (TiDB),
// Running Now (every server). Each view lists its top entries with the numbers that matter in the
// description and the rest in the tooltip; entries carry the actions (plan, statement, kill…).
// Loaded when the user expands a view or presses Refresh; nothing polls in the background.
import * as vscode from 'vscode';
import { formatBytes, formatDuration } from '../../../core/plan/units';
import type { Session } from '../connections/session';
import { summary } from '../query/statements';
import { type Capabilities, type Capability, capabilities } from './capabilities';
import type { Binding, MemoryKill, TableHealth, Watch } from './guardrails';
import { loadBindings, loadMemoryKills, loadProcesses, loadSlowDigests, loadTopStatements, loadUnhealthyTables, loadWatches } from './load';
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

export type PerfView = 'slow' | 'top' | 'running' | 'bindings' | 'watches' | 'stats' | 'oom';

export type PerfNode =
  | { kind: 'perf'; connectionId: string }
  | { kind: 'perfView'; connectionId: string; view: PerfView }
  | { kind: 'perfSlow'; connectionId: string; item: SlowDigest; window: Window }
  | { kind: 'perfTop'; connectionId: string; item: TopStatement; window?: Window }
  | { kind: 'perfProcess'; connectionId: string; item: Process }
  | { kind: 'perfBinding'; connectionId: string; item: Binding }
  | { kind: 'perfWatch'; connectionId: string; item: Watch }
  | { kind: 'perfStats'; connectionId: string; item: TableHealth }
  | { kind: 'perfKill'; connectionId: string; item: MemoryKill }
  | { kind: 'perfNote'; connectionId: string; label: string; tooltip?: string; warning?: boolean };

export const PERF_KINDS = new Set<string>([
  'perf',
  'perfView',
  'perfSlow',
  'perfTop',
  'perfProcess',
  'perfBinding',
  'perfWatch',
  'perfStats',
  'perfKill',
  'perfNote',
]);

const VIEWS: Record<PerfView, { label: string; icon: string; tooltip: string }> = {
  slow: {
    label: 'Slow Queries',
    icon: 'watch',
    tooltip: 'INFORMATION_SCHEMA.CLUSTER_SLOW_QUERY grouped by digest. Right-click to change the time window or the order.',
  },
  top: {
    label: 'Top Statements',
    icon: 'graph',
    tooltip: 'The statement summary (CLUSTER_STATEMENTS_SUMMARY / _HISTORY) by total latency, as TiDB Dashboard orders it.',
  },
  running: {
    label: 'Running Now',
    icon: 'run-all',
    tooltip: 'Statements running now, other than the explorer’s own. Right-click an entry to kill it.',
  },
  bindings: {
    label: 'Plan Bindings',
    icon: 'pinned',
    tooltip: 'SHOW GLOBAL BINDINGS: plans pinned for statements. Right-click to drop one.',
  },
  watches: {
    label: 'Runaway Watches',
    icon: 'shield',
    tooltip: 'INFORMATION_SCHEMA.RUNAWAY_WATCHES: statements quarantined by resource control. Right-click to remove one.',
  },
  stats: {
    label: 'Statistics Health',
    icon: 'heart',
    tooltip: 'SHOW STATS_HEALTHY: tables whose statistics are below 80% healthy, worst first, with Analyze Table.',
  },
  oom: {
    label: 'Memory Kills',
    icon: 'flame',
    tooltip: 'CLUSTER_MEMORY_USAGE_OPS_HISTORY: the last statements TiDB killed over tidb_server_memory_limit (50 per instance).',
  },
};
const VIEW_ORDER: PerfView[] = ['slow', 'top', 'running', 'bindings', 'watches', 'stats', 'oom'];

/** What each connection's views show: the window and order the user picked (default: last hour, by query time). */
export class PerformanceSettings {
  private windows = new Map<string, Window>();
  private topWindows = new Map<string, Window | undefined>();
  private orders = new Map<string, SlowOrder>();
  /** how many entries a view lists */
  limit = 20;
  /** slow statements a view loaded: matched against the open files (slowInFile.ts) */
  readonly slowLoaded = new vscode.EventEmitter<{ connectionId: string; name: string; list: SlowDigest[]; window: Window }>();

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
    case 'perfNote': {
      const item = new vscode.TreeItem(n.label, C.None);
      item.iconPath = new vscode.ThemeIcon(n.warning ? 'warning' : 'info');
      item.tooltip = n.tooltip ?? n.label;
      return item;
    }
    case 'perfView':
      return viewItem(n, session, settings);
    case 'perfSlow':
    case 'perfTop':
    case 'perfProcess':
      return activityItem(n);
    default:
      return guardrailItem(n);
  }
}

function viewItem(
  n: Extract<PerfNode, { kind: 'perfView' }>,
  session: Session | undefined,
  settings: PerformanceSettings,
): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  const v = VIEWS[n.view];
  const item = new vscode.TreeItem(v.label, C.Collapsed);
  const cap = session ? viewCapability(n.view, capabilities(session.server)) : undefined;
  if (n.view === 'slow')
    item.description = `${describeWindow(settings.window(n.connectionId))} · by ${SLOW_ORDERS[settings.order(n.connectionId)].label}`;
  if (n.view === 'top') {
    const w = settings.topWindow(n.connectionId);
    item.description = `${w ? describeWindow(w) : 'Current window'} · by total latency`;
  }
  if (n.view === 'running') item.description = session?.server.flavor === 'tidb' ? 'by memory, then time' : 'by time';
  item.iconPath = new vscode.ThemeIcon(v.icon);
  if (cap && !cap.ok) {
    item.description = session?.server.flavor === 'tidb' ? 'needs a newer TiDB' : 'needs TiDB';
    item.tooltip = cap.why;
    item.collapsibleState = C.None;
    item.contextValue = 'perfView.unavailable';
    return item;
  }
  if (cap?.experimental) item.description = `${item.description ? `${item.description} · ` : ''}experimental`;
  item.contextValue = `perfView.${n.view}`;
  item.tooltip = cap?.experimental && cap.why ? `${v.tooltip}\n\n${cap.why}` : v.tooltip;
  return item;
}

/** Slow queries, top statements, running statements. */
function activityItem(n: Extract<PerfNode, { kind: 'perfSlow' | 'perfTop' | 'perfProcess' }>): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  switch (n.kind) {
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
  }
}

/** Bindings, watches, unhealthy tables, memory kills. */
function guardrailItem(n: Extract<PerfNode, { kind: 'perfBinding' | 'perfWatch' | 'perfStats' | 'perfKill' }>): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  switch (n.kind) {
    case 'perfBinding': {
      const b = n.item;
      const item = new vscode.TreeItem(summary(b.originalSql, 80), C.None);
      item.description = [b.status, b.source, b.defaultDb].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(b.status === 'enabled' || b.status === 'using' ? 'pinned' : 'circle-slash');
      item.tooltip = tooltip(b.bindSql, [
        ['Statement', b.originalSql],
        ['Status', b.status],
        ['Source', b.source],
        ['SQL digest', b.sqlDigest],
        ['Plan digest', b.planDigest],
        ['Updated', b.updateTime],
      ]);
      item.contextValue = b.sqlDigest ? 'perfBinding' : 'perfBinding.noDigest';
      return item;
    }
    case 'perfWatch': {
      const w = n.item;
      const item = new vscode.TreeItem(summary(w.text, 80), C.None);
      item.description = [w.action, w.watch, w.end === 'UNLIMITED' ? 'no end' : `until ${w.end}`, `#${w.id}`].join(' · ');
      item.iconPath = new vscode.ThemeIcon('shield');
      item.tooltip = tooltip(w.text, [
        ['Watch', `${w.id} (${w.watch})`],
        ['Resource group', w.resourceGroup],
        ['Action', w.action],
        ['Rule', w.rule],
        ['From', w.start],
        ['Until', w.end],
        ['Source', w.source],
      ]);
      item.contextValue = 'perfWatch';
      return item;
    }
    case 'perfStats': {
      const t = n.item;
      const item = new vscode.TreeItem(`${t.db}.${t.table}`, C.None);
      item.description = `${t.healthy}% healthy`;
      item.iconPath = new vscode.ThemeIcon(t.healthy < 50 ? 'error' : 'warning');
      item.tooltip = `Statistics of ${t.db}.${t.table} are ${t.healthy}% healthy (TiDB auto-analyzes below tidb_auto_analyze_ratio, 50% by default). Stale statistics make the optimizer pick bad plans: Analyze Table.`;
      item.contextValue = 'perfStats';
      return item;
    }
    case 'perfKill': {
      const k = n.item;
      const item = new vscode.TreeItem(summary(k.sqlText || k.sqlDigest, 80), C.None);
      item.description = `${k.time} · ${formatBytes(k.mem)} of ${formatBytes(k.memoryLimit)} · ${k.user}`;
      item.iconPath = new vscode.ThemeIcon('flame');
      item.tooltip = tooltip(k.sqlText, [
        ['When', k.time],
        ['What', k.ops],
        ['Statement memory', formatBytes(k.mem)],
        ['Instance memory', `${formatBytes(k.memoryCurrent)} of the ${formatBytes(k.memoryLimit)} limit`],
        ['Connection', k.processId],
        ['Client', `${k.user}@${k.client}`],
        ['Database', k.db],
        ['SQL digest', k.sqlDigest],
        ['Instance', k.instance],
      ]);
      item.contextValue = 'perfKill';
      return item;
    }
  }
}

export async function perfChildren(n: PerfNode, session: Session, settings: PerformanceSettings): Promise<PerfNode[]> {
  const id = session.profile.id;
  if (n.kind === 'perf') return VIEW_ORDER.map((view): PerfNode => ({ kind: 'perfView', connectionId: id, view }));
  if (n.kind !== 'perfView') return [];
  const cap = viewCapability(n.view, capabilities(session.server));
  if (!cap.ok) return [];
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
    settings.slowLoaded.fire({ connectionId: id, name: session.profile.name, list, window: w });
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
  if (n.view === 'bindings') {
    const list = await loadBindings(session);
    return list.length
      ? list.map((item): PerfNode => ({ kind: 'perfBinding', connectionId: id, item }))
      : [note('No global bindings', 'Pin a good plan from a Slow Queries or Top Statements entry: Bind This Plan…')];
  }
  if (n.view === 'watches') {
    const list = await loadWatches(session);
    return list.length
      ? list.map((item): PerfNode => ({ kind: 'perfWatch', connectionId: id, item }))
      : [note('No runaway watches', 'Quarantine a statement from a Slow Queries or Top Statements entry: Watch as Runaway…')];
  }
  if (n.view === 'stats') {
    const list = await loadUnhealthyTables(session);
    return list.length
      ? list.map((item): PerfNode => ({ kind: 'perfStats', connectionId: id, item }))
      : [note('Every table’s statistics are at least 80% healthy')];
  }
  if (n.view === 'oom') {
    const list = await loadMemoryKills(session);
    return list.length
      ? list.map((item): PerfNode => ({ kind: 'perfKill', connectionId: id, item }))
      : [
          note(
            'TiDB has not killed a statement over its memory limit',
            'Kills by tidb_server_memory_limit are recorded here (the last 50 per instance).',
          ),
        ];
  }
  const list = await loadProcesses(session);
  return list.length
    ? list.map((item): PerfNode => ({ kind: 'perfProcess', connectionId: id, item }))
    : [note('Nothing is running now', 'Idle connections and the explorer’s own are not listed.')];
}

/** What a view needs from the server. */
export function viewCapability(view: PerfView, caps: Capabilities): Capability {
  switch (view) {
    case 'slow':
      return caps.slowQueries;
    case 'top':
      return caps.topStatements;
    case 'running':
      return caps.processlist;
    case 'bindings':
      return caps.bindings;
    case 'watches':
      return caps.queryWatch;
    case 'stats':
      return caps.statsHealthy;
    case 'oom':
      return caps.memoryOpsHistory;
  }
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
