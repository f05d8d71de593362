import { defineRule } from '../../rule';

export default defineRule('trigger', {
  kinds: ['CREATE TRIGGER', 'DROP TRIGGER'],
  check(ctx) {
    const kw = ctx.s.find(['TRIGGER']);
    ctx.report([kw, kw + 1], `TiDB does not support triggers: ${ctx.s.word(0)} TRIGGER fails (TiDB runs /*! ... */ comment contents, so dumped triggers fail too). Re-implement the trigger in the application or with TiCDC and a downstream consumer.`);
  },
});
