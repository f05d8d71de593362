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
  docsUrl: `${DOCS}sql-statement-explain-analyze`,
  check: ({ nodes }) =>
    nodes.flatMap(({ node }) => {
      const keys = node.executionInfo ? backoffKeys(node.executionInfo) : [];
      return keys.length
        ? [
            {
              nodeId: node.id,
              message: `${node.id} waited on ${keys.join(', ')}: region misses, lock resolution or busy stores added latency.`,
              fix: 'Region misses follow splits and leader moves (usually transient); ResolveLock means conflicting transactions — look for long or contending writes on the same rows.',
              impact: 25,
            },
          ]
        : [];
    }),
});
