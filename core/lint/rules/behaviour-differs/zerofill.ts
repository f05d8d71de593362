import { columnSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';

export default defineRule('zerofill', {
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    for (const { col } of columnSites(ctx)) {
      const z = col.type?.zerofill;
      if (z === undefined) continue;
      ctx.report(z, `TiDB ignores ZEROFILL on column ${col.name}: values are not zero-padded when displayed (the column still becomes UNSIGNED). Pad in the application, e.g. LPAD(${col.name}, width, '0'), and drop ZEROFILL.`);
    }
  },
});
