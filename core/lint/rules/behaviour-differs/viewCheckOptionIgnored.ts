import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'view-check-option-ignored',
  category: 'behaviour-differs',
  severity: 'info',
  versions: 'all',
  explanation: 'WITH CHECK OPTION is syntax-only (views are not updatable anyway).',
  fix: 'Remove the clause.',
  source: 'pingcap/docs: sql-statements/sql-statement-create-view.md',
  quote: '`WITH CHECK OPTION` is only syntactically compatible but does not take effect.',
  quoteStatus: 'verified',
  tidb: 'accepted, ignored',
  tags: ['unnecessary'],
  examples: {
    flagged: [
      'create view v as select * from p where state = 1 with check option;',
      "CREATE OR REPLACE VIEW v_eu AS\nSELECT id FROM customers WHERE country IN ('DE', 'FR')\nWITH LOCAL CHECK OPTION;",
      "CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_pending_payouts AS SELECT * FROM payouts WHERE state = 'pending' WITH CHECK OPTION;",
    ],
    clean: ['CREATE VIEW v AS SELECT a FROM t WHERE a > 0;'],
  },
  kinds: ['CREATE VIEW'],
  check(ctx) {
    const s = ctx.s;
    const n = s.sparseFrom;
    for (let i = 0; i < n; i++) {
      if (!s.is(i, 'WITH') || s.depth(i) !== 0) continue;
      let j = i + 1;
      if (s.is(j, 'CASCADED', 'LOCAL')) j++;
      if (s.seq(j, 'CHECK', 'OPTION') === -1) continue;
      ctx.report(
        [i, j + 1],
        l10n.t(
          'TiDB accepts WITH CHECK OPTION only syntactically: rows written through the view are not checked against its WHERE clause. Remove the clause and enforce the condition in the application or with constraints.',
        ),
      );
      return;
    }
  },
});
