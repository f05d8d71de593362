// Contract tests of "Create Local Cluster": the orchestration against a local HTTPS
// fake API server (recorded requests, scripted watch events) and fake kind/docker on
// PATH. They prove the order and shape of what the extension sends and how it reacts
// to readiness, failure and cancel — not what Kubernetes or kind would do.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { createLocalCluster, type StepError, type CreateDeps, type Step } from '../../client/src/localCluster/create';
import { NAMESPACE, TIDB_NODE_PORT } from '../../client/src/localCluster/manifests';
import { runProcess, type ProcessRunner } from '../../client/src/localCluster/processRunner';
import { startFakeApi, type FakeApi } from '../helpers/fakeKubeApi';

let api: FakeApi;
let bin: string;
let log: string;

const CRDS = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: clusters.core.pingcap.com
spec:
  group: core.pingcap.com
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: tidbgroups.core.pingcap.com
spec:
  group: core.pingcap.com
`;
const OPERATOR = `apiVersion: v1
kind: Namespace
metadata:
  name: tidb-admin
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: tidb-operator
  namespace: tidb-admin
spec:
  replicas: 1
`;

before(async () => {
  api = await startFakeApi();
  bin = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-kindbin-'));
  log = path.join(bin, 'calls.log');
  fs.writeFileSync(path.join(bin, 'kubeconfig'), api.kubeconfig());
  const script = (body: string) => `#!/bin/sh\necho "$(basename "$0") $*" >> "${log}"\n${body}\n`;
  fs.writeFileSync(path.join(bin, 'docker'), script('echo 27.3.1'), { mode: 0o755 });
  fs.writeFileSync(
    path.join(bin, 'kind'),
    script(`case "$1 $2" in
  "version "*) echo "kind v0.29.0 go1.24.2 linux/amd64";;
  "get clusters") echo "No kind clusters found." >&2;;
  "get kubeconfig") cat "${path.join(bin, 'kubeconfig')}";;
  "create cluster") cp "$6" "${path.join(bin, 'kind-config.yaml')}"; echo "Creating cluster \\"$4\\" ..."; echo " ✓ Ensuring node image"; echo " ✓ Preparing nodes";;
  "delete cluster") echo "Deleting cluster \\"$4\\" ...";;
esac`),
    { mode: 0o755 },
  );
});

after(async () => {
  await api?.close();
  fs.rmSync(bin, { recursive: true, force: true });
});

beforeEach(() => {
  api.requests.length = 0;
  api.watches.clear();
  api.gets.clear();
  fs.rmSync(log, { force: true });
});

const run: ProcessRunner = (cmd, args, opts) => runProcess(cmd, args, { ...opts, env: { PATH: `${bin}:/usr/bin:/bin` } });
const calls = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []);

function deps(progress: Array<[Step, string | undefined]>, answers = () => true): CreateDeps {
  return {
    run,
    fetchText: async (url) =>
      url.endsWith('.crds.yaml') ? CRDS : url.endsWith('tidb-operator.yaml') ? OPERATOR : Promise.reject(new Error(`unexpected ${url}`)),
    tidbAnswers: async () => answers(),
    progress: (s, d) => progress.push([s, d]),
  };
}

const group = (name: string, ready: boolean, reason = ready ? 'Ready' : 'Unavailable') => ({
  metadata: { name },
  status: {
    conditions: [
      { type: 'Ready', status: ready ? 'True' : 'False', reason },
      { type: 'Synced', status: 'True' },
    ],
  },
});

function healthyCluster(): void {
  api.watches.set(
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    ['clusters', 'tidbgroups'].map((n, i) => ({
      afterMs: 10 * i,
      type: 'ADDED' as const,
      object: { metadata: { name: `${n}.core.pingcap.com` }, status: { conditions: [{ type: 'Established', status: 'True' }] } },
    })),
  );
  api.watches.set('/apis/apps/v1/namespaces/tidb-admin/deployments', [
    { afterMs: 5, type: 'ADDED', object: { metadata: { name: 'tidb-operator' }, status: { availableReplicas: 0 } } },
    { afterMs: 30, type: 'MODIFIED', object: { metadata: { name: 'tidb-operator' }, status: { availableReplicas: 1 } } },
  ]);
  for (const g of ['pd', 'tikv', 'tidb']) {
    api.watches.set(`/apis/core.pingcap.com/v1alpha1/namespaces/${NAMESPACE}/${g}groups`, [
      { afterMs: 5, type: 'ADDED', object: group(g, false) },
      { afterMs: 40, type: 'MODIFIED', object: group(g, true) },
    ]);
  }
}

test('contract: prerequisites, kind with the port mapping, CRDs then operator then cluster by server-side apply, watches to Ready, TiDB answers', async () => {
  healthyCluster();
  const progress: Array<[Step, string | undefined]> = [];
  let tries = 0;
  const r = await createLocalCluster(
    { name: 'dev', version: 'v8.5.3', hostPort: 14000 },
    deps(progress, () => ++tries >= 2),
  );
  assert.deepEqual(r, { port: 14000, kubeContext: 'kind-dev' });
  // kind: checked, created with our config, kubeconfig read
  const c = calls();
  assert.deepEqual(
    c.filter((l) => l.startsWith('kind ')).map((l) => l.split(' ').slice(0, 3).join(' ')),
    ['kind version', 'kind get clusters', 'kind create cluster', 'kind get kubeconfig'],
  );
  assert.match(c.find((l) => l.startsWith('kind create'))!, /--name dev --config \S+kind\.yaml --wait 120s/);
  assert.match(
    fs.readFileSync(path.join(bin, 'kind-config.yaml'), 'utf8'),
    new RegExp(`containerPort: ${TIDB_NODE_PORT}\\n\\s+hostPort: 14000\\n\\s+listenAddress: "127.0.0.1"`),
  );
  // every write is a server-side apply by tidb-toolkit with force, in dependency order
  const patches = api.requests.filter((q) => q.method === 'PATCH');
  for (const p of patches) {
    assert.equal(p.contentType, 'application/apply-patch+yaml');
    assert.equal(p.query.fieldManager, 'tidb-toolkit');
    assert.equal(p.query.force, 'true');
  }
  assert.deepEqual(
    patches.map((p) => `${(p.body as { kind: string }).kind}/${(p.body as { metadata: { name: string } }).metadata.name}`),
    [
      'CustomResourceDefinition/clusters.core.pingcap.com',
      'CustomResourceDefinition/tidbgroups.core.pingcap.com',
      'Namespace/tidb-admin',
      'Deployment/tidb-operator',
      `Namespace/${NAMESPACE}`,
      'Cluster/dev',
      'PDGroup/pd',
      'TiKVGroup/tikv',
      'TiDBGroup/tidb',
      'Service/dev-tidb-local',
    ],
  );
  assert.equal(
    patches.find((p) => (p.body as { kind: string }).kind === 'PDGroup')!.path,
    `/apis/core.pingcap.com/v1alpha1/namespaces/${NAMESPACE}/pdgroups/pd`,
  );
  // the CRDs were established before the operator was applied, the operator available before the cluster
  const idx = (pred: (q: (typeof api.requests)[number]) => boolean) => api.requests.findIndex(pred);
  assert.ok(
    idx((q) => q.query.watch === 'true' && q.path.endsWith('customresourcedefinitions')) <
      idx((q) => q.method === 'PATCH' && (q.body as { kind: string }).kind === 'Deployment'),
  );
  assert.ok(
    idx((q) => q.query.watch === 'true' && q.path.endsWith('/deployments')) <
      idx((q) => q.method === 'PATCH' && (q.body as { kind: string }).kind === 'Cluster'),
  );
  // progress: each step, and the groups' conditions while waiting
  assert.deepEqual([...new Set(progress.map(([s]) => s))], ['prerequisites', 'kind', 'operator', 'cluster', 'ready', 'connect']);
  assert.ok(
    progress.some(([s, d]) => s === 'ready' && /TIKV Unavailable, synced/.test(d ?? '')),
    JSON.stringify(progress.filter(([s]) => s === 'ready')),
  );
  assert.ok(progress.some(([s, d]) => s === 'kind' && /Preparing nodes/.test(d ?? '')));
  assert.equal(tries, 2);
});

test('contract: a group that never gets Ready fails the "ready" step with the namespace\'s warning events and the failing pod\'s log tail', async () => {
  healthyCluster();
  api.watches.set(`/apis/core.pingcap.com/v1alpha1/namespaces/${NAMESPACE}/tikvgroups`, [
    { afterMs: 5, type: 'ADDED', object: group('tikv', false, 'Unavailable') },
  ]);
  api.gets.set(`/api/v1/namespaces/${NAMESPACE}/events`, {
    kind: 'EventList',
    items: [
      {
        type: 'Warning',
        reason: 'BackOff',
        message: 'Back-off restarting failed container tikv',
        involvedObject: { kind: 'Pod', name: 'dev-tikv-abc' },
      },
      { type: 'Normal', reason: 'Pulled', message: 'ok', involvedObject: { kind: 'Pod', name: 'x' } },
    ],
  });
  api.gets.set(`/api/v1/namespaces/${NAMESPACE}/pods`, {
    kind: 'PodList',
    items: [
      {
        metadata: { name: 'dev-tikv-abc' },
        status: {
          phase: 'Running',
          containerStatuses: [{ name: 'tikv', ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
        },
      },
    ],
  });
  api.gets.set(
    `/api/v1/namespaces/${NAMESPACE}/pods/dev-tikv-abc/log`,
    '[ERROR] the maximum number of open file descriptors is too small, got 1024\nexiting\n',
  );
  await assert.rejects(
    createLocalCluster({ name: 'dev', version: 'v8.5.3', hostPort: 14000, timeouts: { ready: 400 } }, deps([])),
    (e: StepError) => {
      assert.equal(e.step, 'ready');
      assert.match(e.message, /timed out after 0 s waiting for tikvgroups to be ready/);
      assert.deepEqual(e.details.slice(0, 2), [
        'event Pod/dev-tikv-abc: BackOff: Back-off restarting failed container tikv',
        'pod dev-tikv-abc: Running (CrashLoopBackOff)',
      ]);
      assert.ok(e.details.some((d) => /open file descriptors is too small/.test(d)));
      assert.equal(e.cancelled, false);
      return true;
    },
  );
  // a failure keeps the kind cluster for inspection; "Delete Local Cluster" removes it
  assert.ok(!calls().some((l) => l.startsWith('kind delete')));
});

test('contract: cancel while waiting deletes the kind cluster this run created', async () => {
  healthyCluster();
  api.watches.set(`/apis/core.pingcap.com/v1alpha1/namespaces/${NAMESPACE}/tidbgroups`, [
    { afterMs: 5, type: 'ADDED', object: group('tidb', false) },
  ]);
  const ac = new AbortController();
  const progress: Array<[Step, string | undefined]> = [];
  const p = createLocalCluster(
    { name: 'dev', version: 'v8.5.3', hostPort: 14000 },
    {
      ...deps(progress),
      progress: (s, d) => {
        progress.push([s, d]);
        if (s === 'ready' && /TIDB Unavailable/.test(d ?? '')) ac.abort();
      },
    },
    ac.signal,
  );
  await assert.rejects(p, (e: StepError) => e.cancelled && e.step === 'ready');
  assert.match(calls().at(-1)!, /^kind delete cluster --name dev$/);
});

test('contract: missing prerequisites stop before anything is created, with install links', async () => {
  const noDocker: ProcessRunner = (cmd, args, opts) =>
    cmd === 'docker' ? runProcess('no-such-docker-xyz', args, opts) : run(cmd, args, opts);
  await assert.rejects(
    createLocalCluster({ name: 'dev', version: 'v8.5.3', hostPort: 14000 }, { ...deps([]), run: noDocker }),
    (e: StepError) => {
      assert.equal(e.step, 'prerequisites');
      assert.match(e.message, /Docker is not installed .* https:\/\/docs\.docker\.com/);
      return true;
    },
  );
  assert.ok(!calls().some((l) => /kind (create|get clusters)/.test(l)));
  assert.equal(api.requests.length, 0);
});

test('contract: a kind cluster of that name already exists: refused, nothing touched', async () => {
  fs.writeFileSync(path.join(bin, 'kind-existing'), 'dev\n');
  const withExisting: ProcessRunner = async (cmd, args, opts) =>
    cmd === 'kind' && args.join(' ') === 'get clusters' ? { code: 0, stdout: 'dev\n', stderr: '' } : run(cmd, args, opts);
  await assert.rejects(
    createLocalCluster({ name: 'dev', version: 'v8.5.3', hostPort: 14000 }, { ...deps([]), run: withExisting }),
    /already exists/,
  );
  assert.ok(!calls().some((l) => /kind (create|delete)/.test(l)));
});
