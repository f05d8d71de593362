import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const ITEM_END = new Set(['LIMIT', 'FOR', 'LOCK', 'INTO', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW', 'ROWS', 'RANGE', 'GROUPS']);

export default defineRule({
  id: 'order-by-rand',
  category: 'risky',
  severity: 'warning',
  versions: 'all',
  explanation:
    'Reads and sorts the whole table (no TiDB doc discusses ORDER BY RAND(); the quote only documents the TABLESAMPLE alternative).',
  fix: 'Pick random keys in the application or sample with TABLESAMPLE REGIONS().',
  source: 'pingcap/docs: sql-statements/sql-statement-select.md (TABLESAMPLE)',
  quote: '`TABLESAMPLE` | To get a sample of rows from the table.',
  quoteStatus: 'paraphrase',
  tidb: 'accepted',
  words: ['RAND'],
  examples: {
    flagged: [
      'SELECT id FROM t WHERE a = 1 ORDER BY a, RAND(42) LIMIT 3;',
      'SELECT id, title FROM recipes WHERE is_public = 1 ORDER BY RAND() LIMIT 6;',
      'SELECT id, question FROM quiz_questions WHERE category_id = 3 ORDER BY RAND() LIMIT 10;',
    ],
    clean: ["SELECT id FROM t WHERE note = 'ORDER BY RAND()' LIMIT 3;", 'SELECT RAND() AS r FROM t WHERE a = 1 ORDER BY id LIMIT 3;'],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    for (let i = 0; i + 1 < n; i++) {
      if (!s.is(i, 'ORDER') || !s.is(i + 1, 'BY')) continue;
      const d = s.depth(i);
      let item = i + 2;
      for (let j = i + 2; j <= n; j++) {
        const atEnd = j === n || s.depth(j) < d || (s.depth(j) === d && (s.op(j) === ')' || s.op(j) === ';' || ITEM_END.has(s.word(j))));
        if (s.word(item) === 'RAND' && s.op(item + 1) === '(') {
          const close = s.match(item + 1);
          ctx.report(
            [i, close !== -1 ? close : item + 1],
            l10n.t(
              'ORDER BY RAND() reads and sorts every matching row before picking a few, which is expensive on a distributed store. Pick random keys in the application, or sample with TABLESAMPLE REGIONS().',
            ),
          );
          break;
        }
        if (atEnd) break;
        if (s.depth(j) === d && s.op(j) === ',') item = j + 1;
      }
    }
  },
});
