// Time travel's commands: set and turn off the time machine, open a table's data as of a time,
// restore a dropped or truncated object with FLASHBACK, and FLASHBACK CLUSTER behind a version
// check, a privilege check and a modal (on a production connection, only after typing its name).
// Every statement is shown before it runs.
import { format } from 'mysql2';
import * as vscode from 'vscode';
import type { CommandTable } from '../commandTable';
import { pickConnection } from '../connections/commands';
import type { ConnectionManager } from '../connections/manager';
import type { Session } from '../connections/session';
import { log } from '../log';
import type { QueryCommands } from '../query/commands';
import { setting } from '../settings';
import {
  type AsOf,
  asOfInput,
  type DroppedObject,
  describeAsOf,
  describeReach,
  explainHistoryError,
  flashbackClusterSql,
  flashbackSql,
  freeName,
  type GcWindow,
  hasSuper,
  parseAsOf,
  tableAsOf,
  timeTravelGates,
} from './history';
import { grants, loadGcWindow, runOnPool, takenNames } from './load';
import type { TimeMachine } from './timeMachine';
import type { TtNode } from './tree';

/** The explorer, as far as these commands need it. */
export interface TtTree {
  refresh(n?: TtNode): void;
}

export function timeTravelCommands(manager: ConnectionManager, tree: TtTree, queries: QueryCommands, machine: TimeMachine): CommandTable {
  const fail = (what: string) => (e: unknown) => void vscode.window.showErrorMessage(`${what}: ${(e as Error).message}`);
  /** a TiDB session for a node (or a connection the user picks), or undefined after saying why not */
  const tidb = async (n?: { connectionId: string }): Promise<Session | undefined> => {
    const id = n?.connectionId ?? (await pickConnection(manager, vscode.l10n.t('Time travel on which TiDB connection?')))?.id;
    if (!id) return undefined;
    const s = await manager.connect(id).catch(fail(vscode.l10n.t('Could not connect')));
    if (s && s.server.flavor !== 'tidb') {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          "Time travel needs TiDB; {0} is {1} {2}. (MariaDB's system-versioned tables are a different feature.)",
          s.profile.name,
          s.server.flavor === 'mariadb' ? 'MariaDB' : 'MySQL',
          s.server.version,
        ),
      );
      return undefined;
    }
    return s ?? undefined;
  };
  return {
    'tidb.timeTravel.setTime': async (n?: TtNode) => {
      const s = await tidb(n);
      if (!s) return;
      const gate = timeTravelGates(s.server.version).asOf;
      if (!gate.ok) return void vscode.window.showWarningMessage(gate.why!);
      const w = await loadGcWindow(s).catch(fail(vscode.l10n.t('Could not read the GC window')));
      if (!w) return;
      const asOf = await askTime(w, vscode.l10n.t('Read {0} as of…', s.profile.name), machine.get(s.profile.id)?.asOf);
      if (!asOf) return;
      machine.set(s.profile.id, s.profile.name, asOf, w);
      tree.refresh();
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Time machine on: Run Statement on {0} reads as of {1}, read-only. Turn it off from the status bar or the explorer.',
          s.profile.name,
          describeAsOf(asOf),
        ),
      );
    },
    'tidb.timeTravel.off': (n?: { connectionId: string }) => {
      if (!n?.connectionId) return;
      machine.off(n.connectionId);
      tree.refresh();
    },
    'tidb.timeTravel.openTableAsOf': async (n?: { connectionId: string; database: string; entry: { name: string } }) => {
      if (!n?.entry) return;
      const s = await tidb(n);
      if (!s) return;
      const w = await loadGcWindow(s).catch(fail(vscode.l10n.t('Could not read the GC window')));
      if (!w) return;
      const asOf = await askTime(w, vscode.l10n.t('{0} as of…', `${n.database}.${n.entry.name}`));
      if (!asOf) return;
      const profile = manager.store.get(n.connectionId);
      if (!profile) return;
      const q = tableAsOf(n.database, n.entry.name, asOf, Math.max(1, setting('query.tableDataRows')));
      return queries.runSql(profile, format(q.sql, q.params as never[]));
    },
    'tidb.timeTravel.restore': async (n?: TtNode) => {
      if (n?.kind !== 'ttDrop') return;
      const s = await tidb(n);
      if (s) await restore(s, n.item, fail);
      tree.refresh();
    },
    'tidb.timeTravel.flashbackCluster': async (n?: TtNode) => {
      const s = await tidb(n);
      if (s) await flashbackCluster(s, fail);
      tree.refresh();
    },
  };
}

type Fail = (what: string) => (e: unknown) => void;

/** Restore… on a dropped or truncated object: FLASHBACK under a name that is free, shown first. */
async function restore(s: Session, d: DroppedObject, fail: Fail): Promise<void> {
  if (d.kind === 'database') {
    const gate = timeTravelGates(s.server.version).flashbackDatabase;
    if (!gate.ok) return void vscode.window.showWarningMessage(gate.why!);
  }
  const old = d.kind === 'database' ? d.db : d.table;
  const taken = await takenNames(s, d).catch(fail(vscode.l10n.t('Could not read the existing names')));
  if (!taken) return;
  const suggested = freeName(old, taken);
  const as = await vscode.window.showInputBox({
    title:
      d.kind === 'database'
        ? vscode.l10n.t('Restore database {0} (dropped {1})', d.db, d.time)
        : d.kind === 'truncated table'
          ? vscode.l10n.t('Restore {0} (truncated {1})', `${d.db}.${d.table}`, d.time)
          : vscode.l10n.t('Restore {0} (dropped {1})', `${d.db}.${d.table}`, d.time),
    prompt: taken.has(old)
      ? vscode.l10n.t("'{0}' is taken now: the restored one gets another name.", old)
      : vscode.l10n.t('The name it comes back under.'),
    value: suggested,
    validateInput: (v) =>
      !v.trim()
        ? vscode.l10n.t('A name')
        : [...taken].some((t) => t.toLowerCase() === v.trim().toLowerCase())
          ? vscode.l10n.t("'{0}' exists", v.trim())
          : undefined,
  });
  if (!as) return;
  const sql = flashbackSql(d, as.trim());
  const restoreButton = vscode.l10n.t('Restore');
  const ok = await vscode.window.showWarningMessage(
    s.profile.production
      ? vscode.l10n.t('{0} is a production connection. Bring it back with FLASHBACK?', s.profile.name)
      : vscode.l10n.t('Bring it back with FLASHBACK?'),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Runs on {0}:\n\n{1}\n\nTiDB reuses the old table ID, so one drop can be flashed back once.',
        s.profile.name,
        sql,
      ),
    },
    restoreButton,
  );
  if (ok !== restoreButton) return;
  try {
    await runOnPool(s, sql);
    log().info(`${s.profile.name}: ${sql}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Restored {0} ({1}).', d.kind === 'database' ? as : `${d.db}.${as}`, sql));
  } catch (e) {
    const err = e as { errno?: number; message: string };
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', sql, explainHistoryError(err) ?? err.message));
  }
}

/** Flashback Cluster to…: version, SUPER, a time in the GC window, a modal, and the production connection's name typed. */
async function flashbackCluster(s: Session, fail: Fail): Promise<void> {
  const gate = timeTravelGates(s.server.version).flashbackCluster;
  if (!gate.ok) return void vscode.window.showWarningMessage(gate.why!);
  const g = await grants(s).catch(fail(vscode.l10n.t('Could not read your privileges')));
  if (!g) return;
  if (!hasSuper(g))
    return void vscode.window.showWarningMessage(
      vscode.l10n.t('FLASHBACK CLUSTER needs the SUPER privilege, which this user does not have.'),
    );
  const w = await loadGcWindow(s).catch(fail(vscode.l10n.t('Could not read the GC window')));
  if (!w) return;
  const asOf = await askTime(w, vscode.l10n.t('Flashback the whole cluster {0} to…', s.profile.name), undefined, true);
  if (!asOf || !('at' in asOf)) return;
  const q = flashbackClusterSql(asOf);
  const sql = format(q.sql, q.params as never[]);
  const flashbackButton = vscode.l10n.t('Flashback Cluster');
  const ok = await vscode.window.showWarningMessage(
    vscode.l10n.t('Flashback the whole cluster {0} to {1}?', s.profile.name, asOf.at),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Runs:\n\n{0}\n\nEvery change after that time is undone, in every database. It blocks reads and writes on the tables until it is done, disconnects their sessions, and cannot be cancelled once started.',
        sql,
      ),
    },
    flashbackButton,
  );
  if (ok !== flashbackButton) return;
  if (s.profile.production) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('{0} is a production connection', s.profile.name),
      prompt: vscode.l10n.t("Type the connection's name ({0}) to flash the production cluster back", s.profile.name),
      validateInput: (v) => (v === s.profile.name ? undefined : vscode.l10n.t('Type {0} exactly', s.profile.name)),
    });
    if (typed !== s.profile.name) return;
  }
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('{0} on {1} (cannot be cancelled)', sql, s.profile.name),
      cancellable: false,
    },
    async () => {
      try {
        await runOnPool(s, sql);
        log().info(`${s.profile.name}: ${sql}`);
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} is back at {1}.', s.profile.name, asOf.at));
      } catch (e) {
        const err = e as { errno?: number; message: string };
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', sql, explainHistoryError(err, w) ?? err.message));
      }
    },
  );
}

/** A time inside the GC window, asked with how far back one can go; absolute only when `absolute`. */
async function askTime(w: GcWindow, title: string, current?: AsOf, absolute = false): Promise<AsOf | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: absolute
      ? vscode.l10n.t('How far back: {0}. A time in the session’s time zone (the server says now is {1}).', describeReach(w), w.now)
      : vscode.l10n.t(
          'How far back: {0}. A time or a relative time (10m ago) in the session’s time zone (the server says now is {1}).',
          describeReach(w),
          w.now,
        ),
    // the input's own syntax (parseAsOf: '10m ago'), not the display language
    value: current ? asOfInput(current) : absolute ? w.now : '5m ago',
    placeHolder: absolute ? 'YYYY-MM-DD HH:MM:SS' : vscode.l10n.t('YYYY-MM-DD HH:MM:SS, or 10m ago'),
    validateInput: (v) => {
      const a = parseAsOf(v);
      if (!a || (absolute && !('at' in a)))
        return absolute
          ? vscode.l10n.t('A time: YYYY-MM-DD HH:MM:SS')
          : vscode.l10n.t('A time (YYYY-MM-DD HH:MM:SS) or a relative time (10m ago, 2h ago)');
      if ('agoSeconds' in a && a.agoSeconds > w.lifeTime)
        return vscode.l10n.t(
          'Older than the GC window ({0}): TiDB has removed that history. Raise tidb_gc_life_time to keep more next time.',
          describeReach(w),
        );
      if ('at' in a && w.safePoint && a.at < w.safePoint)
        return vscode.l10n.t('Before the GC safe point ({0}): TiDB has removed that history.', w.safePointText);
      return undefined;
    },
  });
  return text === undefined ? undefined : parseAsOf(text);
}
