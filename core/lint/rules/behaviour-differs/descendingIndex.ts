import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'descending-index',
  category: 'behaviour-differs',
  severity: 'info',
  versions: 'all',
  explanation: 'Descending indexes are parsed but built ascending; reverse scans still work but are slower on TiKV.',
  fix: 'Drop DESC from the index definition.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'Descending Index [#2519]',
  quoteStatus: 'verified',
  tidb: 'accepted, ignored',
  tags: ['unnecessary'],
  examples: {
    flagged: [
      'CREATE TABLE d (id BIGINT AUTO_RANDOM PRIMARY KEY, name VARCHAR(100), KEY idx_n (name(10) DESC));',
      'ALTER TABLE t ADD INDEX i (a ASC, b DESC), ADD UNIQUE u (c) USING HASH;',
      'CREATE INDEX i ON t (a DESC, b ASC);',
    ],
    clean: [
      'SELECT a FROM t JOIN u USING (id) LIMIT 1;',
      'CREATE TABLE s (sid CHAR(64) NOT NULL, PRIMARY KEY (sid) USING HASH);',
      'SELECT id FROM posts WHERE user_id = 1 ORDER BY created_at DESC LIMIT 20;',
    ],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    for (const { index } of indexSites(ctx)) {
      if (index.kind === 'FOREIGN' || index.kind === 'CHECK') continue;
      for (const p of index.parts) {
        if (p.desc === undefined) continue;
        ctx.report(
          p.desc,
          index.name
            ? l10n.t(
                'TiDB parses DESC in index {0} key part {1} but builds the index ascending; reverse scans still work but are slower. Drop DESC from the index definition.',
                index.name,
                p.column ?? l10n.t('expression'),
              )
            : l10n.t(
                'TiDB parses DESC in key part {0} but builds the index ascending; reverse scans still work but are slower. Drop DESC from the index definition.',
                p.column ?? l10n.t('expression'),
              ),
        );
      }
    }
  },
});
