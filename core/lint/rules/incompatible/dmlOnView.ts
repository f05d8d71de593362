import type { RuleContext } from '../../context';
import { deleteTables, findAtDepth, insertTarget, mainVerb, tableFactors, type TableRef } from '../../../sql/queryRefs';
import { defineRule } from '../../rule';

export default defineRule('dml-on-view', {
  kinds: ['INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'WITH'],
  check(ctx) {
    const s = ctx.s;
    const verb = mainVerb(s);
    if (verb === -1) return;
    const w = s.word(verb);
    let targets: TableRef[] = [];
    if (w === 'INSERT' || w === 'REPLACE') {
      const t = insertTarget(s, verb);
      if (t) targets = [t];
    } else if (w === 'DELETE') {
      targets = deleteTables(s, verb).targets;
    } else if (w === 'UPDATE') {
      let i = verb + 1;
      while (s.is(i, 'LOW_PRIORITY', 'IGNORE')) i++;
      const d = s.depth(verb);
      const set = findAtDepth(s, ['SET'], i, d);
      const refs = tableFactors(s, i, set === -1 ? s.sparseFrom : set);
      if (refs.length === 1 || set === -1) {
        targets = refs.slice(0, 1);
      } else {
        // multi-table UPDATE: the tables whose columns are assigned (t.col = ...)
        const end = findAtDepth(s, ['WHERE|ORDER|LIMIT'], set + 1, d);
        const assigned = new Set<string>();
        for (const [a] of s.splitCommas(set + 1, end === -1 ? s.sparseFrom : end)) {
          const q = s.qname(a);
          if (q?.db !== undefined && s.op(q.last + 1) === '=') assigned.add(q.db.toLowerCase());
          else if (q && s.op(q.last + 1) === '.' && s.op(q.last + 3) === '=') assigned.add(q.name.toLowerCase());
        }
        targets = refs.filter((r) => assigned.has((r.alias ?? r.name).toLowerCase()) || assigned.has(r.name.toLowerCase()));
      }
    }
    for (const t of targets) report(ctx, w, t);
  },
});

function report(ctx: RuleContext, verb: string, t: TableRef): void {
  if (!ctx.schema.isView(t.db, t.name)) return;
  const name = t.db !== undefined ? `${t.db}.${t.name}` : t.name;
  const detail = verb === 'INSERT' || verb === 'REPLACE' ? ` (insert into view ${t.name} is not supported now)` : '';
  ctx.report([t.first, t.last], `${name} is a view, and views are read-only in TiDB: ${verb} on it fails${detail}. Write to the base table instead.`);
}
