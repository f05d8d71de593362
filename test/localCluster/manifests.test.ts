// Every manifest the extension generates, validated against TiDB Operator's real CRD
// schemas (test/fixtures/k8s/crds, from tidb-operator v2.0.1) with unknown fields
// rejected, plus negative cases; and the kind config.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import {
  clusterObjects,
  kindConfig,
  NAME_LIMITS,
  operatorAssetUrls,
  TIDB_NODE_PORT,
  validateName,
} from '../../client/src/localCluster/manifests';
import { loadCrd, type Crd } from '../helpers/crdSchema';

const dir = path.resolve(import.meta.dirname, '../fixtures/k8s/crds');
const crds = new Map<string, Crd>(
  ['clusters', 'pdgroups', 'tikvgroups', 'tidbgroups'].map((n) => {
    const c = loadCrd(path.join(dir, `v2.0.1_core.pingcap.com_${n}.yaml.gz`));
    return [c.kind, c];
  }),
);

test('the generated Cluster, PDGroup, TiKVGroup and TiDBGroup pass the v2.0.1 CRD schemas', () => {
  const objs = clusterObjects('dev', 'v8.5.3');
  const operatorKinds = objs.filter((o) => o.apiVersion.startsWith('core.pingcap.com/'));
  assert.deepEqual(
    operatorKinds.map((o) => o.kind),
    ['Cluster', 'PDGroup', 'TiKVGroup', 'TiDBGroup'],
  );
  for (const o of operatorKinds) {
    const crd = crds.get(o.kind)!;
    assert.equal(o.apiVersion, `${crd.group}/${crd.versions[0]}`);
    assert.deepEqual(crd.validate(o), [], `${o.kind}: ${crd.validate(o).join('; ')}`);
    assert.ok(o.metadata.name.length <= crd.nameLimit!, `${o.kind} name within ${crd.nameLimit}`);
  }
  const tikv = operatorKinds.find((o) => o.kind === 'TiKVGroup') as unknown as {
    spec: { replicas: number; template: { spec: { config: string; resources?: unknown } } };
  };
  assert.equal(tikv.spec.replicas, 1);
  assert.match(tikv.spec.template.spec.config, /reserve-space = "0MB"/);
  assert.equal(tikv.spec.template.spec.resources, undefined, 'no CPU/memory requests on a laptop');
  const svc = objs.find((o) => o.kind === 'Service') as unknown as { spec: { type: string; ports: Array<{ nodePort: number }> } };
  assert.equal(svc.spec.type, 'NodePort');
  assert.equal(svc.spec.ports[0].nodePort, TIDB_NODE_PORT);
});

test('negative cases: the schemas catch what the API server would reject', () => {
  const [, cluster, pd, tikv, tidb] = clusterObjects('dev');
  const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
  const badField = clone(tidb) as unknown as { spec: { template: { spec: Record<string, unknown> } } };
  badField.spec.template.spec.replicaz = 3;
  assert.match(crds.get('TiDBGroup')!.validate(badField).join(), /must NOT have additional properties 'replicaz'/);
  const noVolumes = clone(tikv) as unknown as { spec: { template: { spec: Record<string, unknown> } } };
  delete noVolumes.spec.template.spec.volumes;
  assert.match(crds.get('TiKVGroup')!.validate(noVolumes).join(), /must have required property 'volumes'/);
  const noCluster = clone(pd) as unknown as { spec: Record<string, unknown> };
  delete noCluster.spec.cluster;
  assert.match(crds.get('PDGroup')!.validate(noCluster).join(), /required property 'cluster'/);
  const badReplicas = clone(pd) as unknown as { spec: Record<string, unknown> };
  badReplicas.spec.replicas = 'one';
  assert.match(crds.get('PDGroup')!.validate(badReplicas).join(), /replicas must be integer/);
  const topLevel = clone(cluster) as unknown as Record<string, unknown>;
  topLevel.extra = true;
  assert.ok(crds.get('Cluster')!.validate(topLevel).length > 0);
});

test('names: the operator limits come from its CRDs; bad names are refused before anything runs', () => {
  assert.equal(crds.get('Cluster')!.nameLimit, NAME_LIMITS.cluster);
  for (const k of ['PDGroup', 'TiKVGroup', 'TiDBGroup']) assert.equal(crds.get(k)!.nameLimit, NAME_LIMITS.group);
  assert.equal(validateName('dev-1'), undefined);
  assert.match(validateName('x'.repeat(38))!, /At most 37/);
  assert.match(validateName('Dev')!, /Lower-case/);
  assert.match(validateName('-dev')!, /Lower-case/);
  assert.throws(() => clusterObjects('Bad_Name'), /Lower-case/);
  assert.throws(() => clusterObjects('dev', 'latest'), /version such as/);
});

test('kind config: one node, TiDB NodePort mapped to 127.0.0.1:<port>', () => {
  const cfg = k8s.loadYaml<{
    kind: string;
    apiVersion: string;
    name: string;
    nodes: Array<{ role: string; extraPortMappings: Array<Record<string, unknown>> }>;
  }>(kindConfig('dev', 14000));
  assert.equal(cfg.kind, 'Cluster');
  assert.equal(cfg.apiVersion, 'kind.x-k8s.io/v1alpha4');
  assert.equal(cfg.name, 'dev');
  assert.equal(cfg.nodes.length, 1);
  assert.deepEqual(cfg.nodes[0].extraPortMappings, [
    { containerPort: TIDB_NODE_PORT, hostPort: 14000, listenAddress: '127.0.0.1', protocol: 'TCP' },
  ]);
  assert.deepEqual(operatorAssetUrls('v2.0.1'), {
    crds: 'https://github.com/pingcap/tidb-operator/releases/download/v2.0.1/tidb-operator.crds.yaml',
    operator: 'https://github.com/pingcap/tidb-operator/releases/download/v2.0.1/tidb-operator.yaml',
  });
  assert.equal(
    operatorAssetUrls('v2.0.1', 'https://mirror.example/tidb-operator/').crds,
    'https://mirror.example/tidb-operator/tidb-operator.crds.yaml',
  );
});
