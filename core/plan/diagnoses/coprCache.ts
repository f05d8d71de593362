import * as l10n from '@vscode/l10n';
import { get } from '../execInfo';
import { DOCS, defineRule } from './define';

export default defineRule({
  id: 'coprocessor-cache',
  severity: 'info',
  title: 'Coprocessor cache hits',
  explanation: 'Some cop tasks were answered from the coprocessor cache (copr_cache_hit_ratio): repeated runs are faster than the first.',
  examples: {
    flagged: ['fixtures/analyze_coprocessor_cache', 'fixtures/analyze_hash_join_filtered'],
    clean: ['fixtures_all/docs2025__system-variables__L4938'],
  },
  docsUrl: `${DOCS}coprocessor-cache`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      // copr_cache_hit_ratio; older versions printed copr_cache_hit_rate
      const r = Number(
        get(node.executionInfo, 'cop_task', 'copr_cache_hit_ratio') ?? get(node.executionInfo, 'cop_task', 'copr_cache_hit_rate') ?? NaN,
      );
      return r > 0
        ? [
            {
              nodeId: node.id,
              message: l10n.t(
                '{0}: {1}% of cop tasks were answered from the coprocessor cache, so this run may be faster than a cold one.',
                node.id,
                Math.round(r * 100),
              ),
              impact: 5,
            },
          ]
        : [];
    }),
});
