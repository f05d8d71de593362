import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';

export default defineRule('index-type-ignored', {
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    for (const { index } of indexSites(ctx)) {
      const first = index.first;
      // an index can carry USING both before and after the key parts; report each HASH/RTREE
      for (let k = first; k < index.end && k < s.length; k++) {
        if (!s.is(k, 'USING', 'TYPE') || !s.is(k + 1, 'HASH', 'RTREE')) continue;
        if (s.depth(k) !== s.depth(index.tok)) continue;
        ctx.report([k, k + 1], `TiDB ignores USING ${s.word(k + 1)}${index.name ? ` on index ${index.name}` : ''}: every TiDB index is an ordered key-value index. Remove the USING clause.`);
      }
    }
  },
});
