// What a local cluster is made of: the kind config (one node, TiDB's port mapped to
// the host) and the TiDB Operator v2 objects for a laptop-sized cluster — Cluster,
// PDGroup, TiKVGroup, TiDBGroup (one replica each, small volumes, no CPU requests,
// TiKV reserve-space 0MB) and a NodePort Service the kind port mapping reaches.
// Validated against the operator's CRD schemas in the tests. No VS Code imports.

import * as l10n from '@vscode/l10n';
import { defaultOf } from '../settingsSchema';

/** the operator release the manifests and CRDs are for (the tidb.localCluster.operatorVersion default) */
export const OPERATOR_VERSION = defaultOf('localCluster.operatorVersion');
/** the current LTS */
export const DEFAULT_TIDB_VERSION = 'v8.5.3';
/** the NodePort the kind node exposes to the host */
export const TIDB_NODE_PORT = 30400;
export const NAMESPACE = 'tidb-local';

/** The operator's own limits (x-kubernetes-validations in its CRDs): Cluster names ≤ 37, group names ≤ 40. */
export const NAME_LIMITS = { cluster: 37, group: 40 } as const;

export class ManifestError extends Error {}

/** A DNS-1123 label the operator accepts as a cluster name; also the kind cluster's name. */
export function validateName(name: string): string | undefined {
  if (!name) return l10n.t('A name is required');
  if (name.length > NAME_LIMITS.cluster)
    return l10n.t("At most {0} characters (TiDB Operator's limit for a Cluster name)", NAME_LIMITS.cluster);
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name))
    return l10n.t('Lower-case letters, digits and "-", starting and ending with a letter or digit');
  return undefined;
}

export function validateVersion(v: string): string | undefined {
  return /^v?\d+\.\d+\.\d+(-[\w.]+)?$/.test(v) ? undefined : l10n.t('A TiDB version such as v8.5.3');
}

/** The kind cluster config (YAML): one control-plane node; TiDB's NodePort on 127.0.0.1:hostPort. */
export function kindConfig(name: string, hostPort: number): string {
  const err = validateName(name);
  if (err) throw new ManifestError(err);
  return [
    'kind: Cluster',
    'apiVersion: kind.x-k8s.io/v1alpha4',
    `name: ${name}`,
    'nodes:',
    '  - role: control-plane',
    '    extraPortMappings:',
    `      - containerPort: ${TIDB_NODE_PORT}`,
    `        hostPort: ${hostPort}`,
    '        listenAddress: "127.0.0.1"',
    '        protocol: TCP',
    '',
  ].join('\n');
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

const GROUP = 'core.pingcap.com/v1alpha1';

/** The objects of a local TiDB cluster, in the order they are applied. */
export function clusterObjects(name: string, version = DEFAULT_TIDB_VERSION, namespace = NAMESPACE): K8sObject[] {
  const err = validateName(name) ?? validateVersion(version);
  if (err) throw new ManifestError(err);
  const v = version.startsWith('v') ? version : `v${version}`;
  const labels = (component: string) => ({
    'pingcap.com/cluster': name,
    'pingcap.com/component': component,
    'app.kubernetes.io/managed-by': 'tidb-toolkit',
  });
  const group = (kind: string, component: string, spec: Record<string, unknown>): K8sObject => {
    const groupName = component;
    if (groupName.length > NAME_LIMITS.group) throw new ManifestError(l10n.t('{0} name too long', kind));
    return {
      apiVersion: GROUP,
      kind,
      metadata: { name: groupName, namespace, labels: labels(component) },
      spec: { cluster: { name }, replicas: 1, template: { metadata: { labels: labels(component) }, spec: { version: v, ...spec } } },
    };
  };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { 'app.kubernetes.io/managed-by': 'tidb-toolkit' } } },
    {
      apiVersion: GROUP,
      kind: 'Cluster',
      metadata: { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'tidb-toolkit' } },
      spec: {},
    },
    group('PDGroup', 'pd', { volumes: [{ name: 'data', mounts: [{ type: 'data' }], storage: '1Gi' }] }),
    group('TiKVGroup', 'tikv', {
      // a laptop has little disk: TiKV would otherwise reserve space and refuse to start on a small volume
      config: '[storage]\nreserve-space = "0MB"\n\n[rocksdb]\nmax-open-files = 256\n\n[raftdb]\nmax-open-files = 256\n',
      volumes: [{ name: 'data', mounts: [{ type: 'data' }], storage: '2Gi' }],
    }),
    group('TiDBGroup', 'tidb', {}),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `${name}-tidb-local`, namespace, labels: { 'app.kubernetes.io/managed-by': 'tidb-toolkit' } },
      spec: {
        type: 'NodePort',
        selector: { 'pingcap.com/cluster': name, 'pingcap.com/component': 'tidb' },
        ports: [{ name: 'mysql', port: 4000, targetPort: 4000, nodePort: TIDB_NODE_PORT, protocol: 'TCP' }],
      },
    },
  ];
}

/** The operator's release assets: CRDs and the operator itself (RBAC, Deployment in tidb-admin). */
export function operatorAssetUrls(version = OPERATOR_VERSION, mirror?: string): { crds: string; operator: string } {
  const base = (mirror ?? `https://github.com/pingcap/tidb-operator/releases/download/${version}`).replace(/\/+$/, '');
  return { crds: `${base}/tidb-operator.crds.yaml`, operator: `${base}/tidb-operator.yaml` };
}
