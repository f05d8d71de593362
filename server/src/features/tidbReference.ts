// Short reference texts for TiDB-specific syntax, optimizer hints and system
// variables: what hover shows and what completion offers. Each entry links to
// the TiDB docs page it summarises.

import REFERENCE_ZH from '../../../l10n/reference.zh-cn.json';
import { currentLocale } from '../../../core/l10n';

export type ReferenceKind = 'keyword' | 'table-option' | 'hint' | 'sysvar' | 'statement';

export interface ReferenceEntry {
  name: string;
  kind: ReferenceKind;
  /** one line shown next to the completion item */
  detail: string;
  /** a few sentences for hover */
  doc: string;
  /** docs page under https://docs.pingcap.com/tidb/stable/ */
  page: string;
  /** completion insert text as an LSP snippet */
  snippet?: string;
}

const DOCS = 'https://docs.pingcap.com/tidb/stable/';

export function docsLink(e: ReferenceEntry): string {
  return DOCS + e.page;
}

interface Translated {
  en: string;
  zh: string;
}
const ZH = REFERENCE_ZH as Record<string, { detail?: Translated; doc?: Translated }>;

/** An entry's texts in the user's language (l10n/reference.zh-cn.json, kept only while its English is the same). */
export function localizedEntry(e: ReferenceEntry): ReferenceEntry {
  if (currentLocale() !== 'zh-cn') return e;
  const z = ZH[`${e.kind}:${e.name}`];
  const pick = (t: Translated | undefined, en: string) => (t && t.en === en ? t.zh : en);
  return { ...e, detail: pick(z?.detail, e.detail), doc: pick(z?.doc, e.doc) };
}

const E = (name: string, kind: ReferenceKind, detail: string, doc: string, page: string, snippet?: string): ReferenceEntry => ({
  name,
  kind,
  detail,
  doc,
  page,
  snippet,
});

export const REFERENCE: ReferenceEntry[] = [
  // --- TiDB-specific column attributes, table options and syntax
  E(
    'AUTO_RANDOM',
    'keyword',
    'column attribute: random, shard-spread BIGINT primary key values',
    'Allocates BIGINT primary key values whose high bits are random shard bits, so inserts spread over Regions instead of hitting the last one. Only on the first column of a clustered BIGINT primary key; `AUTO_RANDOM(S)` sets the shard bits (default 5), `AUTO_RANDOM(S, R)` also the range bits.',
    'auto-random',
    'AUTO_RANDOM${1:(5)}',
  ),
  E(
    'SHARD_ROW_ID_BITS',
    'table-option',
    'table option: scatter the implicit _tidb_rowid',
    'For tables without a clustered primary key, splits the implicit row id into 2^N shards so inserts spread over Regions. Not allowed on tables whose primary key is clustered. Often combined with PRE_SPLIT_REGIONS.',
    'shard-row-id-bits',
    'SHARD_ROW_ID_BITS = ${1:4}',
  ),
  E(
    'PRE_SPLIT_REGIONS',
    'table-option',
    'table option: split 2^N Regions when the table is created',
    'Pre-splits the table into 2^N Regions right after CREATE TABLE, so a new table does not start as a single hotspot Region. Requires SHARD_ROW_ID_BITS or AUTO_RANDOM.',
    'sql-statement-split-region#pre_split_regions',
    'PRE_SPLIT_REGIONS = ${1:4}',
  ),
  E(
    'AUTO_ID_CACHE',
    'table-option',
    'table option: ID cache size for AUTO_INCREMENT',
    'Sets how many AUTO_INCREMENT IDs each TiDB instance caches. `AUTO_ID_CACHE = 1` (v6.4+) gives MySQL-compatible, centrally allocated, monotonically increasing IDs at some cost in throughput.',
    'auto-increment#auto_id_cache',
    'AUTO_ID_CACHE = ${1:1}',
  ),
  E(
    'CLUSTERED',
    'keyword',
    'primary key option: the key is the row key',
    'A clustered primary key stores rows keyed by the primary key itself (no separate _tidb_rowid). It cannot be added or dropped later with ALTER TABLE. From v6.4 every primary key is clustered by default (tidb_enable_clustered_index = ON).',
    'clustered-indexes',
  ),
  E(
    'NONCLUSTERED',
    'keyword',
    'primary key option: keep rows keyed by _tidb_rowid',
    'A non-clustered primary key is a unique index; rows are keyed by the implicit _tidb_rowid. It can be dropped later and allows SHARD_ROW_ID_BITS, but costs an extra lookup on reads by primary key.',
    'clustered-indexes',
  ),
  E(
    'TTL',
    'table-option',
    'table option: expire rows automatically (v6.5+, GA v7.0)',
    'Deletes rows in the background once the given expression is in the past, e.g. `TTL = created_at + INTERVAL 3 MONTH`. TTL_ENABLE turns it on or off, TTL_JOB_INTERVAL sets how often it runs.',
    'time-to-live',
    "TTL = ${1:created_at} + INTERVAL ${2:3} ${3|MONTH,DAY,YEAR|} TTL_ENABLE = 'ON'",
  ),
  E(
    'TTL_ENABLE',
    'table-option',
    "table option: 'ON' or 'OFF' for TTL deletion",
    'Turns background TTL deletion on or off for a table that has a TTL.',
    'time-to-live',
    "TTL_ENABLE = '${1|ON,OFF|}'",
  ),
  E(
    'TTL_JOB_INTERVAL',
    'table-option',
    'table option: how often the TTL job runs',
    "How often the background TTL job for this table is scheduled, e.g. `TTL_JOB_INTERVAL = '1h'` (default 24h).",
    'time-to-live',
    "TTL_JOB_INTERVAL = '${1:24h}'",
  ),
  E(
    'PLACEMENT POLICY',
    'table-option',
    'placement rules: where replicas live',
    'Attaches a placement policy (CREATE PLACEMENT POLICY ...) to a database, table or partition: regions, leader preference, replica counts.',
    'placement-rules-in-sql',
    'PLACEMENT POLICY = ${1:policy_name}',
  ),
  E(
    'TIFLASH REPLICA',
    'statement',
    'ALTER TABLE ... SET TIFLASH REPLICA n',
    'Creates (or, with 0, removes) columnar TiFlash replicas of a table for analytical queries. Progress is in INFORMATION_SCHEMA.TIFLASH_REPLICA.',
    'create-tiflash-replicas',
    'SET TIFLASH REPLICA ${1:1}',
  ),
  E(
    'BATCH ON',
    'statement',
    'non-transactional DML: BATCH ON col LIMIT n DELETE|UPDATE|INSERT ...',
    'Splits a large DELETE (v6.1+), UPDATE or INSERT ... SELECT (v6.5+) into batches by a key column, each committed separately, to avoid huge transactions. Not atomic: a failure leaves earlier batches applied.',
    'non-transactional-dml',
    'BATCH ON ${1:id} LIMIT ${2:10000} ${3|DELETE,UPDATE,INSERT|} ',
  ),
  E(
    'AS OF TIMESTAMP',
    'keyword',
    'stale read: read data as of a past time',
    'Reads a historical snapshot, e.g. `SELECT ... FROM t AS OF TIMESTAMP NOW() - INTERVAL 5 SECOND`, or `START TRANSACTION READ ONLY AS OF TIMESTAMP ...`. The time must be within tidb_gc_life_time.',
    'as-of-timestamp',
    'AS OF TIMESTAMP ${1:NOW() - INTERVAL 5 SECOND}',
  ),
  E(
    'FLASHBACK TABLE',
    'statement',
    'restore a dropped or truncated table',
    'Restores a table removed by DROP TABLE or TRUNCATE TABLE, as long as the GC life time (tidb_gc_life_time) has not passed.',
    'sql-statement-flashback-table',
    'FLASHBACK TABLE ${1:t} TO ${2:t_restored}',
  ),
  E(
    'SPLIT TABLE',
    'statement',
    'split a table or index into Regions',
    'Pre-splits Regions, e.g. `SPLIT TABLE t BETWEEN (0) AND (1000000) REGIONS 16`, to avoid a write hotspot when bulk loading.',
    'sql-statement-split-region',
    'SPLIT TABLE ${1:t} BETWEEN (${2:0}) AND (${3:1000000}) REGIONS ${4:16}',
  ),
  E(
    'IMPORT INTO',
    'statement',
    'fast bulk import from files (v7.2+)',
    'Imports CSV, SQL or Parquet files (local or from S3/GCS) into an empty table using the physical import mode; much faster than LOAD DATA for large data.',
    'sql-statement-import-into',
    "IMPORT INTO ${1:t} FROM '${2:s3://bucket/path/*.csv}'",
  ),
  E(
    'ADMIN CHECK TABLE',
    'statement',
    'verify data and index consistency',
    'Checks that the table data and all its indexes agree. The TiDB replacement for CHECK TABLE.',
    'sql-statement-admin-check-table-index',
    'ADMIN CHECK TABLE ${1:t}',
  ),
  E(
    'ANALYZE TABLE',
    'statement',
    'collect optimizer statistics',
    'Collects statistics for the optimizer. TiDB also analyzes automatically (tidb_enable_auto_analyze); run it by hand after bulk loads.',
    'sql-statement-analyze-table',
    'ANALYZE TABLE ${1:t}',
  ),

  // --- optimizer hints (inside /*+ ... */ after SELECT/INSERT/UPDATE/DELETE)
  E(
    'USE_INDEX',
    'hint',
    'USE_INDEX(t, idx...): only consider these indexes',
    'Tells the optimizer to use only the named indexes of the table (or a full table scan when none are named).',
    'optimizer-hints',
    'USE_INDEX(${1:t}, ${2:idx})',
  ),
  E(
    'IGNORE_INDEX',
    'hint',
    'IGNORE_INDEX(t, idx...): never use these indexes',
    'Tells the optimizer not to use the named indexes of the table.',
    'optimizer-hints',
    'IGNORE_INDEX(${1:t}, ${2:idx})',
  ),
  E(
    'FORCE_INDEX',
    'hint',
    'FORCE_INDEX(t, idx...): same as USE_INDEX',
    'Alias of USE_INDEX in TiDB.',
    'optimizer-hints',
    'FORCE_INDEX(${1:t}, ${2:idx})',
  ),
  E(
    'USE_INDEX_MERGE',
    'hint',
    'USE_INDEX_MERGE(t, idx...): combine several indexes',
    'Lets the optimizer read several indexes of one table and merge the results (index merge), e.g. for OR conditions.',
    'optimizer-hints',
    'USE_INDEX_MERGE(${1:t}, ${2:idx1}, ${3:idx2})',
  ),
  E(
    'NO_INDEX_MERGE',
    'hint',
    'NO_INDEX_MERGE(): disable index merge',
    'Disables index merge for the query.',
    'optimizer-hints',
    'NO_INDEX_MERGE()',
  ),
  E(
    'HASH_JOIN',
    'hint',
    'HASH_JOIN(t...): hash join with these tables',
    'Asks for a hash join for the named tables.',
    'optimizer-hints',
    'HASH_JOIN(${1:t})',
  ),
  E(
    'MERGE_JOIN',
    'hint',
    'MERGE_JOIN(t...): sort-merge join',
    'Asks for a sort-merge join for the named tables.',
    'optimizer-hints',
    'MERGE_JOIN(${1:t})',
  ),
  E(
    'INL_JOIN',
    'hint',
    'INL_JOIN(t...): index nested loop join, t as the inner table',
    'Asks for an index nested loop join with the named table as the inner side (it needs an index on the join key).',
    'optimizer-hints',
    'INL_JOIN(${1:t})',
  ),
  E(
    'INL_HASH_JOIN',
    'hint',
    'INL_HASH_JOIN(t...): index nested loop hash join',
    'Like INL_JOIN, but builds a hash table of the outer rows.',
    'optimizer-hints',
    'INL_HASH_JOIN(${1:t})',
  ),
  E(
    'LEADING',
    'hint',
    'LEADING(t1, t2...): join order',
    'Fixes the order in which the optimizer joins the named tables.',
    'optimizer-hints',
    'LEADING(${1:t1}, ${2:t2})',
  ),
  E(
    'STRAIGHT_JOIN',
    'hint',
    'STRAIGHT_JOIN(): join in FROM order',
    'Joins tables in the order they appear in FROM.',
    'optimizer-hints',
    'STRAIGHT_JOIN()',
  ),
  E(
    'HASH_AGG',
    'hint',
    'HASH_AGG(): hash aggregation',
    'Asks for hash aggregation for the aggregate functions of the query block.',
    'optimizer-hints',
    'HASH_AGG()',
  ),
  E(
    'STREAM_AGG',
    'hint',
    'STREAM_AGG(): stream aggregation',
    'Asks for stream aggregation (input sorted by the GROUP BY key).',
    'optimizer-hints',
    'STREAM_AGG()',
  ),
  E(
    'AGG_TO_COP',
    'hint',
    'AGG_TO_COP(): push aggregation down to TiKV/TiFlash',
    'Pushes the aggregation down to the storage layer (coprocessor).',
    'optimizer-hints',
    'AGG_TO_COP()',
  ),
  E(
    'READ_FROM_STORAGE',
    'hint',
    'READ_FROM_STORAGE(TIFLASH[t], TIKV[t2])',
    'Chooses the storage engine per table: TiKV (row store) or TiFlash (column store).',
    'optimizer-hints',
    'READ_FROM_STORAGE(${1|TIFLASH,TIKV|}[${2:t}])',
  ),
  E(
    'MAX_EXECUTION_TIME',
    'hint',
    'MAX_EXECUTION_TIME(ms): time limit for the statement',
    'Cancels the statement when it runs longer than the given number of milliseconds.',
    'optimizer-hints',
    'MAX_EXECUTION_TIME(${1:1000})',
  ),
  E(
    'MEMORY_QUOTA',
    'hint',
    'MEMORY_QUOTA(N MB): memory limit for the statement',
    'Limits the memory the statement may use, e.g. MEMORY_QUOTA(1024 MB).',
    'optimizer-hints',
    'MEMORY_QUOTA(${1:1024} MB)',
  ),
  E(
    'SET_VAR',
    'hint',
    'SET_VAR(var = value): a session variable for this statement only',
    'Sets a system variable for the duration of this statement, e.g. SET_VAR(tidb_executor_concurrency = 4).',
    'optimizer-hints',
    'SET_VAR(${1:tidb_executor_concurrency} = ${2:4})',
  ),
  E(
    'QB_NAME',
    'hint',
    'QB_NAME(name): name a query block',
    'Names the current query block so hints elsewhere can refer to it with @name.',
    'optimizer-hints',
    'QB_NAME(${1:qb})',
  ),
  E(
    'MPP_1PHASE_AGG',
    'hint',
    'MPP_1PHASE_AGG(): one-phase aggregation in MPP',
    'Asks for one-phase aggregation when the query runs in TiFlash MPP mode.',
    'optimizer-hints',
    'MPP_1PHASE_AGG()',
  ),
  E(
    'MPP_2PHASE_AGG',
    'hint',
    'MPP_2PHASE_AGG(): two-phase aggregation in MPP',
    'Asks for two-phase aggregation when the query runs in TiFlash MPP mode.',
    'optimizer-hints',
    'MPP_2PHASE_AGG()',
  ),
  E(
    'SHUFFLE_JOIN',
    'hint',
    'SHUFFLE_JOIN(t...): MPP shuffle hash join',
    'Asks for a shuffle hash join in TiFlash MPP mode.',
    'optimizer-hints',
    'SHUFFLE_JOIN(${1:t})',
  ),
  E(
    'BROADCAST_JOIN',
    'hint',
    'BROADCAST_JOIN(t...): MPP broadcast join',
    'Asks for a broadcast join in TiFlash MPP mode (the small table is sent to every node).',
    'optimizer-hints',
    'BROADCAST_JOIN(${1:t})',
  ),
  E(
    'NO_DECORRELATE',
    'hint',
    'NO_DECORRELATE(): keep a correlated subquery as Apply',
    'Stops the optimizer from decorrelating the subquery this hint appears in.',
    'optimizer-hints',
    'NO_DECORRELATE()',
  ),
  E(
    'SEMI_JOIN_REWRITE',
    'hint',
    'SEMI_JOIN_REWRITE(): rewrite EXISTS as a join',
    'Rewrites a semi-join (EXISTS subquery) into an inner join with aggregation.',
    'optimizer-hints',
    'SEMI_JOIN_REWRITE()',
  ),
  E(
    'IGNORE_PLAN_CACHE',
    'hint',
    'IGNORE_PLAN_CACHE(): do not cache this plan',
    'Keeps the statement out of the plan cache.',
    'optimizer-hints',
    'IGNORE_PLAN_CACHE()',
  ),
  E(
    'RESOURCE_GROUP',
    'hint',
    'RESOURCE_GROUP(name): run in a resource group',
    'Runs the statement in the named resource group (resource control, v7.1+).',
    'optimizer-hints',
    'RESOURCE_GROUP(${1:rg})',
  ),

  // --- system variables (after @@)
  E(
    'tidb_gc_life_time',
    'sysvar',
    'GLOBAL, default 10m0s: how long old versions are kept',
    'How long MVCC history is kept before garbage collection. Stale reads, FLASHBACK TABLE and long transactions only work within it.',
    'system-variables#tidb_gc_life_time-new-in-v50',
  ),
  E(
    'tidb_txn_mode',
    'sysvar',
    "SESSION|GLOBAL, default 'pessimistic'",
    "The transaction mode: 'pessimistic' (default, locks on write like MySQL) or 'optimistic' (conflicts found at commit).",
    'system-variables#tidb_txn_mode',
  ),
  E(
    'tidb_mem_quota_query',
    'sysvar',
    'SESSION|GLOBAL, default 1 GiB: memory limit per query',
    'Memory limit of one query; what happens beyond it is set by tidb_mem_oom_action (spill or cancel).',
    'system-variables#tidb_mem_quota_query',
  ),
  E(
    'tidb_enable_clustered_index',
    'sysvar',
    'SESSION|GLOBAL, default ON (v6.4+)',
    'Whether a primary key without CLUSTERED/NONCLUSTERED becomes clustered: ON (any primary key), INT_ONLY (single integer columns; the default before v6.4) or OFF.',
    'system-variables#tidb_enable_clustered_index-new-in-v50',
  ),
  E(
    'tidb_dml_type',
    'sysvar',
    "SESSION, default 'standard' (v8.0+)",
    "'bulk' runs DML in pipelined mode for very large transactions; experimental, and incompatible with TiCDC, TiFlash and BR.",
    'system-variables#tidb_dml_type-new-in-v800',
  ),
  E(
    'tidb_ddl_enable_fast_reorg',
    'sysvar',
    'GLOBAL, default ON (v6.5+): fast index backfill',
    'Builds indexes with ingest (fast reorg), much faster than transactional backfill.',
    'system-variables#tidb_ddl_enable_fast_reorg-new-in-v630',
  ),
  E(
    'tidb_ddl_reorg_worker_cnt',
    'sysvar',
    'GLOBAL, default 4: DDL backfill concurrency',
    'How many workers backfill data during ADD INDEX and reorg type changes.',
    'system-variables#tidb_ddl_reorg_worker_cnt',
  ),
  E(
    'tidb_enable_noop_functions',
    'sysvar',
    'SESSION|GLOBAL, default OFF',
    'When ON, syntax TiDB only parses (LOCK IN SHARE MODE, SQL_CALC_FOUND_ROWS, CREATE TEMPORARY TABLE before v5.3, ...) is accepted and ignored instead of failing.',
    'system-variables#tidb_enable_noop_functions-new-in-v40',
  ),
  E(
    'tidb_enable_check_constraint',
    'sysvar',
    'GLOBAL, default OFF (v7.2+)',
    'When ON, CHECK constraints are enforced; otherwise they are parsed and dropped with a warning.',
    'system-variables#tidb_enable_check_constraint-new-in-v720',
  ),
  E(
    'tidb_snapshot',
    'sysvar',
    'SESSION: read a historical snapshot',
    "Makes the session read data as of a time or TSO (e.g. '2024-01-01 10:00:00'); used for consistent exports. Must be within tidb_gc_life_time.",
    'read-historical-data',
  ),
  E(
    'tidb_isolation_read_engines',
    'sysvar',
    "SESSION, default 'tikv,tiflash,tidb'",
    'Which storage engines the optimizer may read from.',
    'system-variables#tidb_isolation_read_engines-new-in-v40',
  ),
  E(
    'tidb_enable_shared_lock_promotion',
    'sysvar',
    'SESSION|GLOBAL, default OFF (v8.3+)',
    'When ON, SELECT ... LOCK IN SHARE MODE / FOR SHARE takes an exclusive lock (as FOR UPDATE) instead of failing.',
    'system-variables#tidb_enable_shared_lock_promotion-new-in-v830',
  ),
  E(
    'tidb_skip_isolation_level_check',
    'sysvar',
    'SESSION|GLOBAL, default OFF',
    'When ON, setting SERIALIZABLE or READ UNCOMMITTED only warns (transactions still run as snapshot isolation / read committed).',
    'system-variables#tidb_skip_isolation_level_check',
  ),
  E(
    'tidb_opt_range_max_size',
    'sysvar',
    'SESSION|GLOBAL, default 64 MiB (v6.4+)',
    'Memory limit for building scan ranges; beyond it (e.g. huge IN lists) the optimizer falls back to wider ranges or a full scan.',
    'system-variables#tidb_opt_range_max_size-new-in-v640',
  ),
  E(
    'tidb_super_read_only',
    'sysvar',
    'GLOBAL, default OFF (v5.3+)',
    'When ON, the cluster rejects writes from all users (the TiDB way to fence writes; read_only is a no-op).',
    'system-variables#tidb_super_read_only-new-in-v531',
  ),
  E(
    'tidb_restricted_read_only',
    'sysvar',
    'GLOBAL, default OFF (v5.2+)',
    'When ON, the cluster rejects writes from users without the RESTRICTED_REPLICA_WRITER_ADMIN privilege.',
    'system-variables#tidb_restricted_read_only-new-in-v520',
  ),
  E(
    'tidb_txn_entry_size_limit',
    'sysvar',
    'SESSION|GLOBAL, default 0 = use the config (v7.6+)',
    'Maximum size of one key-value entry (one row or index entry) in a transaction; larger values fail with "entry too large".',
    'system-variables#tidb_txn_entry_size_limit-new-in-v760',
  ),
  E(
    'tidb_enable_auto_analyze',
    'sysvar',
    'GLOBAL, default ON',
    'Whether TiDB collects statistics automatically when tables change enough.',
    'system-variables#tidb_enable_auto_analyze-new-in-v610',
  ),
  E(
    'tidb_executor_concurrency',
    'sysvar',
    'SESSION|GLOBAL, default 5',
    'Concurrency of executors such as hash join and hash aggregation.',
    'system-variables#tidb_executor_concurrency-new-in-v50',
  ),
  E(
    'tidb_distsql_scan_concurrency',
    'sysvar',
    'SESSION|GLOBAL, default 15',
    'Concurrency of coprocessor scan requests sent to TiKV.',
    'system-variables#tidb_distsql_scan_concurrency',
  ),
  E(
    'tidb_enable_1pc',
    'sysvar',
    'GLOBAL, default ON',
    'Lets transactions that touch a single Region commit in one phase.',
    'system-variables#tidb_enable_1pc-new-in-v50',
  ),
  E(
    'tidb_enable_async_commit',
    'sysvar',
    'GLOBAL, default ON',
    'Returns the commit to the client once the prewrite succeeds, shortening commit latency.',
    'system-variables#tidb_enable_async_commit-new-in-v50',
  ),
  E(
    'tidb_enable_non_prepared_plan_cache',
    'sysvar',
    'SESSION|GLOBAL',
    'Caches plans of statements that are not prepared statements.',
    'system-variables#tidb_enable_non_prepared_plan_cache',
  ),
  E(
    'tidb_allow_mpp',
    'sysvar',
    'SESSION|GLOBAL, default ON',
    'Whether queries may run in TiFlash MPP mode.',
    'system-variables#tidb_allow_mpp-new-in-v50',
  ),
  E(
    'default_collation_for_utf8mb4',
    'sysvar',
    "SESSION|GLOBAL, default 'utf8mb4_bin' (v7.4+)",
    'The collation used for utf8mb4 when none is given; set utf8mb4_0900_ai_ci or utf8mb4_general_ci for MySQL-like case-insensitive comparisons.',
    'system-variables#default_collation_for_utf8mb4-new-in-v740',
  ),
  E(
    'tidb_mem_oom_action',
    'sysvar',
    "GLOBAL, default 'CANCEL'",
    'What happens when a query exceeds tidb_mem_quota_query: CANCEL it, or LOG only.',
    'system-variables#tidb_mem_oom_action-new-in-v610',
  ),
  E(
    'tidb_slow_log_threshold',
    'sysvar',
    'INSTANCE, default 300 ms',
    'Statements slower than this are written to the slow query log.',
    'system-variables#tidb_slow_log_threshold',
  ),
];

const byName = new Map<string, ReferenceEntry>();
for (const e of REFERENCE) byName.set(e.name.toUpperCase(), e);

/** The entry for a word (case-insensitive), or for the first word of a multi-word entry. */
export function lookup(word: string, next?: string): ReferenceEntry | undefined {
  const w = word.toUpperCase();
  if (next) {
    const two = byName.get(`${w} ${next.toUpperCase()}`);
    if (two) return two;
  }
  return byName.get(w);
}
