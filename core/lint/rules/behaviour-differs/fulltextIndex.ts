import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';

export default defineRule('fulltext-index', {
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    for (const { index } of indexSites(ctx)) {
      if (index.kind !== 'FULLTEXT') continue;
      const parser = (index.withParser ?? '').toUpperCase();
      if (parser === 'STANDARD' || parser === 'MULTILINGUAL') continue;
      const last = s.is(index.tok + 1, 'KEY', 'INDEX') ? index.tok + 1 : index.tok;
      ctx.report([index.tok, last], `TiDB accepts the FULLTEXT index${index.name ? ` ${index.name}` : ''} but drops it with warning 1214, so the table has no full-text index and MATCH ... AGAINST fails. Remove the index and use an external search engine (or TiDB Cloud full-text search).`);
    }
  },
});
