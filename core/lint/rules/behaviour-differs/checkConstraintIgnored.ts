import type { CheckDef } from '../../../sql/ddl';
import { columnSites, indexSites } from '../support/ddlWalk';
import { isOn } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'check-constraint-ignored',
  category: 'behaviour-differs',
  severity: 'warning',
  versions: '< v7.2.0 always ignored; v7.2.0+ enforced only when tidb_enable_check_constraint=ON (default OFF)',
  explanation: 'CHECK constraints are parsed and silently dropped with a warning by default, so invalid rows are accepted.',
  fix: 'SET GLOBAL tidb_enable_check_constraint = ON (v7.2+, GLOBAL scope only) before creating the table, or validate in the application.',
  source: 'pingcap/tidb: pkg/ddl/executor.go; pingcap/docs constraints.md; system-variables.md#tidb_enable_check_constraint',
  quote: 'if !variable.EnableCheckConstraint.Load() { ...AppendWarning(errCheckConstraintIsOff) }',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE a ADD COLUMN c INT CHECK (c > 0);',
      'SET tidb_enable_check_constraint = ON;\nALTER TABLE t ADD CHECK (a > 0);',
      'CREATE TABLE p (\n  id BIGINT PRIMARY KEY,\n  price DECIMAL(10,2) CHECK (price >= 0),\n  qty INT,\n  CONSTRAINT chk_qty CHECK (qty >= 0)\n);',
    ],
    clean: [
      "SET @@GLOBAL.tidb_enable_check_constraint = 'ON';\nALTER TABLE t ADD CHECK (a > 0);",
      'CREATE TABLE t (id BIGINT PRIMARY KEY, age INT, CONSTRAINT c CHECK (age >= 0) /*!80016 NOT ENFORCED */);',
      'SET GLOBAL tidb_enable_check_constraint = ON;\nCREATE TABLE t (id BIGINT PRIMARY KEY, a INT CHECK (a > 0));',
    ],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    if (ctx.target.gte('7.2')) {
      const v = ctx.session.globals.get('tidb_enable_check_constraint');
      if (v !== undefined && isOn(v.replace(/^['"]|['"]$/g, '').toUpperCase())) return;
    }
    const why = ctx.target.lt('7.2')
      ? l10n.t(
          'TiDB before v7.2 parses CHECK constraints and silently drops them, so rows that violate it are accepted. Validate in the application, or upgrade to v7.2+ and SET GLOBAL tidb_enable_check_constraint = ON.',
        )
      : l10n.t(
          'TiDB drops CHECK constraints with a warning unless tidb_enable_check_constraint is ON (default OFF), so rows that violate it are accepted. Run SET GLOBAL tidb_enable_check_constraint = ON before creating the constraint, or validate in the application.',
        );
    const seen = new Set<number>();
    const flag = (c: CheckDef | undefined) => {
      if (!c || c.notEnforced || seen.has(c.tok)) return;
      seen.add(c.tok);
      ctx.report([c.tok, Math.max(c.close, c.tok)], why);
    };
    for (const { col } of columnSites(ctx)) for (const c of col.checks) flag(c);
    for (const { index } of indexSites(ctx)) if (index.kind === 'CHECK') flag(index.check);
  },
});
