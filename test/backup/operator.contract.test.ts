// TiDB Operator Backup/Restore resources: validated against the v2.0.1 br.pingcap.com
// CRD schemas, and the apply + watch flow as a contract test against the local HTTPS
// fake API server (what is sent and how phases are read — not what the operator does).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import * as fs from 'node:fs';
import {
  type LogSubcommand,
  operatorObjects,
  type OperatorTask,
  type OperatorTaskError,
  pitrTs,
  restorableWindow,
  runOperatorTask,
  settled,
  tsoTime,
} from '../../client/src/localCluster/operator';
import { appliedPaths, startFakeApi, type FakeApi } from '../helpers/fakeKubeApi';
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
  assert.deepEqual(appliedPaths(api), [
    '/api/v1/namespaces/db/serviceaccounts/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/roles/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/rolebindings/tidb-backup-manager',
    '/api/v1/namespaces/db/secrets/s3-secret',
    '/apis/br.pingcap.com/v1alpha1/namespaces/db/backups/shop-nightly',
  ]);
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

// --- point-in-time recovery: log backup, full backup, PITR restore -----------------------------

const minio = { provider: 'ceph', endpoint: 'http://minio.test1:9000', secretName: 'minio-secret', bucket: 'local' };
const exampleSpec = (f: string) =>
  (
    k8s.loadYaml(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/k8s/operator-v2', f), 'utf8')) as {
      spec: Record<string, unknown>;
    }
  ).spec;
const specOf = (t: OperatorTask) => (operatorObjects(t).at(-1) as unknown as { spec: Record<string, unknown> }).spec;
const pitrTask = (over: Partial<OperatorTask> = {}): OperatorTask => ({
  kind: 'Restore',
  name: 'demo3-restore-pitr-minio',
  namespace: 'test1',
  cluster: 'demo3',
  toolImage: 'pingcap/br:v8.5.3',
  s3: { ...minio, prefix: 'demo1/log' },
  pitr: { restoredTs: '2022-10-10T17:21:00+08:00', fullBackup: { ...minio, prefix: 'demo1/full' } },
  ...over,
});

test('log backup (backupMode: log) and PITR restore (restoreMode: pitr) pass the v2.0.1 CRDs and match the operator-v2 examples field by field', () => {
  const log = specOf({
    ...task(),
    namespace: 'test1',
    cluster: 'demo1',
    databases: [],
    s3: { ...minio, prefix: 'demo1/log' },
    log: { subcommand: 'log-start' },
  });
  const ex1 = exampleSpec('01-backup-log-minio.yaml');
  for (const k of ['backupMode', 'logSubcommand']) assert.equal(log[k], ex1[k], k);
  assert.deepEqual(log.s3, ex1.s3);
  assert.equal((log.br as { cluster: string }).cluster, (ex1.br as { cluster: string }).cluster);
  assert.equal(log.backupType, undefined, 'a log backup has no backup type');
  assert.equal(log.tableFilter, undefined, 'a log backup covers the whole cluster');
  const full = specOf({ ...task(), namespace: 'test1', cluster: 'demo1', databases: [], s3: { ...minio, prefix: 'demo1/full' } });
  const ex2 = exampleSpec('02-backup-full-minio.yaml');
  assert.equal(full.backupType, ex2.backupType);
  assert.deepEqual(full.s3, ex2.s3);
  const pitr = specOf(pitrTask());
  const ex3 = exampleSpec('03-restore-pitr-minio.yaml');
  for (const k of ['restoreMode', 'pitrRestoredTs']) assert.equal(pitr[k], ex3[k], k);
  assert.deepEqual(pitr.s3, ex3.s3);
  assert.deepEqual(pitr.pitrFullBackupStorageProvider, ex3.pitrFullBackupStorageProvider);
  // every resource passes the schemas; each log subcommand too
  for (const sub of ['log-start', 'log-stop', 'log-pause', 'log-resume', 'log-truncate'] as const) {
    const b = operatorObjects({
      ...task(),
      log: { subcommand: sub, truncateUntil: sub === 'log-truncate' ? '2026-12-01T00:00:00Z' : undefined },
    }).at(-1)!;
    assert.deepEqual(crds.Backup.validate(b), [], `${sub}: ${crds.Backup.validate(b).join('; ')}`);
  }
  assert.throws(() => operatorObjects({ ...task(), log: { subcommand: 'log-truncate' } }), /log-truncate needs the time/);
  const restore = operatorObjects(pitrTask()).at(-1)!;
  assert.deepEqual(crds.Restore.validate(restore), [], crds.Restore.validate(restore).join('; '));
  // the field is restoreMode / backupMode in operator v2: `spec.mode` is not a field, and the API server rejects it
  const withMode = JSON.parse(JSON.stringify(restore));
  withMode.spec.mode = 'pitr';
  assert.match(crds.Restore.validate(withMode).join(), /additional properties 'mode'/);
  const backupWithMode = JSON.parse(JSON.stringify(operatorObjects({ ...task(), log: { subcommand: 'log-start' } }).at(-1)!));
  backupWithMode.spec.mode = 'log';
  assert.match(crds.Backup.validate(backupWithMode).join(), /additional properties 'mode'/);
});

test('the restorable window: from the full backup’s commit ts to the log checkpoint (TSOs), and what each log command waits for', () => {
  // a TSO is the physical time in ms shifted left by 18 bits
  const tso = (d: Date) => String(BigInt(d.getTime()) << 18n);
  const t0 = new Date('2026-12-01T10:00:00Z');
  const t1 = new Date('2026-12-01T12:30:00Z');
  assert.equal(tsoTime(tso(t0))!.toISOString(), t0.toISOString());
  // the docs' tidb_snapshot example TSO 400036290571534337 (read-historical-data.md) is in 2018
  assert.equal(tsoTime('400036290571534337')!.getUTCFullYear(), 2018);
  assert.equal(tsoTime('not a tso'), undefined);
  assert.deepEqual(restorableWindow({ commitTs: tso(t0) }, { logCheckpointTs: tso(t1) }), { from: t0, to: t1 });
  assert.equal(restorableWindow({ commitTs: tso(t1) }, { logCheckpointTs: tso(t0) }), undefined, 'log behind the snapshot');
  assert.equal(restorableWindow({}, { logCheckpointTs: tso(t1) }), undefined);
  assert.equal(pitrTs(new Date('2026-12-01T11:15:30.250Z')), '2026-12-01T11:15:30Z');
  const b = (sub: LogSubcommand) => ({ kind: 'Backup' as const, log: { subcommand: sub } });
  assert.deepEqual(
    [
      settled(b('log-start'), { phase: 'Scheduled' }),
      settled(b('log-start'), { phase: 'Running' }),
      settled(b('log-stop'), { phase: 'Running' }),
      settled(b('log-stop'), { phase: 'Stopped' }),
      settled(b('log-pause'), { phase: 'Paused' }),
      settled(b('log-truncate'), { phase: 'Running', logSuccessTruncateUntil: '2026-12-01T00:00:00Z' }),
      settled({ kind: 'Restore' }, { phase: 'Running' }),
      settled({ kind: 'Restore' }, { phase: 'Failed' }),
    ],
    [false, true, false, true, true, true, false, true],
  );
});

test('contract: log backup started (Running, with a checkpoint), a full backup to Complete, then a PITR restore into another cluster to Complete', async () => {
  const tso = (iso: string) => String(BigInt(new Date(iso).getTime()) << 18n);
  api.watches.set('/apis/br.pingcap.com/v1alpha1/namespaces/test1/backups', [
    { afterMs: 5, type: 'ADDED', object: { metadata: { name: 'demo1-log' }, status: { phase: 'Scheduled' } } },
    {
      afterMs: 20,
      type: 'MODIFIED',
      object: {
        metadata: { name: 'demo1-log' },
        status: { phase: 'Running', commitTs: tso('2026-12-01T10:00:00Z'), logCheckpointTs: tso('2026-12-01T10:00:05Z') },
      },
    },
  ]);
  const logStatus = await runOperatorTask(kc, {
    ...task(),
    name: 'demo1-log',
    namespace: 'test1',
    cluster: 'demo1',
    databases: [],
    s3: { ...minio, prefix: 'demo1/log' },
    log: { subcommand: 'log-start' },
  });
  assert.equal(logStatus.phase, 'Running');
  api.watches.set('/apis/br.pingcap.com/v1alpha1/namespaces/test1/backups', [
    {
      afterMs: 10,
      type: 'MODIFIED',
      object: {
        metadata: { name: 'demo1-full' },
        status: { phase: 'Complete', commitTs: tso('2026-12-01T10:30:00Z'), backupPath: 's3://local/demo1/full' },
      },
    },
  ]);
  const fullStatus = await runOperatorTask(kc, {
    ...task(),
    name: 'demo1-full',
    namespace: 'test1',
    cluster: 'demo1',
    databases: [],
    s3: { ...minio, prefix: 'demo1/full' },
  });
  // later the log checkpoint has moved on: the window is [full commit ts, checkpoint]
  const window = restorableWindow(fullStatus, { logCheckpointTs: tso('2026-12-01T11:00:00Z') })!;
  assert.deepEqual([window.from.toISOString(), window.to.toISOString()], ['2026-12-01T10:30:00.000Z', '2026-12-01T11:00:00.000Z']);
  api.watches.set('/apis/br.pingcap.com/v1alpha1/namespaces/test1/restores', [
    { afterMs: 5, type: 'ADDED', object: { metadata: { name: 'demo3-pitr' }, status: { phase: 'Running' } } },
    { afterMs: 20, type: 'MODIFIED', object: { metadata: { name: 'demo3-pitr' }, status: { phase: 'Complete' } } },
  ]);
  const at = pitrTs(new Date('2026-12-01T10:45:00Z'));
  await runOperatorTask(kc, pitrTask({ name: 'demo3-pitr', pitr: { restoredTs: at, fullBackup: { ...minio, prefix: 'demo1/full' } } }));
  const sent = api.requests
    .filter((r) => r.method === 'PATCH' && /\/(backups|restores)\//.test(r.path))
    .map((r) => [r.path, (r.body as { spec: Record<string, unknown> }).spec]);
  assert.deepEqual(
    sent.map(([p, s]) => [
      p,
      (s as Record<string, unknown>).backupMode ?? (s as Record<string, unknown>).restoreMode ?? 'snapshot',
      (s as Record<string, unknown>).pitrRestoredTs,
    ]),
    [
      ['/apis/br.pingcap.com/v1alpha1/namespaces/test1/backups/demo1-log', 'log', undefined],
      ['/apis/br.pingcap.com/v1alpha1/namespaces/test1/backups/demo1-full', 'snapshot', undefined],
      ['/apis/br.pingcap.com/v1alpha1/namespaces/test1/restores/demo3-pitr', 'pitr', '2026-12-01T10:45:00Z'],
    ],
  );
});
