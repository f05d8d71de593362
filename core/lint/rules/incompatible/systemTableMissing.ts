import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';
import { PERF_SCHEMA_TABLES, PERF_SCHEMA_TIDB, systemTableRefs } from '../support/systemTables';
import * as l10n from '@vscode/l10n';

const SKIP_KINDS = new Set(['GRANT', 'REVOKE', 'SHOW', 'USE', 'CREATE DATABASE', 'DROP DATABASE', 'SET']);

/** The message for an InnoDB information_schema table, with what TiDB offers instead. */
function innodbMessage(name: string, n: string): string {
  if (n === 'innodb_trx')
    return l10n.t(
      'TiDB has no information_schema.{0} (no InnoDB tables): this fails with "Table doesn\'t exist". Use INFORMATION_SCHEMA.TIDB_TRX (CLUSTER_TIDB_TRX for the whole cluster).',
      name,
    );
  if (n === 'innodb_locks' || n === 'innodb_lock_waits')
    return l10n.t(
      'TiDB has no information_schema.{0} (no InnoDB tables): this fails with "Table doesn\'t exist". Use INFORMATION_SCHEMA.DATA_LOCK_WAITS, and DEADLOCKS for recent deadlocks.',
      name,
    );
  if (n === 'innodb_metrics' || n.startsWith('innodb_buffer') || n.startsWith('innodb_cmp'))
    return l10n.t(
      'TiDB has no information_schema.{0} (no InnoDB tables): this fails with "Table doesn\'t exist". Use METRICS_SCHEMA / Grafana (TiKV has no InnoDB buffer pool).',
      name,
    );
  if (n.startsWith('innodb_ft_'))
    return l10n.t(
      'TiDB has no information_schema.{0} (no InnoDB tables): this fails with "Table doesn\'t exist". Use nothing: TiDB has no InnoDB full-text indexes.',
      name,
    );
  return l10n.t(
    'TiDB has no information_schema.{0} (no InnoDB tables): this fails with "Table doesn\'t exist". Use INFORMATION_SCHEMA.TABLES, COLUMNS, STATISTICS, PARTITIONS and TIDB_INDEXES.',
    name,
  );
}

export default defineRule({
  id: 'system-table-missing',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation:
    'TiDB has no InnoDB information_schema tables (INNODB_TRX, INNODB_LOCKS, INNODB_LOCK_WAITS, INNODB_METRICS, …) and creates only some performance_schema tables: a query or a view over the others fails with "Table ... doesn\'t exist"; it does not return nothing.',
  fix: "Use TiDB's own tables: INFORMATION_SCHEMA.TIDB_TRX, DATA_LOCK_WAITS, DEADLOCKS, CLUSTER_PROCESSLIST, STATEMENTS_SUMMARY.",
  source:
    'pingcap/docs: information-schema/information-schema.md (tables for MySQL compatibility; TiDB extensions); pingcap/tidb: pkg/infoschema/perfschema/const.go (perfSchemaTables)',
  quote: 'TiDB also provides a number of custom `INFORMATION_SCHEMA` tables, in addition to the tables included for MySQL compatibility.',
  quoteStatus: 'verified',
  tidb: { error: 1146, sqlState: '42S02', message: "Table 'information_schema.innodb_trx' doesn't exist" },
  examples: {
    flagged: [
      'SELECT trx_id, trx_started FROM information_schema.INNODB_TRX WHERE trx_state = "RUNNING";',
      'SELECT * FROM information_schema.innodb_lock_waits w JOIN information_schema.innodb_trx t ON t.trx_id = w.blocking_trx_id;',
      'SELECT * FROM performance_schema.threads;',
      'USE performance_schema;\nSELECT event_name FROM events_waits_current WHERE thread_id = 1;',
    ],
    clean: [
      'SELECT * FROM information_schema.TIDB_TRX;',
      'SELECT * FROM information_schema.DATA_LOCK_WAITS;',
      'SELECT * FROM performance_schema.events_statements_current;',
      "SELECT 'information_schema.innodb_trx' AS note;",
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (SKIP_KINDS.has(s.kind) || notLinted(s)) return;
    for (const r of systemTableRefs(ctx)) {
      const n = r.name.toLowerCase();
      if (r.schema === 'information_schema' && n.startsWith('innodb_')) {
        ctx.report([r.first, r.last], innodbMessage(r.name, n));
      } else if (r.schema === 'performance_schema' && !PERF_SCHEMA_TABLES.has(n) && !PERF_SCHEMA_TIDB.test(n)) {
        ctx.report(
          [r.first, r.last],
          l10n.t(
            'TiDB has no performance_schema.{0}: this fails with "Table doesn\'t exist" (TiDB creates only the statement, stage and transaction event tables, setup tables and status/variable tables, all empty). Use INFORMATION_SCHEMA.CLUSTER_PROCESSLIST, STATEMENTS_SUMMARY or TIDB_TRX.',
            r.name,
          ),
        );
      }
    }
  },
});
