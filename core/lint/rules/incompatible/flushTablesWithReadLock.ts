import { defineRule } from '../../rule';

export default defineRule('flush-tables-with-read-lock', {
  kinds: ['FLUSH'],
  check(ctx) {
    const s = ctx.s;
    let i = 1;
    if (s.is(i, 'NO_WRITE_TO_BINLOG', 'LOCAL')) i++;
    if (!s.is(i, 'TABLES', 'TABLE')) return;
    const w = s.find(['WITH', 'READ', 'LOCK'], i + 1);
    if (w === -1) return;
    ctx.report(
      [0, w + 2],
      'TiDB does not support FLUSH TABLES WITH READ LOCK (there is no global read lock), so this statement fails. For a consistent backup use BR or Dumpling, or read at a fixed point with tidb_snapshot.',
    );
  },
});
