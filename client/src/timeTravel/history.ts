// Reading the past and undoing a mistake on TiDB, as SQL and rows: how far back the GC still keeps
// history (tidb_gc_life_time and the safe point in mysql.tidb), reads as of a time (a read-only
// transaction AS OF TIMESTAMP, or `SELECT … FROM t AS OF TIMESTAMP`), TiDB's errors for times out
// of range explained, the drops and truncates ADMIN SHOW DDL JOBS still lists inside the GC window
// with the FLASHBACK that brings each back (under a free name), and FLASHBACK CLUSTER's gates.
// Facts and versions: ../shared/tidb-ops/README.md part B (cited there). No VS Code imports.
import * as l10n from '@vscode/l10n';
import { escapeId } from 'mysql2';
import { parseVersion } from '../../../core/sql/version';
import { parseDurationNs } from '../../../core/plan/units';

export interface Query {
  sql: string;
  params: unknown[];
}

// ---------------------------------------------------------------------------------------------
// How far back

/** The GC life time, the safe point and the server's clock, in one round trip. */
export const GC_WINDOW: Query = {
  sql: "SELECT @@GLOBAL.tidb_gc_life_time AS life_time, (SELECT VARIABLE_VALUE FROM mysql.tidb WHERE VARIABLE_NAME = 'tikv_gc_safe_point') AS safe_point, DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s') AS now",
  params: [],
};

export interface GcWindow {
  /** seconds */
  lifeTime: number;
  lifeTimeText: string;
  /** as mysql.tidb holds it, e.g. `20231011-13:45:57.123 +0800` */
  safePointText: string;
  /** the safe point as 'YYYY-MM-DD HH:MM:SS' in the safe point's own offset, when it parses */
  safePoint?: string;
  /** the server's NOW() in the session time zone */
  now: string;
}

export function gcWindow(row: Record<string, unknown>): GcWindow {
  const life = String(row.life_time ?? '');
  const sp = String(row.safe_point ?? '');
  return {
    lifeTime: (parseDurationNs(life) ?? 6e11) / 1e9,
    lifeTimeText: life,
    safePointText: sp,
    safePoint: parseSafePoint(sp),
    now: String(row.now ?? ''),
  };
}

/** `20231011-13:45:57.123 +0800` (tikv_gc_safe_point) → `2023-10-11 13:45:57`. */
export function parseSafePoint(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2}):(\d{2}):(\d{2})/.exec(text.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : undefined;
}

/** How far back one can read, in words: "about 10 minutes (tidb_gc_life_time 10m0s; safe point …)". */
export function describeReach(w: GcWindow): string {
  const s = w.lifeTime;
  const life = w.lifeTimeText;
  const sp = w.safePointText;
  if (s >= 86400) {
    const n = +(s / 86400).toFixed(1);
    return sp
      ? l10n.t('about {0} days (tidb_gc_life_time {1}; GC safe point {2})', n, life, sp)
      : l10n.t('about {0} days (tidb_gc_life_time {1})', n, life);
  }
  if (s >= 3600) {
    const n = +(s / 3600).toFixed(1);
    return sp
      ? l10n.t('about {0} hours (tidb_gc_life_time {1}; GC safe point {2})', n, life, sp)
      : l10n.t('about {0} hours (tidb_gc_life_time {1})', n, life);
  }
  const n = Math.round(s / 60);
  return sp
    ? l10n.t('about {0} minutes (tidb_gc_life_time {1}; GC safe point {2})', n, life, sp)
    : l10n.t('about {0} minutes (tidb_gc_life_time {1})', n, life);
}

// ---------------------------------------------------------------------------------------------
// Reading as of a time

/** 'YYYY-MM-DD HH:MM[:SS[.ffffff]]' in the session's time zone, or a relative '10m ago' / '2h ago' / '90s ago'. */
export type AsOf = { at: string } | { agoSeconds: number };

export function parseAsOf(text: string): AsOf | undefined {
  const t = text.trim();
  const ago = /^(\d+(?:\.\d+)?)\s*(s|sec|seconds?|m|min|minutes?|h|hours?|d|days?)\s+ago$/i.exec(t);
  if (ago) {
    const unit = ago[2][0].toLowerCase();
    const secs = Number(ago[1]) * ({ s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[unit];
    return secs > 0 ? { agoSeconds: Math.round(secs) } : undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?$/.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', frac = ''] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 59) return undefined;
  return { at: `${y}-${mo}-${d} ${h}:${mi}:${s}${frac}` };
}

/** The AS OF TIMESTAMP expression and its parameter. */
function asOfExpr(a: AsOf): Query {
  return 'at' in a ? { sql: '?', params: [a.at] } : { sql: 'NOW() - INTERVAL ? SECOND', params: [a.agoSeconds] };
}

/** Opens the read-only snapshot the time machine runs statements in. */
export function startReadOnlyAsOf(a: AsOf): Query {
  const e = asOfExpr(a);
  return { sql: `START TRANSACTION READ ONLY AS OF TIMESTAMP ${e.sql}`, params: e.params };
}

/** A table's rows as they were: `SELECT * FROM db.t AS OF TIMESTAMP … LIMIT n`. */
export function tableAsOf(db: string, table: string, a: AsOf, limit: number): Query {
  const e = asOfExpr(a);
  return {
    sql: `SELECT * FROM ${escapeId(db)}.${escapeId(table)} AS OF TIMESTAMP ${e.sql} LIMIT ${Math.max(1, Math.floor(limit))}`,
    params: e.params,
  };
}

export function describeAsOf(a: AsOf): string {
  if ('at' in a) return a.at;
  const s = a.agoSeconds;
  return s % 86400 === 0
    ? l10n.t('{0} d ago', s / 86400)
    : s % 3600 === 0
      ? l10n.t('{0} h ago', s / 3600)
      : s % 60 === 0
        ? l10n.t('{0} min ago', s / 60)
        : l10n.t('{0} s ago', s);
}

/** A relative time as the input box takes it back (parseAsOf's English syntax: '10m ago'), or the time itself. */
export function asOfInput(a: AsOf): string {
  if ('at' in a) return a.at;
  const s = a.agoSeconds;
  return s % 86400 === 0 ? `${s / 86400}d ago` : s % 3600 === 0 ? `${s / 3600}h ago` : s % 60 === 0 ? `${s / 60}m ago` : `${s}s ago`;
}

/**
 * TiDB's answers to a time it cannot read, said with what to do: before the GC safe point (9006
 * "GC life time is shorter than transaction duration", 8055 "snapshot is older than GC safe
 * point"), in the future (9006 "cannot set read timestamp to a future time"), not a time (8135).
 * Undefined for any other error.
 */
export function explainHistoryError(e: { errno?: number; message: string }, w?: GcWindow): string | undefined {
  const msg = e.message;
  if ((e.errno === 9006 && /GC life time is shorter/i.test(msg)) || e.errno === 8055 || /older than GC safe point/i.test(msg))
    return w
      ? l10n.t(
          "That time is older than the GC safe point: TiDB has already removed the versions it would need. This cluster keeps {0}. To keep more history for the next time, raise tidb_gc_life_time (SET GLOBAL tidb_gc_life_time = '24h') before the data is gone; it cannot bring back what GC removed.",
          describeReach(w),
        )
      : l10n.t(
          "That time is older than the GC safe point: TiDB has already removed the versions it would need. To keep more history for the next time, raise tidb_gc_life_time (SET GLOBAL tidb_gc_life_time = '24h') before the data is gone; it cannot bring back what GC removed.",
        );
  if (/future time/i.test(msg))
    return w
      ? l10n.t(
          'That time is in the future for the cluster (its clock says {0}). Pick a time in the past; stale reads are best at least 5 seconds old.',
          w.now,
        )
      : l10n.t(
          'That time is in the future for the cluster (its clock says otherwise). Pick a time in the past; stale reads are best at least 5 seconds old.',
        );
  if (e.errno === 8135 || /invalid as of timestamp/i.test(msg))
    return l10n.t("TiDB cannot read that as a time: use 'YYYY-MM-DD HH:MM:SS' or a relative time such as 10m ago.");
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Recently dropped and truncated

/** The last DDL jobs that dropped or truncated something (the newest first). */
export const DROPPED_JOBS: Query = {
  sql: "ADMIN SHOW DDL JOBS 200 WHERE JOB_TYPE IN ('drop table', 'truncate table', 'drop schema')",
  params: [],
};

export interface DroppedObject {
  jobId: string;
  kind: 'table' | 'truncated table' | 'database';
  db: string;
  table: string;
  /** when the job ran (START_TIME, or CREATE_TIME) */
  time: string;
  state: string;
}

export function droppedObjects(rows: Array<Record<string, unknown>>): DroppedObject[] {
  const s = (r: Record<string, unknown>, k: string) => (r[k] === null || r[k] === undefined || r[k] === 'NULL' ? '' : String(r[k]));
  const out: DroppedObject[] = [];
  for (const r of rows) {
    const type = s(r, 'JOB_TYPE')
      .replace(/\/\*.*?\*\//g, '')
      .trim()
      .toLowerCase();
    const kind =
      type === 'drop table' ? 'table' : type === 'truncate table' ? 'truncated table' : type === 'drop schema' ? 'database' : undefined;
    const state = s(r, 'STATE');
    // only jobs that finished: a drop still running or rolled back took nothing away
    if (!kind || !['synced', 'done'].includes(state)) continue;
    out.push({
      jobId: s(r, 'JOB_ID'),
      kind,
      db: s(r, 'DB_NAME'),
      table: s(r, 'TABLE_NAME'),
      time: (s(r, 'START_TIME') || s(r, 'CREATE_TIME')).replace(/\.\d+$/, ''),
      state,
    });
  }
  return out;
}

/** Drops still inside the GC window (after the safe point): the ones FLASHBACK can bring back. */
export function restorable(list: DroppedObject[], w: GcWindow): DroppedObject[] {
  return w.safePoint ? list.filter((d) => d.time > w.safePoint!) : list;
}

/** A name not in `taken`: `name`, else `name_restored`, `name_restored_2`, … */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let i = 1; ; i++) {
    const candidate = `${name}_restored${i === 1 ? '' : `_${i}`}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The statement that brings a dropped object back under `as` (TO …; FLASHBACK TABLE for a drop or
 * a truncate, whose old name is taken by the empty table; FLASHBACK DATABASE for a schema, v6.4+).
 */
export function flashbackSql(d: DroppedObject, as: string): string {
  if (d.kind === 'database') return `FLASHBACK DATABASE ${escapeId(d.db)}${as !== d.db ? ` TO ${escapeId(as)}` : ''}`;
  return `FLASHBACK TABLE ${escapeId(d.db)}.${escapeId(d.table)}${as !== d.table ? ` TO ${escapeId(as)}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Versions and FLASHBACK CLUSTER

export interface Gate {
  ok: boolean;
  why?: string;
}

export function timeTravelGates(version: string): { asOf: Gate; flashbackDatabase: Gate; flashbackCluster: Gate } {
  const v = parseVersion(version) ?? 0;
  const at = (t: string) => parseVersion(t)!;
  return {
    // Stale Read's AS OF TIMESTAMP: TiDB 5.1 (the release is not in the docs collected here: UNCONFIRMED, see the note)
    asOf:
      v >= at('5.1.0')
        ? { ok: true }
        : { ok: false, why: l10n.t('Reading AS OF TIMESTAMP needs TiDB v5.1 or later; this is TiDB {0}.', version) },
    flashbackDatabase:
      v >= at('6.4.0')
        ? { ok: true }
        : { ok: false, why: l10n.t('{0} needs TiDB v{1} or later; this is TiDB {2}.', 'FLASHBACK DATABASE', '6.4.0', version) },
    flashbackCluster:
      v < at('6.5.0')
        ? { ok: false, why: l10n.t('FLASHBACK CLUSTER is GA from TiDB v6.5.0; this is TiDB {0}.', version) }
        : v >= at('7.1.0') && v < at('7.1.1')
          ? { ok: false, why: l10n.t('The TiDB docs say not to use FLASHBACK CLUSTER on v7.1.0 (issue #44292): upgrade first.') }
          : { ok: true },
  };
}

/** `SHOW GRANTS` lines that give SUPER (FLASHBACK CLUSTER needs it). */
export function hasSuper(grants: string[]): boolean {
  return grants.some((g) => {
    const m = /^GRANT\s+(.+?)\s+ON\s+\*\.\*\s/i.exec(g.trim());
    const privileges = m ? m[1].split(',').map((p) => p.trim().toUpperCase()) : [];
    return privileges.some((p) => p === 'SUPER' || p === 'ALL' || p === 'ALL PRIVILEGES');
  });
}

export function flashbackClusterSql(a: { at: string }): Query {
  return { sql: 'FLASHBACK CLUSTER TO TIMESTAMP ?', params: [a.at] };
}
