import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';

export default defineRule('descending-index', {
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    for (const { index } of indexSites(ctx)) {
      if (index.kind === 'FOREIGN' || index.kind === 'CHECK') continue;
      for (const p of index.parts) {
        if (p.desc === undefined) continue;
        ctx.report(p.desc, `TiDB parses DESC in index${index.name ? ` ${index.name}` : ''} key part ${p.column ?? 'expression'} but builds the index ascending; reverse scans still work but are slower. Drop DESC from the index definition.`);
      }
    }
  },
});
