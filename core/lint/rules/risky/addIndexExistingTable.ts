import { parseCreateIndex } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';
import { LARGE_TABLE_ROWS, rowsPhrase, SMALL_TABLE_ROWS } from '../support/ruleHelpers';

const MESSAGE = (table: string, rows?: number) =>
  rows !== undefined && rows < SMALL_TABLE_ROWS
    ? l10n.t(
        "Adding an index to '{0}' backfills it; on the connected server it has {1}, so the backfill is quick.",
        table,
        rowsPhrase(rows),
      )
    : rows !== undefined
      ? l10n.t(
          "Adding an index to the existing table '{0}' ({1} on the connected server) backfills the whole table and consumes TiKV I/O while it runs. Run it off-peak, tune tidb_ddl_reorg_worker_cnt, and check that fast reorg (tidb_ddl_enable_fast_reorg) is enabled.",
          table,
          rowsPhrase(rows),
        )
      : l10n.t(
          "Adding an index to the existing table '{0}' backfills the whole table and consumes TiKV I/O while it runs. Run it off-peak, tune tidb_ddl_reorg_worker_cnt, and check that fast reorg (tidb_ddl_enable_fast_reorg) is enabled.",
          table,
        );

/** Live size: a backfill of millions of rows is worth a warning, not a hint. */
const sized = (rows: number | undefined) => (rows !== undefined && rows >= LARGE_TABLE_ROWS ? { severity: 'warning' as const } : {});

export default defineRule({
  id: 'add-index-existing-table',
  category: 'risky',
  severity: 'hint',
  versions: 'all',
  explanation:
    'Index creation backfills the whole table and consumes TiKV I/O; fast reorg (tidb_ddl_enable_fast_reorg, v6.3+, default ON from v6.5) mitigates but does not remove the cost.',
  fix: 'Run off-peak; tune tidb_ddl_reorg_worker_cnt; verify fast reorg is enabled.',
  source: 'pingcap/docs: develop/dev-guide-optimize-sql-best-practices.md; system-variables.md#tidb_ddl_enable_fast_reorg-new-in-v630',
  quote: 'To reduce the impact on the online application, the default speed of add index operation is slow.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: [
      'ALTER TABLE t ADD INDEX i (c);',
      'CREATE INDEX i ON unknown_t (created_at);',
      'create unique index uq_email on `users` (`email`);',
    ],
    clean: [
      'ALTER TABLE t MODIFY code TEXT;',
      'CREATE FULLTEXT INDEX ft_title_body ON articles (title, body) WITH PARSER ngram;',
      'CREATE TABLE k (a BIGINT NOT NULL, PRIMARY KEY (a));\nALTER TABLE k MODIFY a INT NOT NULL;',
    ],
  },
  kinds: ['ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    if (s.kind === 'CREATE INDEX') {
      const ci = parseCreateIndex(s);
      if (!ci?.table) return;
      if (ci.index.kind !== 'INDEX' && ci.index.kind !== 'UNIQUE') return;
      // Only a table created earlier in this file is new (and empty); a live schema does not make it so.
      if (ctx.schema.createdInFile(ci.table.db, ci.table.name)) return;
      const rows = ctx.liveRows(ci.table.db, ci.table.name);
      ctx.report([ci.index.tok, ci.table.last], MESSAGE(ci.table.name, rows), undefined, sized(rows));
      return;
    }
    const at = ctx.alterTable();
    if (!at?.name) return;
    if (ctx.schema.createdInFile(at.name.db, at.name.name)) return;
    for (const spec of at.specs) {
      if (spec.verb !== 'ADD') continue;
      let range: [number, number] | undefined;
      if (spec.index && (spec.index.kind === 'INDEX' || spec.index.kind === 'UNIQUE')) {
        range = [
          spec.first,
          spec.index.parts.length ? Math.max(spec.first, spec.index.parts[spec.index.parts.length - 1].end) : spec.index.tok,
        ];
      } else if (spec.target === 'COLUMN') {
        const c = spec.columns.find((col) => col.unique !== undefined);
        if (c) range = [c.unique!, ctx.s.is(c.unique! + 1, 'KEY') ? c.unique! + 1 : c.unique!];
      }
      if (!range) continue;
      const rows = ctx.liveRows(at.name.db, at.name.name);
      ctx.report(range, MESSAGE(at.name.name, rows), undefined, sized(rows));
      return;
    }
  },
});
