import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';

export default defineRule('leading-wildcard-like', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s) || s.kind === 'SHOW') return;
    const n = s.sparseFrom;
    for (let i = 0; i + 1 < n; i++) {
      if (!s.is(i, 'LIKE')) continue;
      let j = i + 1;
      if (s.is(j, 'BINARY')) j++;
      // _utf8mb4'...' / N'...' introducers
      if (s.tokens[j]?.kind === 'word' && s.word(j).startsWith('_') && s.tokens[j + 1]?.kind === 'string') j++;
      const t = s.tokens[j];
      if (!t || t.kind !== 'string') continue;
      const raw = s.src.slice(t.start, t.end);
      const body = raw[0] === 'N' || raw[0] === 'n' ? raw.slice(2) : raw.slice(1);
      const c = body[0];
      if (c !== '%' && c !== '_') continue;
      const first = s.is(i - 1, 'NOT') ? i - 1 : i;
      const what = c === '%' ? "'%'" : "'_'";
      ctx.report([first, j], `The LIKE pattern ${s.text(j)} starts with the wildcard ${what}, so TiDB cannot use an index range and scans the whole table or index. Use a prefix pattern, a reversed-string column, or full-text search.`);
    }
  },
});
