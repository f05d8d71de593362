import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'multi-valued-index-version',
  category: 'incompatible',
  severity: 'error',
  versions: '< v6.6.0 (experimental 6.6, GA 7.1)',
  until: '6.6',
  explanation: 'Multi-valued indexes arrived in v6.6.0.',
  fix: 'Upgrade or use an auxiliary table.',
  source:
    'pingcap/docs: sql-statements/sql-statement-create-index.md#multi-valued-indexes; releases/release-6.6.0.md; releases/release-7.1.0.md',
  quote: 'TiDB introduces MySQL-compatible multi-valued indexes in v6.6.0.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      "CREATE TABLE c (id BIGINT PRIMARY KEY, j JSON, INDEX zips ((CAST(j->'$.zip' AS UNSIGNED ARRAY))));",
      'ALTER TABLE p ADD KEY t ((CAST(tags AS CHAR(32) ARRAY)));',
      "CREATE INDEX i ON l ((CAST(a->'$.ids' AS UNSIGNED ARRAY)));",
    ],
    clean: ['CREATE TABLE c (id BIGINT PRIMARY KEY, a INT, INDEX i ((a + 1)));'],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    for (const { index } of indexSites(ctx)) {
      for (const p of index.parts) {
        if (!p.expr) continue;
        const [open, close] = p.expr;
        for (let k = open + 1; k < close; k++) {
          // CAST(expr AS type ARRAY)
          if (!s.is(k, 'ARRAY') || s.op(k + 1) !== ')') continue;
          const castOpen = s.match(k + 1);
          if (castOpen < 0 || !s.is(castOpen - 1, 'CAST', 'CONVERT')) continue;
          ctx.report(
            [castOpen - 1, k + 1],
            index.name
              ? l10n.t(
                  'Multi-valued indexes (CAST(... AS ... ARRAY) key parts) arrived in TiDB v6.6.0; on {0} the index {1} fails. Upgrade to v6.6+ (GA in v7.1), or store the array values in an auxiliary table with an ordinary index.',
                  String(ctx.target),
                  index.name,
                )
              : l10n.t(
                  'Multi-valued indexes (CAST(... AS ... ARRAY) key parts) arrived in TiDB v6.6.0; on {0} the index fails. Upgrade to v6.6+ (GA in v7.1), or store the array values in an auxiliary table with an ordinary index.',
                  String(ctx.target),
                ),
          );
        }
      }
    }
  },
});
