import type { RuleContext } from '../../context';
import { deleteTables, findAtDepth, insertTarget, mainVerb, tableFactors, type TableRef } from '../../../sql/queryRefs';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'dml-on-view',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'Views are read-only in TiDB.',
  fix: 'Write to the base table.',
  source: 'pingcap/docs: sql-statements/sql-statement-create-view.md',
  quote: 'any view in TiDB cannot be inserted or updated (that is, `INSERT VIEW` and `UPDATE VIEW` are not supported)',
  quoteStatus: 'verified',
  tidb: { error: 1105, sqlState: 'HY000', message: 'insert into view v1 is not supported now.' },
  examples: {
    flagged: [
      "CREATE VIEW v_users AS SELECT id, email FROM users;\nINSERT INTO v_users (email) VALUES ('a@b.c');",
      "CREATE VIEW v_open_orders AS SELECT id, status FROM orders WHERE status = 'OPEN';\nUPDATE v_open_orders SET status = 'CANCELLED' WHERE id = 99;",
      "CREATE VIEW v_active_coupons AS SELECT id, code, expires_at FROM coupons WHERE expires_at > NOW();\nDELETE FROM v_active_coupons WHERE code = 'SPRING24';",
    ],
    clean: ['REPLACE v (a) VALUES (1);', 'DELETE FROM `v` WHERE a = 1;', 'UPDATE v SET a = 2 WHERE a = 1;'],
  },
  kinds: ['INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'WITH'],
  check(ctx) {
    const s = ctx.s;
    const verb = mainVerb(s);
    if (verb === -1) return;
    const w = s.word(verb);
    let targets: TableRef[] = [];
    if (w === 'INSERT' || w === 'REPLACE') {
      const t = insertTarget(s, verb);
      if (t) targets = [t];
    } else if (w === 'DELETE') {
      targets = deleteTables(s, verb).targets;
    } else if (w === 'UPDATE') {
      let i = verb + 1;
      while (s.is(i, 'LOW_PRIORITY', 'IGNORE')) i++;
      const d = s.depth(verb);
      const set = findAtDepth(s, ['SET'], i, d);
      const refs = tableFactors(s, i, set === -1 ? s.sparseFrom : set);
      if (refs.length === 1 || set === -1) {
        targets = refs.slice(0, 1);
      } else {
        // multi-table UPDATE: the tables whose columns are assigned (t.col = ...)
        const end = findAtDepth(s, ['WHERE|ORDER|LIMIT'], set + 1, d);
        const assigned = new Set<string>();
        for (const [a] of s.splitCommas(set + 1, end === -1 ? s.sparseFrom : end)) {
          const q = s.qname(a);
          if (q?.db !== undefined && s.op(q.last + 1) === '=') assigned.add(q.db.toLowerCase());
          else if (q && s.op(q.last + 1) === '.' && s.op(q.last + 3) === '=') assigned.add(q.name.toLowerCase());
        }
        targets = refs.filter((r) => assigned.has((r.alias ?? r.name).toLowerCase()) || assigned.has(r.name.toLowerCase()));
      }
    }
    for (const t of targets) report(ctx, w, t);
  },
});

function report(ctx: RuleContext, verb: string, t: TableRef): void {
  if (!ctx.schema.isView(t.db, t.name)) return;
  const name = t.db !== undefined ? `${t.db}.${t.name}` : t.name;
  ctx.report(
    [t.first, t.last],
    verb === 'INSERT' || verb === 'REPLACE'
      ? l10n.t(
          '{0} is a view, and views are read-only in TiDB: {1} on it fails (insert into view {2} is not supported now). Write to the base table instead.',
          name,
          verb,
          t.name,
        )
      : l10n.t('{0} is a view, and views are read-only in TiDB: {1} on it fails. Write to the base table instead.', name, verb),
  );
}
