import type { RuleContext } from '../../context';
import { allTableRefs, cteNames, functionCalls } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const SKIP_KINDS = new Set(['GRANT', 'REVOKE', 'CREATE DATABASE', 'DROP DATABASE']);

/** Stored functions of the MySQL sys schema that are not also MySQL built-ins (FORMAT_BYTES, PS_THREAD_ID are). */
const SYS_FUNCTIONS = new Set([
  'EXTRACT_SCHEMA_FROM_FILE_NAME',
  'EXTRACT_TABLE_FROM_FILE_NAME',
  'FORMAT_PATH',
  'FORMAT_STATEMENT',
  'FORMAT_TIME',
  'LIST_ADD',
  'LIST_DROP',
  'PS_IS_ACCOUNT_ENABLED',
  'PS_IS_CONSUMER_ENABLED',
  'PS_IS_INSTRUMENT_DEFAULT_ENABLED',
  'PS_IS_INSTRUMENT_DEFAULT_TIMED',
  'PS_IS_THREAD_INSTRUMENTED',
  'PS_THREAD_ACCOUNT',
  'PS_THREAD_STACK',
  'PS_THREAD_TRX_INFO',
  'QUOTE_IDENTIFIER',
  'SYS_GET_CONFIG',
  'VERSION_MAJOR',
  'VERSION_MINOR',
  'VERSION_PATCH',
]);

export default defineRule({
  id: 'sys-schema',
  category: 'incompatible',
  severity: 'error',
  versions: 'any sys.* before v8.0.0; from v8.0.0 any sys.* except sys.schema_unused_indexes',
  explanation:
    'The MySQL sys schema does not exist before v8.0.0. From v8.0.0 TiDB ships a sys schema containing only the view schema_unused_indexes.',
  fix: 'Use INFORMATION_SCHEMA / TiDB Dashboard equivalents (e.g. CLUSTER_STATEMENTS_SUMMARY).',
  source: 'pingcap/docs: sys-schema/sys-schema.md; releases/release-8.0.0.md',
  quote: 'Starting from v8.0.0, TiDB provides the `sys` schema.',
  quoteStatus: 'verified',
  examples: {
    flagged: ['SELECT sys.format_bytes(100);', 'SELECT * FROM sys.processlist;', 'USE sys;\nSELECT host FROM host_summary LIMIT 1;'],
    clean: ['USE sys;', "SELECT 'sys.session' AS x;", "SELECT sys_get_config('x', 1);"],
  },
  check(ctx) {
    const s = ctx.s;
    if (SKIP_KINDS.has(s.kind) || notLinted(s)) return;
    const v8 = ctx.target.gte('8.0');
    if (s.kind === 'USE') {
      if (!v8 && s.ident(1)?.toLowerCase() === 'sys') {
        ctx.report(
          [0, 1],
          l10n.t(
            'The sys schema does not exist in TiDB before v8.0.0, so USE sys fails. Use INFORMATION_SCHEMA / TiDB Dashboard equivalents (e.g. CLUSTER_STATEMENTS_SUMMARY).',
          ),
        );
      }
      return;
    }
    const cur = (ctx.session.db ?? ctx.schema.currentDb)?.toLowerCase();
    // the table references are read only when the statement names sys at all
    let refs: ReturnType<typeof allTableRefs> | undefined;
    let aliasSys = false;
    let tableFirsts: Set<number> | undefined;
    const reported = new Set<number>();
    // qualified: sys.x / `sys`.`x` (tables, views, procedures, functions)
    const n = s.sparseFrom;
    for (let i = 0; i + 2 < n; i++) {
      const t = s.tokens[i];
      if (t.kind === 'word' ? t.value !== 'SYS' : t.kind !== 'qident' || t.value.toLowerCase() !== 'sys') continue;
      if (s.op(i + 1) !== '.') continue;
      if (i > 0 && s.op(i - 1) === '.') continue;
      if (!refs) {
        refs = allTableRefs(s);
        aliasSys = refs.some((r) => r.alias?.toLowerCase() === 'sys');
        tableFirsts = new Set(refs.map((r) => r.first));
      }
      const name = s.ident(i + 2);
      if (name === undefined || s.tokens[i + 2].kind === 'string') continue;
      // `sys` as a table alias makes sys.col a column reference
      if (aliasSys && !tableFirsts!.has(i)) continue;
      report(ctx, i, i + 2, name, v8, reported);
    }
    // unqualified names after USE sys
    if (cur === 'sys') {
      const ctes = cteNames(s);
      for (const r of refs ?? allTableRefs(s)) {
        if (r.db !== undefined || ctes.has(r.name.toLowerCase())) continue;
        report(ctx, r.first, r.last, r.name, v8, reported);
      }
      if (s.kind === 'CALL' && s.ident(1) !== undefined && s.op(2) !== '.') report(ctx, 1, 1, s.ident(1)!, v8, reported);
      // unqualified sys stored functions: SELECT sys_get_config(...)
      for (const c of functionCalls(s)) {
        if (SYS_FUNCTIONS.has(c.name)) report(ctx, c.at, c.at, s.ident(c.at)!, v8, reported);
      }
    }
  },
});

function report(ctx: RuleContext, first: number, last: number, name: string, v8: boolean, seen: Set<number>): void {
  if (seen.has(first)) return;
  seen.add(first);
  if (v8 && name.toLowerCase() === 'schema_unused_indexes') return;
  ctx.report(
    [first, last],
    v8
      ? l10n.t(
          "MySQL sys schema object: TiDB's sys schema (v8.0.0+) only contains schema_unused_indexes, so sys.{0} does not exist. Use INFORMATION_SCHEMA / TiDB Dashboard equivalents (e.g. CLUSTER_STATEMENTS_SUMMARY).",
          name,
        )
      : l10n.t(
          'MySQL sys schema object: the sys schema does not exist in TiDB before v8.0.0, so sys.{0} fails. Use INFORMATION_SCHEMA / TiDB Dashboard equivalents (e.g. CLUSTER_STATEMENTS_SUMMARY).',
          name,
        ),
  );
}
