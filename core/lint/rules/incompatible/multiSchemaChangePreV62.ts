import { isAssertionSpec, specText, splitAlterFix } from '../support/alterSplit';
import type { AlterSpec } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'multi-schema-change-pre-v6-2',
  category: 'incompatible',
  severity: 'error',
  versions: '< v6.2.0',
  until: '6.2',
  explanation: 'Before v6.2.0 TiDB executed only single-change ALTER statements.',
  fix: 'Quick fix: split into one ALTER TABLE per specification.',
  source: 'pingcap/docs: mysql-compatibility.md (v5.x)',
  quote:
    'Multiple operations cannot be completed in a single `ALTER TABLE` statement. ... Otherwise, the `Unsupported multi schema change` error might be output.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE t ADD COLUMN a INT, DROP COLUMN b;',
      'CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);\nALTER TABLE docs ADD COLUMN slug VARCHAR(200) NULL, ADD INDEX idx_slug (slug);',
      'ALTER /* hint */ TABLE /* x */ t1 MODIFY /* c */ c1 INT, /* d */ DROP COLUMN c1;',
    ],
    clean: ['ALTER TABLE t DROP PARTITION p1, p2;', '--changeset bob:1\nALTER TABLE t1 MODIFY COLUMN c1 INT, DROP COLUMN c1;'],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    // TiDB's grammar reads consecutive table options (ENGINE=InnoDB, COMMENT='x') as one
    // specification; ALGORITHM= and LOCK= are assertions, not specifications.
    const groups: AlterSpec[][] = [];
    for (const sp of at.specs) {
      if (isAssertionSpec(sp)) continue;
      const prev = groups[groups.length - 1];
      if (sp.verb === 'OPTION' && prev && prev[prev.length - 1].verb === 'OPTION') prev.push(sp);
      else groups.push([sp]);
    }
    if (groups.length < 2) return;
    if (groups.every((g) => g[0].verb === 'ADD' && g[0].target === 'COLUMN')) return;
    const fix = splitAlterFix(
      ctx,
      at,
      groups.map((g) => g.map((sp) => specText(ctx, sp))),
      l10n.t('Split into one ALTER TABLE per change'),
    );
    const last = groups[groups.length - 1];
    ctx.report(
      [groups[1][0].first, last[last.length - 1].end - 1],
      l10n.t(
        "This ALTER TABLE makes {0} changes to '{1}' in one statement; TiDB before v6.2.0 runs only one change per ALTER TABLE (Unsupported multi schema change). Split it into one ALTER TABLE per change.",
        groups.length,
        at.name.name,
      ),
      fix,
    );
  },
});
