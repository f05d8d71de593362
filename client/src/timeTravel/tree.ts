// The Time Travel section of a TiDB connection in the explorer: the time machine (read the past)
// and the drops and truncates FLASHBACK can still undo. Loaded when expanded; nothing polls.
import * as vscode from 'vscode';
import type { Session } from '../connections/session';
import { type DroppedObject, describeAsOf, describeReach } from './history';
import { loadGcWindow, loadRestorable } from './load';
import type { TimeMachine } from './timeMachine';

export type TtNode =
  | { kind: 'tt'; connectionId: string }
  | { kind: 'ttMachine'; connectionId: string }
  | { kind: 'ttDropped'; connectionId: string }
  | { kind: 'ttDrop'; connectionId: string; item: DroppedObject }
  | { kind: 'ttNote'; connectionId: string; label: string; tooltip?: string };

export const TT_KINDS = new Set<string>(['tt', 'ttMachine', 'ttDropped', 'ttDrop', 'ttNote']);

/** Why a MySQL or MariaDB connection has no Time Travel (in the display language: call it when shown). */
function notTidb(): string {
  return vscode.l10n.t(
    'Reading the past, FLASHBACK and PITR are TiDB features (MVCC history within tidb_gc_life_time). MariaDB’s system-versioned tables (FOR SYSTEM_TIME AS OF) are a different, per-table feature and are not this.',
  );
}

export function ttItem(n: TtNode, session: Session | undefined, machine: TimeMachine | undefined): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  switch (n.kind) {
    case 'tt': {
      const tidb = session?.server.flavor === 'tidb';
      const item = new vscode.TreeItem(vscode.l10n.t('Time Travel'), tidb ? C.Collapsed : C.None);
      item.iconPath = new vscode.ThemeIcon('history');
      item.contextValue = tidb ? 'tt' : 'tt.unavailable';
      if (!tidb) {
        item.description = vscode.l10n.t('needs TiDB');
        item.tooltip = notTidb();
      } else item.tooltip = vscode.l10n.t('Read the database as it was, and undo a DROP or TRUNCATE while TiDB still keeps the history.');
      return item;
    }
    case 'ttMachine': {
      const on = machine?.get(n.connectionId);
      const item = new vscode.TreeItem(vscode.l10n.t('Time Machine'), C.None);
      item.description = on ? vscode.l10n.t('as of {0} · read-only', describeAsOf(on.asOf)) : vscode.l10n.t('off');
      item.iconPath = new vscode.ThemeIcon(on ? 'history' : 'circle-outline', on ? new vscode.ThemeColor('charts.yellow') : undefined);
      item.tooltip = on
        ? vscode.l10n.t(
            'Run Statement reads this connection as of {0} in a read-only snapshot. Click to pick another time; right-click to turn it off.',
            describeAsOf(on.asOf),
          )
        : vscode.l10n.t('Click to read this connection as of a past time (Run Statement then reads the past, read-only).');
      item.contextValue = on ? 'ttMachine.on' : 'ttMachine.off';
      item.command = { command: 'tidb.timeTravel.setTime', title: vscode.l10n.t('Set Time'), arguments: [n] };
      return item;
    }
    case 'ttDropped': {
      const item = new vscode.TreeItem(vscode.l10n.t('Recently Dropped'), C.Collapsed);
      item.iconPath = new vscode.ThemeIcon('trash');
      item.tooltip = vscode.l10n.t(
        'DROP TABLE, TRUNCATE TABLE and DROP DATABASE jobs (ADMIN SHOW DDL JOBS) still inside the GC window: FLASHBACK can bring them back.',
      );
      item.contextValue = 'ttDropped';
      return item;
    }
    case 'ttDrop': {
      const d = n.item;
      const item = new vscode.TreeItem(d.kind === 'database' ? d.db : `${d.db}.${d.table}`, C.None);
      item.description =
        d.kind === 'truncated table'
          ? vscode.l10n.t('truncated {0} · job {1}', d.time, d.jobId)
          : vscode.l10n.t('dropped {0} · job {1}', d.time, d.jobId);
      item.iconPath = new vscode.ThemeIcon(d.kind === 'database' ? 'database' : 'table');
      item.tooltip = vscode.l10n.t(
        '{0} at {1} (DDL job {2}). Restore… shows the FLASHBACK it runs.',
        d.kind === 'database' ? 'DROP DATABASE' : d.kind === 'truncated table' ? 'TRUNCATE TABLE' : 'DROP TABLE',
        d.time,
        d.jobId,
      );
      item.contextValue = 'ttDrop';
      return item;
    }
    case 'ttNote': {
      const item = new vscode.TreeItem(n.label, C.None);
      item.iconPath = new vscode.ThemeIcon('info');
      item.tooltip = n.tooltip ?? n.label;
      return item;
    }
  }
}

export async function ttChildren(n: TtNode, session: Session): Promise<TtNode[]> {
  const id = session.profile.id;
  if (n.kind === 'tt')
    return session.server.flavor === 'tidb'
      ? [
          { kind: 'ttMachine', connectionId: id },
          { kind: 'ttDropped', connectionId: id },
        ]
      : [];
  if (n.kind !== 'ttDropped') return [];
  const w = await loadGcWindow(session);
  const list = await loadRestorable(session, w);
  const reach: TtNode = {
    kind: 'ttNote',
    connectionId: id,
    label: vscode.l10n.t('History kept: {0}', describeReach(w)),
    tooltip: vscode.l10n.t('Raise tidb_gc_life_time to keep more (it costs storage and scan time).'),
  };
  return [
    reach,
    ...(list.length
      ? list.map((item): TtNode => ({ kind: 'ttDrop', connectionId: id, item }))
      : [{ kind: 'ttNote', connectionId: id, label: vscode.l10n.t('Nothing dropped or truncated inside the GC window') } as TtNode]),
  ];
}
