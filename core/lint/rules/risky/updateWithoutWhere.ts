import { findAtDepth, mainVerb, tableFactors } from '../../../sql/queryRefs';
import { defineRule } from '../../rule';

export default defineRule('update-without-where', {
  kinds: ['UPDATE', 'WITH'],
  check(ctx) {
    const s = ctx.s;
    const verb = mainVerb(s);
    if (verb === -1 || !s.is(verb, 'UPDATE')) return;
    const d = s.depth(verb);
    if (findAtDepth(s, ['WHERE'], verb + 1, d) !== -1) return;
    if (s.sparseFrom < s.length) return;
    let i = verb + 1;
    while (s.is(i, 'LOW_PRIORITY', 'IGNORE')) i++;
    const set = findAtDepth(s, ['SET'], i, d);
    const refs = tableFactors(s, i, set === -1 ? s.length : set);
    const last = refs.length > 0 ? refs[0].last : verb;
    const multi = refs.length > 1 ? ' (the join condition does not bound the rows the way WHERE does)' : '';
    const what = refs.length > 0 ? refs.map((r) => r.name).join(' JOIN ') : 'the table';
    ctx.report([verb, last], `UPDATE without WHERE rewrites every row of ${what} in one transaction${multi}: huge transaction, GC pressure, possibly 'transaction too large'. Add a WHERE clause, or batch it with BATCH ON <key> LIMIT n UPDATE ... (v6.5+).`);
  },
});
