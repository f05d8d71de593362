// The SQL of the Performance views and the rows it returns, as plain data: slow queries
// (CLUSTER_SLOW_QUERY, always bound by Time), top statements (the statement summary tables, ordered
// as TiDB Dashboard orders them: total latency), processes (CLUSTER_PROCESSLIST on TiDB,
// information_schema.PROCESSLIST on MySQL and MariaDB) and KILL. Units are made explicit here:
// the slow log's times are seconds, the statement summary's nanoseconds; both become milliseconds.
// Values go through placeholders; the few words spliced into the text come from fixed lists.
// Facts and versions: ../shared/tidb-ops/README.md part A. No VS Code imports.
import * as l10n from '@vscode/l10n';
import { stripSlowLogArguments } from '../../../core/sql/fingerprint';
import type { Flavor } from './capabilities';

export interface Query {
  sql: string;
  params: unknown[];
}

/** A time window: the last N seconds (by the server's clock), or a range in the session's time zone. */
export type Window = { last: number } | { from: string; to: string };

/** The windows offered in the time-window pick, with their labels (in the display language: call it when shown). */
export function windows(): ReadonlyArray<{ label: string; window: { last: number } }> {
  return [
    { label: l10n.t('Last 15 minutes'), window: { last: 15 * 60 } },
    { label: l10n.t('Last hour'), window: { last: 3600 } },
    { label: l10n.t('Last 24 hours'), window: { last: 24 * 3600 } },
  ];
}

export function describeWindow(w: Window): string {
  if ('last' in w) return windows().find((x) => x.window.last === w.last)?.label ?? l10n.t('Last {0} s', w.last);
  return `${w.from} – ${w.to}`;
}

/** 'YYYY-MM-DD HH:MM[:SS]': what a custom window accepts (the server reads it in the session's time zone). */
export function parseWindowTime(text: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00'] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 59) return undefined;
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}

/** `column BETWEEN … AND …` for a window, with its parameters. */
function timeBound(column: string, w: Window): Query {
  if ('last' in w) return { sql: `${column} BETWEEN NOW() - INTERVAL ? SECOND AND NOW()`, params: [Math.max(1, Math.round(w.last))] };
  return { sql: `${column} BETWEEN ? AND ?`, params: [w.from, w.to] };
}

// ---------------------------------------------------------------------------------------------
// Slow queries

export type SlowOrder = 'time' | 'memory' | 'keys';
/** The column each order sorts by (their labels are in the commands and the tree, in the display language). */
export const SLOW_ORDERS: Record<SlowOrder, { column: string }> = {
  time: { column: 'max_time' },
  memory: { column: 'max_mem' },
  keys: { column: 'max_process_keys' },
};

/**
 * Slow statements in a window grouped by digest, the top `limit` by `order`. The hints are the
 * docs' advice for this table (it has no statistics); `Time` is always bound, or TiDB reads only
 * the current slow-log file.
 */
export function slowQueriesQuery(w: Window, order: SlowOrder, limit: number): Query {
  const t = timeBound('Time', w);
  return {
    sql: `SELECT /*+ AGG_TO_COP(), HASH_AGG() */ Digest AS digest, COUNT(*) AS exec_count, SUM(Query_time) AS sum_time, MAX(Query_time) AS max_time, AVG(Query_time) AS avg_time, MAX(Mem_max) AS max_mem, MAX(Process_keys) AS max_process_keys, MAX(Total_keys) AS max_total_keys, COUNT(DISTINCT Plan_digest) AS plan_count, SUM(CASE WHEN Stats LIKE '%pseudo%' THEN 1 ELSE 0 END) AS pseudo_count, MAX(Time) AS last_seen, MIN(DB) AS db, MIN(Query) AS query FROM INFORMATION_SCHEMA.CLUSTER_SLOW_QUERY WHERE Is_internal = false AND ${t.sql} GROUP BY Digest ORDER BY ${SLOW_ORDERS[order].column} DESC LIMIT ?`,
    params: [...t.params, clampLimit(limit)],
  };
}

export interface SlowDigest {
  digest: string;
  execCount: number;
  sumMs: number;
  maxMs: number;
  avgMs: number;
  maxMem: number;
  maxProcessKeys: number;
  maxTotalKeys: number;
  /** more than one plan digest in the window: the plan changed */
  planCount: number;
  /** executions whose Stats said pseudo (statistics missing or unhealthy) */
  pseudoCount: number;
  lastSeen: string;
  db: string;
  query: string;
}

type Row = Record<string, unknown>;

export function slowDigests(rows: Row[]): SlowDigest[] {
  return rows.map((r) => ({
    digest: str(get(r, 'digest')),
    execCount: num(get(r, 'exec_count')),
    sumMs: seconds(get(r, 'sum_time')),
    maxMs: seconds(get(r, 'max_time')),
    avgMs: seconds(get(r, 'avg_time')),
    maxMem: num(get(r, 'max_mem')),
    maxProcessKeys: num(get(r, 'max_process_keys')),
    maxTotalKeys: num(get(r, 'max_total_keys')),
    planCount: num(get(r, 'plan_count')),
    pseudoCount: num(get(r, 'pseudo_count')),
    lastSeen: str(get(r, 'last_seen')),
    db: str(get(r, 'db')),
    query: stripArguments(str(get(r, 'query'))),
  }));
}

/** The slowest execution of a digest in the window: its plan (already decoded in this table) and text. */
export function slowestExecutionQuery(digest: string, w: Window): Query {
  const t = timeBound('Time', w);
  return {
    sql: `SELECT Time AS time, Query_time AS query_time, Plan_digest AS plan_digest, Plan AS plan, Query AS query, DB AS db, Stats AS stats, Mem_max AS mem_max, INSTANCE AS instance FROM INFORMATION_SCHEMA.CLUSTER_SLOW_QUERY WHERE Is_internal = false AND Digest = ? AND ${t.sql} ORDER BY Query_time DESC LIMIT 1`,
    params: [digest, ...t.params],
  };
}

/** One row per plan of a digest (the docs' `min(plan) … group by plan_digest`), for Compare Plans. */
export function plansOfDigestQuery(digest: string, w: Window): Query {
  const t = timeBound('Time', w);
  return {
    sql: `SELECT /*+ AGG_TO_COP(), HASH_AGG() */ Plan_digest AS plan_digest, MIN(Plan) AS plan, COUNT(*) AS exec_count, AVG(Query_time) AS avg_time, MAX(Query_time) AS max_time FROM INFORMATION_SCHEMA.CLUSTER_SLOW_QUERY WHERE Is_internal = false AND Digest = ? AND ${t.sql} GROUP BY Plan_digest ORDER BY avg_time DESC LIMIT 10`,
    params: [digest, ...t.params],
  };
}

export interface Execution {
  time: string;
  queryMs: number;
  planDigest: string;
  plan: string;
  query: string;
  db: string;
  stats: string;
  memMax: number;
  instance: string;
}

export function executions(rows: Row[]): Execution[] {
  return rows.map((r) => ({
    time: str(get(r, 'time')),
    queryMs: seconds(get(r, 'query_time')),
    planDigest: str(get(r, 'plan_digest')),
    plan: str(get(r, 'plan')),
    query: stripArguments(str(get(r, 'query'))),
    db: str(get(r, 'db')),
    stats: str(get(r, 'stats')),
    memMax: num(get(r, 'mem_max')),
    instance: str(get(r, 'instance')),
  }));
}

export interface DigestPlan {
  planDigest: string;
  plan: string;
  execCount: number;
  avgMs: number;
  maxMs: number;
}

export function digestPlans(rows: Row[]): DigestPlan[] {
  return rows.map((r) => ({
    planDigest: str(get(r, 'plan_digest')),
    plan: str(get(r, 'plan') ?? get(r, 'min(plan)')),
    execCount: num(get(r, 'exec_count')),
    avgMs: seconds(get(r, 'avg_time')),
    maxMs: seconds(get(r, 'max_time')),
  }));
}

/** A slow-log `Query` without the ` [arguments: (…)];` of a prepared statement. */
export const stripArguments = stripSlowLogArguments;

/** Slow-log `Stats`: `t1:pseudo,t2:4078…` → the tables whose statistics were pseudo. */
export function pseudoTables(stats: string): string[] {
  return stats
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /:pseudo$/i.test(s))
    .map((s) => s.replace(/:pseudo$/i, ''));
}

// ---------------------------------------------------------------------------------------------
// Top statements (statement summary)

/**
 * Statements by total latency, summed over the cluster's instances and the summary windows that
 * overlap the time window (the _HISTORY table; without a window, the current one only).
 * Latencies are nanoseconds there.
 */
export function topStatementsQuery(w: Window | undefined, limit: number): Query {
  const table = w ? 'CLUSTER_STATEMENTS_SUMMARY_HISTORY' : 'CLUSTER_STATEMENTS_SUMMARY';
  // a summary window overlaps the time window when it ends after the start and begins before the end
  const where = !w
    ? { sql: '', params: [] as unknown[] }
    : 'last' in w
      ? { sql: 'WHERE SUMMARY_END_TIME >= NOW() - INTERVAL ? SECOND ', params: [Math.max(1, Math.round(w.last))] }
      : { sql: 'WHERE SUMMARY_END_TIME >= ? AND SUMMARY_BEGIN_TIME <= ? ', params: [w.from, w.to] };
  return {
    sql: `SELECT SCHEMA_NAME AS schema_name, DIGEST AS digest, MIN(DIGEST_TEXT) AS digest_text, SUM(EXEC_COUNT) AS exec_count, SUM(SUM_LATENCY) AS sum_latency, SUM(SUM_LATENCY) / SUM(EXEC_COUNT) AS avg_latency, MAX(MAX_LATENCY) AS max_latency, SUM(AVG_MEM * EXEC_COUNT) / SUM(EXEC_COUNT) AS avg_mem, MAX(MAX_MEM) AS max_mem, COUNT(DISTINCT PLAN_DIGEST) AS plan_count, MAX(PLAN_DIGEST) AS plan_digest, MIN(QUERY_SAMPLE_TEXT) AS query_sample_text, MAX(LAST_SEEN) AS last_seen FROM INFORMATION_SCHEMA.${table} ${where.sql}GROUP BY SCHEMA_NAME, DIGEST ORDER BY sum_latency DESC LIMIT ?`,
    params: [...where.params, clampLimit(limit)],
  };
}

export interface TopStatement {
  schema: string;
  digest: string;
  digestText: string;
  execCount: number;
  sumMs: number;
  avgMs: number;
  maxMs: number;
  avgMem: number;
  maxMem: number;
  planCount: number;
  /** one of the digest's plans (with planCount 1: its only plan) */
  planDigest: string;
  sample: string;
  lastSeen: string;
}

export function topStatements(rows: Row[]): TopStatement[] {
  return rows.map((r) => {
    const count = num(get(r, 'exec_count'));
    const avg = get(r, 'avg_latency');
    return {
      schema: str(get(r, 'schema_name')),
      digest: str(get(r, 'digest')),
      digestText: str(get(r, 'digest_text')),
      execCount: count,
      sumMs: nanos(get(r, 'sum_latency')),
      avgMs: avg === undefined || avg === null ? nanos(get(r, 'sum_latency')) / Math.max(1, count) : nanos(avg),
      maxMs: nanos(get(r, 'max_latency')),
      avgMem: num(get(r, 'avg_mem')),
      maxMem: num(get(r, 'max_mem')),
      planCount: get(r, 'plan_count') === undefined ? 1 : num(get(r, 'plan_count')),
      planDigest: str(get(r, 'plan_digest')),
      sample: str(get(r, 'query_sample_text')),
      lastSeen: str(get(r, 'last_seen')),
    };
  });
}

/** The plan of one digest + plan digest from the statement summary (plain text there). */
export function statementPlanQuery(digest: string, planDigest: string): Query {
  return {
    sql: 'SELECT PLAN AS plan, QUERY_SAMPLE_TEXT AS query_sample_text, SCHEMA_NAME AS schema_name FROM INFORMATION_SCHEMA.CLUSTER_STATEMENTS_SUMMARY_HISTORY WHERE DIGEST = ? AND PLAN_DIGEST = ? ORDER BY SUMMARY_END_TIME DESC LIMIT 1',
    params: [digest, planDigest],
  };
}

/**
 * The plans of a digest the statement summary still holds, fastest on average first: the ones a
 * binding FROM HISTORY can pin (it needs the plan digest in the summary).
 */
export function summaryPlansQuery(digest: string): Query {
  return {
    sql: 'SELECT PLAN_DIGEST AS plan_digest, SUM(EXEC_COUNT) AS exec_count, SUM(SUM_LATENCY) / SUM(EXEC_COUNT) AS avg_latency, MAX(MAX_LATENCY) AS max_latency, MIN(PLAN) AS plan FROM INFORMATION_SCHEMA.CLUSTER_STATEMENTS_SUMMARY_HISTORY WHERE DIGEST = ? GROUP BY PLAN_DIGEST ORDER BY avg_latency ASC LIMIT 10',
    params: [digest],
  };
}

export function summaryPlans(rows: Row[]): DigestPlan[] {
  return rows.map((r) => ({
    planDigest: str(get(r, 'plan_digest')),
    plan: str(get(r, 'plan')),
    execCount: num(get(r, 'exec_count')),
    avgMs: nanos(get(r, 'avg_latency')),
    maxMs: nanos(get(r, 'max_latency')),
  }));
}

/** Windows in which the summary evicted digests (it keeps tidb_stmt_summary_max_stmt_count, default 3000). */
export function evictedQuery(w: Window | undefined): Query {
  const base =
    'SELECT MIN(BEGIN_TIME) AS begin_time, MAX(END_TIME) AS end_time, SUM(EVICTED_COUNT) AS evicted_count FROM INFORMATION_SCHEMA.CLUSTER_STATEMENTS_SUMMARY_EVICTED WHERE ';
  if (w && !('last' in w)) return { sql: `${base}END_TIME >= ? AND BEGIN_TIME <= ?`, params: [w.from, w.to] };
  // without a window: the current summary window (tidb_stmt_summary_refresh_interval, default 1800 s)
  return { sql: `${base}END_TIME >= NOW() - INTERVAL ? SECOND`, params: [w ? Math.max(1, Math.round(w.last)) : 1800] };
}

export function evictedCount(rows: Row[]): number {
  return rows.reduce((n, r) => n + num(get(r, 'evicted_count')), 0);
}

// ---------------------------------------------------------------------------------------------
// Running now

/** Statements running now (idle connections and this one left out), by memory (TiDB) and time. */
export function processlistQuery(flavor: Flavor): Query {
  if (flavor === 'tidb')
    return {
      sql: "SELECT INSTANCE AS instance, ID AS id, USER AS user, HOST AS host, DB AS db, COMMAND AS command, TIME AS time, STATE AS state, INFO AS info, DIGEST AS digest, MEM AS mem, DISK AS disk, TxnStart AS txn_start FROM INFORMATION_SCHEMA.CLUSTER_PROCESSLIST WHERE COMMAND <> 'Sleep' AND INFO IS NOT NULL AND ID <> CONNECTION_ID() ORDER BY MEM DESC, TIME DESC LIMIT 200",
      params: [],
    };
  // MariaDB has MEMORY_USED (bytes) and TIME_MS; MySQL has neither in this table
  const mem = flavor === 'mariadb' ? 'MEMORY_USED' : 'NULL';
  const time = flavor === 'mariadb' ? 'TIME_MS / 1000' : 'TIME';
  return {
    sql: `SELECT NULL AS instance, ID AS id, USER AS user, HOST AS host, DB AS db, COMMAND AS command, ${time} AS time, STATE AS state, INFO AS info, NULL AS digest, ${mem} AS mem, NULL AS disk, NULL AS txn_start FROM information_schema.PROCESSLIST WHERE COMMAND NOT IN ('Sleep', 'Daemon', 'Binlog Dump') AND INFO IS NOT NULL AND ID <> CONNECTION_ID() ORDER BY ${mem === 'NULL' ? '' : `${mem} DESC, `}${time} DESC LIMIT 200`,
    params: [],
  };
}

export interface Process {
  instance: string;
  /** a string: TiDB's connection ids are 64-bit */
  id: string;
  user: string;
  host: string;
  db: string;
  command: string;
  /** seconds */
  time: number;
  state: string;
  info: string;
  digest: string;
  mem?: number;
  disk?: number;
  txnStart: string;
}

export function processes(rows: Row[]): Process[] {
  return rows.map((r) => ({
    instance: str(get(r, 'instance')),
    id: str(get(r, 'id')),
    user: str(get(r, 'user')),
    host: str(get(r, 'host')),
    db: str(get(r, 'db')),
    command: str(get(r, 'command')),
    time: num(get(r, 'time')),
    state: str(get(r, 'state')),
    info: str(get(r, 'info')),
    digest: str(get(r, 'digest')),
    mem: optNum(get(r, 'mem')),
    disk: optNum(get(r, 'disk')),
    txnStart: str(get(r, 'txn_start') ?? get(r, 'TxnStart')),
  }));
}

/**
 * KILL QUERY for a process: `KILL TIDB QUERY` when TiDB has no Global Kill (it then works only on
 * the instance the connection is on). The id is spliced as digits (TiDB's grammar wants a number,
 * and 64-bit ids do not survive a JavaScript number).
 */
/** Seconds as people read them next to a running statement: 0.6 s, 12 s, 3,600 s. */
export function formatSeconds(t: number): string {
  return t < 10 ? `${(Math.round(t * 10) / 10).toString()} s` : `${Math.round(t).toLocaleString('en-US')} s`;
}

export function killQuerySql(flavor: Flavor, id: string, globalKill: boolean): string {
  if (!/^\d{1,20}$/.test(id)) throw new Error(l10n.t("Not a connection id: '{0}'", id));
  return flavor === 'tidb' && !globalKill ? `KILL TIDB QUERY ${id}` : `KILL QUERY ${id}`;
}

// ---------------------------------------------------------------------------------------------
// helpers

function clampLimit(n: number): number {
  return Math.max(1, Math.min(1000, Math.floor(n) || 50));
}

/** A row's value by column name, whatever its case (mysql2 keeps the server's; the docs print either). */
function get(r: Row, name: string): unknown {
  if (name in r) return r[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(r)) if (k.toLowerCase() === lower) return r[k];
  return undefined;
}

function str(v: unknown): string {
  return v === null || v === undefined || v === 'NULL' ? '' : String(v);
}

function num(v: unknown): number {
  const n = optNum(v);
  return n === undefined ? 0 : n;
}

function optNum(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '' || v === 'NULL') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** slow-log seconds → ms */
function seconds(v: unknown): number {
  return num(v) * 1000;
}

/** statement-summary nanoseconds → ms */
function nanos(v: unknown): number {
  return num(v) / 1e6;
}
