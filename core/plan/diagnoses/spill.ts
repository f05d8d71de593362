import * as l10n from '@vscode/l10n';
import { formatBytes } from '../units';
import { DOCS, defineRule } from './define';

export default defineRule({
  id: 'disk-spill',
  severity: 'warning',
  title: 'Spilled to disk',
  explanation: 'An operator used more memory than tidb_mem_quota_query allows and spilled to disk (the disk column is not N/A).',
  examples: {
    flagged: ['fixtures/analyze_verbose_estcost_misestimate', 'fixtures/analyze_memory_disk_spill'],
    clean: ['fixtures_all/docs2025__sql-tuning-best-practice__L540'],
  },
  docsUrl: `${DOCS}configure-memory-usage`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const spilled = (node.disk ?? 0) > 0 || (node.executionInfo !== undefined && 'spill' in node.executionInfo);
      return spilled
        ? [
            {
              nodeId: node.id,
              message: node.disk
                ? node.memory
                  ? l10n.t(
                      '{0} spilled to disk ({1}) after using {2} of memory.',
                      node.id,
                      formatBytes(node.disk),
                      formatBytes(node.memory),
                    )
                  : l10n.t('{0} spilled to disk ({1}).', node.id, formatBytes(node.disk))
                : node.memory
                  ? l10n.t('{0} spilled to disk after using {1} of memory.', node.id, formatBytes(node.memory))
                  : l10n.t('{0} spilled to disk.', node.id),
              fix: l10n.t(
                'Reduce what it holds (a smaller build side, fewer columns, better filters) or raise tidb_mem_quota_query for this session.',
              ),
              impact: 45,
            },
          ]
        : [];
    }),
});
