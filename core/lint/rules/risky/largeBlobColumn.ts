import { columnSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';

const LARGE = new Set(['MEDIUMBLOB', 'MEDIUMTEXT', 'LONGBLOB', 'LONGTEXT']);

export default defineRule('large-blob-column', {
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    for (const { col } of columnSites(ctx)) {
      const t = col.type;
      if (!t) continue;
      // LONG, LONG VARCHAR and LONG VARBINARY are MEDIUMTEXT / MEDIUMBLOB
      const long = s.word(t.tok) === 'LONG';
      if (!LARGE.has(t.name) && !long) continue;
      const last = long && s.is(t.tok + 1, 'VARCHAR', 'VARBINARY') ? t.tok + 1 : t.tok;
      const shown = s.text(t.tok, last).toUpperCase();
      ctx.report([t.tok, last], `Column ${col.name} ${shown} can hold values larger than TiDB's single-entry limit (txn-entry-size-limit, 6 MiB by default), which fail with 'entry too large'. Keep large objects in object storage and store a reference, or make sure values stay well below the limit.`);
    }
  },
});
