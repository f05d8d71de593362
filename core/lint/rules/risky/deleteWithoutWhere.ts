import { deleteTables, findAtDepth, mainVerb } from '../../../sql/queryRefs';
import { defineRule } from '../../rule';

export default defineRule('delete-without-where', {
  kinds: ['DELETE', 'WITH'],
  check(ctx) {
    const s = ctx.s;
    const verb = mainVerb(s);
    if (verb === -1 || !s.is(verb, 'DELETE')) return;
    const d = s.depth(verb);
    if (findAtDepth(s, ['WHERE'], verb + 1, d) !== -1) return;
    if (s.sparseFrom < s.length) return;
    const { targets } = deleteTables(s, verb);
    const names = targets.map((t) => t.name);
    const last = targets.length > 0 ? Math.max(...targets.map((t) => t.last)) : verb;
    const what = names.length > 0 ? names.join(', ') : 'the table';
    ctx.report([verb, last], `DELETE without WHERE removes every row of ${what} in one transaction (huge transaction, GC pressure, possibly 'transaction too large'). Use TRUNCATE TABLE if that is intended, or add a WHERE / use BATCH ON <key> LIMIT n DELETE ... (v6.1+).`);
  },
});
