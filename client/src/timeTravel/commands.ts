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
    const id = n?.connectionId ?? (await pickConnection(manager, 'Time travel on which TiDB connection?'))?.id;
    if (!id) return undefined;
    const s = await manager.connect(id).catch(fail('Could not connect'));
    if (s && s.server.flavor !== 'tidb') {
      void vscode.window.showWarningMessage(
        `Time travel needs TiDB; ${s.profile.name} is ${s.server.flavor === 'mariadb' ? 'MariaDB' : 'MySQL'} ${s.server.version}. (MariaDB's system-versioned tables are a different feature.)`,
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
      const w = await loadGcWindow(s).catch(fail('Could not read the GC window'));
      if (!w) return;
      const asOf = await askTime(w, `Read ${s.profile.name} as of…`, machine.get(s.profile.id)?.asOf);
      if (!asOf) return;
      machine.set(s.profile.id, s.profile.name, asOf, w);
      tree.refresh();
      void vscode.window.showInformationMessage(
        `Time machine on: Run Statement on ${s.profile.name} reads as of ${describeAsOf(asOf)}, read-only. Turn it off from the status bar or the explorer.`,
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
      const w = await loadGcWindow(s).catch(fail('Could not read the GC window'));
      if (!w) return;
      const asOf = await askTime(w, `${n.database}.${n.entry.name} as of…`);
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
  const taken = await takenNames(s, d).catch(fail('Could not read the existing names'));
  if (!taken) return;
  const suggested = freeName(old, taken);
  const as = await vscode.window.showInputBox({
    title: `Restore ${d.kind === 'database' ? `database ${d.db}` : `${d.db}.${d.table}`} (${d.kind === 'truncated table' ? 'truncated' : 'dropped'} ${d.time})`,
    prompt: taken.has(old) ? `'${old}' is taken now: the restored one gets another name.` : 'The name it comes back under.',
    value: suggested,
    validateInput: (v) =>
      !v.trim() ? 'A name' : [...taken].some((t) => t.toLowerCase() === v.trim().toLowerCase()) ? `'${v.trim()}' exists` : undefined,
  });
  if (!as) return;
  const sql = flashbackSql(d, as.trim());
  const ok = await vscode.window.showWarningMessage(
    `${s.profile.production ? `${s.profile.name} is a production connection. ` : ''}Bring it back with FLASHBACK?`,
    {
      modal: true,
      detail: `Runs on ${s.profile.name}:\n\n${sql}\n\nTiDB reuses the old table ID, so one drop can be flashed back once.`,
    },
    'Restore',
  );
  if (ok !== 'Restore') return;
  try {
    await runOnPool(s, sql);
    log().info(`${s.profile.name}: ${sql}`);
    void vscode.window.showInformationMessage(`Restored ${d.kind === 'database' ? as : `${d.db}.${as}`} (${sql}).`);
  } catch (e) {
    const err = e as { errno?: number; message: string };
    void vscode.window.showErrorMessage(`${sql} failed: ${explainHistoryError(err) ?? err.message}`);
  }
}

/** Flashback Cluster to…: version, SUPER, a time in the GC window, a modal, and the production connection's name typed. */
async function flashbackCluster(s: Session, fail: Fail): Promise<void> {
  const gate = timeTravelGates(s.server.version).flashbackCluster;
  if (!gate.ok) return void vscode.window.showWarningMessage(gate.why!);
  const g = await grants(s).catch(fail('Could not read your privileges'));
  if (!g) return;
  if (!hasSuper(g))
    return void vscode.window.showWarningMessage('FLASHBACK CLUSTER needs the SUPER privilege, which this user does not have.');
  const w = await loadGcWindow(s).catch(fail('Could not read the GC window'));
  if (!w) return;
  const asOf = await askTime(w, `Flashback the whole cluster ${s.profile.name} to…`, undefined, true);
  if (!asOf || !('at' in asOf)) return;
  const q = flashbackClusterSql(asOf);
  const sql = format(q.sql, q.params as never[]);
  const ok = await vscode.window.showWarningMessage(
    `Flashback the whole cluster ${s.profile.name} to ${asOf.at}?`,
    {
      modal: true,
      detail: `Runs:\n\n${sql}\n\nEvery change after that time is undone, in every database. It blocks reads and writes on the tables until it is done, disconnects their sessions, and cannot be cancelled once started.`,
    },
    'Flashback Cluster',
  );
  if (ok !== 'Flashback Cluster') return;
  if (s.profile.production) {
    const typed = await vscode.window.showInputBox({
      title: `${s.profile.name} is a production connection`,
      prompt: `Type the connection's name (${s.profile.name}) to flash the production cluster back`,
      validateInput: (v) => (v === s.profile.name ? undefined : `Type ${s.profile.name} exactly`),
    });
    if (typed !== s.profile.name) return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `${sql} on ${s.profile.name} (cannot be cancelled)`, cancellable: false },
    async () => {
      try {
        await runOnPool(s, sql);
        log().info(`${s.profile.name}: ${sql}`);
        void vscode.window.showInformationMessage(`${s.profile.name} is back at ${asOf.at}.`);
      } catch (e) {
        const err = e as { errno?: number; message: string };
        void vscode.window.showErrorMessage(`${sql} failed: ${explainHistoryError(err, w) ?? err.message}`);
      }
    },
  );
}

/** A time inside the GC window, asked with how far back one can go; absolute only when `absolute`. */
async function askTime(w: GcWindow, title: string, current?: AsOf, absolute = false): Promise<AsOf | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: `How far back: ${describeReach(w)}. ${absolute ? 'A time' : 'A time or a relative time (10m ago)'} in the session’s time zone (the server says now is ${w.now}).`,
    value: current
      ? describeAsOf(current).replace(' min ago', 'm ago').replace(' h ago', 'h ago').replace(' d ago', 'd ago').replace(' s ago', 's ago')
      : absolute
        ? w.now
        : '5m ago',
    placeHolder: absolute ? 'YYYY-MM-DD HH:MM:SS' : 'YYYY-MM-DD HH:MM:SS, or 10m ago',
    validateInput: (v) => {
      const a = parseAsOf(v);
      if (!a || (absolute && !('at' in a)))
        return absolute ? 'A time: YYYY-MM-DD HH:MM:SS' : 'A time (YYYY-MM-DD HH:MM:SS) or a relative time (10m ago, 2h ago)';
      if ('agoSeconds' in a && a.agoSeconds > w.lifeTime)
        return `Older than the GC window (${describeReach(w)}): TiDB has removed that history. Raise tidb_gc_life_time to keep more next time.`;
      if ('at' in a && w.safePoint && a.at < w.safePoint)
        return `Before the GC safe point (${w.safePointText}): TiDB has removed that history.`;
      return undefined;
    },
  });
  return text === undefined ? undefined : parseAsOf(text);
}
