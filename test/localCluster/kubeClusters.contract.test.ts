// Contract test: listing TiDB clusters already in Kubernetes (operator v2 and v1) from
// the API, through the local HTTPS fake API server. Port-forwarding (a WebSocket
// upgrade) is not exercised here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { listTidbClusters, tidbPodSelector } from '../../client/src/localCluster/kubeClusters';
import { startFakeApi, type FakeApi } from '../helpers/fakeKubeApi';

let api: FakeApi;
let kc: k8s.KubeConfig;
before(async () => {
  api = await startFakeApi();
  kc = new k8s.KubeConfig();
  kc.loadFromString(api.kubeconfig());
});
after(() => api?.close());

const grp = (name: string, ns: string, cluster: string, replicas: number, ready: number, readyCond: boolean) => ({
  metadata: { name, namespace: ns },
  spec: { cluster: { name: cluster }, replicas },
  status: { readyReplicas: ready, conditions: [{ type: 'Ready', status: readyCond ? 'True' : 'False' }] },
});

test('contract: v2 Clusters with their groups and v1 TidbClusters, in every namespace; a CRD that is not installed is just absent', async () => {
  const list = (items: unknown[]) => ({ kind: 'List', items });
  api.gets.set(
    '/apis/core.pingcap.com/v1alpha1/clusters',
    list([{ metadata: { name: 'basic', namespace: 'db' } }, { metadata: { name: 'other', namespace: 'db2' } }]),
  );
  api.gets.set(
    '/apis/core.pingcap.com/v1alpha1/pdgroups',
    list([grp('pd', 'db', 'basic', 3, 3, true), grp('pd', 'db2', 'other', 1, 0, false)]),
  );
  api.gets.set('/apis/core.pingcap.com/v1alpha1/tikvgroups', list([grp('tikv', 'db', 'basic', 3, 3, true)]));
  api.gets.set('/apis/core.pingcap.com/v1alpha1/tidbgroups', list([grp('tidb', 'db', 'basic', 2, 2, true)]));
  // tiflashgroups: 404 (not installed); tidbclusters (v1) present
  api.gets.set(
    '/apis/pingcap.com/v1alpha1/tidbclusters',
    list([
      {
        metadata: { name: 'legacy', namespace: 'old' },
        status: {
          pd: { phase: 'Normal', statefulSet: { replicas: 1, readyReplicas: 1 } },
          tikv: { phase: 'Upgrade', statefulSet: { replicas: 3, readyReplicas: 2 } },
          tidb: { phase: 'Normal', statefulSet: { replicas: 1, readyReplicas: 1 } },
        },
      },
    ]),
  );
  const clusters = await listTidbClusters(kc);
  assert.deepEqual(
    clusters.map((c) => [c.operator, c.namespace, c.name, c.ready]),
    [
      ['v2', 'db', 'basic', true],
      ['v2', 'db2', 'other', false],
      ['v1', 'old', 'legacy', false],
    ],
  );
  assert.deepEqual(
    clusters[0].components.map((x) => `${x.component}: ${x.status}`),
    ['PD pd: 3/3 ready', 'TiKV tikv: 3/3 ready', 'TiDB tidb: 2/2 ready'],
  );
  assert.deepEqual(
    clusters[2].components.map((x) => `${x.component}: ${x.status}`),
    ['PD: Normal 1/1', 'TiKV: Upgrade 2/3', 'TiDB: Normal 1/1'],
  );
  assert.ok(
    api.requests.some((r) => r.path === '/apis/core.pingcap.com/v1alpha1/tiflashgroups'),
    'asked for TiFlash groups and got 404',
  );
  assert.equal(tidbPodSelector(clusters[0]), 'pingcap.com/cluster=basic,pingcap.com/component=tidb');
  assert.equal(tidbPodSelector(clusters[2]), 'app.kubernetes.io/instance=legacy,app.kubernetes.io/component=tidb');
});

test('contract: no TiDB Operator at all: an empty list, not an error', async () => {
  api.gets.clear();
  assert.deepEqual(await listTidbClusters(kc), []);
});
