// Guardrails and fixes for a slow statement, as the exact SQL the user sees before it runs: an
// execution-time hint added to the statement in the editor, the session's memory quota, a plan
// pinned with a binding from history, a runaway statement quarantined with QUERY WATCH, stale
// statistics re-analyzed, and the memory-limit kills TiDB recorded. Digests and ids are checked
// against their exact shapes before they are spliced; names go through escapeId. Facts and
// versions: ../shared/tidb-ops/README.md part A3. No VS Code imports.
import * as l10n from '@vscode/l10n';
import { escapeId } from 'mysql2';
import type { Query } from './queries';

// ---------------------------------------------------------------------------------------------
// MAX_EXECUTION_TIME: core/sql/hints.ts (the editor command and its code action use it)

/** A row's value as text by column name, in the server's case or lower case; NULL as ''. */
function cellText(r: Record<string, unknown>, k: string): string {
  const v = r[k] ?? r[k.toLowerCase()];
  return v === null || v === undefined || v === 'NULL' ? '' : String(v);
}

// ---------------------------------------------------------------------------------------------
// Memory quota

/** `SET SESSION tidb_mem_quota_query = n` (bytes; TiDB raises values under 128 to 128, and 0 / -1 mean no limit). */
export function memQuotaSql(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 128)
    throw new Error(l10n.t('The memory quota must be a whole number of bytes, at least 128'));
  return `SET SESSION tidb_mem_quota_query = ${bytes}`;
}

/** '512MB', '1 GiB', '1073741824' → bytes (binary units, as TiDB's docs use them). */
export function parseBytes(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[unit as 'b'];
  const v = Math.round(Number(m[1]) * mult);
  return Number.isSafeInteger(v) ? v : undefined;
}

// ---------------------------------------------------------------------------------------------
// Bindings

const DIGEST = /^[0-9a-f]{64}$/;

function digest(d: string, what: 'plan' | 'sql'): string {
  if (!DIGEST.test(d))
    throw new Error(
      what === 'plan'
        ? l10n.t("Not a plan digest: '{0}' (64 hexadecimal characters expected)", d)
        : l10n.t("Not a SQL digest: '{0}' (64 hexadecimal characters expected)", d),
    );
  return d;
}

/** Pins a plan the statement summary still holds (v6.5 experimental, GA v6.6). */
export function bindFromHistorySql(planDigest: string): string {
  return `CREATE GLOBAL BINDING FROM HISTORY USING PLAN DIGEST '${digest(planDigest, 'plan')}'`;
}

export function dropBindingSql(sqlDigest: string): string {
  return `DROP GLOBAL BINDING FOR SQL DIGEST '${digest(sqlDigest, 'sql')}'`;
}

export const SHOW_BINDINGS = 'SHOW GLOBAL BINDINGS';

export interface Binding {
  originalSql: string;
  bindSql: string;
  defaultDb: string;
  status: string;
  source: string;
  sqlDigest: string;
  planDigest: string;
  updateTime: string;
}

export function bindings(rows: Array<Record<string, unknown>>): Binding[] {
  return rows.map((r) => ({
    originalSql: cellText(r, 'Original_sql'),
    bindSql: cellText(r, 'Bind_sql'),
    defaultDb: cellText(r, 'Default_db'),
    status: cellText(r, 'Status'),
    source: cellText(r, 'Source'),
    sqlDigest: cellText(r, 'Sql_digest'),
    planDigest: cellText(r, 'Plan_digest'),
    updateTime: cellText(r, 'Update_time'),
  }));
}

// ---------------------------------------------------------------------------------------------
// Runaway watches

export type WatchAction = 'KILL' | 'COOLDOWN' | 'DRYRUN' | { switchGroup: string };

/**
 * `QUERY WATCH ADD [RESOURCE GROUP rg] ACTION … SQL DIGEST '…'` (v7.3.0; SWITCH_GROUP v8.4.0).
 * Without a resource group TiDB uses the default one.
 */
export function queryWatchAddSql(sqlDigest: string, action: WatchAction, resourceGroup?: string): string {
  const act = typeof action === 'string' ? action : `SWITCH_GROUP(${escapeId(action.switchGroup)})`;
  if (typeof action === 'string' && !['KILL', 'COOLDOWN', 'DRYRUN'].includes(action))
    throw new Error(l10n.t('Unknown watch action {0}', action));
  const rg = resourceGroup ? `RESOURCE GROUP ${escapeId(resourceGroup)} ` : '';
  return `QUERY WATCH ADD ${rg}ACTION ${act} SQL DIGEST '${digest(sqlDigest, 'sql')}'`;
}

export function queryWatchRemoveSql(id: string): string {
  if (!/^\d{1,20}$/.test(id)) throw new Error(l10n.t("Not a watch id: '{0}'", id));
  return `QUERY WATCH REMOVE ${id}`;
}

export const RUNAWAY_WATCHES = 'SELECT * FROM INFORMATION_SCHEMA.RUNAWAY_WATCHES ORDER BY ID';

export interface Watch {
  id: string;
  resourceGroup: string;
  start: string;
  end: string;
  watch: string;
  text: string;
  source: string;
  action: string;
  rule: string;
}

export function watches(rows: Array<Record<string, unknown>>): Watch[] {
  return rows.map((r) => ({
    id: cellText(r, 'ID'),
    resourceGroup: cellText(r, 'RESOURCE_GROUP_NAME'),
    start: cellText(r, 'START_TIME'),
    end: cellText(r, 'END_TIME'),
    watch: cellText(r, 'WATCH'),
    text: cellText(r, 'WATCH_TEXT'),
    source: cellText(r, 'SOURCE'),
    action: cellText(r, 'ACTION'),
    rule: cellText(r, 'RULE'),
  }));
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** `SHOW STATS_HEALTHY WHERE Db_name = ?` (all databases without one). */
export function statsHealthyQuery(db?: string): Query {
  return db ? { sql: 'SHOW STATS_HEALTHY WHERE Db_name = ?', params: [db] } : { sql: 'SHOW STATS_HEALTHY', params: [] };
}

export interface TableHealth {
  db: string;
  table: string;
  partition: string;
  healthy: number;
}

export function tableHealth(rows: Array<Record<string, unknown>>): TableHealth[] {
  return rows.map((r) => ({
    db: String(r.Db_name ?? ''),
    table: String(r.Table_name ?? ''),
    partition: r.Partition_name === null || r.Partition_name === undefined ? '' : String(r.Partition_name),
    healthy: Number(r.Healthy ?? 0),
  }));
}

/** Tables (not partitions: ANALYZE TABLE analyzes them all) whose health is under `threshold` (TiDB auto-analyzes below 50 by default). */
export function unhealthyTables(list: TableHealth[], threshold = 80): TableHealth[] {
  const worst = new Map<string, TableHealth>();
  for (const t of list) {
    const k = `${t.db}\u0000${t.table}`;
    const w = worst.get(k);
    if (t.healthy < threshold && (!w || t.healthy < w.healthy)) worst.set(k, { ...t, partition: '' });
  }
  return [...worst.values()].sort((a, b) => a.healthy - b.healthy);
}

export function analyzeTableSql(db: string, table: string): string {
  return `ANALYZE TABLE ${escapeId(db)}.${escapeId(table)}`;
}

// ---------------------------------------------------------------------------------------------
// OOM post-mortem

export interface MemoryKill {
  time: string;
  ops: string;
  memoryLimit: number;
  memoryCurrent: number;
  /** a string: TiDB's connection ids are 64-bit */
  processId: string;
  mem: number;
  disk: number;
  client: string;
  db: string;
  user: string;
  sqlDigest: string;
  /** cut at 256 characters by TiDB */
  sqlText: string;
  instance: string;
}

export function memoryKills(rows: Array<Record<string, unknown>>): MemoryKill[] {
  const n = (r: Record<string, unknown>, k: string) => Number(cellText(r, k) || 0);
  return rows.map((r) => ({
    time: cellText(r, 'TIME'),
    ops: cellText(r, 'OPS'),
    memoryLimit: n(r, 'MEMORY_LIMIT'),
    memoryCurrent: n(r, 'MEMORY_CURRENT'),
    processId: cellText(r, 'PROCESSID'),
    mem: n(r, 'MEM'),
    disk: n(r, 'DISK'),
    client: cellText(r, 'CLIENT'),
    db: cellText(r, 'DB'),
    user: cellText(r, 'USER'),
    sqlDigest: cellText(r, 'SQL_DIGEST'),
    sqlText: cellText(r, 'SQL_TEXT'),
    instance: cellText(r, 'INSTANCE'),
  }));
}

export const MEMORY_OPS_HISTORY = 'SELECT * FROM INFORMATION_SCHEMA.CLUSTER_MEMORY_USAGE_OPS_HISTORY ORDER BY TIME DESC LIMIT 50';
