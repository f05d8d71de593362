// Which MySQL system tables TiDB has: performance_schema (pingcap/tidb pkg/infoschema/perfschema/const.go
// perfSchemaTables) and information_schema (pingcap/docs information-schema/information-schema.md: the MySQL
// compatibility tables, those "Not implemented by TiDB. Returns zero rows.", and no InnoDB tables at all).
import type { RuleContext } from '../../context';
import { allTableRefs, cteNames } from '../../../sql/queryRefs';

/** performance_schema tables TiDB creates (they exist; the MySQL ones return no rows). */
export const PERF_SCHEMA_TABLES = new Set([
  'global_status',
  'global_variables',
  'session_account_connect_attrs',
  'session_connect_attrs',
  'session_status',
  'setup_actors',
  'setup_objects',
  'setup_instruments',
  'setup_consumers',
  'events_statements_current',
  'events_statements_history',
  'events_statements_history_long',
  'prepared_statements_instances',
  'events_transactions_current',
  'events_transactions_history',
  'events_transactions_history_long',
  'session_variables',
  'events_stages_current',
  'events_stages_history',
  'events_stages_history_long',
  'events_statements_summary_by_digest',
]);
/** TiDB's own performance_schema tables (profiles): they return data. */
export const PERF_SCHEMA_TIDB = /^(tidb|tikv|pd)_profile_/;

/** information_schema tables that exist but are "Not implemented by TiDB. Returns zero rows." */
export const INFO_SCHEMA_EMPTY = new Set([
  'column_privileges',
  'column_statistics',
  'events',
  'files',
  'global_status',
  'global_variables',
  'optimizer_trace',
  'parameters',
  'plugins',
  'profiling',
  'routines',
  'schema_privileges',
  'session_status',
  'tablespaces',
  'table_privileges',
  'triggers',
]);

export interface SystemRef {
  schema: 'performance_schema' | 'information_schema';
  name: string;
  first: number;
  last: number;
}

/** Every reference to a performance_schema / information_schema table: qualified, or unqualified after USE. */
export function systemTableRefs(ctx: RuleContext): SystemRef[] {
  // both system schema names have 18 characters: most statements are ruled out without allocating
  const db = ctx.session.db ?? ctx.schema.currentDb;
  const cur = db?.length === 18 ? db.toLowerCase() : undefined;
  if (cur === undefined && !ctx.s.tokens.some((t) => t.value.length === 18 && (t.kind === 'word' || t.kind === 'qident'))) return NONE;
  const memo = memos.get(ctx.s);
  if (memo && memo.cur === cur) return memo.refs;
  const refs = readSystemTableRefs(ctx, cur);
  memos.set(ctx.s, { cur, refs });
  return refs;
}

const NONE: SystemRef[] = [];

/** Two rules read the same references of a statement. */
const memos = new WeakMap<RuleContext['s'], { cur: string | undefined; refs: SystemRef[] }>();

function readSystemTableRefs(ctx: RuleContext, cur: string | undefined): SystemRef[] {
  const s = ctx.s;
  const out: SystemRef[] = [];
  const seen = new Set<number>();
  for (let i = 0; i + 2 < s.sparseFrom; i++) {
    const t = s.tokens[i];
    // (words are upper case: most are ruled out by their length)
    if (t.value.length !== 18) continue;
    const lower = t.kind === 'word' || t.kind === 'qident' ? t.value.toLowerCase() : '';
    if (lower !== 'performance_schema' && lower !== 'information_schema') continue;
    const schema: SystemRef['schema'] = lower;
    if (s.op(i + 1) !== '.') continue;
    if (i > 0 && s.op(i - 1) === '.') continue;
    const name = s.ident(i + 2);
    if (name === undefined || s.tokens[i + 2].kind === 'string') continue;
    // schema.table.column is a column reference: only the table matters, and it is reported where it is named
    if (s.op(i + 3) === '.' && !allTableRefs(s).some((r) => r.first === i)) continue;
    seen.add(i);
    out.push({ schema, name, first: i, last: i + 2 });
  }
  if (cur === 'performance_schema' || cur === 'information_schema') {
    const ctes = cteNames(s);
    for (const r of allTableRefs(s)) {
      if (r.db !== undefined || ctes.has(r.name.toLowerCase()) || seen.has(r.first)) continue;
      out.push({ schema: cur, name: r.name, first: r.first, last: r.last });
    }
  }
  return out;
}
