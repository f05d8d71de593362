import type { IndexDef } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'foreign-key-on-partitioned-table',
  category: 'incompatible',
  severity: 'error',
  versions: 'v6.6.0+ (FK enforcement era)',
  since: '6.6',
  explanation: 'Foreign keys on partitioned tables are not supported.',
  fix: 'Drop the FK and enforce in the application.',
  source: 'pingcap/docs: foreign-key.md',
  quote: 'It is not supported to create a foreign key on a partitioned table.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'CREATE TABLE p (id BIGINT, oid BIGINT, PRIMARY KEY (id));\nALTER TABLE p ENGINE=InnoDB PARTITION BY HASH (id) PARTITIONS 4;\nALTER TABLE p ADD CONSTRAINT fk_p_o FOREIGN KEY (oid) REFERENCES o (id);',
      'CREATE TABLE oi (\n  id BIGINT NOT NULL,\n  oid BIGINT NOT NULL,\n  PRIMARY KEY (id, oid),\n  KEY i (oid),\n  CONSTRAINT fk_o FOREIGN KEY (oid) REFERENCES orders (id)\n) PARTITION BY HASH (oid) PARTITIONS 8;',
      'CREATE TABLE sh (id BIGINT, d DATE, oid BIGINT, PRIMARY KEY (id, d)) PARTITION BY RANGE COLUMNS (d) (PARTITION p VALUES LESS THAN (MAXVALUE));\nALTER TABLE sh ADD FOREIGN KEY (oid) REFERENCES orders (id);',
    ],
    clean: [
      'ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES par (id);',
      'CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES par (id));',
    ],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const fkRange = (idx: IndexDef): [number, number] => [idx.first, s.is(idx.tok + 1, 'KEY') ? idx.tok + 1 : idx.tok];
    const ct = ctx.createTable();
    if (ct) {
      if (!ct.partition) return;
      for (const idx of ct.indexes) {
        if (idx.kind !== 'FOREIGN') continue;
        ctx.report(
          fkRange(idx),
          ct.name
            ? l10n.t(
                "TiDB does not support foreign keys on partitioned tables, and '{0}' is partitioned (PARTITION BY {1}). Drop the foreign key and enforce the relationship in the application, or do not partition the table.",
                ct.name.name,
                ct.partition.type,
              )
            : l10n.t(
                "TiDB does not support foreign keys on partitioned tables, and 'this table' is partitioned (PARTITION BY {0}). Drop the foreign key and enforce the relationship in the application, or do not partition the table.",
                ct.partition.type,
              ),
        );
      }
      return;
    }
    const at = ctx.alterTable();
    if (!at?.name) return;
    const t = ctx.schema.table(at.name.db, at.name.name);
    const partitioned = !!t?.partition || at.specs.some((sp) => sp.verb === 'PARTITION' && sp.partitionOp === 'BY');
    if (!partitioned) return;
    for (const spec of at.specs) {
      if (spec.verb !== 'ADD' || spec.index?.kind !== 'FOREIGN') continue;
      ctx.report(
        fkRange(spec.index),
        l10n.t(
          "TiDB does not support foreign keys on partitioned tables, and '{0}' is partitioned. Drop the foreign key and enforce the relationship in the application.",
          at.name.name,
        ),
      );
    }
  },
});
