import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'column-level-privilege',
  category: 'behaviour-differs',
  severity: 'warning',
  versions: 'all',
  explanation:
    'TiDB parses column-level GRANT/REVOKE and records them in mysql.columns_priv, but column-level privileges are not enforced, so the GRANT succeeds while the grantee still cannot read the table (and a column-level REVOKE restricts nothing).',
  fix: 'Grant on a view that exposes only the allowed columns.',
  source:
    'pingcap/docs: sql-statements/sql-statement-grant-privileges.md; privilege-management.md; pingcap/tidb pkg/executor/grant.go (grantColumnLevel)',
  quote: 'Column level privileges are not currently supported.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      "revoke select (a), update (b, c) on db.t from 'u'@'%';",
      "GRANT INSERT (name, `email`), SELECT ON crm.leads TO 'mkt'@'%';",
      "GRANT SELECT (id, email), UPDATE (email) ON shop.users TO 'support'@'%';",
    ],
    clean: ["GRANT SELECT, INSERT ON crm.leads TO 'mkt'@'%';\nGRANT r_app TO 'u'@'%';\nREVOKE ALL PRIVILEGES ON *.* FROM u;"],
  },
  kinds: ['GRANT', 'REVOKE'],
  check(ctx) {
    const s = ctx.s;
    let i = 1;
    if (s.kind === 'REVOKE' && s.seq(1, 'IF', 'EXISTS') !== -1) i = 3;
    const on = s.find(['ON'], i, s.length, 0);
    if (on === -1) return;
    for (const [a, b] of s.splitCommas(i, on)) {
      for (let k = a; k < b; k++) {
        if (s.op(k) !== '(' || k === a || !s.word(k - 1)) continue;
        const close = s.match(k);
        if (close === -1 || close >= on) continue;
        const cols = s
          .splitCommas(k + 1, close)
          .map(([x]) => s.ident(x))
          .filter((c) => c !== undefined);
        const priv = s
          .text(a, k - 1)
          .replace(/\s+/g, ' ')
          .toUpperCase();
        ctx.report(
          [a, close],
          s.kind === 'GRANT'
            ? l10n.t(
                'TiDB records column-level privileges but does not enforce them, so for {0} ({1}) the GRANT succeeds but the grantee still cannot use these columns. Grant on a view that exposes only the allowed columns instead.',
                priv,
                cols.join(', '),
              )
            : l10n.t(
                'TiDB records column-level privileges but does not enforce them, so for {0} ({1}) the REVOKE restricts nothing. Grant on a view that exposes only the allowed columns instead.',
                priv,
                cols.join(', '),
              ),
        );
        break;
      }
    }
  },
});
