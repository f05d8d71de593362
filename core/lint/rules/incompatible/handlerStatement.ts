import { defineRule } from '../../rule';

export default defineRule('handler-statement', {
  kinds: ['HANDLER'],
  check(ctx) {
    const s = ctx.s;
    const q = s.qname(1);
    if (!q) return;
    const verb = q.last + 1;
    if (!s.is(verb, 'OPEN', 'READ', 'CLOSE')) return;
    ctx.report(
      [0, verb],
      `TiDB does not support the HANDLER interface, so HANDLER ${q.name} ${s.word(verb)} fails. Use an ordinary SELECT with index range conditions and LIMIT instead.`,
    );
  },
});
