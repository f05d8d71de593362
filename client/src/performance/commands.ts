// The Performance section's actions: time window and order, refresh, the same rows in the results
// grid, an entry's plan in the plan viewer (with its advice), its text in a new SQL editor on the
// connection (so it is linted with the live schema), Compare Plans for a digest that ran with
// several, and Kill for a running statement (shown with the exact KILL before it runs).
import { format } from 'mysql2';
import * as vscode from 'vscode';
import { commentSafe } from '../../../core/sql/comment';
import type { CommandTable } from '../commandTable';
import type { ConnectionManager } from '../connections/manager';
import { viewFromText } from '../explain/commands';
import type { PlanPanels } from '../explain/planPanel';
import { log } from '../log';
import type { QueryCommands } from '../query/commands';
import type { DocumentConnections } from '../query/documentConnection';
import { statementAt, summary } from '../query/statements';
import { setting } from '../settings';
import { pickConnection } from '../connections/commands';
import type { Session } from '../connections/session';
import { applyEdit, maxExecutionTimeEdit } from '../../../core/sql/hints';
import { type Capability, capabilities } from './capabilities';
import {
  analyzeTableSql,
  bindFromHistorySql,
  dropBindingSql,
  MEMORY_OPS_HISTORY,
  memQuotaSql,
  parseBytes,
  queryWatchAddSql,
  queryWatchRemoveSql,
  RUNAWAY_WATCHES,
  SHOW_BINDINGS,
  statsHealthyQuery,
  type WatchAction,
} from './guardrails';
import {
  killQuery,
  killStatement,
  loadPlansOfDigest,
  loadSlowDigests,
  loadSlowestExecution,
  loadStatementPlan,
  loadSummaryPlans,
  runOnPool,
} from './load';
import {
  describeWindow,
  formatSeconds,
  parseWindowTime,
  processlistQuery,
  type Query,
  SLOW_ORDERS,
  type SlowOrder,
  slowQueriesQuery,
  topStatementsQuery,
  WINDOWS,
  type Window,
} from './queries';
import type { SlowInFile } from './slowInFile';
import type { PerfNode, PerformanceSettings } from './tree';

/** The explorer, as far as these commands need it. */
export interface PerfTree {
  readonly performance: PerformanceSettings;
  refresh(n?: PerfNode): void;
}

type ViewNode = Extract<PerfNode, { kind: 'perfView' }>;
type EntryNode = Extract<
  PerfNode,
  { kind: 'perfSlow' | 'perfTop' | 'perfProcess' | 'perfBinding' | 'perfWatch' | 'perfStats' | 'perfKill' }
>;

export function performanceCommands(
  manager: ConnectionManager,
  tree: PerfTree,
  queries: QueryCommands,
  docs: DocumentConnections,
  plans: PlanPanels,
  slowInFile: SlowInFile,
): CommandTable {
  const settings = tree.performance;
  const fail = (what: string) => (e: unknown) => void vscode.window.showErrorMessage(`${what}: ${(e as Error).message}`);
  const ctx: Ctx = {
    manager,
    tree,
    queries,
    docs,
    plans,
    settings,
    slowInFile,
    session: (n) => manager.connect(n.connectionId),
    fail,
    allowed: (cap) => {
      if (!cap.ok) void vscode.window.showWarningMessage(cap.why ?? 'The server cannot do this.');
      return cap.ok;
    },
    confirm: async (s, question, sql, action) =>
      (await vscode.window.showWarningMessage(
        `${s.profile.production ? `${s.profile.name} is a production connection. ` : ''}${question}`,
        { modal: true, detail: `Runs on ${s.profile.name}:\n\n${sql}` },
        action,
      )) === action,
    run: async (s, sql, done) => {
      try {
        await runOnPool(s, sql);
        log().info(`${s.profile.name}: ${sql}`);
        void vscode.window.showInformationMessage(done);
      } catch (e) {
        fail(`${sql} failed`)(e);
      }
      tree.refresh();
    },
  };
  return Object.assign({}, viewCommands(ctx), entryCommands(ctx), sessionGuardrails(ctx), planGuardrails(ctx), watchGuardrails(ctx));
}

/** What the command tables share: the parts they use and the helpers that keep them short. */
interface Ctx {
  manager: ConnectionManager;
  tree: PerfTree;
  queries: QueryCommands;
  docs: DocumentConnections;
  plans: PlanPanels;
  settings: PerformanceSettings;
  slowInFile: SlowInFile;
  session(n: { connectionId: string }): Promise<Session>;
  /** an error message: what failed and why */
  fail(what: string): (e: unknown) => void;
  /** says why the server cannot do it (and returns false) */
  allowed(cap: Capability): boolean;
  /** the exact SQL first, in a modal; production connections say so */
  confirm(s: Session, question: string, sql: string, action: string): Promise<boolean>;
  /** runs a cluster-wide statement, says it is done, refreshes the tree */
  run(s: Session, sql: string, done: string): Promise<void>;
}

/** Refresh, time window, order, the rows in the results grid. */
function viewCommands(ctx: Ctx): CommandTable {
  const { manager, tree, queries, docs, settings, slowInFile, session, fail } = ctx;
  return {
    /** The slow statements of the file's connection, matched against the file: information diagnostics with their plans. */
    'tidb.performance.checkFile': async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !['sql', 'mysql', 'tidb-sql'].includes(editor.document.languageId))
        return void vscode.window.showInformationMessage('Open a SQL file to check it against the slow queries of its connection.');
      const profile = await docs.resolve(editor.document.uri);
      if (!profile) return;
      const s = await session({ connectionId: profile.id }).catch(fail('Could not connect'));
      if (!s) return;
      const cap = capabilities(s.server).slowQueries;
      if (!cap.ok) return void vscode.window.showWarningMessage(cap.why!);
      const w = settings.window(profile.id);
      try {
        const list = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Reading the slow queries of ${s.profile.name}` },
          () => loadSlowDigests(s, w, 'time', 200),
        );
        settings.slowLoaded.fire({ connectionId: profile.id, name: s.profile.name, list, window: w });
        const n = slowInFile.count(editor.document);
        void vscode.window.showInformationMessage(
          n
            ? `${n} ${n === 1 ? 'statement' : 'statements'} of this file ran slow on ${s.profile.name} (${describeWindow(w).toLowerCase()}): see the Problems panel.`
            : `None of this file's statements is among the ${list.length} slowest of ${s.profile.name} (${describeWindow(w).toLowerCase()}).`,
        );
      } catch (e) {
        fail('Could not read the slow queries')(e);
      }
    },
    'tidb.performance.refresh': (n?: PerfNode) => tree.refresh(n),
    'tidb.performance.setWindow': async (n: ViewNode) => {
      if (n?.kind !== 'perfView' || (n.view !== 'slow' && n.view !== 'top')) return;
      const w = await pickWindow(n.view);
      if (w === null) return;
      settings.setWindow(n.connectionId, n.view, w);
      tree.refresh(n);
    },
    'tidb.performance.setOrder': async (n: ViewNode) => {
      if (n?.kind !== 'perfView' || n.view !== 'slow') return;
      const current = settings.order(n.connectionId);
      const pick = await vscode.window.showQuickPick(
        (Object.keys(SLOW_ORDERS) as SlowOrder[]).map((o) => ({
          label: `By ${SLOW_ORDERS[o].label}`,
          description: o === current ? 'current' : undefined,
          o,
        })),
        { title: 'Order slow queries' },
      );
      if (!pick) return;
      settings.setOrder(n.connectionId, pick.o);
      tree.refresh(n);
    },
    'tidb.performance.showInGrid': async (n: ViewNode) => {
      if (n?.kind !== 'perfView') return;
      const s = await session(n).catch(fail('Could not connect'));
      if (!s) return;
      const id = n.connectionId;
      const plain = (sql: string): Query => ({ sql, params: [] });
      const q: Query = {
        slow: () => slowQueriesQuery(settings.window(id), settings.order(id), 200),
        top: () => topStatementsQuery(settings.topWindow(id), 200),
        running: () => processlistQuery(s.server.flavor),
        bindings: () => plain(SHOW_BINDINGS),
        watches: () => plain(RUNAWAY_WATCHES),
        stats: () => statsHealthyQuery(),
        oom: () => plain(MEMORY_OPS_HISTORY),
      }[n.view]();
      const profile = manager.store.get(n.connectionId);
      if (!profile) return;
      // the grid runs text: values are escaped into it by the driver's own formatter
      return queries.runSql(profile, format(q.sql, q.params as never[]));
    },
  };
}

/** An entry's plan, its statement, its plans compared, Kill. */
function entryCommands(ctx: Ctx): CommandTable {
  const { manager, tree, docs, plans, session, fail } = ctx;
  return {
    'tidb.performance.openPlan': async (n: EntryNode) => {
      if (n?.kind !== 'perfSlow' && n?.kind !== 'perfTop') return;
      const s = await session(n).catch(fail('Could not connect'));
      if (!s) return;
      try {
        const found =
          n.kind === 'perfSlow'
            ? await vscode.window.withProgress({ location: { viewId: 'tidb.explorer' } }, () =>
                loadSlowestExecution(s, n.item.digest, n.window),
              )
            : await loadStatementPlan(s, n.item).then((p) => p && { plan: p.plan, query: p.sample, queryMs: n.item.maxMs });
        if (!found?.plan.trim())
          return void vscode.window.showInformationMessage(
            n.kind === 'perfSlow'
              ? 'The slow log has no plan for this statement in the window (was it rotated away?). Open the statement and use Explain instead.'
              : 'The statement summary has no plan for this statement any more. Open the statement and use Explain instead.',
          );
        const title = summary(found.query, 50);
        const source =
          n.kind === 'perfSlow'
            ? `slow log on ${s.profile.name}: the slowest run (${Math.round(found.queryMs)} ms) of digest ${n.item.digest.slice(0, 12)}…`
            : `statement summary on ${s.profile.name}: digest ${n.item.digest.slice(0, 12)}…, plan ${n.item.planDigest.slice(0, 12)}…`;
        plans.show([viewFromText(found.plan, title, source, s.server.version)]);
      } catch (e) {
        fail('Could not open the plan')(e);
      }
    },
    'tidb.performance.comparePlans': async (n: EntryNode) => {
      if (n?.kind !== 'perfSlow') return;
      const s = await session(n).catch(fail('Could not connect'));
      if (!s) return;
      try {
        const list = (await loadPlansOfDigest(s, n.item.digest, n.window)).filter((p) => p.plan.trim());
        if (list.length < 2)
          return void vscode.window.showInformationMessage(
            `Only ${list.length} plan of this statement is still in the slow log for the window: nothing to compare.`,
          );
        plans.show(
          list
            .slice(0, 2)
            .map((p) =>
              viewFromText(
                p.plan,
                `plan ${p.planDigest.slice(0, 8)} (avg ${Math.round(p.avgMs)} ms, ${p.execCount}×)`,
                `slow log on ${s.profile.name}: digest ${n.item.digest.slice(0, 12)}…, plan ${p.planDigest}`,
                s.server.version,
              ),
            ),
        );
        if (list.length > 2) log().info(`Compare Plans: ${list.length} plans for ${n.item.digest}; the two slowest on average are shown`);
      } catch (e) {
        fail('Could not compare the plans')(e);
      }
    },
    'tidb.performance.openStatement': async (n: EntryNode) => {
      if (!n || !['perfSlow', 'perfTop', 'perfProcess', 'perfKill', 'perfBinding'].includes(n.kind)) return;
      const s = manager.session(n.connectionId) ?? (await session(n).catch(fail('Could not connect')));
      if (!s) return;
      const { sql, db, what } = statementOf(n);
      const header = `-- ${commentSafe(`${what} on ${s.profile.name}`)}\n`;
      const use = db ? `USE \`${db.replace(/`/g, '``')}\`;\n` : '';
      const doc = await vscode.workspace.openTextDocument({
        language: 'sql',
        content: `${header}${use}${sql.trim().replace(/;?$/, ';')}\n`,
      });
      await docs.set(doc.uri, s.profile.id);
      await vscode.window.showTextDocument(doc);
    },
    /** From the palette (the active editor's cursor) or the code action (a document and an offset). */
    'tidb.performance.kill': async (n: EntryNode) => {
      if (n?.kind !== 'perfProcess') return;
      const s = await session(n).catch(fail('Could not connect'));
      if (!s) return;
      let sql: string;
      try {
        sql = killStatement(s, n.item);
      } catch (e) {
        return fail('Cannot kill it')(e);
      }
      const ok = await vscode.window.showWarningMessage(
        `Kill the statement running on connection ${n.item.id}${s.profile.production ? ` of the production connection ${s.profile.name}` : ''}?`,
        {
          modal: true,
          detail: `${summary(n.item.info, 400)}\n\n(${n.item.user}@${n.item.host}${n.item.instance ? ` on ${n.item.instance}` : ''}, running ${formatSeconds(n.item.time)})\n\nRuns: ${sql}\nThe connection stays open; only its statement stops.`,
        },
        'Kill Query',
      );
      if (ok !== 'Kill Query') return;
      try {
        await killQuery(s, n.item);
        log().info(`${s.profile.name}: ${sql}`);
        void vscode.window.showInformationMessage(`Killed the statement on connection ${n.item.id} (${sql}).`);
      } catch (e) {
        fail(`${sql} failed`)(e);
      }
      tree.refresh();
    },
  };
}

/** Limits for the statements of a session: the execution-time hint, the memory quota. */
function sessionGuardrails(ctx: Ctx): CommandTable {
  const { manager, queries, docs, fail, allowed, confirm } = ctx;
  return {
    'tidb.performance.limitExecutionTime': async (uri?: unknown, at?: unknown) => {
      const editor =
        typeof uri === 'string'
          ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri)
          : vscode.window.activeTextEditor;
      if (!editor || !['sql', 'mysql', 'tidb-sql'].includes(editor.document.languageId))
        return void vscode.window.showInformationMessage('Open a SQL file and put the cursor on a SELECT to limit its execution time.');
      const doc = editor.document;
      const st = statementAt(doc.getText(), typeof at === 'number' ? at : doc.offsetAt(editor.selection.active));
      if (!st) return void vscode.window.showInformationMessage('No SQL statement at the cursor.');
      // the file's connection, when it has one, says whether the server reads the hint
      const profile = docs.get(doc.uri);
      const live = profile ? manager.session(profile.id) : undefined;
      if (live) {
        const cap = capabilities(live.server).maxExecutionTime;
        if (!cap.ok) return void vscode.window.showWarningMessage(cap.why!);
      }
      const input = await vscode.window.showInputBox({
        title: 'Limit execution time (MAX_EXECUTION_TIME hint)',
        prompt: `Milliseconds after which the server stops this SELECT.${live ? ` ${capabilities(live.server).maxExecutionTime.why ?? ''}` : ''}`,
        value: String(setting('performance.maxExecutionTimeMs')),
        validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) > 0 ? undefined : 'A positive whole number of milliseconds'),
      });
      if (input === undefined) return;
      const edit = maxExecutionTimeEdit(st.text, Number(input.trim()));
      if (!edit)
        return void vscode.window.showInformationMessage(
          'MAX_EXECUTION_TIME limits SELECT statements only; this statement is not one. For writes, batch them (BATCH ON … LIMIT) or set a session timeout.',
        );
      const start = doc.positionAt(st.start + edit.start);
      const end = doc.positionAt(st.start + edit.end);
      await editor.edit((b: vscode.TextEditorEdit) => b.replace(new vscode.Range(start, end), edit.text));
      return applyEdit(st.text, edit);
    },
    'tidb.performance.setMemoryQuota': async (n?: { connectionId: string }) => {
      const profile = n?.connectionId
        ? manager.store.get(n.connectionId)
        : await pickConnection(manager, 'Set the session memory quota on…');
      if (!profile) return;
      const s = await manager.connect(profile.id).catch(fail('Could not connect'));
      if (!s || !allowed(capabilities(s.server).memQuota)) return;
      const input = await vscode.window.showInputBox({
        title: `Session memory quota on ${s.profile.name}`,
        prompt: `tidb_mem_quota_query for the connection that runs your statements. ${capabilities(s.server).memQuota.why ?? ''}`,
        value: '1 GiB',
        validateInput: (v) => ((parseBytes(v) ?? 0) >= 128 ? undefined : 'Bytes, or a size such as 512 MiB or 2 GiB'),
      });
      if (input === undefined) return;
      const sql = memQuotaSql(parseBytes(input)!);
      if (!(await confirm(s, 'Set the memory quota of your session?', sql, 'Set Quota'))) return;
      // the user's own SQL connection: a session variable must be set where the statements run
      return queries.runSql(profile, sql);
    },
  };
}

/** Plan bindings and statistics, each shown as SQL before it runs. */
function planGuardrails(ctx: Ctx): CommandTable {
  const { session, fail, allowed, confirm, run } = ctx;
  return {
    'tidb.performance.bindPlan': async (n: EntryNode) => {
      if (n?.kind !== 'perfSlow' && n?.kind !== 'perfTop') return;
      const s = await session(n).catch(fail('Could not connect'));
      if (!s || !allowed(capabilities(s.server).bindFromHistory)) return;
      let list;
      try {
        list = await loadSummaryPlans(s, n.item.digest);
      } catch (e) {
        return fail('Could not read the plans of this statement from the statement summary')(e);
      }
      if (!list.length)
        return void vscode.window.showWarningMessage(
          'The statement summary holds no plan of this statement (it keeps recent windows only; is tidb_enable_stmt_summary ON?). Run the statement with the plan you want, then bind it.',
        );
      const pick = await vscode.window.showQuickPick(
        list.map((p, i) => ({
          label: `${i === 0 ? '$(star-full) ' : ''}plan ${p.planDigest.slice(0, 12)}…`,
          description: `avg ${Math.round(p.avgMs * 100) / 100} ms · max ${Math.round(p.maxMs)} ms · ${p.execCount}×${i === 0 ? ' · fastest on average' : ''}`,
          p,
        })),
        { title: 'Bind which plan? (from the statement summary, fastest first)' },
      );
      if (!pick) return;
      const sql = bindFromHistorySql(pick.p.planDigest);
      const cap = capabilities(s.server).bindFromHistory;
      if (
        !(await confirm(
          s,
          `Pin this plan for every session${cap.experimental ? ' (experimental on this version)' : ''}?`,
          sql,
          'Create Binding',
        ))
      )
        return;
      await run(s, sql, 'Created the binding; SELECT @@LAST_PLAN_FROM_BINDING after the statement tells whether it was used.');
    },
    'tidb.performance.dropBinding': async (n: EntryNode) => {
      if (n?.kind !== 'perfBinding') return;
      const s = await session(n).catch(fail('Could not connect'));
      if (!s) return;
      const sql = dropBindingSql(n.item.sqlDigest);
      if (!(await confirm(s, `Drop the binding of ${summary(n.item.originalSql, 80)}?`, sql, 'Drop Binding'))) return;
      await run(s, sql, 'Dropped the binding.');
    },
    'tidb.performance.analyzeTable': async (n: EntryNode) => {
      if (n?.kind !== 'perfStats') return;
      const s = await session(n).catch(fail('Could not connect'));
      if (!s) return;
      const sql = analyzeTableSql(n.item.db, n.item.table);
      if (
        !(await confirm(
          s,
          `Analyze ${n.item.db}.${n.item.table} (${n.item.healthy}% healthy)? It reads the table and may take a while on a big one.`,
          sql,
          'Analyze',
        ))
      )
        return;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${sql} on ${s.profile.name}` }, () =>
        run(s, sql, `Analyzed ${n.item.db}.${n.item.table}.`),
      );
    },
  };
}

/** Runaway watches, each shown as SQL before it runs. */
function watchGuardrails(ctx: Ctx): CommandTable {
  const { session, fail, allowed, confirm, run } = ctx;
  return {
    'tidb.performance.watch': async (n: EntryNode) => {
      if (n?.kind !== 'perfSlow' && n?.kind !== 'perfTop' && n?.kind !== 'perfProcess') return;
      const s = await session(n).catch(fail('Could not connect'));
      if (!s) return;
      const caps = capabilities(s.server);
      if (!allowed(caps.queryWatch)) return;
      const digest = n.item.digest;
      if (!digest) return void vscode.window.showWarningMessage('This entry has no SQL digest to watch.');
      type Item = vscode.QuickPickItem & { action?: WatchAction; switchGroup?: boolean };
      const items: Item[] = [
        { label: 'Kill', description: 'stop the statement whenever it runs', action: 'KILL' },
        { label: 'Cooldown', description: 'run it at the lowest priority', action: 'COOLDOWN' },
        { label: 'Dry run', description: 'only record matches', action: 'DRYRUN' },
        caps.switchGroup.ok
          ? { label: 'Switch resource group…', description: 'run it in another resource group', switchGroup: true }
          : { label: 'Switch resource group', description: caps.switchGroup.why, detail: 'unavailable' },
      ];
      const pick = await vscode.window.showQuickPick(items, {
        title: `Watch as runaway: what TiDB does with this statement${caps.queryWatch.experimental ? ' (experimental on this version)' : ''}`,
      });
      if (!pick || (!pick.action && !pick.switchGroup)) return;
      let action = pick.action;
      if (pick.switchGroup) {
        const rg = await vscode.window.showInputBox({
          title: 'Switch to which resource group?',
          validateInput: (v) => (v.trim() ? undefined : 'A resource group name'),
        });
        if (!rg) return;
        action = { switchGroup: rg.trim() };
      }
      const sql = queryWatchAddSql(digest, action!);
      if (!(await confirm(s, 'Quarantine this statement in the default resource group?', sql, 'Add Watch'))) return;
      await run(s, sql, 'Added the watch; it is listed under Runaway Watches.');
    },
    'tidb.performance.removeWatch': async (n: EntryNode) => {
      if (n?.kind !== 'perfWatch') return;
      const s = await session(n).catch(fail('Could not connect'));
      if (!s) return;
      const sql = queryWatchRemoveSql(n.item.id);
      if (!(await confirm(s, `Remove watch ${n.item.id} (${summary(n.item.text, 60)})?`, sql, 'Remove Watch'))) return;
      await run(s, sql, `Removed watch ${n.item.id}.`);
    },
  };
}

/** The statement text of an entry, its database and what it is (for the new editor's header). */
function statementOf(n: EntryNode): { sql: string; db: string; what: string } {
  switch (n.kind) {
    case 'perfSlow':
      return {
        sql: n.item.query,
        db: n.item.db,
        what: `slow query, digest ${n.item.digest}: ${n.item.execCount} runs, max ${Math.round(n.item.maxMs)} ms`,
      };
    case 'perfTop':
      return {
        sql: n.item.sample || n.item.digestText,
        db: n.item.schema,
        what: `top statement, digest ${n.item.digest}: ${n.item.execCount} runs, total ${Math.round(n.item.sumMs)} ms`,
      };
    case 'perfProcess':
      return { sql: n.item.info, db: n.item.db, what: `running on connection ${n.item.id} for ${formatSeconds(n.item.time)}` };
    case 'perfKill':
      return {
        sql: n.item.sqlText,
        db: n.item.db,
        what: `killed by TiDB at ${n.item.time} over tidb_server_memory_limit (the text is cut at 256 characters), digest ${n.item.sqlDigest}`,
      };
    case 'perfBinding':
      return { sql: n.item.bindSql, db: n.item.defaultDb, what: `the statement bound for digest ${n.item.sqlDigest} (${n.item.status})` };
    default:
      return { sql: '', db: '', what: '' };
  }
}

/** A time window from a quick pick (null: cancelled; undefined: the current summary window, Top Statements only). */
async function pickWindow(view: 'slow' | 'top'): Promise<Window | undefined | null> {
  type Item = vscode.QuickPickItem & { w?: Window; custom?: boolean; current?: boolean };
  const items: Item[] = [
    ...(view === 'top' ? [{ label: 'Current summary window', description: 'CLUSTER_STATEMENTS_SUMMARY', current: true }] : []),
    ...WINDOWS.map((x) => ({ label: x.label, w: x.window })),
    { label: 'Custom…', description: 'from and to, in the server session’s time zone', custom: true },
  ];
  const pick = await vscode.window.showQuickPick(items, {
    title: view === 'slow' ? 'Slow queries: time window' : 'Top statements: time window',
  });
  if (!pick) return null;
  if (pick.current) return undefined;
  if (pick.w) return pick.w;
  const ask = async (prompt: string, value: string) =>
    vscode.window.showInputBox({
      title: 'Custom time window',
      prompt,
      value,
      placeHolder: 'YYYY-MM-DD HH:MM[:SS]',
      validateInput: (v) => (parseWindowTime(v) ? undefined : 'A date and time: YYYY-MM-DD HH:MM[:SS]'),
    });
  const now = new Date();
  const pad = (x: number) => String(x).padStart(2, '0');
  const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const from = await ask('From', local(new Date(now.getTime() - 3600_000)));
  if (from === undefined) return null;
  const to = await ask('To', local(now));
  if (to === undefined) return null;
  const f = parseWindowTime(from)!;
  const t = parseWindowTime(to)!;
  return f <= t ? { from: f, to: t } : { from: t, to: f };
}
