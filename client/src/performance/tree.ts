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
import { describeWindow, formatSeconds, type Process, type SlowDigest, type SlowOrder, type TopStatement, type Window } from './queries';

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

/** A view's label, icon and tooltip (in the display language: call it when shown). */
function viewInfo(view: PerfView): { label: string; icon: string; tooltip: string } {
  switch (view) {
    case 'slow':
      return {
        label: vscode.l10n.t('Slow Queries'),
        icon: 'watch',
        tooltip: vscode.l10n.t(
          'INFORMATION_SCHEMA.CLUSTER_SLOW_QUERY grouped by digest. Right-click to change the time window or the order.',
        ),
      };
    case 'top':
      return {
        label: vscode.l10n.t('Top Statements'),
        icon: 'graph',
        tooltip: vscode.l10n.t(
          'The statement summary (CLUSTER_STATEMENTS_SUMMARY / _HISTORY) by total latency, as TiDB Dashboard orders it.',
        ),
      };
    case 'running':
      return {
        label: vscode.l10n.t('Running Now'),
        icon: 'run-all',
        tooltip: vscode.l10n.t('Statements running now, other than the explorer’s own. Right-click an entry to kill it.'),
      };
    case 'bindings':
      return {
        label: vscode.l10n.t('Plan Bindings'),
        icon: 'pinned',
        tooltip: vscode.l10n.t('SHOW GLOBAL BINDINGS: plans pinned for statements. Right-click to drop one.'),
      };
    case 'watches':
      return {
        label: vscode.l10n.t('Runaway Watches'),
        icon: 'shield',
        tooltip: vscode.l10n.t(
          'INFORMATION_SCHEMA.RUNAWAY_WATCHES: statements quarantined by resource control. Right-click to remove one.',
        ),
      };
    case 'stats':
      return {
        label: vscode.l10n.t('Statistics Health'),
        icon: 'heart',
        tooltip: vscode.l10n.t('SHOW STATS_HEALTHY: tables whose statistics are below 80% healthy, worst first, with Analyze Table.'),
      };
    case 'oom':
      return {
        label: vscode.l10n.t('Memory Kills'),
        icon: 'flame',
        tooltip: vscode.l10n.t(
          'CLUSTER_MEMORY_USAGE_OPS_HISTORY: the last statements TiDB killed over tidb_server_memory_limit (50 per instance).',
        ),
      };
  }
}

/** The Slow Queries view's description: its window and order. */
function slowDescription(window: string, order: SlowOrder): string {
  switch (order) {
    case 'time':
      return vscode.l10n.t('{0} · by query time', window);
    case 'memory':
      return vscode.l10n.t('{0} · by memory', window);
    case 'keys':
      return vscode.l10n.t('{0} · by processed keys', window);
  }
}
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
      const item = new vscode.TreeItem(vscode.l10n.t('Performance'), C.Collapsed);
      item.iconPath = new vscode.ThemeIcon('pulse');
      item.tooltip = vscode.l10n.t('Slow queries, top statements and what runs now. Loaded when opened or refreshed; nothing polls.');
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
  const v = viewInfo(n.view);
  const item = new vscode.TreeItem(v.label, C.Collapsed);
  const cap = session ? viewCapability(n.view, capabilities(session.server)) : undefined;
  if (n.view === 'slow')
    item.description = slowDescription(describeWindow(settings.window(n.connectionId)), settings.order(n.connectionId));
  if (n.view === 'top') {
    const w = settings.topWindow(n.connectionId);
    item.description = w ? vscode.l10n.t('{0} · by total latency', describeWindow(w)) : vscode.l10n.t('Current window · by total latency');
  }
  if (n.view === 'running')
    item.description = session?.server.flavor === 'tidb' ? vscode.l10n.t('by memory, then time') : vscode.l10n.t('by time');
  item.iconPath = new vscode.ThemeIcon(v.icon);
  if (cap && !cap.ok) {
    item.description = session?.server.flavor === 'tidb' ? vscode.l10n.t('needs a newer TiDB') : vscode.l10n.t('needs TiDB');
    item.tooltip = cap.why;
    item.collapsibleState = C.None;
    item.contextValue = 'perfView.unavailable';
    return item;
  }
  if (cap?.experimental)
    item.description = item.description ? vscode.l10n.t('{0} · experimental', item.description) : vscode.l10n.t('experimental');
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
      // tags of a description, each whole: a list, not a sentence
      const flags = [
        d.planCount > 1 ? vscode.l10n.t('{0} plans', d.planCount) : '',
        d.pseudoCount ? vscode.l10n.t('pseudo stats') : '',
      ].filter(Boolean);
      item.description = [
        vscode.l10n.t('max {0}', ms(d.maxMs)),
        `${d.execCount}×`,
        formatBytes(d.maxMem),
        ...(flags.length ? [`⚠ ${flags.join(', ')}`] : []),
      ].join(' · ');
      item.iconPath = new vscode.ThemeIcon(flags.length ? 'warning' : 'watch');
      item.tooltip = tooltip(d.query, [
        [vscode.l10n.t('Digest'), d.digest],
        [vscode.l10n.t('Database'), d.db],
        [vscode.l10n.t('Executions'), String(d.execCount)],
        [vscode.l10n.t('Query time'), vscode.l10n.t('max {0}, avg {1}, total {2}', ms(d.maxMs), ms(d.avgMs), ms(d.sumMs))],
        [vscode.l10n.t('Memory (max)'), formatBytes(d.maxMem)],
        [
          vscode.l10n.t('Keys (max)'),
          vscode.l10n.t('{0} processed, {1} total', d.maxProcessKeys.toLocaleString('en-US'), d.maxTotalKeys.toLocaleString('en-US')),
        ],
        [vscode.l10n.t('Plans'), d.planCount > 1 ? vscode.l10n.t('{0}: the plan changed — Compare Plans', d.planCount) : '1'],
        [
          vscode.l10n.t('Statistics'),
          d.pseudoCount
            ? vscode.l10n.t('pseudo in {0} of {1} runs: run ANALYZE TABLE', d.pseudoCount, d.execCount)
            : vscode.l10n.t('healthy'),
        ],
        [vscode.l10n.t('Last seen'), d.lastSeen],
      ]);
      item.contextValue = d.planCount > 1 ? 'perfSlow.plans' : 'perfSlow';
      item.command = { command: 'tidb.performance.openPlan', title: vscode.l10n.t('Open Plan'), arguments: [n] };
      return item;
    }
    case 'perfTop': {
      const t = n.item;
      const item = new vscode.TreeItem(summary(t.sample || t.digestText, 80), C.None);
      item.description = [
        vscode.l10n.t('total {0}', ms(t.sumMs)),
        `${t.execCount}×`,
        vscode.l10n.t('avg {0}', ms(t.avgMs)),
        vscode.l10n.t('max {0}', formatBytes(t.maxMem)),
        ...(t.planCount > 1 ? [`⚠ ${vscode.l10n.t('{0} plans', t.planCount)}`] : []),
      ].join(' · ');
      item.iconPath = new vscode.ThemeIcon(t.planCount > 1 ? 'warning' : 'graph');
      item.tooltip = tooltip(t.sample || t.digestText, [
        [vscode.l10n.t('Digest'), t.digest],
        [vscode.l10n.t('Schema'), t.schema],
        [vscode.l10n.t('Executions'), String(t.execCount)],
        [vscode.l10n.t('Latency'), vscode.l10n.t('total {0}, avg {1}, max {2}', ms(t.sumMs), ms(t.avgMs), ms(t.maxMs))],
        [vscode.l10n.t('Memory'), vscode.l10n.t('avg {0}, max {1}', formatBytes(t.avgMem), formatBytes(t.maxMem))],
        [vscode.l10n.t('Plans'), String(t.planCount)],
        [vscode.l10n.t('Last seen'), t.lastSeen],
      ]);
      item.contextValue = 'perfTop';
      item.command = { command: 'tidb.performance.openPlan', title: vscode.l10n.t('Open Plan'), arguments: [n] };
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
        [vscode.l10n.t('Connection'), p.id],
        [vscode.l10n.t('User'), `${p.user}@${p.host}`],
        [vscode.l10n.t('Database'), p.db],
        [vscode.l10n.t('Instance'), p.instance],
        [vscode.l10n.t('Time'), formatSeconds(p.time)],
        [vscode.l10n.t('State'), p.state],
        [vscode.l10n.t('Memory'), p.mem !== undefined ? formatBytes(p.mem) : ''],
        [vscode.l10n.t('Disk'), p.disk !== undefined ? formatBytes(p.disk) : ''],
        [vscode.l10n.t('Transaction start'), p.txnStart],
        [vscode.l10n.t('Digest'), p.digest],
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
        [vscode.l10n.t('Statement'), b.originalSql],
        [vscode.l10n.t('Status'), b.status],
        [vscode.l10n.t('Source'), b.source],
        [vscode.l10n.t('SQL digest'), b.sqlDigest],
        [vscode.l10n.t('Plan digest'), b.planDigest],
        [vscode.l10n.t('Updated'), b.updateTime],
      ]);
      item.contextValue = b.sqlDigest ? 'perfBinding' : 'perfBinding.noDigest';
      return item;
    }
    case 'perfWatch': {
      const w = n.item;
      const item = new vscode.TreeItem(summary(w.text, 80), C.None);
      item.description = [
        w.action,
        w.watch,
        w.end === 'UNLIMITED' ? vscode.l10n.t('no end') : vscode.l10n.t('until {0}', w.end),
        `#${w.id}`,
      ].join(' · ');
      item.iconPath = new vscode.ThemeIcon('shield');
      item.tooltip = tooltip(w.text, [
        [vscode.l10n.t('Watch'), `${w.id} (${w.watch})`],
        [vscode.l10n.t('Resource group'), w.resourceGroup],
        [vscode.l10n.t('Action'), w.action],
        [vscode.l10n.t('Rule'), w.rule],
        [vscode.l10n.t('From'), w.start],
        [vscode.l10n.t('Until'), w.end],
        [vscode.l10n.t('Source'), w.source],
      ]);
      item.contextValue = 'perfWatch';
      return item;
    }
    case 'perfStats': {
      const t = n.item;
      const item = new vscode.TreeItem(`${t.db}.${t.table}`, C.None);
      item.description = vscode.l10n.t('{0}% healthy', t.healthy);
      item.iconPath = new vscode.ThemeIcon(t.healthy < 50 ? 'error' : 'warning');
      item.tooltip = vscode.l10n.t(
        'Statistics of {0} are {1}% healthy (TiDB auto-analyzes below tidb_auto_analyze_ratio, 50% by default). Stale statistics make the optimizer pick bad plans: Analyze Table.',
        `${t.db}.${t.table}`,
        t.healthy,
      );
      item.contextValue = 'perfStats';
      return item;
    }
    case 'perfKill': {
      const k = n.item;
      const item = new vscode.TreeItem(summary(k.sqlText || k.sqlDigest, 80), C.None);
      item.description = vscode.l10n.t('{0} · {1} of {2} · {3}', k.time, formatBytes(k.mem), formatBytes(k.memoryLimit), k.user);
      item.iconPath = new vscode.ThemeIcon('flame');
      item.tooltip = tooltip(k.sqlText, [
        [vscode.l10n.t('When'), k.time],
        [vscode.l10n.t('What'), k.ops],
        [vscode.l10n.t('Statement memory'), formatBytes(k.mem)],
        [vscode.l10n.t('Instance memory'), vscode.l10n.t('{0} of the {1} limit', formatBytes(k.memoryCurrent), formatBytes(k.memoryLimit))],
        [vscode.l10n.t('Connection'), k.processId],
        [vscode.l10n.t('Client'), `${k.user}@${k.client}`],
        [vscode.l10n.t('Database'), k.db],
        [vscode.l10n.t('SQL digest'), k.sqlDigest],
        [vscode.l10n.t('Instance'), k.instance],
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
            vscode.l10n.t('No slow queries in {0}', describeWindow(w).toLowerCase()),
            vscode.l10n.t('Statements slower than tidb_slow_log_threshold (default 300 ms, set per TiDB instance) are logged.'),
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
          vscode.l10n.t('The summary evicted {0} statement digests in this window', evicted),
          vscode.l10n.t(
            'The statement summary keeps tidb_stmt_summary_max_stmt_count digests (default 3000) and evicts the least recently used: this list may miss some. Raise the variable to keep more.',
          ),
          true,
        ),
      );
    if (!statements.length)
      out.push(note(vscode.l10n.t('No statements in the summary for this window'), vscode.l10n.t('Is tidb_enable_stmt_summary ON?')));
    return out;
  }
  if (n.view === 'bindings') {
    const list = await loadBindings(session);
    return list.length
      ? list.map((item): PerfNode => ({ kind: 'perfBinding', connectionId: id, item }))
      : [
          note(
            vscode.l10n.t('No global bindings'),
            vscode.l10n.t('Pin a good plan from a Slow Queries or Top Statements entry: Bind This Plan…'),
          ),
        ];
  }
  if (n.view === 'watches') {
    const list = await loadWatches(session);
    return list.length
      ? list.map((item): PerfNode => ({ kind: 'perfWatch', connectionId: id, item }))
      : [
          note(
            vscode.l10n.t('No runaway watches'),
            vscode.l10n.t('Quarantine a statement from a Slow Queries or Top Statements entry: Watch as Runaway…'),
          ),
        ];
  }
  if (n.view === 'stats') {
    const list = await loadUnhealthyTables(session);
    return list.length
      ? list.map((item): PerfNode => ({ kind: 'perfStats', connectionId: id, item }))
      : [note(vscode.l10n.t('Every table’s statistics are at least 80% healthy'))];
  }
  if (n.view === 'oom') {
    const list = await loadMemoryKills(session);
    return list.length
      ? list.map((item): PerfNode => ({ kind: 'perfKill', connectionId: id, item }))
      : [
          note(
            vscode.l10n.t('TiDB has not killed a statement over its memory limit'),
            vscode.l10n.t('Kills by tidb_server_memory_limit are recorded here (the last 50 per instance).'),
          ),
        ];
  }
  const list = await loadProcesses(session);
  return list.length
    ? list.map((item): PerfNode => ({ kind: 'perfProcess', connectionId: id, item }))
    : [note(vscode.l10n.t('Nothing is running now'), vscode.l10n.t('Idle connections and the explorer’s own are not listed.'))];
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
