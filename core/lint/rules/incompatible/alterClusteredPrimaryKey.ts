import { isClusteredPk } from '../../../sql/schema';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'alter-clustered-primary-key',
  category: 'incompatible',
  severity: 'error',
  versions: 'v5.0+ (clustered indexes); from v6.4.0 every PK is clustered by default',
  since: '5.0',
  explanation:
    'The clustered PK is the row key; it cannot be added or dropped online. Since v6.4 tidb_enable_clustered_index defaults to ON, so a MySQL-style composite or VARCHAR PK becomes clustered too and cannot be dropped later.',
  fix: 'Create a new table with the desired key and copy data; or declare the PK NONCLUSTERED from the start.',
  source: 'pingcap/docs: mysql-compatibility.md; clustered-indexes.md; releases/release-6.4.0.md',
  quote: 'Adding/Dropping the primary key of the `CLUSTERED` type is unsupported.',
  quoteStatus: 'verified',
  tidb: { error: 8200, sqlState: 'HY000', message: 'Unsupported drop primary key when the table is using clustered index' },
  examples: {
    flagged: [
      'ALTER TABLE r DROP PRIMARY KEY;',
      'CREATE TABLE r (id INT PRIMARY KEY);\nALTER TABLE r DROP PRIMARY KEY;',
      'ALTER TABLE events ADD PRIMARY KEY (id) CLUSTERED;',
    ],
    clean: [
      'ALTER TABLE events ADD PRIMARY KEY (id);',
      'CREATE TABLE r (id BIGINT PRIMARY KEY NONCLUSTERED);\nALTER TABLE r DROP PRIMARY KEY;',
    ],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const name = at.name.name;
    for (const spec of at.specs) {
      // DROP PRIMARY KEY, or its MySQL spelling DROP INDEX `PRIMARY`
      const dropIndexPrimary = spec.verb === 'DROP' && spec.target === 'INDEX' && spec.name?.toUpperCase() === 'PRIMARY';
      if ((spec.verb === 'DROP' && spec.target === 'PRIMARY KEY') || dropIndexPrimary) {
        const t = ctx.schema.table(at.name.db, name);
        const last = dropIndexPrimary
          ? (spec.nameTok ?? spec.first + 1)
          : ctx.s.is(spec.first + 2, 'KEY')
            ? spec.first + 2
            : spec.first + 1;
        // CREATE TABLE ... LIKE a table the file does not define: its PK is unknown too
        if (!t || (t.copiedFromUnknown && !t.primaryKey)) {
          ctx.report(
            [spec.first, last],
            l10n.t(
              "TiDB cannot drop a clustered primary key (ERROR 8200), and the primary key of '{0}' is clustered unless it was declared NONCLUSTERED (every PK is clustered by default from v6.4). Check the table's PK; to change it, create a new table with the desired key and copy the data.",
              name,
            ),
          );
        } else if (t.primaryKey && isClusteredPk(t.primaryKey, (c) => t.columns.get(c.toLowerCase())?.type, ctx.target)) {
          ctx.report(
            [spec.first, last],
            l10n.t(
              "The primary key of '{0}' is clustered on this TiDB version, and TiDB cannot drop a clustered primary key (ERROR 8200 Unsupported drop primary key when the table is using clustered index). Create a new table with the desired key and copy the data, or declare the PK NONCLUSTERED when the table is created.",
              name,
            ),
          );
        }
      } else if (spec.verb === 'ADD' && spec.index?.kind === 'PRIMARY' && spec.index.clustered?.value === 'CLUSTERED') {
        ctx.report(
          [spec.index.tok, spec.index.clustered.tok],
          l10n.t(
            "TiDB cannot add a CLUSTERED primary key to the existing table '{0}' (ERROR 8200): the clustered key is the row key. Add it as NONCLUSTERED, or create a new table with the clustered key and copy the data.",
            name,
          ),
        );
      } else if (spec.verb === 'ADD' && spec.target === 'COLUMN') {
        for (const c of spec.columns) {
          if (c.primaryKey !== undefined && c.clustered?.value === 'CLUSTERED') {
            ctx.report(
              [c.primaryKey, c.clustered.tok],
              l10n.t(
                "TiDB cannot add a CLUSTERED primary key to the existing table '{0}' (ERROR 8200): the clustered key is the row key. Add it as NONCLUSTERED, or create a new table with the clustered key and copy the data.",
                name,
              ),
            );
          }
        }
      }
    }
  },
});
