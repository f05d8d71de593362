import { columnSites, indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const SPATIAL_TYPES = new Set([
  'GEOMETRY',
  'POINT',
  'LINESTRING',
  'POLYGON',
  'MULTIPOINT',
  'MULTILINESTRING',
  'MULTIPOLYGON',
  'GEOMETRYCOLLECTION',
  'GEOMCOLLECTION',
]);

export default defineRule({
  id: 'spatial-type',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'GIS data types and spatial indexes are not implemented; the CREATE TABLE fails.',
  fix: 'Store coordinates as DECIMAL/DOUBLE pairs or WKB in VARBINARY and compute in the application.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: '`SPATIAL` (also known as `GIS`/`GEOMETRY`) functions, data types and indexes [#6347]',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE regions MODIFY shape GEOMETRY;',
      'CREATE SPATIAL INDEX sp ON regions (shape);',
      '/*!40101 SET NAMES utf8mb4 */;\nDROP TABLE IF EXISTS `geo_places`;\nCREATE TABLE `geo_places` (\n  `id` int unsigned NOT NULL AUTO_INCREMENT,\n  `name` varchar(120) NOT NULL,\n  `pt` point NOT NULL /*!80003 SRID 4326 */,\n  PRIMARY KEY (`id`),\n  SPATIAL KEY `sp_pt` (`pt`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
    ],
    clean: ['CREATE TABLE t (id BIGINT PRIMARY KEY, point INT, polygon VARCHAR(10));'],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    for (const { col } of columnSites(ctx)) {
      const t = col.type;
      if (!t || !SPATIAL_TYPES.has(t.name)) continue;
      ctx.report(
        t.tok,
        l10n.t(
          'TiDB has no spatial (GIS) data types: column {0} {1} makes the statement fail. Store coordinates as DECIMAL/DOUBLE columns or WKB in VARBINARY and do the geometry in the application.',
          col.name,
          t.name,
        ),
      );
    }
    for (const { index } of indexSites(ctx)) {
      if (index.kind !== 'SPATIAL') continue;
      const last = ctx.s.is(index.tok + 1, 'KEY', 'INDEX') ? index.tok + 1 : index.tok;
      ctx.report(
        [index.tok, last],
        index.name
          ? l10n.t(
              'TiDB does not support SPATIAL indexes ({0}), so the statement fails. Drop the index and filter by DECIMAL/DOUBLE coordinate columns with ordinary indexes instead.',
              index.name,
            )
          : l10n.t(
              'TiDB does not support SPATIAL indexes, so the statement fails. Drop the index and filter by DECIMAL/DOUBLE coordinate columns with ordinary indexes instead.',
            ),
      );
    }
  },
});
