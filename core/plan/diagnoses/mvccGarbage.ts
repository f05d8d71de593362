import * as l10n from '@vscode/l10n';
import { get } from '../execInfo';
import { DOCS, defineRule, fmt } from './define';

export default defineRule({
  id: 'mvcc-garbage',
  severity: 'warning',
  title: 'Old versions scanned (MVCC garbage)',
  explanation:
    'A scan visited many more keys (total_keys) than it returned (total_process_keys): old versions or tombstones not yet garbage-collected or compacted.',
  examples: {
    flagged: ['fixtures/analyze_hash_join_filtered', 'fixtures/analyze_index_join'],
    clean: ['fixtures_all/docs2025__sql-statements__sql-statement-create-binding__L115'],
  },
  docsUrl: `${DOCS}garbage-collection-overview`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const e = node.executionInfo;
      const total = Number(get(e, 'scan_detail', 'total_keys') ?? NaN);
      const processed = Number(get(e, 'scan_detail', 'total_process_keys') ?? NaN);
      const skipped =
        Number(get(e, 'scan_detail', 'rocksdb', 'delete_skipped_count') ?? 0) +
        Number(get(e, 'scan_detail', 'rocksdb', 'key_skipped_count') ?? 0);
      if (!(total >= 10_000 && total >= 2 * Math.max(processed, 1)) && !(skipped >= 100_000 && skipped >= 2 * Math.max(processed, 1)))
        return [];
      return [
        {
          nodeId: node.id,
          message: l10n.t(
            '{0}: TiKV went over {1} keys to return {2} — old versions and deleted rows (MVCC garbage) are being scanned.',
            node.id,
            fmt(Math.max(total, skipped)),
            fmt(processed),
          ),
          fix: l10n.t(
            'Check tidb_gc_life_time and that GC runs; after large deletes, compaction clears tombstones. Long-running transactions hold GC back.',
          ),
          impact: 30,
        },
      ];
    }),
});
