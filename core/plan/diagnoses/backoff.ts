import * as l10n from '@vscode/l10n';
import type { ExecInfo } from '../model';
import { DOCS, defineRule } from './define';

function backoffKeys(e: ExecInfo, path = ''): string[] {
  return Object.entries(e).flatMap(([k, v]) => {
    const here = /backoff|ResolveLock/i.test(k) ? [`${path}${k}`] : [];
    return typeof v === 'string' ? here : [...here, ...backoffKeys(v, `${path}${k}.`)];
  });
}

export default defineRule({
  id: 'backoff',
  severity: 'warning',
  title: 'Backoff and lock resolution',
  explanation: 'Execution info shows backoff or ResolveLock: Region misses, busy stores or conflicting transactions added latency.',
  examples: {
    flagged: [
      {
        note: 'hand-made after the execution info format of sql-statement-explain-analyze.md',
        plan: '| id | estRows | actRows | task | access object | execution info | operator info | memory | disk |\n| TableReader_5 | 1000 | 1000 | root | | time:2s, loops:2, cop_task: {num: 40, max: 1.9s, min: 1ms, avg: 50ms, p95: 20ms}, backoff{regionMiss: 12ms} | data:TableFullScan_4 | 1 MB | N/A |\n| └─TableFullScan_4 | 1000 | 1000 | cop[tikv] | table:t | tikv_task:{time:1.9s, loops:40} | keep order:false | N/A | N/A |',
      },
    ],
    clean: ['fixtures/legacy_v2_v3_point_get_count'],
  },
  docsUrl: `${DOCS}sql-statement-explain-analyze`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const keys = node.executionInfo ? backoffKeys(node.executionInfo) : [];
      return keys.length
        ? [
            {
              nodeId: node.id,
              message: l10n.t('{0} waited on {1}: region misses, lock resolution or busy stores added latency.', node.id, keys.join(', ')),
              fix: l10n.t(
                'Region misses follow splits and leader moves (usually transient); ResolveLock means conflicting transactions — look for long or contending writes on the same rows.',
              ),
              impact: 25,
            },
          ]
        : [];
    }),
});
