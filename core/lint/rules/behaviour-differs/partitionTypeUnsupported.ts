import { readPartition, type PartitionDef } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** The message for a partition type (KEY, LINEAR HASH, ...) TiDB supports only from `since`. */
function sinceMessage(type: string, since: string): string {
  return l10n.t(
    "TiDB supports {0} partitioning only from {1}; on this version it creates a NON-partitioned table with only a warning ('Unsupported partition type, treat as normal table'), so partition pruning and partition maintenance silently stop working. Upgrade, or use RANGE or HASH partitioning.",
    type,
    since,
  );
}

export default defineRule({
  id: 'partition-type-unsupported',
  category: 'behaviour-differs',
  severity: 'warning',
  versions:
    'KEY partitioning < v7.0.0; LIST / LIST COLUMNS < v6.1.0 (experimental, off by default); LINEAR HASH < v6.4.0; multi-column RANGE COLUMNS < v6.3.0',
  explanation:
    'Unsupported partition types do not fail: TiDB creates a NON-partitioned table with a warning, so partition pruning and DROP PARTITION retention jobs silently stop working.',
  fix: 'Upgrade, or switch to RANGE/HASH partitioning.',
  source: 'pingcap/docs: mysql-compatibility.md; partitioned-table.md; releases/release-6.3.0.md',
  quote: 'For an unsupported partition type, TiDB returns `Warning: Unsupported partition type %s, treat as normal table`',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      { sql: 'ALTER TABLE m PARTITION BY KEY (a) PARTITIONS 4;', target: '6.5' },
      { sql: 'CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY LINEAR KEY (id) PARTITIONS 4;', target: '6.5' },
      { sql: 'ALTER TABLE t ENGINE=InnoDB PARTITION BY KEY(id) PARTITIONS 4;', target: '6.5' },
    ],
    clean: [
      'ALTER TABLE m PARTITION BY KEY (a) PARTITIONS 4;',
      'CREATE TABLE e (id BIGINT PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 8;',
    ],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const parts: PartitionDef[] = [];
    const ct = ctx.createTable();
    if (ct?.partition) parts.push(ct.partition);
    for (const spec of ctx.alterTable()?.specs ?? []) {
      if (spec.verb !== 'PARTITION' || spec.partitionOp !== 'BY') continue;
      const p = readPartition(s, spec.first, spec.end);
      if (p) parts.push(p);
    }
    const v = ctx.target;
    for (const p of parts) {
      const typeTok = (p.linear ?? p.tok + 1) + 1;
      const last = s.is(typeTok + 1, 'COLUMNS') ? typeTok + 1 : typeTok;
      const linear = p.linear !== undefined;
      let message: string | undefined;
      if (p.type === 'KEY' && v.lt('7.0')) message = sinceMessage(linear ? 'LINEAR KEY' : 'KEY', 'v7.0.0');
      else if (p.type === 'LIST' && v.lt('6.1'))
        message = l10n.t(
          "TiDB supports {0} partitioning only from v6.1.0 (experimental and off by default before); on this version it creates a NON-partitioned table with only a warning ('Unsupported partition type, treat as normal table'), so partition pruning and partition maintenance silently stop working. Upgrade, or use RANGE or HASH partitioning.",
          p.columns ? 'LIST COLUMNS' : 'LIST',
        );
      else if (p.type === 'HASH' && linear && v.lt('6.4')) message = sinceMessage('LINEAR HASH', 'v6.4.0');
      else if (p.type === 'RANGE' && p.columns && p.columnCount > 1 && v.lt('6.3'))
        message = l10n.t(
          "TiDB supports RANGE COLUMNS partitioning on more than one column only from v6.3.0; on this version it creates a NON-partitioned table with only a warning ('Unsupported partition type, treat as normal table'), so partition pruning and partition maintenance silently stop working. Upgrade, or use RANGE or HASH partitioning.",
        );
      if (!message) continue;
      ctx.report([p.tok, last], message);
    }
  },
});
