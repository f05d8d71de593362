// TiDB clusters already in Kubernetes, for the explorer: operator v2 (`core.pingcap.com`
// Cluster with its PD/TiKV/TiDB groups) and v1 (`pingcap.com` TidbCluster), in every
// namespace of the current kubeconfig context; and a port-forward to a TiDB pod so a
// connection can reach it. No VS Code imports.
import * as net from 'node:net';
import * as k8s from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
import { hasKubeConfigFile } from '../lazyKube';

export interface TidbClusterInfo {
  operator: 'v2' | 'v1';
  namespace: string;
  name: string;
  /** component -> "ready/desired" or a phase */
  components: Array<{ component: string; status: string; ready: boolean }>;
  ready: boolean;
}

type Obj = { metadata?: { name?: string; namespace?: string }; spec?: Record<string, unknown>; status?: Record<string, unknown> };

const notInstalled = (e: unknown) =>
  /404|not found/i.test(String((e as { code?: number }).code ?? '') + String((e as Error).message ?? ''));

async function listAll(api: k8s.CustomObjectsApi, group: string, version: string, plural: string): Promise<Obj[]> {
  try {
    const r = (await api.listClusterCustomObject({ group, version, plural })) as { items?: Obj[] };
    return r.items ?? [];
  } catch (e) {
    if (notInstalled(e)) return []; // the CRD is not installed in this cluster
    throw e;
  }
}

export async function listTidbClusters(kc: k8s.KubeConfig): Promise<TidbClusterInfo[]> {
  const api = kc.makeApiClient(k8s.CustomObjectsApi);
  const out: TidbClusterInfo[] = [];
  const [clusters, pd, tikv, tidb, tiflash, v1] = await Promise.all([
    listAll(api, 'core.pingcap.com', 'v1alpha1', 'clusters'),
    listAll(api, 'core.pingcap.com', 'v1alpha1', 'pdgroups'),
    listAll(api, 'core.pingcap.com', 'v1alpha1', 'tikvgroups'),
    listAll(api, 'core.pingcap.com', 'v1alpha1', 'tidbgroups'),
    listAll(api, 'core.pingcap.com', 'v1alpha1', 'tiflashgroups'),
    listAll(api, 'pingcap.com', 'v1alpha1', 'tidbclusters'),
  ]);
  for (const c of clusters) {
    const ns = c.metadata?.namespace ?? 'default';
    const name = c.metadata?.name ?? '?';
    const components: TidbClusterInfo['components'] = [];
    for (const [component, groups] of [
      ['PD', pd],
      ['TiKV', tikv],
      ['TiDB', tidb],
      ['TiFlash', tiflash],
    ] as const) {
      for (const g of groups.filter(
        (x) => x.metadata?.namespace === ns && (x.spec?.cluster as { name?: string } | undefined)?.name === name,
      )) {
        const desired = Number(g.spec?.replicas ?? 0);
        const readyN = Number(g.status?.readyReplicas ?? 0);
        const cond = (g.status?.conditions as Array<{ type: string; status: string }> | undefined)?.find((x) => x.type === 'Ready');
        components.push({
          component: `${component} ${g.metadata?.name}`,
          status: `${readyN}/${desired} ready`,
          ready: cond ? cond.status === 'True' : readyN >= desired && desired > 0,
        });
      }
    }
    out.push({ operator: 'v2', namespace: ns, name, components, ready: components.length > 0 && components.every((x) => x.ready) });
  }
  for (const c of v1) {
    const st = (c.status ?? {}) as Record<
      string,
      { phase?: string; statefulSet?: { readyReplicas?: number; replicas?: number } } | unknown
    >;
    const components: TidbClusterInfo['components'] = [];
    for (const component of ['pd', 'tikv', 'tidb', 'tiflash']) {
      const s = st[component] as { phase?: string; statefulSet?: { readyReplicas?: number; replicas?: number } } | undefined;
      if (!s) continue;
      const readyN = s.statefulSet?.readyReplicas ?? 0;
      const total = s.statefulSet?.replicas ?? 0;
      components.push({
        component: component === 'tikv' ? 'TiKV' : component === 'tidb' ? 'TiDB' : component === 'tiflash' ? 'TiFlash' : 'PD',
        status: `${s.phase ?? '?'} ${readyN}/${total}`,
        ready: s.phase === 'Normal' && readyN >= total,
      });
    }
    const cond = (c.status?.conditions as Array<{ type: string; status: string }> | undefined)?.find((x) => x.type === 'Ready');
    out.push({
      operator: 'v1',
      namespace: c.metadata?.namespace ?? 'default',
      name: c.metadata?.name ?? '?',
      components,
      ready: cond ? cond.status === 'True' : components.every((x) => x.ready),
    });
  }
  return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** The label selector of a cluster's TiDB pods. */
export function tidbPodSelector(c: Pick<TidbClusterInfo, 'operator' | 'name'>): string {
  return c.operator === 'v2'
    ? `pingcap.com/cluster=${c.name},pingcap.com/component=tidb`
    : `app.kubernetes.io/instance=${c.name},app.kubernetes.io/component=tidb`;
}

/** A running TiDB pod of the cluster. */
export async function tidbPod(kc: k8s.KubeConfig, c: TidbClusterInfo): Promise<string> {
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const pods = await core.listNamespacedPod({ namespace: c.namespace, labelSelector: tidbPodSelector(c) });
  const pod = pods.items.find((p) => p.status?.phase === 'Running');
  if (!pod?.metadata?.name)
    throw new Error(l10n.t('No running TiDB pod in {0} (selector {1})', `${c.namespace}/${c.name}`, tidbPodSelector(c)));
  return pod.metadata.name;
}

/** Forwards 127.0.0.1:<free port> to the pod's 4000 until `close()`. */
export async function portForward(
  kc: k8s.KubeConfig,
  namespace: string,
  pod: string,
  remotePort = 4000,
): Promise<{ port: number; close(): void }> {
  const pf = new k8s.PortForward(kc);
  const server = net.createServer((socket) => {
    void pf.portForward(namespace, pod, [remotePort], socket, null, socket).catch(() => socket.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

/** The kubeconfig VS Code's user has (KUBECONFIG or ~/.kube/config), or undefined. */
export function defaultKubeConfig(): k8s.KubeConfig | undefined {
  // loadFromDefault() invents http://localhost:8080 when there is no kubeconfig: only use a real one
  if (!hasKubeConfigFile()) return undefined;
  try {
    const kc = new k8s.KubeConfig();
    kc.loadFromDefault();
    return kc.getCurrentCluster() ? kc : undefined;
  } catch {
    return undefined;
  }
}
