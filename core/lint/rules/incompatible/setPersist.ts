import { readSetAssignments } from '../../../sql/setStatement';
import { defineRule } from '../../rule';
import { INSTANCE_LOCAL_SYSVARS, matchCase } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'set-persist',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation:
    "TiDB does not support MySQL 8.0's persisted-variable syntax because SET GLOBAL already persists cluster-wide, so the statement fails.",
  fix: 'Quick fix: use SET GLOBAL (persisted and cluster-wide in TiDB); for instance-local variables use the TiDB configuration file.',
  source: 'pingcap/docs: sql-statements/sql-statement-set-variable.md',
  quote: 'TiDB does not support `SET PERSIST` and `SET PERSIST_ONLY`, because TiDB persists global variables.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'SET PERSIST x = 1;',
      'RESET PERSIST IF EXISTS long_query_time;',
      'SHOW MASTER STATUS;\nSTART TRANSACTION;\nCOMMIT;\nRESET PERSIST;',
    ],
    clean: [
      'set global innodb_buffer_pool_size = 8589934592;',
      'SET SESSION long_query_time = 2;\nSET @persist = 1;\nSELECT @@persist_only_x;',
    ],
  },
  kinds: ['SET', 'RESET'],
  check(ctx) {
    const s = ctx.s;
    if (s.kind === 'RESET') {
      if (!s.is(1, 'PERSIST')) return;
      ctx.report(
        [0, 1],
        l10n.t(
          'TiDB does not support RESET PERSIST (there are no MySQL-style persisted variables), so this statement fails. Remove it; to undo a cluster-wide setting, SET GLOBAL the variable back to its default.',
        ),
      );
      return;
    }
    const seen = new Set<number>();
    const assignments = readSetAssignments(s);
    // SET GLOBAL keeps the intent only for PERSIST of cluster-persisted variables.
    const allSafe = assignments.every(
      (a) => (a.scope !== 'PERSIST' && a.scope !== 'PERSIST_ONLY') || (a.scope === 'PERSIST' && !INSTANCE_LOCAL_SYSVARS.has(a.name)),
    );
    for (const a of assignments) {
      if (a.scope !== 'PERSIST' && a.scope !== 'PERSIST_ONLY') continue;
      const t = s.tokens[a.nameTok];
      const local = INSTANCE_LOCAL_SYSVARS.has(a.name);
      const safe = allSafe;
      const message = local
        ? l10n.t(
            'TiDB does not support SET {0} because SET GLOBAL already persists cluster-wide, so this statement fails. {1} is instance-local in TiDB: set it in the TiDB configuration file to keep it across restarts.',
            a.scope,
            a.name,
          )
        : l10n.t(
            'TiDB does not support SET {0} because SET GLOBAL already persists cluster-wide, so this statement fails. Use SET GLOBAL instead.',
            a.scope,
          );
      if (t.kind === 'sysvar') {
        // @@PERSIST.x / @@PERSIST_ONLY.x
        const raw = s.text(a.nameTok);
        const dot = raw.indexOf('.');
        if (dot < 0) continue;
        const prefix = raw.slice(2, dot);
        ctx.report(a.nameTok, message, {
          title: l10n.t('Use @@{0}.{1}', matchCase(prefix, 'GLOBAL'), raw.slice(dot + 1)),
          edits: [{ start: t.start + 2, end: t.start + dot, newText: matchCase(prefix, 'GLOBAL') }],
          safe,
        });
        continue;
      }
      let kw = -1;
      for (let k = a.nameTok - 1; k >= 1; k--) {
        if (s.is(k, 'PERSIST', 'PERSIST_ONLY') && s.depth(k) === 0) {
          kw = k;
          break;
        }
      }
      if (kw === -1 || seen.has(kw)) continue;
      seen.add(kw);
      ctx.report([kw, Math.max(a.nameTok, a.valueEnd - 1)], message, {
        title: l10n.t('Use SET GLOBAL instead of SET {0}', a.scope),
        edits: [ctx.replaceTokens(kw, kw, matchCase(s.text(kw), 'GLOBAL'))],
        safe,
      });
    }
  },
});
