// TiDB Operator Backup/Restore resources: validated against the v2.0.1 br.pingcap.com
// CRD schemas, and the apply + watch flow as a contract test against the local HTTPS
// fake API server (what is sent and how phases are read — not what the operator does).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { operatorObjects, type OperatorTaskError, runOperatorTask, type OperatorTask } from '../../client/src/localCluster/operator';
import { startFakeApi, type FakeApi } from '../helpers/fakeKubeApi';
import { loadCrd } from '../helpers/crdSchema';

const dir = path.resolve(import.meta.dirname, '../fixtures/k8s/crds');
const crds = {
  Backup: loadCrd(path.join(dir, 'v2.0.1_br.pingcap.com_backups.yaml.gz')),
  Restore: loadCrd(path.join(dir, 'v2.0.1_br.pingcap.com_restores.yaml.gz')),
};

// AK/SK are placeholder keys: the fake API server only records them
const task = (over: Partial<OperatorTask> = {}): OperatorTask => ({
  kind: 'Backup',
  name: 'shop-nightly',
  namespace: 'db',
  cluster: 'basic',
  toolImage: 'pingcap/br:v8.5.3',
  databases: ['shop'],
  s3: {
    provider: 'minio',
    bucket: 'backups',
    prefix: 'shop/2026-12-03',
    endpoint: 'http://minio.minio:9000',
    secretName: 's3-secret',
    accessKey: 'AK',
    secretKey: 'SK',
  },
  ...over,
});

test('Backup and Restore resources pass the v2.0.1 CRD schemas; unknown fields and bad types are caught', () => {
  for (const kind of ['Backup', 'Restore'] as const) {
    const objs = operatorObjects(task({ kind }));
    assert.deepEqual(
      objs.map((o) => o.kind),
      ['ServiceAccount', 'Role', 'RoleBinding', 'Secret', kind],
    );
    const res = objs.at(-1)!;
    assert.equal(res.apiVersion, `${crds[kind].group}/${crds[kind].versions[0]}`);
    assert.deepEqual(crds[kind].validate(res), [], crds[kind].validate(res).join('; '));
    const bad = JSON.parse(JSON.stringify(res));
    bad.spec.s3.bukket = 'x';
    assert.match(crds[kind].validate(bad).join(), /additional properties 'bukket'/);
    const badType = JSON.parse(JSON.stringify(res));
    badType.spec.br.concurrency = 'many';
    assert.ok(crds[kind].validate(badType).length > 0);
  }
  assert.deepEqual(
    (operatorObjects(task()).at(-1) as unknown as { spec: { tableFilter: string[]; backupType: string } }).spec.tableFilter,
    ['shop.*'],
  );
  assert.throws(() => operatorObjects(task({ toolImage: 'pingcap/br:latest' })), /Pin the BR image/);
  assert.throws(() => operatorObjects(task({ toolImage: 'pingcap/br' })), /Pin the BR image/);
  assert.ok(
    !operatorObjects(task({ s3: { provider: 'aws', bucket: 'b', prefix: 'p', secretName: 'existing' } })).some((o) => o.kind === 'Secret'),
    'an existing secret is used, not created',
  );
});

let api: FakeApi;
let kc: k8s.KubeConfig;
before(async () => {
  api = await startFakeApi();
  kc = new k8s.KubeConfig();
  kc.loadFromString(api.kubeconfig());
});
after(() => api?.close());
beforeEach(() => {
  api.requests.length = 0;
  api.watches.clear();
  api.gets.clear();
});

test('contract: RBAC, secret and Backup applied server-side in order, phases followed to Complete', async () => {
  api.watches.set('/apis/br.pingcap.com/v1alpha1/namespaces/db/backups', [
    { afterMs: 5, type: 'ADDED', object: { metadata: { name: 'shop-nightly' }, status: { phase: 'Scheduled' } } },
    { afterMs: 20, type: 'MODIFIED', object: { metadata: { name: 'other' }, status: { phase: 'Complete' } } },
    { afterMs: 30, type: 'MODIFIED', object: { metadata: { name: 'shop-nightly' }, status: { phase: 'Running' } } },
    {
      afterMs: 50,
      type: 'MODIFIED',
      object: {
        metadata: { name: 'shop-nightly' },
        status: { phase: 'Complete', backupPath: 's3://backups/shop/2026-12-03', backupSizeReadable: '1.2 GB', timeTaken: '3m' },
      },
    },
  ]);
  const phases: string[] = [];
  const s = await runOperatorTask(kc, task(), { onPhase: (x) => phases.push(x.phase!) });
  assert.deepEqual(phases, ['Scheduled', 'Running', 'Complete']);
  assert.equal(s.backupPath, 's3://backups/shop/2026-12-03');
  const patches = api.requests.filter((r) => r.method === 'PATCH');
  assert.deepEqual(
    patches.map((p) => p.path),
    [
      '/api/v1/namespaces/db/serviceaccounts/tidb-backup-manager',
      '/apis/rbac.authorization.k8s.io/v1/namespaces/db/roles/tidb-backup-manager',
      '/apis/rbac.authorization.k8s.io/v1/namespaces/db/rolebindings/tidb-backup-manager',
      '/api/v1/namespaces/db/secrets/s3-secret',
      '/apis/br.pingcap.com/v1alpha1/namespaces/db/backups/shop-nightly',
    ],
  );
  for (const p of patches) assert.equal(p.contentType, 'application/apply-patch+yaml');
});

test("contract: a Failed backup reports the operator's reason with events and the job pod's log tail", async () => {
  api.watches.set('/apis/br.pingcap.com/v1alpha1/namespaces/db/backups', [
    {
      afterMs: 5,
      type: 'MODIFIED',
      object: {
        metadata: { name: 'shop-nightly' },
        status: {
          phase: 'Failed',
          conditions: [{ type: 'Failed', status: 'True', message: 'backup job failed: access denied to bucket' }],
        },
      },
    },
  ]);
  api.gets.set('/api/v1/namespaces/db/events', {
    kind: 'EventList',
    items: [
      {
        type: 'Warning',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
        involvedObject: { kind: 'Job', name: 'backup-shop-nightly' },
      },
    ],
  });
  api.gets.set('/api/v1/namespaces/db/pods', {
    kind: 'PodList',
    items: [{ metadata: { name: 'backup-shop-nightly-x' }, status: { phase: 'Failed' } }],
  });
  api.gets.set('/api/v1/namespaces/db/pods/backup-shop-nightly-x/log', '[ERROR] AccessDenied: Access Denied\n');
  await assert.rejects(runOperatorTask(kc, task()), (e: OperatorTaskError) => {
    assert.equal(e.message, 'Backup shop-nightly failed: backup job failed: access denied to bucket');
    assert.deepEqual(e.details, [
      'event Job/backup-shop-nightly: BackoffLimitExceeded: Job has reached the specified backoff limit',
      'pod backup-shop-nightly-x: Failed',
      '  [ERROR] AccessDenied: Access Denied',
    ]);
    return true;
  });
});

test('contract: a Restore without keys uses the existing Secret and follows the restores collection', async () => {
  api.watches.set('/apis/br.pingcap.com/v1alpha1/namespaces/db/restores', [
    { afterMs: 5, type: 'ADDED', object: { metadata: { name: 'restore-1' }, status: { phase: 'Running' } } },
    { afterMs: 20, type: 'MODIFIED', object: { metadata: { name: 'restore-1' }, status: { phase: 'Complete', timeTaken: '1m' } } },
  ]);
  const s = await runOperatorTask(
    kc,
    task({
      kind: 'Restore',
      name: 'restore-1',
      s3: { provider: 'aws', bucket: 'backups', prefix: 'shop/2026-12-03', secretName: 's3-secret' },
    }),
  );
  assert.equal(s.phase, 'Complete');
  const kinds = api.requests.filter((r) => r.method === 'PATCH').map((r) => (r.body as { kind: string }).kind);
  assert.deepEqual(kinds, ['ServiceAccount', 'Role', 'RoleBinding', 'Restore'], 'no Secret created without keys');
});
