import { functionCalls } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';

/** GIS functions without the ST_/MBR prefixes (MySQL 5.7 names and geometry constructors). */
const GIS = new Set([
  'POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON', 'GEOMETRYCOLLECTION', 'GEOMCOLLECTION',
  'ASTEXT', 'ASWKT', 'ASBINARY', 'ASWKB', 'GLENGTH', 'GEOMETRYTYPE', 'NUMPOINTS', 'NUMGEOMETRIES', 'NUMINTERIORRINGS',
  'EXTERIORRING', 'INTERIORRINGN', 'GEOMETRYN', 'POINTN', 'STARTPOINT', 'ENDPOINT', 'ISCLOSED', 'ISSIMPLE', 'CONVEXHULL',
  'CENTROID', 'ENVELOPE', 'CROSSES', 'TOUCHES', 'WITHIN', 'OVERLAPS', 'CONTAINS', 'INTERSECTS', 'DISJOINT', 'AREA',
  'GEOHASH', 'LATFROMGEOHASH', 'LONGFROMGEOHASH', 'POINTFROMGEOHASH', 'ISEMPTY', 'SRID', 'DIMENSION',
]);

export function isSpatialFunction(name: string): boolean {
  if (name.startsWith('ST_') || (name.startsWith('MBR') && name.length > 3)) return true;
  if (/(FROMTEXT|FROMWKB)$/.test(name)) return true;
  return GIS.has(name);
}

export default defineRule('spatial-function', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    let inside = -1; // report nested calls once, at the outermost spatial call
    for (const c of functionCalls(s)) {
      if (!isSpatialFunction(c.name) || c.at < inside) continue;
      const close = s.match(c.open);
      if (close !== -1) inside = close;
      ctx.report(c.at, `TiDB has no spatial (GIS) functions: ${s.text(c.at)}() fails. Compute the geometry in the application, or approximate with ranges on numeric latitude/longitude columns.`);
    }
  },
});
