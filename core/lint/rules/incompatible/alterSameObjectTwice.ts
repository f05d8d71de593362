import type { AlterSpec } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** The columns and indexes (lower-cased, prefixed 'c:' / 'i:') one ALTER spec operates on by name. */
function objects(spec: AlterSpec): Set<string> {
  const out = new Set<string>();
  const col = (n?: string) => n && out.add('c:' + n.toLowerCase());
  const idx = (n?: string) => n && out.add('i:' + n.toLowerCase());
  switch (spec.verb) {
    case 'ADD':
      if (spec.target === 'COLUMN') for (const c of spec.columns) col(c.name);
      else if (spec.target === 'INDEX' && spec.index && spec.index.kind !== 'FOREIGN' && spec.index.kind !== 'CHECK') idx(spec.index.name);
      break;
    case 'MODIFY':
    case 'CHANGE':
      col(spec.oldName);
      col(spec.columns[0]?.name);
      break;
    case 'DROP':
      if (spec.target === 'COLUMN') col(spec.name);
      else if (spec.target === 'INDEX') idx(spec.name);
      break;
    case 'ALTER':
      if (spec.target === 'COLUMN') col(spec.name);
      else if (spec.target === 'INDEX') idx(spec.name);
      break;
    case 'RENAME':
      if (spec.target === 'COLUMN') {
        col(spec.name);
        col(spec.newName);
      } else if (spec.target === 'INDEX') {
        idx(spec.name);
        idx(spec.newName);
      }
      break;
  }
  return out;
}

export default defineRule({
  id: 'alter-same-object-twice',
  category: 'incompatible',
  severity: 'error',
  versions: 'v6.2+ (before v6.2 any multi-spec ALTER fails, see multi-schema-change-pre-v6-2)',
  since: '6.2',
  explanation: 'Multi-schema change cannot operate on the same object twice.',
  fix: 'Split into separate ALTER TABLE statements.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote:
    'if you execute the `ALTER TABLE t1 MODIFY COLUMN c1 INT, DROP COLUMN c1` command, the `Unsupported operate same column/index` error is output.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE c RENAME INDEX a TO b, DROP INDEX b;',
      'CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(255) NOT NULL, KEY idx_email (email));\nALTER TABLE customers DROP INDEX idx_email, ADD UNIQUE INDEX idx_email (email);',
      'ALTER /* hint */ TABLE /* x */ t1 MODIFY /* c */ c1 INT, /* d */ DROP COLUMN c1;',
    ],
    clean: [
      "ALTER TABLE t1 ENGINE=InnoDB, COMMENT='x';",
      '--changeset bob:1\nALTER TABLE t1 MODIFY COLUMN c1 INT, DROP COLUMN c1;',
      'CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);\nALTER TABLE docs ADD COLUMN slug VARCHAR(200) NULL, ADD INDEX idx_slug (slug);',
    ],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name || at.specs.length < 2) return;
    const seen = new Map<string, AlterSpec>();
    const reported = new Set<AlterSpec>();
    for (const spec of at.specs) {
      for (const o of objects(spec)) {
        const first = seen.get(o);
        if (!first) {
          seen.set(o, spec);
          continue;
        }
        if (reported.has(spec)) continue;
        reported.add(spec);
        const name = o.slice(2);
        ctx.report(
          [spec.first, spec.end - 1],
          o.startsWith('c:')
            ? l10n.t(
                "This ALTER TABLE operates on column '{0}' twice ({1} and {2}); TiDB's multi-schema change rejects that with 'Unsupported operate same column/index'. Split it into separate ALTER TABLE statements.",
                name,
                ctx.s.word(first.first),
                ctx.s.word(spec.first),
              )
            : l10n.t(
                "This ALTER TABLE operates on index '{0}' twice ({1} and {2}); TiDB's multi-schema change rejects that with 'Unsupported operate same column/index'. Split it into separate ALTER TABLE statements.",
                name,
                ctx.s.word(first.first),
                ctx.s.word(spec.first),
              ),
        );
      }
    }
  },
});
