// What the connected server can do for the slow-SQL loop, by product and version, with the reason
// when it cannot (shown on disabled actions). Versions from the TiDB docs and release notes, as
// collected in ../shared/tidb-ops/README.md part A (cited there). No VS Code imports.
import * as l10n from '@vscode/l10n';
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
    const version = server.version;
    const tidbOnly = (why: string): Capability => ({ ok: false, why });
    const runaway = l10n.t('Runaway query watches needs TiDB; this is {0} {1}.', product, version);
    return {
      slowQueries: tidbOnly(l10n.t('Slow queries (CLUSTER_SLOW_QUERY) needs TiDB; this is {0} {1}.', product, version)),
      topStatements: tidbOnly(l10n.t('Top statements (the statement summary tables) needs TiDB; this is {0} {1}.', product, version)),
      processlist: yes,
      globalKill: { ok: true, why: l10n.t('{0} kills with KILL QUERY on the server the connection is on.', product) },
      // MySQL 5.7.8+ has the hint for SELECT; MariaDB has no such hint (it has SET STATEMENT max_statement_time=…)
      maxExecutionTime:
        server.flavor === 'mysql'
          ? { ok: true, why: l10n.t('MySQL applies MAX_EXECUTION_TIME to read-only SELECT statements.') }
          : { ok: false, why: l10n.t('MariaDB has no MAX_EXECUTION_TIME hint (it uses SET STATEMENT max_statement_time=… FOR …).') },
      memQuota: tidbOnly(l10n.t('{0} needs TiDB; this is {1} {2}.', 'tidb_mem_quota_query', product, version)),
      bindings: tidbOnly(l10n.t('Plan bindings needs TiDB; this is {0} {1}.', product, version)),
      bindFromHistory: tidbOnly(l10n.t('Binding a plan from history needs TiDB; this is {0} {1}.', product, version)),
      queryWatch: tidbOnly(runaway),
      switchGroup: tidbOnly(runaway),
      statsHealthy: tidbOnly(l10n.t('{0} needs TiDB; this is {1} {2}.', 'SHOW STATS_HEALTHY', product, version)),
      memoryOpsHistory: tidbOnly(l10n.t('{0} needs TiDB; this is {1} {2}.', 'MEMORY_USAGE_OPS_HISTORY', product, version)),
    };
  }
  const v = parseVersion(server.version) ?? 0;
  const at = (text: string) => parseVersion(text)!;
  /** `what` (a statement or table name) needs TiDB `since` */
  const needs = (what: string, since: string) => l10n.t('{0} needs TiDB v{1} or later; this is TiDB {2}.', what, since, server.version);
  const from = (since: string, why: (since: string) => string): Capability => (v >= at(since) ? yes : { ok: false, why: why(since) });
  return {
    slowQueries: from('4.0.0', (since) => needs('CLUSTER_SLOW_QUERY', since)),
    topStatements: from('4.0.0', (since) =>
      l10n.t('The cluster statement summary tables needs TiDB v{0} or later; this is TiDB {1}.', since, server.version),
    ),
    processlist: yes,
    globalKill:
      v >= at('6.1.0')
        ? {
            ok: true,
            why: l10n.t('With Global Kill (v6.1.0+, on unless enable-global-kill is false) KILL QUERY reaches any TiDB instance.'),
          }
        : {
            ok: false,
            why: l10n.t(
              'TiDB {0} has no Global Kill (v6.1.0+): KILL TIDB QUERY works only on the instance the connection is on.',
              server.version,
            ),
          },
    maxExecutionTime:
      v >= at('6.4.0')
        ? { ok: true, why: l10n.t('Since v6.4.0 max_execution_time and the MAX_EXECUTION_TIME hint apply to SELECT statements only.') }
        : { ok: true, why: l10n.t('Before v6.4.0 max_execution_time applies to every statement; the hint is read on SELECT.') },
    memQuota:
      v >= at('6.5.0')
        ? { ok: true, why: l10n.t('Since v6.5.0 tidb_mem_quota_query limits the whole session (its transaction included), not one query.') }
        : { ok: true, why: l10n.t('Before v6.5.0 tidb_mem_quota_query limits each query.') },
    bindings: yes,
    bindFromHistory:
      v >= at('6.6.0')
        ? yes
        : v >= at('6.5.0')
          ? { ok: true, experimental: true, why: l10n.t('Binding from history is experimental in v6.5 (GA in v6.6.0).') }
          : { ok: false, why: needs('CREATE BINDING FROM HISTORY', '6.5.0') },
    queryWatch:
      v >= at('8.1.0')
        ? yes
        : v >= at('7.3.0')
          ? { ok: true, experimental: true, why: l10n.t('Runaway query management is experimental before v8.1.0 (GA).') }
          : { ok: false, why: needs('QUERY WATCH', '7.3.0') },
    switchGroup: from('8.4.0', (since) =>
      l10n.t('The SWITCH_GROUP watch action needs TiDB v{0} or later; this is TiDB {1}.', since, server.version),
    ),
    statsHealthy: yes,
    memoryOpsHistory: from('6.5.0', (since) => needs('MEMORY_USAGE_OPS_HISTORY', since)),
  };
}
