import { defineRule } from '../../rule';

export default defineRule('load-data-in-transaction', {
  before: '7.6',
  kinds: ['LOAD'],
  check(ctx) {
    const s = ctx.s;
    if (!s.is(1, 'DATA') || !ctx.session.inTransaction) return;
    ctx.report(
      [0, 1],
      `Before v7.6.0 TiDB (${ctx.target}) commits LOAD DATA on its own: inside an explicit transaction it is not undone by ROLLBACK and ends the surrounding transaction. Run the import outside the transaction and make it idempotent, or upgrade to v7.6 or later.`,
    );
  },
});
