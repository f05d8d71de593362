import type { ColumnInfo } from '../../../sql/schema';
import { columnInfo } from '../../../sql/schema';
import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'sequential-index-hotspot',
  category: 'risky',
  severity: 'hint',
  versions: 'all',
  explanation: 'Insert-time indexes grow at the tail, creating an index write hotspot.',
  fix: 'Prefix the index with a high-cardinality column, or accept it for low write rates.',
  source: 'pingcap/docs: troubleshoot-hot-spot-issues.md',
  quote:
    'Common index hotspots appear in fields that are monotonously increasing in time order, or `INSERT` scenarios with a large number of repeated values.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: [
      'CREATE TABLE a (id BIGINT PRIMARY KEY, at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);\nCREATE INDEX i ON a (at);\nALTER TABLE a ADD INDEX j (`at`, id);',
      'CREATE TABLE events (\n  id BIGINT AUTO_RANDOM PRIMARY KEY,\n  type VARCHAR(32) NOT NULL,\n  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  KEY idx_created_at (created_at)\n);',
      'CREATE TABLE ev (id BIGINT AUTO_RANDOM PRIMARY KEY, created_at DATETIME NOT NULL);\nALTER TABLE ev MODIFY created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;\nALTER TABLE ev ADD INDEX idx_c (created_at);',
    ],
    clean: [
      'CREATE INDEX i ON unknown_t (created_at);',
      'CREATE TABLE x (id BIGINT, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (created_at, id));',
    ],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    const ct = ctx.createTable();
    let lookup: (n: string) => ColumnInfo | undefined;
    if (ct) {
      const cols = new Map(ct.columns.map((c) => [c.name.toLowerCase(), columnInfo(s, c)]));
      lookup = (n) => cols.get(n.toLowerCase());
    } else {
      const sites = indexSites(ctx);
      const name = sites[0]?.table;
      const t = name ? ctx.schema.table(name.db, name.name) : undefined;
      if (!t) return;
      // columns added by the same ALTER TABLE count too
      const added = new Map<string, ColumnInfo>();
      const at = ctx.alterTable();
      for (const spec of at?.specs ?? []) for (const c of spec.columns) added.set(c.name.toLowerCase(), columnInfo(s, c));
      lookup = (n) => added.get(n.toLowerCase()) ?? t.columns.get(n.toLowerCase());
    }
    for (const { index } of indexSites(ctx)) {
      if (index.kind !== 'INDEX' && index.kind !== 'UNIQUE') continue;
      const first = index.parts[0];
      if (!first?.column) continue;
      const c = lookup(first.column);
      if (!c || (c.type !== 'DATETIME' && c.type !== 'TIMESTAMP') || !c.defaultNow) continue;
      ctx.report(
        [first.first, Math.max(first.first, first.end - 1)],
        index.name
          ? l10n.t(
              'Index {0} starts with {1}, an insert-time {2} column (DEFAULT CURRENT_TIMESTAMP): every insert writes to the tail of the index, a write hotspot on one TiKV Region. Put a high-cardinality column first, or accept it for low write rates.',
              index.name,
              c.name,
              c.type,
            )
          : l10n.t(
              'Index starts with {0}, an insert-time {1} column (DEFAULT CURRENT_TIMESTAMP): every insert writes to the tail of the index, a write hotspot on one TiKV Region. Put a high-cardinality column first, or accept it for low write rates.',
              c.name,
              c.type,
            ),
      );
    }
  },
});
