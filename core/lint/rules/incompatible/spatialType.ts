import { columnSites, indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';

const SPATIAL_TYPES = new Set(['GEOMETRY', 'POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON',
  'GEOMETRYCOLLECTION', 'GEOMCOLLECTION']);

export default defineRule('spatial-type', {
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    for (const { col } of columnSites(ctx)) {
      const t = col.type;
      if (!t || !SPATIAL_TYPES.has(t.name)) continue;
      ctx.report(t.tok, `TiDB has no spatial (GIS) data types: column ${col.name} ${t.name} makes the statement fail. Store coordinates as DECIMAL/DOUBLE columns or WKB in VARBINARY and do the geometry in the application.`);
    }
    for (const { index } of indexSites(ctx)) {
      if (index.kind !== 'SPATIAL') continue;
      const last = ctx.s.is(index.tok + 1, 'KEY', 'INDEX') ? index.tok + 1 : index.tok;
      ctx.report([index.tok, last], `TiDB does not support SPATIAL indexes${index.name ? ` (${index.name})` : ''}, so the statement fails. Drop the index and filter by DECIMAL/DOUBLE coordinate columns with ordinary indexes instead.`);
    }
  },
});
