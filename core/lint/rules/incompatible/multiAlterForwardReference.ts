import { isAssertionSpec, specText, splitAlterFix } from '../support/alterSplit';
import { defineRule } from '../../rule';

export default defineRule('multi-alter-forward-reference', {
  since: '6.2',
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const specs = at.specs.filter((sp) => !isAssertionSpec(sp));
    if (specs.length < 2) return;
    // Groups of specs that can run together: a spec positioned AFTER a column added
    // earlier in the current group starts a new statement.
    const groups: string[][] = [[]];
    let added = new Set<string>();
    const found: Array<{ tok: number; name: string }> = [];
    for (const spec of specs) {
      const after = spec.after;
      if (after && (spec.verb === 'ADD' || spec.verb === 'MODIFY' || spec.verb === 'CHANGE') && added.has(after.name.toLowerCase())) {
        found.push(after);
        groups.push([]);
        added = new Set();
      }
      groups[groups.length - 1].push(specText(ctx, spec));
      if (spec.verb === 'ADD' && spec.target === 'COLUMN') for (const c of spec.columns) added.add(c.name.toLowerCase());
    }
    if (found.length === 0) return;
    const fix = splitAlterFix(ctx, at, groups, 'Split into separate ALTER TABLE statements');
    for (const a of found) {
      ctx.report([a.tok - 1, a.tok], `TiDB validates every change of a multi-change ALTER TABLE against the table as it was before the statement, so AFTER ${a.name} fails because '${a.name}' is added by this same statement (ERROR 1054 Unknown column '${a.name}'). Split it into two ALTER TABLE statements, or position both new columns after an existing column.`, fix);
    }
  },
});
