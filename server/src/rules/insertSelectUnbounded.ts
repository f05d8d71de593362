import { cteNames, mainVerb, tableFactors } from '../analysis/queryRefs';
import { defineRule } from './defineRule';

export default defineRule('insert-select-unbounded', {
  kinds: ['INSERT', 'REPLACE', 'WITH'],
  check(ctx) {
    const s = ctx.s;
    const verb = mainVerb(s);
    if (verb === -1 || !s.is(verb, 'INSERT', 'REPLACE')) return;
    // INSERT ... VALUES ((SELECT ...)) / SET a = (SELECT ...): single rows, not a copy
    const values = s.find(['VALUES|VALUE|SET'], verb + 1, s.sparseFrom, s.depth(verb));
    const blocks = s.queryBlocks().filter((b) => b.select > verb && (values === -1 || b.select < values));
    // the INSERT's own SELECT blocks: not nested inside another block (subqueries are bounded by their outer block)
    const main = blocks.filter((b) => !blocks.some((o) => o !== b && o.select < b.select && b.select < o.end));
    let ctes: Set<string> | undefined;
    for (const b of main) {
      const from = b.clauses.get('FROM');
      const fromAt = b.clauseAt.get('FROM');
      if (!from || fromAt === undefined || b.clauses.has('WHERE') || b.clauses.has('LIMIT')) continue;
      // SELECT ... UNION SELECT ... LIMIT n: the trailing LIMIT bounds the whole result
      if (s.is(b.end, 'UNION', 'EXCEPT', 'INTERSECT') && s.find(['LIMIT'], b.end, s.sparseFrom, b.depth) !== -1) continue;
      ctes ??= cteNames(s);
      const t = tableFactors(s, from[0], from[1]).find((r) => r.db !== undefined || (!ctes!.has(r.name.toLowerCase()) && r.name.toUpperCase() !== 'DUAL'));
      if (!t) continue;
      ctx.report([fromAt, t.last], `${s.word(verb)} ... SELECT copies all of ${t.name} (no WHERE, no LIMIT) in one transaction, which can exceed txn-total-size-limit or the memory quota. Batch it with BATCH ON <key> LIMIT 10000 ${s.word(verb)} ... (v6.5+), bound it with WHERE ranges, or use IMPORT INTO.`);
    }
  },
});
