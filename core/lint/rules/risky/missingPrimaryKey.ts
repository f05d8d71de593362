import { defineRule } from '../../rule';

export default defineRule('missing-primary-key', {
  kinds: ['CREATE TABLE'],
  check(ctx) {
    const ct = ctx.createTable();
    if (!ct || !ct.name || ct.temporary || ct.like || ct.asSelect !== undefined || ct.bodyOpen === undefined) return;
    if (ct.columns.some((c) => c.primaryKey !== undefined) || ct.indexes.some((i) => i.kind === 'PRIMARY')) return;
    const hasUnique = ct.columns.some((c) => c.unique !== undefined) || ct.indexes.some((i) => i.kind === 'UNIQUE');
    ctx.report([ct.name.first, ct.name.last], `Table ${ct.name.name} has no PRIMARY KEY: TiDB keys its rows by an implicit, monotonically allocated _tidb_rowid (a write hotspot), and DM/TiCDC need a primary key${hasUnique ? ' (or a NOT NULL unique key)' : ''} to replicate updates reliably. Add a primary key, e.g. id BIGINT AUTO_RANDOM PRIMARY KEY.`);
  },
});
