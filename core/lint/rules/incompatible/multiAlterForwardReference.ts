import { isAssertionSpec, specText, splitAlterFix } from '../support/alterSplit';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'multi-alter-forward-reference',
  category: 'incompatible',
  severity: 'error',
  versions: 'v6.2+ (before v6.2 multi-spec ALTER fails anyway, see multi-schema-change-pre-v6-2)',
  since: '6.2',
  explanation:
    'TiDB validates every spec of a multi-schema change against the table schema before execution, so a position reference to a column created by the same statement fails although MySQL accepts it.',
  fix: 'Quick fix: split into two ALTER TABLE statements, or list the new columns in order without AFTER on each other (e.g. ADD COLUMN c1 INT AFTER x, ADD COLUMN c2 INT AFTER x in reverse order, or one ADD COLUMN (c1 INT, c2 INT)).',
  source: 'pingcap/docs: sql-statements/sql-statement-alter-table.md',
  quote:
    'TiDB validates statements according to the table schema before execution. For example, an error returns when `ALTER TABLE t ADD COLUMN c1 INT, ADD COLUMN c2 INT AFTER c1;` is executed because column `c1` does not exist in the table.',
  quoteStatus: 'verified',
  tidb: { error: 1054, sqlState: '42S22', message: "Unknown column 'c1' in 't'" },
  examples: {
    flagged: [
      'ALTER TABLE t ADD COLUMN c1 INT, ADD COLUMN c2 INT AFTER c1;',
      "CREATE TABLE invoices (id BIGINT PRIMARY KEY, amount DECIMAL(12,2) NOT NULL);\nALTER TABLE invoices ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR', ADD COLUMN fx_rate DECIMAL(12,6) NULL AFTER currency;",
      'ALTER TABLE customers ADD COLUMN (a INT, b INT), ADD c INT AFTER b;',
    ],
    clean: ['ALTER TABLE t1 ALGORITHM=INSTANT, ADD INDEX idx (c1);'],
  },
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
    const fix = splitAlterFix(ctx, at, groups, l10n.t('Split into separate ALTER TABLE statements'));
    for (const a of found) {
      ctx.report(
        [a.tok - 1, a.tok],
        l10n.t(
          "TiDB validates every change of a multi-change ALTER TABLE against the table as it was before the statement, so AFTER {0} fails because '{0}' is added by this same statement (ERROR 1054 Unknown column '{0}'). Split it into two ALTER TABLE statements, or position both new columns after an existing column.",
          a.name,
        ),
        fix,
      );
    }
  },
});
