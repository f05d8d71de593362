import type { TableOption } from '../../../sql/ddl';
import { defineRule } from '../../rule';

export default defineRule('algorithm-instant-add-index', {
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const addsIndex = at.specs.some((sp) => sp.verb === 'ADD' && (sp.index?.kind === 'INDEX' || sp.index?.kind === 'UNIQUE'));
    if (!addsIndex) return;
    const instant: TableOption[] = [];
    for (const spec of at.specs) for (const o of spec.options) if (o.name === 'ALGORITHM' && o.value.toUpperCase() === 'INSTANT') instant.push(o);
    for (const o of instant) {
      ctx.report([o.tok, o.valueStart], 'TiDB adds indexes with the INPLACE algorithm, so ALGORITHM=INSTANT makes this ALTER TABLE fail (ERROR 1846 ALGORITHM=INSTANT is not supported). Use ALGORITHM=INPLACE or remove the ALGORITHM clause.', {
        title: 'Use ALGORITHM=INPLACE',
        edits: [ctx.replaceTokens(o.valueStart, o.valueStart, 'INPLACE')],
        safe: true,
      });
    }
  },
});
