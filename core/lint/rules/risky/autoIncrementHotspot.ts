import { isClusteredPk } from '../../../sql/schema';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';
import { rowsPhrase, SMALL_TABLE_ROWS } from '../support/ruleHelpers';

export default defineRule({
  id: 'auto-increment-hotspot',
  category: 'risky',
  severity: 'warning',
  versions: 'all',
  explanation:
    'Monotonic IDs make every insert land in the last Region of the table (write hotspot on one TiKV). IDs are also only unique, not consecutive, across TiDB instances (per-instance caches).',
  fix: 'Quick fix (BIGINT PK): replace AUTO_INCREMENT with AUTO_RANDOM (e.g. `id BIGINT AUTO_RANDOM PRIMARY KEY`, or ALTER TABLE t MODIFY id BIGINT AUTO_RANDOM(5)); for INT PKs widen to BIGINT first. If ordered IDs are required, AUTO_ID_CACHE=1 gives MySQL-compatible allocation but keeps the hotspot.',
  source: 'pingcap/docs: mysql-compatibility.md; auto-random.md; troubleshoot-hot-spot-issues.md',
  quote:
    'The `AUTO_INCREMENT` attribute might cause hotspot in production environments. ... It is recommended to use `AUTO_RANDOM` instead.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: [
      'CREATE TABLE s (id SERIAL PRIMARY KEY, v INT);',
      'CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT, total DECIMAL(12,2), PRIMARY KEY (id));',
      'CREATE TABLE t30 (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10));',
    ],
    clean: [
      'ALTER TABLE t MODIFY id BIGINT NOT NULL AUTO_INCREMENT;',
      'CREATE TEMPORARY TABLE tmp (id INT AUTO_INCREMENT PRIMARY KEY);',
      'CREATE TABLE t (a bigint PRIMARY KEY /*T![auto_rand] AUTO_RANDOM */, b INT);',
    ],
  },
  kinds: ['CREATE TABLE'],
  check(ctx) {
    const ct = ctx.createTable();
    if (!ct || ct.temporary || !ct.name) return;
    const s = ctx.s;
    const pkIdx = ct.indexes.find((i) => i.kind === 'PRIMARY');
    const pkCols = pkIdx ? pkIdx.parts.map((p) => (p.column ?? '').toLowerCase()) : [];
    for (const col of ct.columns) {
      // SERIAL = BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE
      const serial = col.type?.name === 'SERIAL' ? col.type.tok : undefined;
      const autoInc = col.autoIncrement ?? serial;
      if (autoInc === undefined || col.autoRandom !== undefined) continue;
      const lower = col.name.toLowerCase();
      const inPk = col.primaryKey !== undefined || pkCols.includes(lower);
      if (!inPk) continue;
      const isBigint = col.type?.name === 'BIGINT' || serial !== undefined;
      const first = col.primaryKey !== undefined || pkCols[0] === lower;
      const pk =
        col.primaryKey !== undefined
          ? { columns: [col.name], clustered: col.clustered?.value }
          : { columns: pkIdx!.parts.map((p) => p.column ?? ''), clustered: pkIdx!.clustered?.value };
      const clustered = isClusteredPk(pk, (n) => ct.columns.find((c) => c.name.toLowerCase() === n.toLowerCase())?.type?.name, ctx.target);
      let fix;
      if (
        col.autoIncrement !== undefined &&
        isBigint &&
        first &&
        clustered &&
        !col.default &&
        col.autoRandom === undefined &&
        ctx.target.gte('3.1')
      ) {
        const edits = [
          ctx.replaceTokens(
            col.autoIncrement,
            col.autoIncrement,
            s.text(col.autoIncrement) === 'AUTO_INCREMENT' ? 'AUTO_RANDOM' : 'auto_random',
          ),
        ];
        // an AUTO_INCREMENT=N table option does not apply to AUTO_RANDOM
        const opt = ct.options.find((o) => o.name === 'AUTO_INCREMENT');
        if (opt) {
          const start = s.tokens[opt.tok].start;
          const ws = /\s$/.test(ctx.src.slice(start - 1, start)) ? 1 : 0;
          edits.push({ start: start - ws, end: s.tokens[Math.max(opt.tok, opt.valueEnd - 1)].end, newText: '' });
        }
        fix = { title: l10n.t('Replace AUTO_INCREMENT with AUTO_RANDOM'), edits, safe: false };
      }
      const kind = serial !== undefined ? 'SERIAL (AUTO_INCREMENT)' : 'AUTO_INCREMENT';
      const main = !isBigint
        ? l10n.t(
            "{0} primary key column {1} makes every insert into {2} land in the table's last Region (a write hotspot on one TiKV node), and IDs are not consecutive across TiDB instances. Widen {1} to BIGINT and use AUTO_RANDOM to scatter writes, or accept the hotspot for low write rates.",
            kind,
            col.name,
            ct.name.name,
          )
        : first
          ? l10n.t(
              "{0} primary key column {1} makes every insert into {2} land in the table's last Region (a write hotspot on one TiKV node), and IDs are not consecutive across TiDB instances. Use {1} BIGINT AUTO_RANDOM PRIMARY KEY to scatter writes, or accept the hotspot for low write rates.",
              kind,
              col.name,
              ct.name.name,
            )
          : l10n.t(
              "{0} primary key column {1} makes every insert into {2} land in the table's last Region (a write hotspot on one TiKV node), and IDs are not consecutive across TiDB instances. Use {1} BIGINT AUTO_RANDOM PRIMARY KEY to scatter writes (AUTO_RANDOM must be the first primary key column), or accept the hotspot for low write rates.",
              kind,
              col.name,
              ct.name.name,
            );
      // the live server already has this table: a small lookup table is rarely written
      const rows = ctx.schema.table(ct.name.db, ct.name.name)?.rows;
      const small = rows !== undefined && rows < SMALL_TABLE_ROWS;
      ctx.report(
        autoInc,
        small
          ? l10n.t(
              '{0} On the connected server {1} has {2}: a table that small is rarely written, so this matters only if it grows.',
              main,
              ct.name.name,
              rowsPhrase(rows!),
            )
          : rows !== undefined
            ? l10n.t('{0} On the connected server {1} has {2}.', main, ct.name.name, rowsPhrase(rows))
            : main,
        fix,
        small ? { severity: 'hint' } : {},
      );
    }
  },
});
