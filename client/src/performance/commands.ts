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
  type Window,
  windows,
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
      if (!cap.ok) void vscode.window.showWarningMessage(cap.why ?? vscode.l10n.t('The server cannot do this.'));
      return cap.ok;
    },
    confirm: async (s, question, sql, action) =>
      (await vscode.window.showWarningMessage(
        s.profile.production ? vscode.l10n.t('{0} is a production connection. {1}', s.profile.name, question) : question,
        { modal: true, detail: vscode.l10n.t('Runs on {0}:\n\n{1}', s.profile.name, sql) },
        action,
      )) === action,
    run: async (s, sql, done) => {
      try {
        await runOnPool(s, sql);
        log().info(`${s.profile.name}: ${sql}`);
        void vscode.window.showInformationMessage(done);
      } catch (e) {
        fail(vscode.l10n.t('{0} failed', sql))(e);
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
  /** the exact SQL first, in a modal; production connections say so (question and action in the display language) */
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
        return void vscode.window.showInformationMessage(
          vscode.l10n.t('Open a SQL file to check it against the slow queries of its connection.'),
        );
      const profile = await docs.resolve(editor.document.uri);
      if (!profile) return;
      const s = await session({ connectionId: profile.id }).catch(fail(vscode.l10n.t('Could not connect')));
      if (!s) return;
      const cap = capabilities(s.server).slowQueries;
      if (!cap.ok) return void vscode.window.showWarningMessage(cap.why!);
      const w = settings.window(profile.id);
      try {
        const list = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the slow queries of {0}', s.profile.name) },
          () => loadSlowDigests(s, w, 'time', 200),
        );
        settings.slowLoaded.fire({ connectionId: profile.id, name: s.profile.name, list, window: w });
        const n = slowInFile.count(editor.document);
        const when = describeWindow(w).toLowerCase();
        void vscode.window.showInformationMessage(
          n === 1
            ? vscode.l10n.t('{0} statement of this file ran slow on {1} ({2}): see the Problems panel.', n, s.profile.name, when)
            : n
              ? vscode.l10n.t('{0} statements of this file ran slow on {1} ({2}): see the Problems panel.', n, s.profile.name, when)
              : vscode.l10n.t("None of this file's statements is among the {0} slowest of {1} ({2}).", list.length, s.profile.name, when),
        );
      } catch (e) {
        fail(vscode.l10n.t('Could not read the slow queries'))(e);
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
          label: orderLabel(o),
          description: o === current ? vscode.l10n.t('current') : undefined,
          o,
        })),
        { title: vscode.l10n.t('Order slow queries') },
      );
      if (!pick) return;
      settings.setOrder(n.connectionId, pick.o);
      tree.refresh(n);
    },
    'tidb.performance.showInGrid': async (n: ViewNode) => {
      if (n?.kind !== 'perfView') return;
      const s = await session(n).catch(fail(vscode.l10n.t('Could not connect')));
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
      const s = await session(n).catch(fail(vscode.l10n.t('Could not connect')));
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
              ? vscode.l10n.t(
                  'The slow log has no plan for this statement in the window (was it rotated away?). Open the statement and use Explain instead.',
                )
              : vscode.l10n.t('The statement summary has no plan for this statement any more. Open the statement and use Explain instead.'),
          );
        const title = summary(found.query, 50);
        const source =
          n.kind === 'perfSlow'
            ? vscode.l10n.t(
                'slow log on {0}: the slowest run ({1} ms) of digest {2}…',
                s.profile.name,
                Math.round(found.queryMs),
                n.item.digest.slice(0, 12),
              )
            : vscode.l10n.t(
                'statement summary on {0}: digest {1}…, plan {2}…',
                s.profile.name,
                n.item.digest.slice(0, 12),
                n.item.planDigest.slice(0, 12),
              );
        plans.show([viewFromText(found.plan, title, source, s.server.version)]);
      } catch (e) {
        fail(vscode.l10n.t('Could not open the plan'))(e);
      }
    },
    'tidb.performance.comparePlans': async (n: EntryNode) => {
      if (n?.kind !== 'perfSlow') return;
      const s = await session(n).catch(fail(vscode.l10n.t('Could not connect')));
      if (!s) return;
      try {
        const list = (await loadPlansOfDigest(s, n.item.digest, n.window)).filter((p) => p.plan.trim());
        if (list.length < 2)
          return void vscode.window.showInformationMessage(
            vscode.l10n.t('Only {0} plan of this statement is still in the slow log for the window: nothing to compare.', list.length),
          );
        plans.show(
          list
            .slice(0, 2)
            .map((p) =>
              viewFromText(
                p.plan,
                vscode.l10n.t('plan {0} (avg {1} ms, {2}×)', p.planDigest.slice(0, 8), Math.round(p.avgMs), p.execCount),
                vscode.l10n.t('slow log on {0}: digest {1}…, plan {2}', s.profile.name, n.item.digest.slice(0, 12), p.planDigest),
                s.server.version,
              ),
            ),
        );
        if (list.length > 2) log().info(`Compare Plans: ${list.length} plans for ${n.item.digest}; the two slowest on average are shown`);
      } catch (e) {
        fail(vscode.l10n.t('Could not compare the plans'))(e);
      }
    },
    'tidb.performance.openStatement': async (n: EntryNode) => {
      if (!n || !['perfSlow', 'perfTop', 'perfProcess', 'perfKill', 'perfBinding'].includes(n.kind)) return;
      const s = manager.session(n.connectionId) ?? (await session(n).catch(fail(vscode.l10n.t('Could not connect'))));
      if (!s) return;
      const { sql, db, what } = statementOf(n, s.profile.name);
      const header = `-- ${commentSafe(what)}\n`;
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
      const s = await session(n).catch(fail(vscode.l10n.t('Could not connect')));
      if (!s) return;
      let sql: string;
      try {
        sql = killStatement(s, n.item);
      } catch (e) {
        return fail(vscode.l10n.t('Cannot kill it'))(e);
      }
      if (!(await confirmKill(s, n.item, sql))) return;
      try {
        await killQuery(s, n.item);
        log().info(`${s.profile.name}: ${sql}`);
        void vscode.window.showInformationMessage(vscode.l10n.t('Killed the statement on connection {0} ({1}).', n.item.id, sql));
      } catch (e) {
        fail(vscode.l10n.t('{0} failed', sql))(e);
      }
      tree.refresh();
    },
  };
}

/** Kill's modal: the statement, who runs it where, and the exact KILL; true when the user confirms. */
async function confirmKill(s: Session, p: Extract<EntryNode, { kind: 'perfProcess' }>['item'], sql: string): Promise<boolean> {
  const killButton = vscode.l10n.t('Kill Query');
  const ok = await vscode.window.showWarningMessage(
    s.profile.production
      ? vscode.l10n.t('Kill the statement running on connection {0} of the production connection {1}?', p.id, s.profile.name)
      : vscode.l10n.t('Kill the statement running on connection {0}?', p.id),
    {
      modal: true,
      detail: p.instance
        ? vscode.l10n.t(
            '{0}\n\n({1}@{2} on {3}, running {4})\n\nRuns: {5}\nThe connection stays open; only its statement stops.',
            summary(p.info, 400),
            p.user,
            p.host,
            p.instance,
            formatSeconds(p.time),
            sql,
          )
        : vscode.l10n.t(
            '{0}\n\n({1}@{2}, running {3})\n\nRuns: {4}\nThe connection stays open; only its statement stops.',
            summary(p.info, 400),
            p.user,
            p.host,
            formatSeconds(p.time),
            sql,
          ),
    },
    killButton,
  );
  return ok === killButton;
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
        return void vscode.window.showInformationMessage(
          vscode.l10n.t('Open a SQL file and put the cursor on a SELECT to limit its execution time.'),
        );
      const doc = editor.document;
      const st = statementAt(doc.getText(), typeof at === 'number' ? at : doc.offsetAt(editor.selection.active));
      if (!st) return void vscode.window.showInformationMessage(vscode.l10n.t('No SQL statement at the cursor.'));
      // the file's connection, when it has one, says whether the server reads the hint
      const profile = docs.get(doc.uri);
      const live = profile ? manager.session(profile.id) : undefined;
      if (live) {
        const cap = capabilities(live.server).maxExecutionTime;
        if (!cap.ok) return void vscode.window.showWarningMessage(cap.why!);
      }
      const input = await vscode.window.showInputBox({
        title: vscode.l10n.t('Limit execution time (MAX_EXECUTION_TIME hint)'),
        prompt: live
          ? vscode.l10n.t(
              'Milliseconds after which the server stops this SELECT. {0}',
              capabilities(live.server).maxExecutionTime.why ?? '',
            )
          : vscode.l10n.t('Milliseconds after which the server stops this SELECT.'),
        value: String(setting('performance.maxExecutionTimeMs')),
        validateInput: (v) =>
          /^\d+$/.test(v.trim()) && Number(v) > 0 ? undefined : vscode.l10n.t('A positive whole number of milliseconds'),
      });
      if (input === undefined) return;
      const edit = maxExecutionTimeEdit(st.text, Number(input.trim()));
      if (!edit)
        return void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'MAX_EXECUTION_TIME limits SELECT statements only; this statement is not one. For writes, batch them (BATCH ON … LIMIT) or set a session timeout.',
          ),
        );
      const start = doc.positionAt(st.start + edit.start);
      const end = doc.positionAt(st.start + edit.end);
      await editor.edit((b: vscode.TextEditorEdit) => b.replace(new vscode.Range(start, end), edit.text));
      return applyEdit(st.text, edit);
    },
    'tidb.performance.setMemoryQuota': async (n?: { connectionId: string }) => {
      const profile = n?.connectionId
        ? manager.store.get(n.connectionId)
        : await pickConnection(manager, vscode.l10n.t('Set the session memory quota on…'));
      if (!profile) return;
      const s = await manager.connect(profile.id).catch(fail(vscode.l10n.t('Could not connect')));
      if (!s || !allowed(capabilities(s.server).memQuota)) return;
      const input = await vscode.window.showInputBox({
        title: vscode.l10n.t('Session memory quota on {0}', s.profile.name),
        prompt: vscode.l10n.t(
          'tidb_mem_quota_query for the connection that runs your statements. {0}',
          capabilities(s.server).memQuota.why ?? '',
        ),
        // a size as parseBytes reads it
        value: '1 GiB',
        validateInput: (v) => ((parseBytes(v) ?? 0) >= 128 ? undefined : vscode.l10n.t('Bytes, or a size such as 512 MiB or 2 GiB')),
      });
      if (input === undefined) return;
      const sql = memQuotaSql(parseBytes(input)!);
      if (!(await confirm(s, vscode.l10n.t('Set the memory quota of your session?'), sql, vscode.l10n.t('Set Quota')))) return;
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
      const s = await session(n).catch(fail(vscode.l10n.t('Could not connect')));
      if (!s || !allowed(capabilities(s.server).bindFromHistory)) return;
      let list;
      try {
        list = await loadSummaryPlans(s, n.item.digest);
      } catch (e) {
        return fail(vscode.l10n.t('Could not read the plans of this statement from the statement summary'))(e);
      }
      if (!list.length)
        return void vscode.window.showWarningMessage(
          vscode.l10n.t(
            'The statement summary holds no plan of this statement (it keeps recent windows only; is tidb_enable_stmt_summary ON?). Run the statement with the plan you want, then bind it.',
          ),
        );
      const pick = await vscode.window.showQuickPick(
        list.map((p, i) => {
          const digest = p.planDigest.slice(0, 12);
          const avg = Math.round(p.avgMs * 100) / 100;
          const max = Math.round(p.maxMs);
          return {
            label: i === 0 ? vscode.l10n.t('$(star-full) plan {0}…', digest) : vscode.l10n.t('plan {0}…', digest),
            description:
              i === 0
                ? vscode.l10n.t('avg {0} ms · max {1} ms · {2}× · fastest on average', avg, max, p.execCount)
                : vscode.l10n.t('avg {0} ms · max {1} ms · {2}×', avg, max, p.execCount),
            p,
          };
        }),
        { title: vscode.l10n.t('Bind which plan? (from the statement summary, fastest first)') },
      );
      if (!pick) return;
      const sql = bindFromHistorySql(pick.p.planDigest);
      const cap = capabilities(s.server).bindFromHistory;
      if (
        !(await confirm(
          s,
          cap.experimental
            ? vscode.l10n.t('Pin this plan for every session (experimental on this version)?')
            : vscode.l10n.t('Pin this plan for every session?'),
          sql,
          vscode.l10n.t('Create Binding'),
        ))
      )
        return;
      await run(
        s,
        sql,
        vscode.l10n.t('Created the binding; SELECT @@LAST_PLAN_FROM_BINDING after the statement tells whether it was used.'),
      );
    },
    'tidb.performance.dropBinding': async (n: EntryNode) => {
      if (n?.kind !== 'perfBinding') return;
      const s = await session(n).catch(fail(vscode.l10n.t('Could not connect')));
      if (!s) return;
      const sql = dropBindingSql(n.item.sqlDigest);
      if (
        !(await confirm(s, vscode.l10n.t('Drop the binding of {0}?', summary(n.item.originalSql, 80)), sql, vscode.l10n.t('Drop Binding')))
      )
        return;
      await run(s, sql, vscode.l10n.t('Dropped the binding.'));
    },
    'tidb.performance.analyzeTable': async (n: EntryNode) => {
      if (n?.kind !== 'perfStats') return;
      const s = await session(n).catch(fail(vscode.l10n.t('Could not connect')));
      if (!s) return;
      const sql = analyzeTableSql(n.item.db, n.item.table);
      if (
        !(await confirm(
          s,
          vscode.l10n.t(
            'Analyze {0}.{1} ({2}% healthy)? It reads the table and may take a while on a big one.',
            n.item.db,
            n.item.table,
            n.item.healthy,
          ),
          sql,
          vscode.l10n.t('Analyze'),
        ))
      )
        return;
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0} on {1}', sql, s.profile.name) },
        () => run(s, sql, vscode.l10n.t('Analyzed {0}.{1}.', n.item.db, n.item.table)),
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
      const s = await session(n).catch(fail(vscode.l10n.t('Could not connect')));
      if (!s) return;
      const caps = capabilities(s.server);
      if (!allowed(caps.queryWatch)) return;
      const digest = n.item.digest;
      if (!digest) return void vscode.window.showWarningMessage(vscode.l10n.t('This entry has no SQL digest to watch.'));
      type Item = vscode.QuickPickItem & { action?: WatchAction; switchGroup?: boolean };
      const items: Item[] = [
        { label: vscode.l10n.t('Kill'), description: vscode.l10n.t('stop the statement whenever it runs'), action: 'KILL' },
        { label: vscode.l10n.t('Cooldown'), description: vscode.l10n.t('run it at the lowest priority'), action: 'COOLDOWN' },
        { label: vscode.l10n.t('Dry run'), description: vscode.l10n.t('only record matches'), action: 'DRYRUN' },
        caps.switchGroup.ok
          ? {
              label: vscode.l10n.t('Switch resource group…'),
              description: vscode.l10n.t('run it in another resource group'),
              switchGroup: true,
            }
          : { label: vscode.l10n.t('Switch resource group'), description: caps.switchGroup.why, detail: vscode.l10n.t('unavailable') },
      ];
      const pick = await vscode.window.showQuickPick(items, {
        title: caps.queryWatch.experimental
          ? vscode.l10n.t('Watch as runaway: what TiDB does with this statement (experimental on this version)')
          : vscode.l10n.t('Watch as runaway: what TiDB does with this statement'),
      });
      if (!pick || (!pick.action && !pick.switchGroup)) return;
      let action = pick.action;
      if (pick.switchGroup) {
        const rg = await vscode.window.showInputBox({
          title: vscode.l10n.t('Switch to which resource group?'),
          validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A resource group name')),
        });
        if (!rg) return;
        action = { switchGroup: rg.trim() };
      }
      const sql = queryWatchAddSql(digest, action!);
      if (!(await confirm(s, vscode.l10n.t('Quarantine this statement in the default resource group?'), sql, vscode.l10n.t('Add Watch'))))
        return;
      await run(s, sql, vscode.l10n.t('Added the watch; it is listed under Runaway Watches.'));
    },
    'tidb.performance.removeWatch': async (n: EntryNode) => {
      if (n?.kind !== 'perfWatch') return;
      const s = await session(n).catch(fail(vscode.l10n.t('Could not connect')));
      if (!s) return;
      const sql = queryWatchRemoveSql(n.item.id);
      if (
        !(await confirm(
          s,
          vscode.l10n.t('Remove watch {0} ({1})?', n.item.id, summary(n.item.text, 60)),
          sql,
          vscode.l10n.t('Remove Watch'),
        ))
      )
        return;
      await run(s, sql, vscode.l10n.t('Removed watch {0}.', n.item.id));
    },
  };
}

/** The statement text of an entry, its database and what it is, on which connection (for the new editor's header). */
function statementOf(n: EntryNode, on: string): { sql: string; db: string; what: string } {
  switch (n.kind) {
    case 'perfSlow':
      return {
        sql: n.item.query,
        db: n.item.db,
        what: vscode.l10n.t(
          'slow query, digest {0}: {1} runs, max {2} ms on {3}',
          n.item.digest,
          n.item.execCount,
          Math.round(n.item.maxMs),
          on,
        ),
      };
    case 'perfTop':
      return {
        sql: n.item.sample || n.item.digestText,
        db: n.item.schema,
        what: vscode.l10n.t(
          'top statement, digest {0}: {1} runs, total {2} ms on {3}',
          n.item.digest,
          n.item.execCount,
          Math.round(n.item.sumMs),
          on,
        ),
      };
    case 'perfProcess':
      return {
        sql: n.item.info,
        db: n.item.db,
        what: vscode.l10n.t('running on connection {0} for {1} on {2}', n.item.id, formatSeconds(n.item.time), on),
      };
    case 'perfKill':
      return {
        sql: n.item.sqlText,
        db: n.item.db,
        what: vscode.l10n.t(
          'killed by TiDB at {0} over tidb_server_memory_limit (the text is cut at 256 characters), digest {1} on {2}',
          n.item.time,
          n.item.sqlDigest,
          on,
        ),
      };
    case 'perfBinding':
      return {
        sql: n.item.bindSql,
        db: n.item.defaultDb,
        what: vscode.l10n.t('the statement bound for digest {0} ({1}) on {2}', n.item.sqlDigest, n.item.status, on),
      };
    default:
      // not reached: openStatement takes the kinds above only
      return { sql: '', db: '', what: on };
  }
}

/** An order's entry in the Order By pick. */
function orderLabel(o: SlowOrder): string {
  switch (o) {
    case 'time':
      return vscode.l10n.t('By query time');
    case 'memory':
      return vscode.l10n.t('By memory');
    case 'keys':
      return vscode.l10n.t('By processed keys');
  }
}

/** A time window from a quick pick (null: cancelled; undefined: the current summary window, Top Statements only). */
async function pickWindow(view: 'slow' | 'top'): Promise<Window | undefined | null> {
  type Item = vscode.QuickPickItem & { w?: Window; custom?: boolean; current?: boolean };
  const items: Item[] = [
    ...(view === 'top'
      ? [{ label: vscode.l10n.t('Current summary window'), description: 'CLUSTER_STATEMENTS_SUMMARY', current: true }]
      : []),
    ...windows().map((x) => ({ label: x.label, w: x.window })),
    { label: vscode.l10n.t('Custom…'), description: vscode.l10n.t('from and to, in the server session’s time zone'), custom: true },
  ];
  const pick = await vscode.window.showQuickPick(items, {
    title: view === 'slow' ? vscode.l10n.t('Slow queries: time window') : vscode.l10n.t('Top statements: time window'),
  });
  if (!pick) return null;
  if (pick.current) return undefined;
  if (pick.w) return pick.w;
  const ask = async (prompt: string, value: string) =>
    vscode.window.showInputBox({
      title: vscode.l10n.t('Custom time window'),
      prompt,
      value,
      placeHolder: 'YYYY-MM-DD HH:MM[:SS]',
      validateInput: (v) => (parseWindowTime(v) ? undefined : vscode.l10n.t('A date and time: YYYY-MM-DD HH:MM[:SS]')),
    });
  const now = new Date();
  const pad = (x: number) => String(x).padStart(2, '0');
  const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const from = await ask(vscode.l10n.t('From'), local(new Date(now.getTime() - 3600_000)));
  if (from === undefined) return null;
  const to = await ask(vscode.l10n.t('To'), local(now));
  if (to === undefined) return null;
  const f = parseWindowTime(from)!;
  const t = parseWindowTime(to)!;
  return f <= t ? { from: f, to: t } : { from: t, to: f };
}
