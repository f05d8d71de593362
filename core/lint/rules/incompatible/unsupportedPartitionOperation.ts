import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const NEVER = new Set(['CHECK', 'OPTIMIZE', 'REPAIR', 'IMPORT', 'DISCARD', 'REBUILD']);

export default defineRule({
  id: 'unsupported-partition-operation',
  category: 'incompatible',
  severity: 'warning',
  versions:
    'all; REORGANIZE PARTITION from v7.0.0; ADD/COALESCE PARTITION on HASH/KEY tables from v7.1.0; EXCHANGE PARTITION GA from v6.3.0',
  explanation:
    'These partition maintenance operations are rejected or silently ignored. Before v7.1.0 HASH/KEY partitioned tables only support TRUNCATE PARTITION; before v6.3.0 EXCHANGE PARTITION was experimental and off by default.',
  fix: 'Remove them; use ADMIN CHECK TABLE; upgrade for REORGANIZE (v7.0), ADD/COALESCE on HASH/KEY (v7.1) and EXCHANGE (v6.3).',
  source: 'pingcap/docs: mysql-compatibility.md; releases/release-7.1.0.md; releases/release-6.3.0.md',
  quote: '`{CHECK|OPTIMIZE|REPAIR|IMPORT|DISCARD|REBUILD} PARTITION`',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE access_log REBUILD PARTITION p2024, p2025;',
      {
        sql: 'CREATE TABLE h (a INT PRIMARY KEY) PARTITION BY LINEAR HASH (a) PARTITIONS 4;\nALTER TABLE h ADD PARTITION PARTITIONS 2;',
        target: '6.5',
      },
      { sql: 'ALTER TABLE s COALESCE PARTITION 2;', target: '6.5' },
    ],
    clean: [
      'ALTER TABLE t DROP PARTITION p2019;',
      'CREATE TABLE h (a INT PRIMARY KEY) PARTITION BY LINEAR HASH (a) PARTITIONS 4;\nALTER TABLE h ADD PARTITION PARTITIONS 2;',
    ],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const s = ctx.s;
    const name = at.name.name;
    for (const spec of at.specs) {
      const op = spec.partitionOp;
      if (!op || spec.target !== 'PARTITION') continue;
      const range: [number, number] = [spec.first, s.is(spec.first + 1, 'PARTITION') ? spec.first + 1 : spec.first];
      if (NEVER.has(op)) {
        ctx.report(
          range,
          op === 'CHECK' || op === 'REPAIR'
            ? l10n.t(
                'TiDB does not support ALTER TABLE ... {0} PARTITION: it is rejected or ignored. Remove it; use ADMIN CHECK TABLE to verify data.',
                op,
              )
            : l10n.t('TiDB does not support ALTER TABLE ... {0} PARTITION: it is rejected or ignored. Remove it.', op),
        );
      } else if (op === 'REORGANIZE' && ctx.target.lt('7.0')) {
        ctx.report(
          range,
          l10n.t(
            'REORGANIZE PARTITION is supported only from TiDB v7.0.0; on this version the statement fails. Upgrade, or drop and add partitions instead.',
          ),
        );
      } else if (op === 'COALESCE' && ctx.target.lt('7.1')) {
        ctx.report(
          range,
          l10n.t(
            'COALESCE PARTITION on HASH/KEY partitioned tables is supported only from TiDB v7.1.0; before that they support only TRUNCATE PARTITION. Upgrade, or recreate the table with the partition count you need.',
          ),
        );
      } else if (op === 'EXCHANGE' && ctx.target.lt('6.3')) {
        ctx.report(
          range,
          l10n.t(
            'EXCHANGE PARTITION is experimental and disabled by default before TiDB v6.3.0, so the statement fails. Upgrade to v6.3 or later, or copy the data with INSERT ... SELECT.',
          ),
        );
      } else if (op === 'ADD' && ctx.target.lt('7.1')) {
        const t = ctx.schema.table(at.name.db, name);
        if (t?.partition && (t.partition.type === 'HASH' || t.partition.type === 'KEY')) {
          ctx.report(
            range,
            l10n.t(
              "'{0}' is {1} partitioned, and TiDB supports ADD PARTITION on HASH/KEY tables only from v7.1.0 (before that only TRUNCATE PARTITION). Upgrade, or recreate the table with the partition count you need.",
              name,
              t.partition.linear ? `LINEAR ${t.partition.type}` : t.partition.type,
            ),
          );
        }
      }
    }
  },
});
