import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'leading-wildcard-like',
  category: 'risky',
  severity: 'info',
  versions: 'all',
  explanation: 'Cannot use an index range; scans the table/index.',
  fix: 'Use a prefix pattern, a reversed-string column, or full-text search.',
  source: 'pingcap/docs: develop/dev-guide-index-best-practice.md',
  quote: 'A query cannot use indexes if the `LIKE` condition starts with wildcard `%` in the query.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  words: ['LIKE'],
  examples: {
    flagged: [
      "select id from o where no like '_2024%' limit 5;",
      "SELECT id FROM products WHERE name LIKE '%phone%' LIMIT 50;",
      "SELECT COUNT(*) FROM users WHERE email NOT LIKE '%@example.com';",
    ],
    clean: ["SELECT 'x LIKE ''%y''' AS doc;", "SHOW VARIABLES LIKE '%timeout%';", "SELECT id FROM t WHERE name LIKE 'john%' LIMIT 1;"],
  },
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
      if (t?.kind !== 'string') continue;
      const raw = s.src.slice(t.start, t.end);
      const body = raw[0] === 'N' || raw[0] === 'n' ? raw.slice(2) : raw.slice(1);
      const c = body[0];
      if (c !== '%' && c !== '_') continue;
      const first = s.is(i - 1, 'NOT') ? i - 1 : i;
      const what = c === '%' ? "'%'" : "'_'";
      ctx.report(
        [first, j],
        l10n.t(
          'The LIKE pattern {0} starts with the wildcard {1}, so TiDB cannot use an index range and scans the whole table or index. Use a prefix pattern, a reversed-string column, or full-text search.',
          s.text(j),
          what,
        ),
      );
    }
  },
});
