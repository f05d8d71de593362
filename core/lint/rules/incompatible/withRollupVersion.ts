import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'with-rollup-version',
  category: 'incompatible',
  severity: 'error',
  versions: '< v7.4.0',
  until: '7.4',
  explanation: 'WITH ROLLUP was listed as unsupported and was implemented in v7.4.0.',
  fix: 'Upgrade, or compute subtotals with UNION ALL.',
  source: 'pingcap/docs: mysql-compatibility.md (v5.x-v7.3)',
  quote: 'The syntax `SELECT ... GROUP BY ... WITH ROLLUP` is not supported.',
  quoteStatus: 'verified',
  words: ['ROLLUP'],
  examples: {
    flagged: [
      'SELECT region, SUM(x) FROM s GROUP BY region with rollup ORDER BY region;',
      "INSERT INTO category_totals (category_id, total)\nSELECT category_id, SUM(amount) FROM order_lines WHERE created_at >= '2024-01-01' GROUP BY category_id WITH ROLLUP;",
      'SELECT a, COUNT(*) FROM t GROUP BY a WITH ROLLUP;',
    ],
    clean: ["SELECT 'GROUP BY a WITH ROLLUP' AS s;"],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    let groupBy = false;
    for (let i = 0; i < n; i++) {
      if (s.seq(i, 'GROUP', 'BY') !== -1) groupBy = true;
      if (!groupBy || s.seq(i, 'WITH', 'ROLLUP') === -1) continue;
      ctx.report(
        [i, i + 1],
        l10n.t(
          'TiDB {0} does not support GROUP BY ... WITH ROLLUP (added in v7.4.0), so this query fails. Upgrade to v7.4 or later, or compute the subtotals with UNION ALL of coarser GROUP BY queries.',
          String(ctx.target),
        ),
      );
    }
  },
});
