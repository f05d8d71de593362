import type { Fix, RuleContext, TextEdit } from '../../context';
import type { QueryBlock } from '../../../sql/statement';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const SET_OPS = ['UNION', 'EXCEPT', 'INTERSECT'];

export default defineRule({
  id: 'group-by-asc-desc',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation:
    'TiDB parses the MySQL 5.7 GROUP BY sort modifier only as a no-op feature gated by tidb_enable_noop_functions (default OFF), so the statement errors; even when enabled the groups are not sorted. MySQL 8.0 removed the syntax as well.',
  fix: 'Quick fix: remove ASC/DESC from GROUP BY and add ORDER BY expr ASC|DESC.',
  source: 'pingcap/docs: system-variables.md#tidb_enable_noop_functions-new-in-v40',
  quote:
    'By default, TiDB returns an error when you attempt to use the syntax for functionality that is not yet implemented. ... `GROUP BY <expr> ASC|DESC` syntax',
  quoteStatus: 'verified',
  tags: ['deprecated'],
  words: ['GROUP'],
  examples: {
    flagged: [
      'SELECT a FROM t WHERE x = 1 GROUP BY a DESC WITH ROLLUP ORDER BY a;',
      'INSERT INTO d (day, n)\nSELECT DATE(c) AS day, COUNT(*) FROM t WHERE c > 1 group by day asc;',
      'SELECT c, SUM(t) AS s FROM o WHERE x = 1 GROUP BY c ASC ORDER BY s DESC LIMIT 20;',
    ],
    clean: [
      'CREATE INDEX i ON t (a DESC, b ASC);',
      'SELECT a FROM t WHERE x = 1 GROUP BY a ORDER BY a DESC FOR UPDATE;',
      'SELECT t.desc, COUNT(*) FROM t WHERE id > 0 GROUP BY t.desc ORDER BY 1;',
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    for (const b of s.queryBlocks()) {
      const r = b.clauses.get('GROUP BY');
      if (!r) continue;
      let [from, to] = r;
      // GROUP BY a DESC WITH ROLLUP
      let rollup = false;
      const w = s.find(['WITH', 'ROLLUP'], from, to, b.depth);
      if (w !== -1) {
        to = w;
        rollup = true;
      }
      const items: Array<{ start: number; end: number; dir?: number }> = [];
      for (const [a, e] of s.splitCommas(from, to)) {
        if (e <= a) continue;
        const last = e - 1;
        // not t.`desc` written as t.desc (a column named like the keyword)
        const dir = s.is(last, 'ASC', 'DESC') && last > a && s.op(last - 1) !== '.' ? last : undefined;
        items.push({ start: a, end: dir ?? e, dir });
      }
      const flagged = items.filter((it) => it.dir !== undefined);
      if (flagged.length === 0) continue;
      const fix = buildFix(ctx, b, items, rollup);
      for (const it of flagged) {
        const kw = s.word(it.dir!);
        ctx.report(
          it.dir!,
          l10n.t(
            'TiDB rejects the MySQL 5.7 sort modifier in GROUP BY {0} {1} (a no-op feature gated by tidb_enable_noop_functions, OFF by default). Remove {1} from GROUP BY and add ORDER BY {0} {1}.',
            s.text(it.start, it.end - 1),
            kw,
          ),
          fix,
        );
      }
    }
  },
});

function buildFix(ctx: RuleContext, b: QueryBlock, items: Array<{ start: number; end: number; dir?: number }>, rollup: boolean): Fix {
  const s = ctx.s;
  const edits: TextEdit[] = [];
  for (const it of items) {
    if (it.dir === undefined) continue;
    // remove " DESC" including the whitespace before it
    const prevEnd = s.tokens[it.dir - 1].end;
    edits.push({ start: prevEnd, end: s.tokens[it.dir].end, newText: '' });
  }
  const inSetOp = s.is(b.end, ...SET_OPS) || (b.select > 0 && s.is(b.select - 1, ...SET_OPS, 'ALL', 'DISTINCT'));
  let safe = !rollup && !inSetOp;
  if (!b.clauses.has('ORDER BY') && !inSetOp) {
    const order = items
      .map((it) => s.text(it.start, it.end - 1) + (it.dir !== undefined && s.is(it.dir, 'DESC') ? ' DESC' : ''))
      .join(', ');
    // ORDER BY goes before LIMIT / FOR UPDATE / LOCK IN SHARE MODE / a trailing INTO, else at the block's end
    let at = -1;
    const groupAt = b.clauseAt.get('GROUP BY')!;
    for (const c of ['LIMIT', 'LOCK', 'INTO'] as const) {
      const k = b.clauseAt.get(c);
      if (k !== undefined && k > groupAt && (at === -1 || k < at)) at = k;
    }
    let offset: number;
    if (at !== -1) {
      offset = s.tokens[at].start;
      edits.push({ start: offset, end: offset, newText: `ORDER BY ${order} ` });
    } else {
      let last = b.end - 1;
      while (last > b.select && s.tokens[last].kind === 'delimiter') last--;
      offset = s.tokens[last].end;
      edits.push({ start: offset, end: offset, newText: ` ORDER BY ${order}` });
    }
    if (s.sparseFrom < s.length) safe = false;
  }
  return { title: l10n.t('Remove ASC/DESC from GROUP BY and add an explicit ORDER BY'), edits, safe };
}
