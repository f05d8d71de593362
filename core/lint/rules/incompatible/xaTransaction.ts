import { defineRule } from '../../rule';

export default defineRule('xa-transaction', {
  kinds: ['XA'],
  check(ctx) {
    ctx.report([0, 1], 'TiDB does not expose XA transactions (it uses two-phase commit internally only), so XA statements fail. Use a single TiDB transaction or an application-level saga.');
  },
});
