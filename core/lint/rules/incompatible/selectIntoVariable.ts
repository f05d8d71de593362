import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';

export default defineRule('select-into-variable', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    let sawSelect = false;
    for (let i = 0; i < n; i++) {
      if (s.word(i) === 'SELECT') sawSelect = true;
      if (!sawSelect || s.word(i) !== 'INTO' || s.tokens[i + 1]?.kind !== 'var') continue;
      // INTO @a, @b, ...
      let last = i + 1;
      const vars = [s.text(i + 1)];
      while (s.op(last + 1) === ',' && s.tokens[last + 2]?.kind === 'var') {
        last += 2;
        vars.push(s.text(last));
      }
      ctx.report(
        [i, last],
        `TiDB does not support SELECT ... INTO user variables, so assigning ${vars.join(', ')} this way fails. Use SET ${vars[0]} = (SELECT ...) or SELECT ${vars[0]} := expr instead.`,
      );
      i = last;
    }
  },
});
