import { modifyRange, modifyTypeChanges, typeText } from '../support/typeChange';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'modify-column-type-restricted',
  category: 'incompatible',
  severity: 'error',
  versions: 'v5.1+ (earlier versions reject almost all type changes)',
  since: '5.1',
  explanation: "TiDB's online type change has restrictions MySQL's COPY algorithm does not have.",
  fix: 'Add a new column, backfill in batches, swap names.',
  source: 'pingcap/docs: sql-statements/sql-statement-modify-column.md',
  quote: 'ERROR 8200 (HY000): Unsupported modify column: column has primary key flag',
  quoteStatus: 'verified',
  tidb: { error: 8200, sqlState: 'HY000', message: 'Unsupported modify column: table is partition table' },
  examples: {
    flagged: [
      'CREATE TABLE t (a INT PRIMARY KEY);\nALTER TABLE t MODIFY COLUMN a VARCHAR(10);',
      'CREATE TABLE k (a BIGINT NOT NULL, PRIMARY KEY (a));\nALTER TABLE k MODIFY a INT NOT NULL;',
      'CREATE TABLE g (a INT PRIMARY KEY, b INT AS (a + 1));\nALTER TABLE g MODIFY COLUMN b BIGINT;',
    ],
    clean: ['CREATE TABLE t (a int primary key);\nALTER TABLE t MODIFY COLUMN a bigint;'],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    for (const m of modifyTypeChanges(ctx)) {
      if (!m.restricted) continue;
      const from = typeText(m.old);
      const to = typeText({ type: m.col.type!.name, args: m.col.type!.args, unsigned: m.col.type!.unsigned });
      const col = m.old.name;
      const message =
        m.restricted === 'unsupported'
          ? l10n.t(
              "TiDB does not support changing column '{0}' from {1} to {2} (ERROR 8200 Unsupported modify column: change from original type {1} to {2} is currently unsupported yet). Add a new column, backfill it in batches and swap the names instead.",
              col,
              from,
              to,
            )
          : m.restricted === 'partition'
            ? l10n.t(
                "TiDB does not support changing the type of column '{0}' ({1} to {2}) because '{3}' is partitioned (ERROR 8200 Unsupported modify column: table is partition table). Add a new column, backfill it in batches and swap the names instead.",
                col,
                from,
                to,
                m.table.name,
              )
            : m.restricted === 'generated'
              ? l10n.t(
                  "TiDB does not support changing the type of the generated column '{0}' ({1} to {2}) (ERROR 8200 Unsupported modify column). Add a new column, backfill it in batches and swap the names instead.",
                  col,
                  from,
                  to,
                )
              : l10n.t(
                  "Changing the primary-key column '{0}' from {1} to {2} rewrites its data, which TiDB rejects (ERROR 8200 Unsupported modify column: column has primary key flag). Add a new column, backfill it in batches and swap the names instead.",
                  col,
                  from,
                  to,
                );
      ctx.report(modifyRange(ctx, m), message);
    }
  },
});
