import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'subpartition',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'Composite (sub)partitioning is not supported.',
  fix: 'Use a single level of RANGE/LIST/HASH/KEY partitioning.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'The following syntaxes are not supported for partitioned tables: - `SUBPARTITION`',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'CREATE TABLE k (a INT PRIMARY KEY) PARTITION BY HASH (a) PARTITIONS 4 SUBPARTITIONS 2;',
      'alter table s partition by list (r) subpartition by key (id) (partition p values in (1));',
      'ALTER TABLE sensor_readings\n  PARTITION BY LIST (region_id)\n  SUBPARTITION BY HASH (sensor_id) SUBPARTITIONS 2 (\n    PARTITION p_eu VALUES IN (1, 2),\n    PARTITION p_us VALUES IN (3, 4)\n  );',
    ],
    clean: ['CREATE TABLE s (`subpartition` INT PRIMARY KEY);'],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    const n = s.sparseFrom;
    // the first PARTITION keyword (PARTITION BY, ADD/REORGANIZE PARTITION, ...): explicit
    // subpartition definitions only occur inside the partition definitions after it
    let firstPartition = -1;
    for (let i = 0; i < n; i++) {
      if (s.is(i, 'PARTITION') && firstPartition === -1) firstPartition = i;
      let last = -1;
      if (s.is(i, 'SUBPARTITION') && s.is(i + 1, 'BY')) {
        // SUBPARTITION BY [LINEAR] HASH|KEY (...) [SUBPARTITIONS n]
        let j = i + 2;
        while (j < n && j < i + 8 && s.op(j) !== '(') j++;
        last = s.op(j) === '(' && s.match(j) > j ? s.match(j) : Math.min(i + 2, n - 1);
        if (s.is(last + 1, 'SUBPARTITIONS')) last += s.tokens[last + 2]?.kind === 'number' ? 2 : 1;
      } else if (s.is(i, 'SUBPARTITIONS') && s.tokens[i + 1]?.kind === 'number') {
        // a table or column may be named `subpartitions`; the clause takes a number
        last = i + 1;
      } else if (
        s.is(i, 'SUBPARTITION') &&
        firstPartition !== -1 &&
        s.depth(i) > s.depth(firstPartition) &&
        (s.op(i - 1) === '(' || s.op(i - 1) === ',') &&
        s.ident(i + 1) !== undefined
      ) {
        // explicit definitions: PARTITION p0 VALUES LESS THAN (1990) (SUBPARTITION s0, SUBPARTITION s1)
        last = i + 1;
      }
      if (last === -1) continue;
      ctx.report(
        [i, last],
        l10n.t(
          'TiDB does not support subpartitioning (SUBPARTITION BY / SUBPARTITIONS): the statement fails. Use a single level of RANGE, LIST, HASH or KEY partitioning.',
        ),
      );
      return;
    }
  },
});
