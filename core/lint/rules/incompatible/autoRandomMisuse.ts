import type { RuleContext } from '../../context';
import type { ColumnDef } from '../../../sql/ddl';
import { isClusteredPk } from '../../../sql/schema';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** Problems of the column definition itself (type, AUTO_INCREMENT, DEFAULT). */
function ownProblems(col: ColumnDef): string[] {
  const out: string[] = [];
  if (col.type && col.type.name !== 'BIGINT') out.push(l10n.t('it is {0}, not BIGINT', col.type.name));
  if (col.autoIncrement !== undefined) out.push(l10n.t('it is combined with AUTO_INCREMENT'));
  if (col.default) out.push(l10n.t('it has a DEFAULT value'));
  return out;
}

/** The reasons as one list ("a, b, c"), its separator in the user's language. */
function list(why: string[]): string {
  return why.reduce((a, b) => l10n.t('{0}, {1}', a, b));
}

function report(ctx: RuleContext, col: ColumnDef, why: string[]): void {
  ctx.report(
    col.autoRandom!,
    l10n.t(
      'AUTO_RANDOM on column {0} fails in TiDB: {1}. AUTO_RANDOM needs a BIGINT column that is the first column of a clustered PRIMARY KEY, without DEFAULT or AUTO_INCREMENT.',
      col.name,
      list(why),
    ),
  );
}

export default defineRule({
  id: 'auto-random-misuse',
  category: 'incompatible',
  severity: 'error',
  versions: 'v3.1+',
  since: '3.1',
  explanation: 'AUTO_RANDOM has strict placement rules; violations fail the DDL.',
  fix: 'Use BIGINT, make it the first PK column, drop DEFAULT/AUTO_INCREMENT.',
  source: 'pingcap/docs: auto-random.md',
  quote:
    'Specify this attribute for the primary key column **ONLY** as the `BIGINT` type. Otherwise, an error occurs. In addition, when the attribute of the primary key is `NONCLUSTERED`, `AUTO_RANDOM` is not supported even on the integer primary key.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE t MODIFY id INT AUTO_RANDOM;',
      'CREATE TABLE t (a INT AUTO_RANDOM PRIMARY KEY);',
      'ALTER TABLE r MODIFY id INT AUTO_RANDOM;',
    ],
    clean: ['ALTER TABLE t MODIFY id BIGINT AUTO_RANDOM;', 'CREATE TABLE t (a BIGINT AUTO_RANDOM PRIMARY KEY);'],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const ct = ctx.createTable();
    if (ct) {
      if (ct.temporary) return; // temporary-table-restriction covers AUTO_RANDOM on temporary tables
      const pkIdx = ct.indexes.find((i) => i.kind === 'PRIMARY');
      for (const col of ct.columns) {
        if (col.autoRandom === undefined) continue;
        const why = ownProblems(col);
        const lower = col.name.toLowerCase();
        let pk: { columns: string[]; clustered?: 'CLUSTERED' | 'NONCLUSTERED' } | undefined;
        if (col.primaryKey !== undefined) pk = { columns: [col.name], clustered: col.clustered?.value };
        else if (pkIdx) pk = { columns: pkIdx.parts.map((p) => p.column ?? ''), clustered: pkIdx.clustered?.value };
        if (!pk?.columns.some((c) => c.toLowerCase() === lower)) why.push(l10n.t('it is not part of the PRIMARY KEY'));
        else if (pk.columns[0].toLowerCase() !== lower) why.push(l10n.t('it is not the first column of the PRIMARY KEY'));
        else if (pk.clustered === 'NONCLUSTERED') why.push(l10n.t('the PRIMARY KEY is NONCLUSTERED'));
        else if (!isClusteredPk(pk, (n) => ct.columns.find((c) => c.name.toLowerCase() === n.toLowerCase())?.type?.name, ctx.target)) {
          // before v6.4 only a single integer PK is clustered by default (tidb_enable_clustered_index = INT_ONLY)
          why.push(
            l10n.t(
              'the PRIMARY KEY ({0}) is not clustered by default on {1}; declare it CLUSTERED',
              pk.columns.join(', '),
              String(ctx.target),
            ),
          );
        }
        if (why.length) report(ctx, col, why);
      }
      return;
    }
    const at = ctx.alterTable();
    if (!at?.name) return;
    const table = ctx.schema.table(at.name.db, at.name.name);
    for (const spec of at.specs) {
      if (spec.verb === 'ADD' && spec.target === 'COLUMN') {
        for (const col of spec.columns)
          if (col.autoRandom !== undefined) report(ctx, col, [l10n.t('ALTER TABLE cannot add an AUTO_RANDOM column')]);
        continue;
      }
      if ((spec.verb !== 'MODIFY' && spec.verb !== 'CHANGE') || !spec.columns[0]) continue;
      const col = spec.columns[0];
      const old = table && spec.oldName ? table.columns.get(spec.oldName.toLowerCase()) : undefined;
      if (col.autoRandom === undefined) {
        if (old?.autoRandom) {
          const first = spec.nameTok ?? col.nameTok;
          ctx.report(
            [first, first],
            l10n.t(
              'ALTER TABLE cannot remove AUTO_RANDOM from column {0} in TiDB; the statement fails. Keep the attribute, or create a new table and copy the data.',
              col.name,
            ),
          );
        }
        continue;
      }
      const why = ownProblems(col);
      if (why.length) {
        report(ctx, col, why);
        continue;
      }
      // Changing AUTO_INCREMENT to AUTO_RANDOM is allowed on a BIGINT clustered primary key; schema-aware.
      if (!table || !old) continue;
      if (old.autoRandom) continue;
      const pk = table.primaryKey;
      const lower = (spec.oldName ?? '').toLowerCase();
      const clustered = pk ? isClusteredPk(pk, (n) => table.columns.get(n.toLowerCase())?.type, ctx.target) : false;
      const isFirstPk = !!pk && pk.columns[0]?.toLowerCase() === lower;
      if (old.type === 'BIGINT' && old.autoIncrement && isFirstPk && clustered) continue;
      const reasons: string[] = [];
      if (!isFirstPk) reasons.push(pk ? l10n.t('it is not the first primary key column') : l10n.t('the table has no primary key'));
      else if (!clustered) reasons.push(l10n.t('its primary key is not clustered'));
      if (old.type !== 'BIGINT') reasons.push(l10n.t('the column is {0}, not BIGINT', old.type));
      if (!old.autoIncrement) reasons.push(l10n.t('ALTER TABLE can only turn a BIGINT AUTO_INCREMENT primary key into AUTO_RANDOM'));
      report(ctx, col, reasons);
    }
  },
});
