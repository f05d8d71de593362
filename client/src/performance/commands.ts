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
import { summary } from '../query/statements';
import { killQuery, killStatement, loadPlansOfDigest, loadSlowestExecution, loadStatementPlan } from './load';
import {
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
import type { PerfNode, PerformanceSettings } from './tree';

/** The explorer, as far as these commands need it. */
export interface PerfTree {
  readonly performance: PerformanceSettings;
  refresh(n?: PerfNode): void;
}

type ViewNode = Extract<PerfNode, { kind: 'perfView' }>;
type EntryNode = Extract<PerfNode, { kind: 'perfSlow' | 'perfTop' | 'perfProcess' }>;

export function performanceCommands(
  manager: ConnectionManager,
  tree: PerfTree,
  queries: QueryCommands,
  docs: DocumentConnections,
  plans: PlanPanels,
): CommandTable {
  const settings = tree.performance;
  const session = (n: { connectionId: string }) => manager.connect(n.connectionId);
  const fail = (what: string) => (e: unknown) => void vscode.window.showErrorMessage(`${what}: ${(e as Error).message}`);
  return {
    'tidb.performance.refresh': (n?: PerfNode) => tree.refresh(n),
    'tidb.performance.setWindow': async (n: ViewNode) => {
      if (n?.kind !== 'perfView' || n.view === 'running') return;
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
      const q: Query =
        n.view === 'slow'
          ? slowQueriesQuery(settings.window(id), settings.order(id), 200)
          : n.view === 'top'
            ? topStatementsQuery(settings.topWindow(id), 200)
            : processlistQuery(s.server.flavor);
      const profile = manager.store.get(n.connectionId);
      if (!profile) return;
      // the grid runs text: values are escaped into it by the driver's own formatter
      return queries.runSql(profile, format(q.sql, q.params as never[]));
    },
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
      if (!n || !['perfSlow', 'perfTop', 'perfProcess'].includes(n.kind)) return;
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
