// What the connected server can do for the slow-SQL loop, by product and version, with the reason
// when it cannot (shown on disabled actions). Versions from the TiDB docs and release notes, as
// collected in ../shared/tidb-ops/README.md part A (cited there). No VS Code imports.
import { parseVersion } from '../../../core/sql/version';

export type Flavor = 'tidb' | 'mysql' | 'mariadb';

export interface Capability {
  ok: boolean;
  /** available but experimental on this version (say so next to the action) */
  experimental?: boolean;
  /** why not, or what to know: shown with the action */
  why?: string;
}

export interface Capabilities {
  /** CLUSTER_SLOW_QUERY (TiDB 4.0+) */
  slowQueries: Capability;
  /** CLUSTER_STATEMENTS_SUMMARY and _HISTORY (TiDB 4.0+) */
  topStatements: Capability;
  /** processes: CLUSTER_PROCESSLIST on TiDB, information_schema.PROCESSLIST elsewhere */
  processlist: Capability;
  /** `KILL QUERY n` reaches any TiDB instance (Global Kill, v6.1.0+, on by default); else `KILL TIDB QUERY n` on the same instance */
  globalKill: Capability;
  /** the MAX_EXECUTION_TIME(n) hint; on TiDB before v6.4.0 max_execution_time applied to every statement, since then to SELECT */
  maxExecutionTime: Capability;
  /** SET SESSION tidb_mem_quota_query: per query before v6.5.0, per session (with its transaction) since */
  memQuota: Capability;
  /** SHOW GLOBAL BINDINGS, DROP GLOBAL BINDING */
  bindings: Capability;
  /** CREATE GLOBAL BINDING FROM HISTORY USING PLAN DIGEST: v6.5.0 experimental, GA v6.6.0 */
  bindFromHistory: Capability;
  /** QUERY WATCH ADD / REMOVE and RUNAWAY_WATCHES: v7.3.0 (runaway control experimental until GA in v8.1.0) */
  queryWatch: Capability;
  /** ACTION SWITCH_GROUP(rg) for a watch: v8.4.0 */
  switchGroup: Capability;
  /** SHOW STATS_HEALTHY */
  statsHealthy: Capability;
  /** CLUSTER_MEMORY_USAGE_OPS_HISTORY (documented from v6.5; tidb_server_memory_limit kills, v6.4.0+) */
  memoryOpsHistory: Capability;
}

const yes: Capability = { ok: true };

export function capabilities(server: { flavor: Flavor; version: string }): Capabilities {
  const product = server.flavor === 'mysql' ? 'MySQL' : server.flavor === 'mariadb' ? 'MariaDB' : 'TiDB';
  if (server.flavor !== 'tidb') {
    const tidbOnly = (what: string): Capability => ({ ok: false, why: `${what} needs TiDB; this is ${product} ${server.version}.` });
    return {
      slowQueries: tidbOnly('Slow queries (CLUSTER_SLOW_QUERY)'),
      topStatements: tidbOnly('Top statements (the statement summary tables)'),
      processlist: yes,
      globalKill: { ok: true, why: `${product} kills with KILL QUERY on the server the connection is on.` },
      // MySQL 5.7.8+ has the hint for SELECT; MariaDB has no such hint (it has SET STATEMENT max_statement_time=…)
      maxExecutionTime:
        server.flavor === 'mysql'
          ? { ok: true, why: 'MySQL applies MAX_EXECUTION_TIME to read-only SELECT statements.' }
          : { ok: false, why: 'MariaDB has no MAX_EXECUTION_TIME hint (it uses SET STATEMENT max_statement_time=… FOR …).' },
      memQuota: tidbOnly('tidb_mem_quota_query'),
      bindings: tidbOnly('Plan bindings'),
      bindFromHistory: tidbOnly('Binding a plan from history'),
      queryWatch: tidbOnly('Runaway query watches'),
      switchGroup: tidbOnly('Runaway query watches'),
      statsHealthy: tidbOnly('SHOW STATS_HEALTHY'),
      memoryOpsHistory: tidbOnly('MEMORY_USAGE_OPS_HISTORY'),
    };
  }
  const v = parseVersion(server.version) ?? 0;
  const at = (text: string) => parseVersion(text)!;
  const from = (since: string, what: string): Capability =>
    v >= at(since) ? yes : { ok: false, why: `${what} needs TiDB v${since} or later; this is TiDB ${server.version}.` };
  return {
    slowQueries: from('4.0.0', 'CLUSTER_SLOW_QUERY'),
    topStatements: from('4.0.0', 'The cluster statement summary tables'),
    processlist: yes,
    globalKill:
      v >= at('6.1.0')
        ? { ok: true, why: 'With Global Kill (v6.1.0+, on unless enable-global-kill is false) KILL QUERY reaches any TiDB instance.' }
        : {
            ok: false,
            why: `TiDB ${server.version} has no Global Kill (v6.1.0+): KILL TIDB QUERY works only on the instance the connection is on.`,
          },
    maxExecutionTime:
      v >= at('6.4.0')
        ? { ok: true, why: 'Since v6.4.0 max_execution_time and the MAX_EXECUTION_TIME hint apply to SELECT statements only.' }
        : { ok: true, why: `Before v6.4.0 max_execution_time applies to every statement; the hint is read on SELECT.` },
    memQuota:
      v >= at('6.5.0')
        ? { ok: true, why: 'Since v6.5.0 tidb_mem_quota_query limits the whole session (its transaction included), not one query.' }
        : { ok: true, why: `Before v6.5.0 tidb_mem_quota_query limits each query.` },
    bindings: yes,
    bindFromHistory:
      v >= at('6.6.0')
        ? yes
        : v >= at('6.5.0')
          ? { ok: true, experimental: true, why: 'Binding from history is experimental in v6.5 (GA in v6.6.0).' }
          : { ok: false, why: `CREATE BINDING FROM HISTORY needs TiDB v6.5.0 or later; this is TiDB ${server.version}.` },
    queryWatch:
      v >= at('8.1.0')
        ? yes
        : v >= at('7.3.0')
          ? { ok: true, experimental: true, why: 'Runaway query management is experimental before v8.1.0 (GA).' }
          : { ok: false, why: `QUERY WATCH needs TiDB v7.3.0 or later; this is TiDB ${server.version}.` },
    switchGroup: from('8.4.0', 'The SWITCH_GROUP watch action'),
    statsHealthy: yes,
    memoryOpsHistory: from('6.5.0', 'MEMORY_USAGE_OPS_HISTORY'),
  };
}
