import { defineRule } from '../../rule';

export default defineRule('create-tablespace', {
  kinds: ['CREATE TABLESPACE', 'ALTER TABLESPACE', 'DROP TABLESPACE'],
  check(ctx) {
    const s = ctx.s;
    const kw = s.find(['TABLESPACE']);
    if (kw === -1) return;
    const name = s.ident(kw + 1);
    const last = name !== undefined ? kw + 1 : kw;
    ctx.report(
      [0, last],
      `TiDB has no tablespaces, so ${s.text(0, kw).replace(/\s+/g, ' ').toUpperCase()}${name !== undefined ? ` ${name}` : ''} fails. Remove the statement; use placement policies to control where data is stored.`,
    );
  },
});
