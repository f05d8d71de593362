import { findAtDepth, mainVerb } from '../../../sql/queryRefs';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const TIME_FUNCS = new Set([
  'NOW',
  'CURRENT_TIMESTAMP',
  'CURDATE',
  'CURRENT_DATE',
  'SYSDATE',
  'UTC_TIMESTAMP',
  'UTC_DATE',
  'DATE_SUB',
  'SUBDATE',
  'UNIX_TIMESTAMP',
  'LOCALTIMESTAMP',
]);

export default defineRule({
  id: 'large-range-dml',
  category: 'risky',
  severity: 'warning',
  versions: 'all (non-transactional DML from v6.1.0)',
  explanation:
    'A DELETE or UPDATE whose WHERE is a one-sided range (created_at < NOW() - INTERVAL 1 YEAR, id < 5000000) and no LIMIT writes everything on one side of the bound in a single transaction: on TiDB a purge of old rows becomes one huge transaction (memory, lock conflicts, "transaction too large").',
  fix: 'Split it: BATCH ON <key> LIMIT 10000 DELETE … (non-transactional DML, v6.1+), or repeat DELETE … LIMIT 10000 until it affects no rows.',
  source: 'pingcap/docs: non-transactional-dml.md; develop/dev-guide-delete-data.md',
  quote: 'Non-transactional DML statements are used to split a large DML statement into multiple smaller batches',
  quoteStatus: 'verified',
  docs: 'non-transactional-dml',
  tidb: 'accepted',
  examples: {
    flagged: [
      'DELETE FROM audit_log WHERE created_at < NOW() - INTERVAL 1 YEAR;',
      "UPDATE orders SET archived = 1 WHERE order_date <= '2020-01-01';",
      'DELETE FROM sessions WHERE last_seen < DATE_SUB(CURDATE(), INTERVAL 30 DAY);',
    ],
    clean: [
      'DELETE FROM audit_log WHERE created_at < NOW() - INTERVAL 1 YEAR LIMIT 10000;',
      'DELETE FROM orders WHERE id = 42;',
      'UPDATE orders SET archived = 1 WHERE user_id = 7 AND created_at < NOW() - INTERVAL 1 YEAR;',
      "DELETE FROM events WHERE ts BETWEEN '2024-01-01' AND '2024-01-02';",
      'BATCH ON id LIMIT 10000 DELETE FROM audit_log WHERE created_at < NOW() - INTERVAL 1 YEAR;',
    ],
  },
  kinds: ['DELETE', 'UPDATE'],
  check(ctx) {
    const s = ctx.s;
    if (s.sparseFrom < s.length) return;
    const verb = mainVerb(s);
    if (verb === -1 || !s.is(verb, 'DELETE', 'UPDATE')) return;
    const d = s.depth(verb);
    const where = findAtDepth(s, ['WHERE'], verb + 1, d);
    if (where === -1) return;
    const stop = [findAtDepth(s, ['ORDER'], where, d), findAtDepth(s, ['LIMIT'], where, d)].filter((x) => x !== -1);
    if (findAtDepth(s, ['LIMIT'], where, d) !== -1) return;
    const end = stop.length ? Math.min(...stop) : s.length;
    // the top-level conjuncts of the WHERE
    const conj: Array<[number, number]> = [];
    let a = where + 1;
    for (let i = where + 1; i <= end; i++) {
      if (i === end || (s.depth(i) === d && s.is(i, 'AND'))) {
        if (i > a) conj.push([a, i]);
        a = i + 1;
      }
      if (s.depth(i) === d && s.is(i, 'OR')) return;
    }
    let range: [number, number] | undefined;
    for (const [x, y] of conj) {
      const ops = [];
      for (let i = x; i < y; i++) if (s.depth(i) === d) ops.push(s.op(i) ?? s.word(i));
      if (ops.some((o) => o === '=' || o === 'IN' || o === 'IS' || o === 'LIKE' || o === '<=>')) return; // a point or a selective filter
      if (ops.includes('BETWEEN')) return; // two-sided
      if (ops.some((o) => o === '<' || o === '<=' || o === '>' || o === '>=')) {
        if (range) return; // two ranges: likely both sides of one column, a bounded window
        range = [x, y - 1];
      }
    }
    if (!range || conj.length !== 1) return;
    const text = s.text(range[0], range[1]);
    const timeBound =
      [...Array(range[1] - range[0] + 1).keys()].some((k) => TIME_FUNCS.has(s.word(range![0] + k) ?? '')) ||
      /INTERVAL|'\d{4}-\d\d-\d\d/i.test(text);
    ctx.report(
      [verb, range[1]],
      timeBound
        ? l10n.t(
            '{0} … WHERE {1} has only a one-sided bound and no LIMIT: every older row on that side is written in one transaction, which on TiDB can be huge (memory, lock conflicts, "transaction too large"). Split it with BATCH ON <key> LIMIT 10000 {0} … (non-transactional DML, v6.1+), or repeat it with LIMIT 10000 until no rows are affected.',
            s.word(verb),
            text,
          )
        : l10n.t(
            '{0} … WHERE {1} has only a one-sided bound and no LIMIT: every row on that side is written in one transaction, which on TiDB can be huge (memory, lock conflicts, "transaction too large"). Split it with BATCH ON <key> LIMIT 10000 {0} … (non-transactional DML, v6.1+), or repeat it with LIMIT 10000 until no rows are affected.',
            s.word(verb),
            text,
          ),
    );
  },
});
