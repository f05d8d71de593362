import { cteBodies, mainVerb, tableFactors, type TableRef } from '../../../sql/queryRefs';
import type { QueryBlock, Stmt } from '../../../sql/statement';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'insert-select-unbounded',
  category: 'risky',
  severity: 'warning',
  versions: 'all',
  explanation: 'Copies a whole table in one transaction; large copies hit txn-total-size-limit / memory quota.',
  fix: "Use BATCH ON id LIMIT 10000 INSERT INTO ... SELECT (v6.5+) or IMPORT INTO; tidb_dml_type='bulk' (pipelined DML, v8.0+) is experimental and incompatible with TiCDC, TiFlash and BR.",
  source: 'pingcap/docs: non-transactional-dml.md; system-variables.md#tidb_dml_type-new-in-v800; pipelined-dml.md',
  quote:
    'The bulk DML execution mode (`tidb_dml_type = "bulk"`) is an experimental feature. It is not recommended that you use it in the production environment.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  words: ['SELECT'],
  examples: {
    flagged: [
      'REPLACE INTO t (SELECT a FROM `db`.`u`);',
      'INSERT INTO orders_backup SELECT * FROM orders;',
      'WITH x AS (SELECT id FROM orders) INSERT INTO t (a) SELECT id FROM x;',
    ],
    clean: [
      'INSERT INTO t (a) SELECT 1;',
      'BATCH ON id LIMIT 10000 INSERT INTO t SELECT * FROM orders;',
      'WITH x AS (SELECT id FROM orders) INSERT INTO t (a) SELECT id FROM x WHERE id > 5;',
    ],
  },
  kinds: ['INSERT', 'REPLACE', 'WITH'],
  check(ctx) {
    const s = ctx.s;
    const verb = mainVerb(s);
    if (verb === -1 || !s.is(verb, 'INSERT', 'REPLACE')) return;
    const ctes = cteBodies(s);
    const inCte = (i: number) => [...ctes.values()].some(([o, c]) => i > o && i < c);
    // INSERT ... VALUES ((SELECT ...)) / SET a = (SELECT ...): single rows, not a copy
    const values = s.find(['VALUES|VALUE|SET'], verb + 1, s.sparseFrom, s.depth(verb));
    const all = s.queryBlocks();
    const blocks = all.filter((b) => b.select > verb && (values === -1 || b.select < values) && !inCte(b.select));
    // the INSERT's own SELECT blocks: not nested inside another block (subqueries are bounded by their outer block)
    const main = blocks.filter((b) => !blocks.some((o) => o !== b && o.select < b.select && b.select < o.end));
    for (const b of main) {
      const hit = unboundedSource(s, all, ctes, b, 0);
      if (!hit) continue;
      const [fromAt, t] = hit;
      ctx.report(
        [fromAt, t.last],
        l10n.t(
          '{0} ... SELECT copies all of {1} (no WHERE, no LIMIT) in one transaction, which can exceed txn-total-size-limit or the memory quota. Batch it with BATCH ON <key> LIMIT 10000 {0} ... (v6.5+), bound it with WHERE ranges, or use IMPORT INTO.',
          s.word(verb),
          t.name,
        ),
      );
    }
  },
});

/**
 * The table a SELECT block reads whole (no WHERE, no LIMIT), looking through derived
 * tables and CTEs that are themselves unbounded: [index of FROM, the table reference].
 */
function unboundedSource(
  s: Stmt,
  all: QueryBlock[],
  ctes: Map<string, [number, number]>,
  b: QueryBlock,
  nesting: number,
): [number, TableRef] | undefined {
  const from = b.clauses.get('FROM');
  const fromAt = b.clauseAt.get('FROM');
  if (!from || fromAt === undefined || b.clauses.has('WHERE') || b.clauses.has('LIMIT')) return undefined;
  if (s.find(['FETCH', 'FIRST|NEXT'], fromAt, b.end, b.depth) !== -1) return undefined;
  // SELECT ... UNION SELECT ... LIMIT n: the trailing LIMIT bounds the whole result
  if (s.is(b.end, 'UNION', 'EXCEPT', 'INTERSECT') && s.find(['LIMIT'], b.end, s.sparseFrom, b.depth) !== -1) return undefined;
  const refs = tableFactors(s, from[0], from[1]);
  const real = refs.find((r) => r.db !== undefined || (!ctes.has(r.name.toLowerCase()) && r.name.toUpperCase() !== 'DUAL'));
  if (real) return [fromAt, real];
  if (nesting >= 4) return undefined;
  // bodies to look into: derived tables of this FROM, and the CTEs it names
  const bodies: Array<[number, number]> = [];
  for (let i = from[0]; i < from[1]; i++) {
    if (s.op(i) !== '(' || s.depth(i) !== b.depth) continue;
    const close = s.match(i);
    if (close === -1) break;
    if (s.is(i + 1, 'SELECT', 'WITH') || (s.op(i + 1) === '(' && s.is(i + 2, 'SELECT'))) bodies.push([i, close]);
    i = close;
  }
  for (const r of refs) {
    const body = r.db === undefined ? ctes.get(r.name.toLowerCase()) : undefined;
    if (body) bodies.push(body);
  }
  for (const [open, close] of bodies) {
    // the body's own blocks: directly inside it (a UNION gives several), not its subqueries
    const inner = all.filter((x) => x.select > open && x.select < close);
    const top = inner.filter((x) => !inner.some((o) => o !== x && o.select < x.select && x.select < o.end));
    for (const x of top) {
      const hit = unboundedSource(s, all, ctes, x, nesting + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}
