import { allTableRefs, joinOnRanges, tableFactors } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import type { Stmt } from '../../../sql/statement';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'join-on-subquery',
  category: 'incompatible',
  severity: 'error',
  versions: 'all (listed as unsupported for v8.5; #11414)',
  explanation:
    "The planner rejects ON conditions whose rewrite needs a new plan (Apply/semi-join). MySQL accepts them, so queries such as 'JOIN latest l ON l.id = (SELECT MAX(id) FROM x WHERE x.k = a.k)' fail at runtime on TiDB.",
  fix: 'Move the subquery into WHERE (for INNER JOIN), into a derived table joined on keys, or rewrite with a window function (ROW_NUMBER() ... = 1).',
  source: 'pingcap/docs: mysql-compatibility.md; pingcap/tidb pkg/planner/core/logical_plan_builder.go (buildJoin)',
  quote: 'JOIN ON subquery [#11414]',
  quoteStatus: 'verified',
  tidb: { error: 1105, sqlState: 'HY000', message: "ON condition doesn't support subqueries yet" },
  words: ['ON'],
  examples: {
    flagged: [
      'SELECT a.id FROM a JOIN b ON b.v > ANY (SELECT v FROM c) WHERE a.id = 1;',
      'UPDATE a JOIN b ON b.id = (SELECT MAX(id) FROM b b2 WHERE b2.k = a.k) SET a.v = b.v WHERE a.id = 1;',
      'CREATE TABLE o (id INT PRIMARY KEY, k INT);\nCREATE TABLE c (id INT PRIMARY KEY, v INT);\nSELECT o.id FROM o JOIN c ON c.id = (SELECT MAX(id) FROM c WHERE v = k) WHERE o.id = 1;',
    ],
    clean: [
      'INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = (SELECT 1);',
      'SELECT a.id FROM a JOIN b ON b.id = a.id WHERE a.x IN (SELECT x FROM c WHERE c.y = a.y);',
      'SELECT o.id FROM orders o JOIN fx r ON r.cur = o.cur AND r.day = (SELECT MAX(day) FROM fx) WHERE o.id < 9;',
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const ons = joinOnRanges(s);
    if (ons.length === 0) return;
    for (const on of ons) {
      for (let i = on.start; i < on.end; i++) {
        if (s.op(i) !== '(' || (!s.is(i + 1, 'SELECT', 'WITH') && !(s.op(i + 1) === '(' && s.is(i + 2, 'SELECT')))) continue;
        const close = s.match(i);
        if (close === -1) break;
        let kw = -1;
        if (s.is(i - 1, 'IN')) kw = s.is(i - 2, 'NOT') ? i - 2 : i - 1;
        else if (s.is(i - 1, 'ANY', 'SOME', 'ALL')) kw = i - 1;
        if (kw !== -1) {
          ctx.report(
            [kw, close],
            l10n.t(
              "An {0} (subquery) predicate in a JOIN ... ON condition is planned as a semi-join, which TiDB rejects it ('ON condition doesn't support subqueries yet'). Move the condition into WHERE (for an inner join), join a derived table on keys, or use ROW_NUMBER() ... = 1.",
              s.text(kw, i - 1),
            ),
          );
        } else if (correlated(ctx.schema, s, i, close)) {
          ctx.report(
            [i, close],
            l10n.t(
              "This subquery in a JOIN ... ON condition references a column of the outer query (correlated), which TiDB rejects it ('ON condition doesn't support subqueries yet'). Move the condition into WHERE (for an inner join), join a derived table on keys, or use ROW_NUMBER() ... = 1.",
            ),
          );
        }
        i = close;
      }
    }
  },
});

/** The subquery (open, close) refers to a table of the outer query. */
function correlated(schema: import('../../../sql/schema').FileSchema, s: Stmt, open: number, close: number): boolean {
  const inner = new Set<string>();
  const innerCovered = new Set<number>();
  const innerTables: Array<import('../../../sql/schema').TableInfo | undefined> = [];
  const selectAliases = new Set<string>();
  for (const b of s.queryBlocks()) {
    if (b.select <= open || b.select >= close) continue;
    const r = b.clauses.get('FROM');
    if (!r) continue;
    for (const t of tableFactors(s, r[0], r[1])) {
      // with an alias, only the alias qualifies columns (b b2: b.x is the outer b)
      inner.add((t.alias ?? t.name).toLowerCase());
      for (let k = t.first; k <= t.last; k++) innerCovered.add(k);
      innerTables.push(schema.table(t.db, t.name));
    }
    const fromAt = b.clauseAt.get('FROM') ?? b.end;
    for (let k = b.select + 1; k < fromAt; k++)
      if (s.is(k, 'AS') && s.ident(k + 1) !== undefined) selectAliases.add(s.ident(k + 1)!.toLowerCase());
  }
  const outer = new Map<string, import('../../../sql/queryRefs').TableRef>();
  for (const t of allTableRefs(s)) {
    if (t.first > open && t.first < close) continue;
    outer.set(t.name.toLowerCase(), t);
    if (t.alias) outer.set(t.alias.toLowerCase(), t);
  }
  for (let k = open + 1; k < close; k++) {
    const tk = s.tokens[k];
    if ((tk.kind !== 'word' && tk.kind !== 'qident') || innerCovered.has(k) || s.op(k - 1) === '.') continue;
    if (s.op(k + 1) === '.') {
      // q.col or db.q.col: the qualifier is the table (or alias) part
      const q = s.op(k + 3) === '.' ? k + 2 : k;
      if (s.op(q + 3) === '(' || s.op(k + 3) === '(') continue;
      const name = (s.ident(q) ?? '').toLowerCase();
      if (!inner.has(name) && outer.has(name)) return true;
      continue;
    }
    // an unqualified column that only an outer table has (needs every table known from the file)
    if (tk.kind === 'word' && s.op(k + 1) === '(') continue;
    if (innerTables.length === 0 || innerTables.some((t) => !t)) continue;
    const col = (s.ident(k) ?? '').toLowerCase();
    if (selectAliases.has(col) || inner.has(col) || innerTables.some((t) => t!.columns.has(col))) continue;
    for (const t of outer.values()) {
      const info = schema.table(t.db, t.name);
      if (info?.columns.has(col)) return true;
    }
  }
  return false;
}
