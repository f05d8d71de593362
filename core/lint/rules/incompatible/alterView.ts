import { defineRule } from '../../rule';
import { matchCase } from '../support/ruleHelpers';

export default defineRule('alter-view', {
  kinds: ['ALTER VIEW'],
  check(ctx) {
    const s = ctx.s;
    const v = s.afterCreateModifiers();
    if (!s.is(v, 'VIEW')) return;
    const q = s.qname(v + 1);
    const last = q ? q.last : v;
    const name = q ? (q.db ? `${q.db}.${q.name}` : q.name) : 'the view';
    const alter = s.text(0);
    ctx.report(
      [0, last],
      `TiDB does not support ALTER VIEW, so changing ${name} this way fails. Use CREATE OR REPLACE VIEW with the new definition instead.`,
      {
        title: 'Rewrite as CREATE OR REPLACE VIEW',
        edits: [ctx.replaceTokens(0, 0, matchCase(alter, 'CREATE OR REPLACE'))],
        safe: true,
      },
    );
  },
});
