import type { ColumnDef } from '../../../sql/ddl';
import type { Stmt } from '../../../sql/statement';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** The token that gives a column definition AUTO_INCREMENT: the attribute, the SERIAL type, or SERIAL DEFAULT VALUE. */
function autoIncrementTok(s: Stmt, c: ColumnDef): number | undefined {
  if (c.autoIncrement !== undefined) return c.autoIncrement;
  if (c.type?.name === 'SERIAL') return c.type.tok;
  for (let k = c.nameTok + 1; k < c.end; k++) if (s.is(k, 'SERIAL') && s.is(k + 1, 'DEFAULT') && s.is(k + 2, 'VALUE')) return k;
  return undefined;
}

export default defineRule({
  id: 'add-auto-increment',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'TiDB cannot add the AUTO_INCREMENT attribute to an existing table/column, and once removed it cannot be restored.',
  fix: 'Create a new table with the attribute and copy data, or use AUTO_RANDOM / a SEQUENCE default.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'TiDB does not support adding the `AUTO_INCREMENT` column attribute, and once removed, it cannot be recovered.',
  quoteStatus: 'verified',
  tidb: { error: 8200, sqlState: 'HY000', message: "Unsupported add column 'id' constraint AUTO_INCREMENT when altering 'db.t'" },
  examples: {
    flagged: [
      'alter table `db`.`t` add (`a` int, `b` int auto_increment, key (`b`));',
      'CREATE TABLE t (n INT NOT NULL PRIMARY KEY);\nALTER TABLE t CHANGE n n2 INT NOT NULL AUTO_INCREMENT;',
      'ALTER TABLE legacy ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST;',
    ],
    clean: [
      'ALTER TABLE t AUTO_INCREMENT = 1000;',
      'CREATE TABLE t (a INT PRIMARY KEY);\nALTER TABLE t MODIFY id INT NOT NULL AUTO_INCREMENT;',
    ],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const s = ctx.s;
    const table = at.name.name;
    for (const spec of at.specs) {
      if (spec.verb === 'ADD' && spec.target === 'COLUMN') {
        for (const c of spec.columns) {
          const tok = autoIncrementTok(s, c);
          if (tok === undefined) continue;
          ctx.report(
            tok,
            l10n.t(
              "TiDB cannot add a column with AUTO_INCREMENT to the existing table '{0}' (ERROR 8200 Unsupported add column '{1}' constraint AUTO_INCREMENT). Create a new table with the column and copy the data, or use AUTO_RANDOM or a SEQUENCE default instead.",
              table,
              c.name,
            ),
          );
        }
      } else if ((spec.verb === 'MODIFY' || spec.verb === 'CHANGE') && spec.columns[0]) {
        const c = spec.columns[0];
        const tok = autoIncrementTok(s, c);
        if (tok === undefined) continue;
        const t = ctx.schema.table(at.name.db, at.name.name);
        const old = t && spec.oldName ? t.columns.get(spec.oldName.toLowerCase()) : undefined;
        if (!old || old.autoIncrement) continue;
        ctx.report(
          tok,
          l10n.t(
            "TiDB cannot add the AUTO_INCREMENT attribute to the existing column '{0}' of '{1}' (ERROR 8200 Unsupported modify column: can't set auto_increment). Create a new table with the attribute and copy the data, or use AUTO_RANDOM or a SEQUENCE default instead.",
            old.name,
            table,
          ),
        );
      }
    }
  },
});
