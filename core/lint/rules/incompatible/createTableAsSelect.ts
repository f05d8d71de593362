import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'create-table-as-select',
  category: 'incompatible',
  severity: 'error',
  versions:
    'all released versions <= v8.5; TiDB master (2025) adds an experimental, default-off config flag experimental.enable-create-table-as-select',
  explanation:
    'CTAS is rejected in the preprocessor. In 2025 pingcap/tidb added an experimental implementation behind the config flag conf.Experimental.EnableCreateTableAsSelect (off by default), so treat it as unsupported for production targets.',
  fix: 'Split into CREATE TABLE new LIKE old (or explicit DDL) + INSERT INTO new SELECT ... (batched for large data).',
  source: 'pingcap/tidb: pkg/planner/core/preprocess.go (checkCreateTableGrammar); docs mysql-compatibility.md',
  quote: "'CREATE TABLE ... SELECT' is not implemented yet",
  quoteStatus: 'verified',
  tidb: { error: null, message: "'CREATE TABLE ... SELECT' is not implemented yet" },
  examples: {
    flagged: [
      'CREATE TABLE c AS SELECT * FROM p;',
      'CREATE TEMPORARY TABLE t4 AS WITH c AS (SELECT 1 AS a) SELECT a FROM c;',
      'CREATE TABLE t3 AS (SELECT 1 AS a);',
    ],
    clean: ['CREATE TABLE t5 LIKE t1;\nCREATE TABLE t6 (LIKE t1);'],
  },
  kinds: ['CREATE TABLE'],
  check(ctx) {
    const s = ctx.s;
    const ct = ctx.createTable();
    if (!ct || ct.asSelect === undefined || ct.like) return;
    let first = ct.asSelect;
    if (s.is(first - 1, 'IGNORE', 'REPLACE')) first--;
    // the query keyword: SELECT / WITH / TABLE / VALUES, possibly after AS and '('
    let last = ct.asSelect;
    if (s.is(last, 'AS')) last++;
    while (s.op(last) === '(' && last < s.length - 1) last++;
    if (!s.word(last)) last = ct.asSelect;
    ctx.report(
      [first, last],
      ct.name
        ? l10n.t(
            'TiDB does not implement CREATE TABLE ... SELECT, so creating {0} this way fails. Create the table first (CREATE TABLE {1} LIKE ... or explicit DDL), then fill it with INSERT INTO ... SELECT (in batches for large data).',
            ct.name.db ? `${ct.name.db}.${ct.name.name}` : ct.name.name,
            ct.name.name,
          )
        : l10n.t(
            'TiDB does not implement CREATE TABLE ... SELECT, so creating the table this way fails. Create the table first (CREATE TABLE new LIKE ... or explicit DDL), then fill it with INSERT INTO ... SELECT (in batches for large data).',
          ),
    );
  },
});
