import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export const DEEP_OFFSET = 10000;

export default defineRule({
  id: 'deep-offset-pagination',
  category: 'risky',
  severity: 'info',
  versions: 'all',
  explanation: 'TiDB must read and discard offset rows across Regions.',
  fix: 'Use keyset pagination (WHERE id > last_id ORDER BY id LIMIT n).',
  source: 'pingcap/docs: develop/dev-guide-paginate-results.md',
  quote:
    'As the primary key or unique index needs to be sorted, a larger offset consumes more computing resources, especially in the case of a large volume of data.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  words: ['LIMIT'],
  examples: {
    flagged: [
      'SELECT id FROM p WHERE s = 1 ORDER BY id LIMIT 10000, 100;',
      "SELECT id, title FROM posts WHERE status = 'published' ORDER BY id LIMIT 200000, 20;",
      'SELECT id, sku FROM inventory_moves WHERE warehouse_id = 3 ORDER BY id LIMIT 10000, 100;',
    ],
    clean: ['SELECT id FROM p WHERE s = 1 ORDER BY id LIMIT ?, ?;'],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    for (let i = 0; i < n; i++) {
      if (!s.is(i, 'LIMIT')) continue;
      let offset: number | undefined;
      let last = -1;
      if (s.tokens[i + 1]?.kind === 'number' && s.op(i + 2) === ',' && s.tokens[i + 3]?.kind === 'number') {
        offset = s.num(i + 1);
        last = i + 3;
      } else if (s.tokens[i + 1]?.kind === 'number' && s.is(i + 2, 'OFFSET') && s.tokens[i + 3]?.kind === 'number') {
        offset = s.num(i + 3);
        last = i + 3;
      }
      if (offset === undefined || !(offset >= DEEP_OFFSET)) continue;
      ctx.report(
        [i, last],
        l10n.t(
          'LIMIT with offset {0} makes TiDB read and discard {0} rows across Regions before returning any. Use keyset pagination instead (WHERE id > last_seen_id ORDER BY id LIMIT n).',
          offset,
        ),
      );
    }
  },
});
