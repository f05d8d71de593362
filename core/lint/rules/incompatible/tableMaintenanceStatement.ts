import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** The message for `verb TABLE`, naming the tables when there are any, with what to do instead. */
function message(verb: string, tables: string): string {
  switch (verb) {
    case 'CHECK':
      return tables
        ? l10n.t('TiDB does not implement {0} TABLE, so this statement on {1} fails. Use ADMIN CHECK TABLE instead.', verb, tables)
        : l10n.t('TiDB does not implement {0} TABLE, so this statement fails. Use ADMIN CHECK TABLE instead.', verb);
    case 'CHECKSUM':
      return tables
        ? l10n.t('TiDB does not implement {0} TABLE, so this statement on {1} fails. Use ADMIN CHECKSUM TABLE instead.', verb, tables)
        : l10n.t('TiDB does not implement {0} TABLE, so this statement fails. Use ADMIN CHECKSUM TABLE instead.', verb);
    case 'REPAIR':
      return tables
        ? l10n.t(
            'TiDB does not implement {0} TABLE, so this statement on {1} fails. Remove it from the script: TiKV has no table files to repair.',
            verb,
            tables,
          )
        : l10n.t(
            'TiDB does not implement {0} TABLE, so this statement fails. Remove it from the script: TiKV has no table files to repair.',
            verb,
          );
    default: // OPTIMIZE
      return tables
        ? l10n.t(
            'TiDB does not implement {0} TABLE, so this statement on {1} fails. Remove it from the script: TiKV compacts data automatically.',
            verb,
            tables,
          )
        : l10n.t(
            'TiDB does not implement {0} TABLE, so this statement fails. Remove it from the script: TiKV compacts data automatically.',
            verb,
          );
  }
}

export default defineRule({
  id: 'table-maintenance-statement',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'These InnoDB/MyISAM maintenance statements are not implemented (TiKV compaction is automatic).',
  fix: 'Use ADMIN CHECK TABLE / ADMIN CHECKSUM TABLE; drop OPTIMIZE/REPAIR from scripts.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: '`CHECK TABLE` syntax [#4673] ... `CHECKSUM TABLE` syntax [#1895] ... `REPAIR TABLE` syntax ... `OPTIMIZE TABLE` syntax',
  quoteStatus: 'verified',
  examples: {
    flagged: ['CHECK TABLE t;', 'optimize table `orders`;', 'CHECKSUM TABLE t1 EXTENDED;'],
    clean: [
      "SELECT 'CHECK TABLE orders; OPTIMIZE TABLE t' AS hint;",
      'ADMIN CHECK TABLE orders;\nADMIN CHECKSUM TABLE orders;\nANALYZE TABLE orders;',
    ],
  },
  kinds: ['CHECK', 'CHECKSUM', 'REPAIR', 'OPTIMIZE'],
  check(ctx) {
    const s = ctx.s;
    const verb = s.word(0);
    let i = 1;
    if (verb !== 'CHECK' && verb !== 'CHECKSUM' && s.is(i, 'NO_WRITE_TO_BINLOG', 'LOCAL')) i++;
    if (!s.is(i, 'TABLE', 'TABLES')) return;
    const names: string[] = [];
    for (const [a] of s.splitCommas(i + 1, s.length)) {
      const q = s.qname(a);
      if (q) names.push(q.db ? `${q.db}.${q.name}` : q.name);
    }
    ctx.report([0, i], message(verb, names.join(', ')));
  },
});
