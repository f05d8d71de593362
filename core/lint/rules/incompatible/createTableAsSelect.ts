import { defineRule } from '../../rule';

export default defineRule('create-table-as-select', {
  kinds: ['CREATE TABLE'],
  check(ctx) {
    const s = ctx.s;
    const ct = ctx.createTable();
    if (!ct || ct.asSelect === undefined || ct.like) return;
    let first = ct.asSelect;
    if (s.is(first - 1, 'IGNORE', 'REPLACE')) first--;
    // the query keyword: SELECT / WITH / TABLE / VALUES, possibly after AS and '('
    let last = ct.asSelect;
    if (s.is(last, 'AS')) last++;
    while (s.op(last) === '(' && last < s.length - 1) last++;
    if (!s.word(last)) last = ct.asSelect;
    const name = ct.name ? (ct.name.db ? `${ct.name.db}.${ct.name.name}` : ct.name.name) : 'the table';
    ctx.report(
      [first, last],
      `TiDB does not implement CREATE TABLE ... SELECT, so creating ${name} this way fails. Create the table first (CREATE TABLE ${ct.name?.name ?? 'new'} LIKE ... or explicit DDL), then fill it with INSERT INTO ... SELECT (in batches for large data).`,
    );
  },
});
