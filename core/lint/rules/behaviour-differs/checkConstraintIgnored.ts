import type { CheckDef } from '../../../sql/ddl';
import { columnSites, indexSites } from '../support/ddlWalk';
import { isOn } from '../../../sql/setStatement';
import { defineRule } from '../../rule';

export default defineRule('check-constraint-ignored', {
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    if (ctx.target.gte('7.2')) {
      const v = ctx.session.globals.get('tidb_enable_check_constraint');
      if (v !== undefined && isOn(v.replace(/^['"]|['"]$/g, '').toUpperCase())) return;
    }
    const why = ctx.target.lt('7.2')
      ? `TiDB before v7.2 parses CHECK constraints and silently drops them, so rows that violate it are accepted. Validate in the application, or upgrade to v7.2+ and SET GLOBAL tidb_enable_check_constraint = ON.`
      : `TiDB drops CHECK constraints with a warning unless tidb_enable_check_constraint is ON (default OFF), so rows that violate it are accepted. Run SET GLOBAL tidb_enable_check_constraint = ON before creating the constraint, or validate in the application.`;
    const seen = new Set<number>();
    const flag = (c: CheckDef | undefined) => {
      if (!c || c.notEnforced || seen.has(c.tok)) return;
      seen.add(c.tok);
      ctx.report([c.tok, c.close > c.tok ? c.close : c.tok], why);
    };
    for (const { col } of columnSites(ctx)) for (const c of col.checks) flag(c);
    for (const { index } of indexSites(ctx)) if (index.kind === 'CHECK') flag(index.check);
  },
});
