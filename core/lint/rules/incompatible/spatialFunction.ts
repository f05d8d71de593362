import { functionCalls } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** GIS functions without the ST_/MBR prefixes (MySQL 5.7 names and geometry constructors). */
const GIS = new Set([
  'POINT',
  'LINESTRING',
  'POLYGON',
  'MULTIPOINT',
  'MULTILINESTRING',
  'MULTIPOLYGON',
  'GEOMETRYCOLLECTION',
  'GEOMCOLLECTION',
  'ASTEXT',
  'ASWKT',
  'ASBINARY',
  'ASWKB',
  'GLENGTH',
  'GEOMETRYTYPE',
  'NUMPOINTS',
  'NUMGEOMETRIES',
  'NUMINTERIORRINGS',
  'EXTERIORRING',
  'INTERIORRINGN',
  'GEOMETRYN',
  'POINTN',
  'STARTPOINT',
  'ENDPOINT',
  'ISCLOSED',
  'ISSIMPLE',
  'CONVEXHULL',
  'CENTROID',
  'ENVELOPE',
  'CROSSES',
  'TOUCHES',
  'WITHIN',
  'OVERLAPS',
  'CONTAINS',
  'INTERSECTS',
  'DISJOINT',
  'AREA',
  'GEOHASH',
  'LATFROMGEOHASH',
  'LONGFROMGEOHASH',
  'POINTFROMGEOHASH',
  'ISEMPTY',
  'SRID',
  'DIMENSION',
]);

export function isSpatialFunction(name: string): boolean {
  if (name.startsWith('ST_') || (name.startsWith('MBR') && name.length > 3)) return true;
  if (/(FROMTEXT|FROMWKB)$/.test(name)) return true;
  return GIS.has(name);
}

export default defineRule({
  id: 'spatial-function',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'Spatial functions are not available.',
  fix: 'Compute in the application or use approximations on numeric columns.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: '`SPATIAL` (also known as `GIS`/`GEOMETRY`) functions, data types and indexes',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      "SELECT AsText(GeomFromText('POINT(1 1)'));",
      'UPDATE depots SET loc = Point(1, 2) WHERE id = 3;',
      "INSERT INTO stores (name, location) VALUES ('Bund', ST_GeomFromText('POINT(121.49 31.24)'));",
    ],
    clean: ['INSERT polygon(x) VALUES (1);', 'INSERT INTO point (x, y) VALUES (1, 2);', 'SELECT point, polygon FROM t WHERE id = 1;'],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    // most statements call no spatial function: look at the words before reading the calls
    let any = false;
    for (let i = 0; i + 1 < s.length && !any; i++) {
      const t = s.tokens[i];
      any = t.kind === 'word' && s.op(i + 1) === '(' && isSpatialFunction(t.value);
    }
    if (!any) return;
    let inside = -1; // report nested calls once, at the outermost spatial call
    for (const c of functionCalls(s)) {
      if (!isSpatialFunction(c.name) || c.at < inside) continue;
      const close = s.match(c.open);
      if (close !== -1) inside = close;
      ctx.report(
        c.at,
        l10n.t(
          'TiDB has no spatial (GIS) functions: {0}() fails. Compute the geometry in the application, or approximate with ranges on numeric latitude/longitude columns.',
          s.text(c.at),
        ),
      );
    }
  },
});
