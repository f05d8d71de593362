// The local backup store (client/src/localCluster/minio.ts): what it applies, that keys stay in the
// Secret, and the install flow as a contract test against the fake Kubernetes API server (what is
// sent and how the bucket Job's outcome is read — not what MinIO does; a real kind cluster is the
// opt-in test in real.test.ts's family).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installMinio, type MinioError, minioObjects, minioS3 } from '../../client/src/localCluster/minio';
import { operatorObjects } from '../../client/src/localCluster/operator';
import { loadCrd } from '../helpers/crdSchema';
import { appliedPaths, useFakeApi } from '../helpers/fakeKubeApi';
import * as path from 'node:path';

const IMAGE = 'minio/minio:RELEASE.2024-09-13T20-26-02Z';

test('MinIO objects: namespace, Secret with the operator’s keys, Deployment on the pinned image with health checks, Service, bucket Job', () => {
  const objs = minioObjects({ namespace: 'tidb-local', image: IMAGE, bucket: 'backups' });
  assert.deepEqual(
    objs.map((o) => `${o.kind}/${o.metadata.name}`),
    ['Namespace/tidb-local', 'Secret/minio-secret', 'Deployment/minio', 'Service/minio', 'Job/minio-bucket-backups'],
  );
  const secret = objs[1] as unknown as { stringData: Record<string, string> };
  assert.deepEqual(Object.keys(secret.stringData), ['access_key', 'secret_key'], 'the keys the operator reads');
  assert.ok(secret.stringData.secret_key.length >= 20, 'a generated secret');
  const text = JSON.stringify(objs.slice(2));
  assert.ok(!text.includes(secret.stringData.secret_key) && !text.includes(secret.stringData.access_key), 'keys only in the Secret');
  const pod = (objs[2] as unknown as { spec: { template: { spec: { containers: Array<Record<string, unknown>> } } } }).spec.template.spec
    .containers[0];
  assert.equal(pod.image, IMAGE);
  assert.deepEqual(pod.args, ['server', '/data']);
  assert.match(JSON.stringify(pod), /\/minio\/health\/ready/);
  const job = JSON.stringify(objs[4]);
  assert.match(job, /mc mb --ignore-existing local\/backups/);
  for (const bad of ['minio/minio:latest', 'minio/minio', 'minio/minio:2024'])
    assert.throws(() => minioObjects({ namespace: 'n', image: bad, bucket: 'backups' }), /Pin the MinIO image/);
  for (const bad of ['B', 'ab', 'has space', 'x'.repeat(64), 'a/b'])
    assert.throws(() => minioObjects({ namespace: 'n', image: IMAGE, bucket: bad }), /not an S3 bucket name/);
});

test('a backup to the local store passes the v2.0.1 Backup CRD with the operator e2e’s MinIO settings', () => {
  const crd = loadCrd(path.resolve(import.meta.dirname, '../fixtures/k8s/crds/v2.0.1_br.pingcap.com_backups.yaml.gz'));
  const s3 = { ...minioS3({ namespace: 'tidb-local', bucket: 'backups' }, 'basic/log') };
  assert.deepEqual(s3, {
    provider: 'ceph',
    endpoint: 'http://minio.tidb-local:9000',
    bucket: 'backups',
    prefix: 'basic/log',
    secretName: 'minio-secret',
  });
  const backup = operatorObjects({
    kind: 'Backup',
    name: 'basic-log',
    namespace: 'tidb-local',
    cluster: 'basic',
    toolImage: 'pingcap/br:v8.5.3',
    s3,
    log: { subcommand: 'log-start' },
  }).at(-1)!;
  assert.deepEqual(crd.validate(backup), []);
});

const fake = useFakeApi();

test('contract: applied server-side in order, then the bucket Job followed to success', async () => {
  fake.api.watches.set('/apis/batch/v1/namespaces/tidb-local/jobs', [
    { afterMs: 5, type: 'ADDED', object: { metadata: { name: 'minio-bucket-backups' }, status: {} } },
    { afterMs: 20, type: 'MODIFIED', object: { metadata: { name: 'minio-bucket-backups' }, status: { failed: 1 } } },
    { afterMs: 40, type: 'MODIFIED', object: { metadata: { name: 'minio-bucket-backups' }, status: { succeeded: 1 } } },
  ]);
  const applied: string[] = [];
  const s3 = await installMinio(
    fake.kc,
    { namespace: 'tidb-local', image: IMAGE, bucket: 'backups' },
    { onApplied: (w) => applied.push(w) },
  );
  assert.equal(s3.endpoint, 'http://minio.tidb-local:9000');
  assert.deepEqual(applied, [
    'Namespace tidb-local',
    'Secret minio-secret',
    'Deployment minio',
    'Service minio',
    'Job minio-bucket-backups',
  ]);
  assert.deepEqual(appliedPaths(fake.api), [
    '/api/v1/namespaces/tidb-local',
    '/api/v1/namespaces/tidb-local/secrets/minio-secret',
    '/apis/apps/v1/namespaces/tidb-local/deployments/minio',
    '/api/v1/namespaces/tidb-local/services/minio',
    '/apis/batch/v1/namespaces/tidb-local/jobs/minio-bucket-backups',
  ]);
});

test('contract: a failed bucket Job says so with the namespace’s events', async () => {
  fake.api.watches.set('/apis/batch/v1/namespaces/tidb-local/jobs', [
    {
      afterMs: 5,
      type: 'MODIFIED',
      object: { metadata: { name: 'minio-bucket-backups' }, status: { failed: 13, conditions: [{ type: 'Failed', status: 'True' }] } },
    },
  ]);
  fake.api.gets.set('/api/v1/namespaces/tidb-local/events', {
    kind: 'EventList',
    items: [
      {
        type: 'Warning',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
        involvedObject: { kind: 'Job', name: 'minio-bucket-backups' },
      },
    ],
  });
  fake.api.gets.set('/api/v1/namespaces/tidb-local/pods', { kind: 'PodList', items: [] });
  await assert.rejects(installMinio(fake.kc, { namespace: 'tidb-local', image: IMAGE, bucket: 'backups' }), (e: MinioError) => {
    assert.equal(e.message, 'Could not make the bucket backups in MinIO');
    assert.deepEqual(e.details, ['event Job/minio-bucket-backups: BackoffLimitExceeded: Job has reached the specified backoff limit']);
    return true;
  });
});
