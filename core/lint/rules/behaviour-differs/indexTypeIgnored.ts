import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'index-type-ignored',
  category: 'behaviour-differs',
  severity: 'info',
  versions: 'all',
  explanation: 'Index types are parsed and ignored; every TiDB index is an ordered KV index.',
  fix: 'Remove the USING clause.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'Different types of indexes (`HASH|BTREE|RTREE|FULLTEXT`) are not supported, and will be parsed and ignored when specified.',
  quoteStatus: 'verified',
  tidb: 'accepted, ignored',
  tags: ['unnecessary'],
  examples: {
    flagged: [
      'CREATE TABLE s (sid CHAR(64) NOT NULL, PRIMARY KEY (sid) USING HASH);',
      'ALTER TABLE t ADD INDEX i (a ASC, b DESC), ADD UNIQUE u (c) USING HASH;',
      'CREATE INDEX idx_c ON posts (created_at desc) USING HASH;',
    ],
    clean: ['SELECT a FROM t JOIN u USING (id) LIMIT 1;', 'SELECT id FROM posts WHERE user_id = 1 ORDER BY created_at DESC LIMIT 20;'],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    for (const { index } of indexSites(ctx)) {
      const first = index.first;
      // an index can carry USING both before and after the key parts; report each HASH/RTREE
      for (let k = first; k < index.end && k < s.length; k++) {
        if (!s.is(k, 'USING', 'TYPE') || !s.is(k + 1, 'HASH', 'RTREE')) continue;
        if (s.depth(k) !== s.depth(index.tok)) continue;
        ctx.report(
          [k, k + 1],
          index.name
            ? l10n.t(
                'TiDB ignores USING {0} on index {1}: every TiDB index is an ordered key-value index. Remove the USING clause.',
                s.word(k + 1) ?? '',
                index.name,
              )
            : l10n.t(
                'TiDB ignores USING {0}: every TiDB index is an ordered key-value index. Remove the USING clause.',
                s.word(k + 1) ?? '',
              ),
        );
      }
    }
  },
});
