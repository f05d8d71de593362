import type { IndexDef } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'foreign-key-not-enforced',
  category: 'behaviour-differs',
  severity: 'warning',
  versions: '< v6.6.0 (enforced from v6.6.0; GA in v8.5.0)',
  until: '6.6',
  explanation:
    "Before v6.6.0 TiDB parses FK definitions but does not enforce them; FKs created before upgrading remain invalid ('/* FOREIGN KEY INVALID */') even after upgrading.",
  fix: 'Upgrade to >= v6.6 (GA v8.5) and recreate the FKs, or enforce integrity in the application.',
  source: 'pingcap/docs: foreign-key.md',
  quote:
    'Starting from v6.6.0, TiDB supports foreign keys and foreign key constraints. Starting from v8.5.0, this feature becomes generally available. ... Before v6.6.0, TiDB supports the syntax of creating foreign keys, but the created foreign keys are ineffective.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES par (id);',
      'CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES par (id));',
      'SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE `order_items` (\n  `id` BIGINT NOT NULL AUTO_RANDOM,\n  `order_id` BIGINT NOT NULL,\n  PRIMARY KEY (`id`),\n  KEY `idx_order` (`order_id`),\n  CONSTRAINT `fk_items_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`)\n);\nSET FOREIGN_KEY_CHECKS = 1;',
    ],
    clean: ['ALTER TABLE c DROP FOREIGN KEY fk_u;', 'CREATE TABLE c (id INT PRIMARY KEY, p INT REFERENCES par (id));'],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const fks: IndexDef[] = [];
    const ct = ctx.createTable();
    if (ct) fks.push(...ct.indexes.filter((i) => i.kind === 'FOREIGN'));
    else for (const spec of ctx.alterTable()?.specs ?? []) if (spec.verb === 'ADD' && spec.index?.kind === 'FOREIGN') fks.push(spec.index);
    for (const idx of fks) {
      const ref = idx.references?.table?.name;
      ctx.report(
        [idx.first, s.is(idx.tok + 1, 'KEY') ? idx.tok + 1 : idx.tok],
        ref
          ? l10n.t(
              "TiDB before v6.6.0 accepts this FOREIGN KEY to '{0}' but does not enforce it, and it stays ineffective even after an upgrade. Enforce the integrity in the application, or upgrade to v6.6+ (GA in v8.5) and create the foreign keys there.",
              ref,
            )
          : l10n.t(
              'TiDB before v6.6.0 accepts this FOREIGN KEY but does not enforce it, and it stays ineffective even after an upgrade. Enforce the integrity in the application, or upgrade to v6.6+ (GA in v8.5) and create the foreign keys there.',
            ),
      );
    }
  },
});
