import { functionCalls } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'match-against',
  category: 'incompatible',
  severity: 'error',
  versions: 'all self-managed versions; TiDB Cloud Starter/Essential offer full-text search via FTS_MATCH_WORD(), not MATCH...AGAINST',
  explanation:
    "MySQL full-text search functions are not supported. TiDB Cloud's full-text search uses its own syntax (FULLTEXT INDEX ... WITH PARSER STANDARD|MULTILINGUAL and FTS_MATCH_WORD()).",
  fix: 'Use LIKE/REGEXP for small data, an external search engine, or TiDB Cloud full-text search functions.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: '`FULLTEXT` syntax and indexes [#1793]',
  quoteStatus: 'verified',
  words: ['MATCH'],
  examples: {
    flagged: [
      "SELECT MATCH (a) AGAINST ('x') AS score FROM t\nWHERE id = 1;",
      "CREATE VIEW v AS SELECT id FROM t WHERE MATCH (a) AGAINST ('x');",
      "SELECT ST_AsText(p), ExtractValue(x, '/a'), UUID_SHORT() FROM t WHERE MATCH(a) AGAINST('x') AND name LIKE '%x';",
    ],
    clean: [
      "INSERT INTO search_log (q) VALUES ('MATCH(title) AGAINST(?)');",
      "-- MATCH (a) AGAINST ('x')\nSELECT `match`, against FROM t WHERE id = 1;",
      'CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES par (id) MATCH FULL);',
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    for (const c of functionCalls(s)) {
      if (c.name !== 'MATCH') continue;
      const close = s.match(c.open);
      let against = -1;
      if (close !== -1) {
        if (s.is(close + 1, 'AGAINST')) against = close + 1;
      } else {
        // skimmed INSERT body: only words and '(' are kept
        for (let j = c.open + 1; j < s.length && j < c.open + 64; j++) {
          if (s.is(j, 'AGAINST')) {
            against = j;
            break;
          }
          if (s.op(j) === '(') break;
        }
      }
      if (against === -1 || s.op(against + 1) !== '(') continue;
      const end = s.match(against + 1);
      ctx.report(
        [c.at, end !== -1 ? end : against + 1],
        l10n.t(
          'TiDB does not support MySQL full-text search: MATCH ... AGAINST fails. Use LIKE/REGEXP for small data, an external search engine, or TiDB Cloud full-text search (FTS_MATCH_WORD).',
        ),
      );
    }
  },
});
