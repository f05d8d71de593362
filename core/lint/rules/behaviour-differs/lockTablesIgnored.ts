import { defineRule } from '../../rule';

export default defineRule('lock-tables-ignored', {
  kinds: ['LOCK', 'UNLOCK'],
  check(ctx) {
    const s = ctx.s;
    if (!s.is(1, 'TABLES', 'TABLE')) return;
    if (s.kind === 'LOCK') {
      ctx.report(
        [0, 1],
        'With the default enable-table-lock=false TiDB ignores LOCK TABLES (it only returns a warning), so nothing is locked and other sessions can still write. Use a transaction with SELECT ... FOR UPDATE for mutual exclusion.',
      );
    } else {
      ctx.report([0, 1], 'With the default enable-table-lock=false TiDB ignores UNLOCK TABLES (it only returns a warning): no table locks were taken. Use transactions with SELECT ... FOR UPDATE for mutual exclusion.');
    }
  },
});
