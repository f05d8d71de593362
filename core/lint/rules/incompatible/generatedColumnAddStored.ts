import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'generated-column-add-stored',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'Stored generated columns can only be declared at CREATE TABLE time; VIRTUAL ones can be added later.',
  fix: 'Quick fix: add it as VIRTUAL (and index it if needed).',
  source: 'pingcap/docs: generated-columns.md',
  quote: 'You cannot add a stored generated column through `ALTER TABLE`.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE r ADD (w INT, area DOUBLE AS (w * h) PERSISTENT);',
      'ALTER TABLE rectangles ADD area DOUBLE AS (width * height) STORED NOT NULL;',
      'ALTER TABLE orders ADD COLUMN total_cents BIGINT AS (ROUND(total * 100)) STORED;',
    ],
    clean: ['ALTER TABLE o ADD COLUMN c BIGINT AS (a * 100);', 'CREATE TABLE o (a INT PRIMARY KEY, c BIGINT AS (a * 100) STORED);'],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    for (const spec of at.specs) {
      if (spec.verb !== 'ADD' || spec.target !== 'COLUMN') continue;
      for (const c of spec.columns) {
        const g = c.generated;
        if (!g?.stored || g.storedTok === undefined) continue;
        ctx.report(
          g.storedTok,
          l10n.t(
            "TiDB cannot add a STORED generated column with ALTER TABLE ('{0}' on '{1}'); stored generated columns can only be declared in CREATE TABLE. Add it as VIRTUAL (and index it if needed).",
            c.name,
            at.name.name,
          ),
          {
            title: l10n.t('Add the generated column as VIRTUAL'),
            edits: [ctx.replaceTokens(g.storedTok, g.storedTok, 'VIRTUAL')],
            safe: false,
          },
        );
      }
    }
  },
});
