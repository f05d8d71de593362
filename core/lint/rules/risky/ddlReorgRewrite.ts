import { modifyRange, modifyTypeChanges, typeText } from '../support/typeChange';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';
import { rowsPhrase, SMALL_TABLE_ROWS } from '../support/ruleHelpers';

export default defineRule({
  id: 'ddl-reorg-rewrite',
  category: 'risky',
  severity: 'warning',
  versions: 'v5.1+',
  since: '5.1',
  explanation: 'Reorg type changes rewrite every row and every index containing the column; long-running on big tables.',
  fix: 'Schedule off-peak, or add a new column and backfill in batches.',
  source: 'pingcap/docs: sql-statements/sql-statement-modify-column.md',
  quote: 'Since v5.1.0, TiDB has supported changes of data types for Reorg data, including but not limited to:',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: [
      'CREATE TABLE k (id INT PRIMARY KEY, x DATE);\nALTER TABLE k MODIFY x DATETIME;',
      'CREATE TABLE parcels (id BIGINT NOT NULL PRIMARY KEY, weight_g INT NOT NULL, label VARCHAR(64) NOT NULL);\nALTER TABLE parcels MODIFY weight_g SMALLINT NOT NULL;',
      'CREATE TABLE notes (\n  id BIGINT AUTO_RANDOM PRIMARY KEY,\n  note VARCHAR(255),\n  views BIGINT NOT NULL DEFAULT 0,\n  amount DECIMAL(10,2),\n  code INT\n);\nALTER TABLE notes MODIFY amount DECIMAL(12,4);',
    ],
    clean: ['ALTER TABLE notes MODIFY code SMALLINT;'],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    for (const m of modifyTypeChanges(ctx)) {
      if (m.change !== 'reorg' || m.restricted) continue;
      const from = typeText(m.old);
      const to = typeText({ type: m.col.type!.name, args: m.col.type!.args, unsigned: m.col.type!.unsigned });
      const rows = ctx.liveRows(m.table.db, m.table.name);
      const small = rows !== undefined && rows < SMALL_TABLE_ROWS;
      ctx.report(
        modifyRange(ctx, m),
        small
          ? l10n.t(
              "Changing column '{0}' of '{1}' from {2} to {3} is a reorg type change (every row and index entry is rewritten); on the connected server the table has {4}, so it finishes at once.",
              m.old.name,
              m.table.name,
              from,
              to,
              rowsPhrase(rows!),
            )
          : rows !== undefined
            ? l10n.t(
                "Changing column '{0}' of '{1}' from {2} to {3} is a reorg type change: TiDB rewrites every row and every index containing the column — {4} on the connected server, which runs long on a big table. Schedule it off-peak, or add a new column and backfill it in batches.",
                m.old.name,
                m.table.name,
                from,
                to,
                rowsPhrase(rows),
              )
            : l10n.t(
                "Changing column '{0}' of '{1}' from {2} to {3} is a reorg type change: TiDB rewrites every row and every index containing the column, which runs long on a big table. Schedule it off-peak, or add a new column and backfill it in batches.",
                m.old.name,
                m.table.name,
                from,
                to,
              ),
        undefined,
        small ? { severity: 'hint' } : {},
      );
    }
  },
});
