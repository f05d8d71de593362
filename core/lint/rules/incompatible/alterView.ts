import { defineRule } from '../../rule';
import { matchCase } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'alter-view',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'ALTER VIEW is not supported.',
  fix: "Quick fix: rewrite 'ALTER [ALGORITHM=..] [DEFINER=..] VIEW v AS ...' to 'CREATE OR REPLACE VIEW v AS ...'.",
  source: 'pingcap/docs: sql-statements/sql-statement-create-view.md',
  quote: 'Currently, the view in TiDB does not support `ALTER VIEW`, but you can use `CREATE OR REPLACE` instead.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'alter view reporting.v (id) as\n  select id from t;',
      'ALTER ALGORITHM=MERGE DEFINER=`app`@`%` SQL SECURITY INVOKER VIEW v_orders AS SELECT id FROM orders;',
      'ALTER DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW reporting.v_customers AS SELECT id, name, country FROM crm.customers WHERE deleted_at IS NULL;',
    ],
    clean: ['create or replace view reporting.v (id) as\n  select id from t;'],
  },
  kinds: ['ALTER VIEW'],
  check(ctx) {
    const s = ctx.s;
    const v = s.afterCreateModifiers();
    if (!s.is(v, 'VIEW')) return;
    const q = s.qname(v + 1);
    const last = q ? q.last : v;
    const alter = s.text(0);
    ctx.report(
      [0, last],
      q
        ? l10n.t(
            'TiDB does not support ALTER VIEW, so changing {0} this way fails. Use CREATE OR REPLACE VIEW with the new definition instead.',
            q.db ? `${q.db}.${q.name}` : q.name,
          )
        : l10n.t(
            'TiDB does not support ALTER VIEW, so changing the view this way fails. Use CREATE OR REPLACE VIEW with the new definition instead.',
          ),
      {
        title: l10n.t('Rewrite as CREATE OR REPLACE VIEW'),
        edits: [ctx.replaceTokens(0, 0, matchCase(alter, 'CREATE OR REPLACE'))],
        safe: true,
      },
    );
  },
});
