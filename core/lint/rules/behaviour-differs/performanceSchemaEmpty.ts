import { notLinted } from '../support/ruleHelpers';
import { INFO_SCHEMA_EMPTY, PERF_SCHEMA_TABLES, systemTableRefs } from '../support/systemTables';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const SKIP_KINDS = new Set(['GRANT', 'REVOKE', 'SHOW', 'USE', 'CREATE DATABASE', 'DROP DATABASE', 'SET']);
const MESSAGE = (name: string) =>
  l10n.t(
    'performance_schema tables exist in TiDB but return no rows, so reading performance_schema.{0} silently gets an empty result. Use INFORMATION_SCHEMA.CLUSTER_* / STATEMENTS_SUMMARY tables or Grafana instead.',
    name,
  );

/** The message for an information_schema table TiDB does not implement (`n`: its lower-case name), with what to use instead. */
function infoSchemaMessage(name: string, n: string): string {
  switch (n) {
    case 'routines':
      return l10n.t(
        'information_schema.{0} exists in TiDB but is not implemented: it returns zero rows. TiDB has no stored routines.',
        name,
      );
    case 'triggers':
      return l10n.t('information_schema.{0} exists in TiDB but is not implemented: it returns zero rows. TiDB has no triggers.', name);
    case 'events':
      return l10n.t(
        'information_schema.{0} exists in TiDB but is not implemented: it returns zero rows. TiDB has no event scheduler.',
        name,
      );
    case 'global_variables':
      return l10n.t(
        'information_schema.{0} exists in TiDB but is not implemented: it returns zero rows. Use SHOW GLOBAL VARIABLES or INFORMATION_SCHEMA.VARIABLES_INFO.',
        name,
      );
    case 'global_status':
      return l10n.t(
        'information_schema.{0} exists in TiDB but is not implemented: it returns zero rows. Use SHOW GLOBAL STATUS, METRICS_SCHEMA or Grafana.',
        name,
      );
    case 'session_status':
      return l10n.t('information_schema.{0} exists in TiDB but is not implemented: it returns zero rows. Use SHOW STATUS.', name);
    case 'profiling':
      return l10n.t(
        'information_schema.{0} exists in TiDB but is not implemented: it returns zero rows. Use EXPLAIN ANALYZE or TRACE.',
        name,
      );
    default:
      return l10n.t('information_schema.{0} exists in TiDB but is not implemented: it returns zero rows.', name);
  }
}

export default defineRule({
  id: 'performance-schema-empty',
  category: 'behaviour-differs',
  severity: 'info',
  versions: 'all',
  // the catalogue's words; the rule also covers the information_schema tables TiDB lists as not implemented,
  // and leaves the tables TiDB does not have at all to system-table-missing
  explanation: 'performance_schema tables exist but return no rows in TiDB.',
  fix: 'Use INFORMATION_SCHEMA.CLUSTER_* / STATEMENTS_SUMMARY tables or Grafana.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'In TiDB, performance schema tables do not return any results.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'SELECT * FROM performance_schema.events_statements_summary_by_digest;',
      'USE performance_schema;\nSELECT thread_id FROM events_statements_current WHERE thread_id = 1;',
      'SELECT `variable_value` FROM `performance_schema`.`global_status` WHERE variable_name = "Uptime";',
      "SELECT routine_name FROM information_schema.ROUTINES WHERE routine_schema = 'shop';",
    ],
    clean: [
      'SELECT @@performance_schema;',
      "SHOW VARIABLES LIKE 'performance_schema%';",
      '/* performance_schema.threads */ SELECT id FROM t WHERE id = 1;',
      // TiDB's own profiles return data
      'SELECT * FROM performance_schema.tidb_profile_cpu;',
      // a table TiDB does not have fails: that is system-table-missing, not this
      'SELECT * FROM performance_schema.threads;',
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (SKIP_KINDS.has(s.kind) || notLinted(s)) return;
    for (const r of systemTableRefs(ctx)) {
      const n = r.name.toLowerCase();
      if (r.schema === 'performance_schema' && PERF_SCHEMA_TABLES.has(n)) ctx.report([r.first, r.last], MESSAGE(r.name));
      else if (r.schema === 'information_schema' && INFO_SCHEMA_EMPTY.has(n)) ctx.report([r.first, r.last], infoSchemaMessage(r.name, n));
    }
  },
});
