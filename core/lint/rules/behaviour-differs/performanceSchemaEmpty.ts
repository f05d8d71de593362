import { allTableRefs, cteNames } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';

const SKIP_KINDS = new Set(['GRANT', 'REVOKE', 'SHOW', 'USE', 'CREATE DATABASE', 'DROP DATABASE', 'SET']);
const MESSAGE = (name: string) =>
  `performance_schema tables exist in TiDB but return no rows, so reading performance_schema.${name} silently gets an empty result. Use INFORMATION_SCHEMA.CLUSTER_* / STATEMENTS_SUMMARY tables or Grafana instead.`;

export default defineRule({
  id: 'performance-schema-empty',
  category: 'behaviour-differs',
  severity: 'info',
  versions: 'all',
  explanation: 'performance_schema tables exist but return no rows in TiDB.',
  fix: 'Use INFORMATION_SCHEMA.CLUSTER_* / STATEMENTS_SUMMARY tables or Grafana.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'In TiDB, performance schema tables do not return any results.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'SELECT * FROM performance_schema.threads;',
      'USE performance_schema;\nSELECT thread_id FROM threads WHERE thread_id = 1;',
      'SELECT `event_name` FROM `performance_schema`.`events_waits_current` WHERE thread_id = 1;',
    ],
    clean: [
      'SELECT @@performance_schema;',
      "SHOW VARIABLES LIKE 'performance_schema%';",
      '/* performance_schema.threads */ SELECT id FROM t WHERE id = 1;',
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (SKIP_KINDS.has(s.kind) || notLinted(s)) return;
    const n = s.sparseFrom;
    const refs = allTableRefs(s);
    const reported = new Set<number>();
    for (let i = 0; i + 2 < n; i++) {
      const t = s.tokens[i];
      if ((t.kind !== 'word' && t.kind !== 'qident') || s.op(i + 1) !== '.') continue;
      if (s.ident(i)!.toLowerCase() !== 'performance_schema') continue;
      if (i > 0 && s.op(i - 1) === '.') continue;
      const name = s.ident(i + 2);
      if (name === undefined || s.tokens[i + 2].kind === 'string') continue;
      reported.add(i);
      ctx.report([i, i + 2], MESSAGE(name));
    }
    const cur = (ctx.session.db ?? ctx.schema.currentDb)?.toLowerCase();
    if (cur === 'performance_schema') {
      const ctes = cteNames(s);
      for (const r of refs) {
        if (r.db !== undefined || ctes.has(r.name.toLowerCase()) || reported.has(r.first)) continue;
        ctx.report([r.first, r.last], MESSAGE(r.name));
      }
    }
  },
});
