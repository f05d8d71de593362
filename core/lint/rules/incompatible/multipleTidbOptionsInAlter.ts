import { isAssertionSpec, specText, splitAlterFix } from '../support/alterSplit';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const TIDB_OPTIONS = new Set(['SHARD_ROW_ID_BITS', 'AUTO_ID_CACHE']);

export default defineRule({
  id: 'multiple-tidb-options-in-alter',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'TiDB cannot modify several TiDB-specific schema objects in a single ALTER TABLE.',
  fix: 'Quick fix: one ALTER TABLE per TiDB-specific option.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote:
    'It is not supported to modify multiple TiDB-specific schema objects using a single `ALTER TABLE` statement, such as `TIFLASH REPLICA`, `SHARD_ROW_ID_BITS`, and `AUTO_ID_CACHE`.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE events AUTO_ID_CACHE = 1 SHARD_ROW_ID_BITS = 4;',
      'ALTER TABLE metrics SET TIFLASH REPLICA 2, AUTO_ID_CACHE = 1;',
      'alter table m set tiflash replica 2, /*T! auto_id_cache = 1 */;',
    ],
    clean: ['ALTER TABLE m ENGINE = InnoDB, AUTO_INCREMENT = 5;'],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const s = ctx.s;
    // Each TiDB-specific change: its token range and text.
    const tidb: Array<{ first: number; last: number; text: string }> = [];
    const others: string[] = [];
    for (const spec of at.specs) {
      if (isAssertionSpec(spec)) continue;
      if (spec.verb === 'SET TIFLASH REPLICA') {
        tidb.push({ first: spec.first, last: spec.end - 1, text: specText(ctx, spec) });
        continue;
      }
      const opts = spec.verb === 'OPTION' ? spec.options.filter((o) => TIDB_OPTIONS.has(o.name)) : [];
      if (opts.length === 0) {
        others.push(specText(ctx, spec));
        continue;
      }
      for (const o of spec.options) {
        const last = Math.max(o.tok, o.valueEnd - 1);
        const text = s.text(o.tok, last);
        if (TIDB_OPTIONS.has(o.name)) tidb.push({ first: o.tok, last, text });
        else others.push(text);
      }
    }
    if (tidb.length < 2) return;
    const groups = [others, ...tidb.map((x) => [x.text])];
    const fix = splitAlterFix(ctx, at, groups, l10n.t('Split into one ALTER TABLE per TiDB-specific option'));
    ctx.report(
      [tidb[1].first, tidb[tidb.length - 1].last],
      l10n.t(
        "TiDB cannot change several TiDB-specific schema objects (TIFLASH REPLICA, SHARD_ROW_ID_BITS, AUTO_ID_CACHE) in one ALTER TABLE, so this statement on '{0}' fails. Use one ALTER TABLE per TiDB-specific option.",
        at.name.name,
      ),
      fix,
    );
  },
});
