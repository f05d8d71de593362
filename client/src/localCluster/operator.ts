// TiDB Operator Backup / Restore resources (br.pingcap.com, operator v2) for clusters in
// Kubernetes: the tidb-backup-manager service account, role and binding, the S3 secret
// when keys are given, then the resource; its phase watched to Complete or Failed, with
// the namespace's events and the job pod's log tail on failure. No VS Code imports.
import type * as k8s from '@kubernetes/client-node';
import { applyAll, evidence, watchUntil, type KubeObject } from './kube';
import { defaultOf } from '../settingsSchema';

export const BR_GROUP = 'br.pingcap.com/v1alpha1';
export const SERVICE_ACCOUNT = 'tidb-backup-manager';

export interface OperatorS3 {
  bucket: string;
  prefix: string;
  /** aws, minio, ceph, ... (the operator's S3 provider names) */
  provider: string;
  endpoint?: string;
  region?: string;
  /** a Secret with access_key / secret_key; created when keys are given */
  secretName: string;
  accessKey?: string;
  secretKey?: string;
}

export interface OperatorTask {
  kind: 'Backup' | 'Restore';
  name: string;
  namespace: string;
  cluster: string;
  s3: OperatorS3;
  /** the BR image, pinned (never "latest") */
  toolImage: string;
  databases?: string[];
}

export class OperatorTaskError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
    readonly cancelled = false,
  ) {
    super(message);
  }
}

export function operatorObjects(t: OperatorTask): KubeObject[] {
  if (/:latest$|^[^:]+$/.test(t.toolImage))
    throw new OperatorTaskError(`Pin the BR image to a version (for example ${defaultOf('backup.brImage')}), not '${t.toolImage}'`);
  const meta = (name: string) => ({ name, namespace: t.namespace, labels: { 'app.kubernetes.io/managed-by': 'tidb-toolkit' } });
  const objs: KubeObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(SERVICE_ACCOUNT) },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(SERVICE_ACCOUNT),
      rules: [
        { apiGroups: [''], resources: ['events'], verbs: ['*'] },
        { apiGroups: ['br.pingcap.com'], resources: ['backups', 'restores'], verbs: ['get', 'watch', 'list', 'update'] },
      ],
    } as KubeObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(SERVICE_ACCOUNT),
      subjects: [{ kind: 'ServiceAccount', name: SERVICE_ACCOUNT }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: SERVICE_ACCOUNT },
    } as KubeObject,
  ];
  if (t.s3.accessKey && t.s3.secretKey) {
    objs.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(t.s3.secretName),
      type: 'Opaque',
      stringData: { access_key: t.s3.accessKey, secret_key: t.s3.secretKey },
    } as KubeObject);
  }
  const s3: Record<string, string> = { provider: t.s3.provider, bucket: t.s3.bucket, prefix: t.s3.prefix, secretName: t.s3.secretName };
  if (t.s3.endpoint) s3.endpoint = t.s3.endpoint;
  if (t.s3.region) s3.region = t.s3.region;
  const spec: Record<string, unknown> = {
    br: { cluster: t.cluster, clusterNamespace: t.namespace },
    s3,
    toolImage: t.toolImage,
    serviceAccount: SERVICE_ACCOUNT,
  };
  if (t.databases?.length) spec.tableFilter = t.databases.map((d) => `${d}.*`);
  // a full-type backup narrowed by tableFilter covers one or many databases
  if (t.kind === 'Backup') spec.backupType = 'full';
  objs.push({ apiVersion: BR_GROUP, kind: t.kind, metadata: meta(t.name), spec } as KubeObject);
  return objs;
}

export interface TaskStatus {
  phase?: string;
  backupPath?: string;
  backupSizeReadable?: string;
  timeTaken?: string;
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
}

/** Applies the objects and watches the Backup/Restore until Complete or Failed. */
export async function runOperatorTask(
  kc: k8s.KubeConfig,
  t: OperatorTask,
  opts: { timeoutMs?: number; signal?: AbortSignal; onPhase?: (s: TaskStatus) => void } = {},
): Promise<TaskStatus> {
  await applyAll(kc, operatorObjects(t), opts.signal);
  const plural = t.kind === 'Backup' ? 'backups' : 'restores';
  let last: TaskStatus | undefined;
  try {
    await watchUntil<KubeObject & { status?: TaskStatus }>(
      kc,
      `/apis/br.pingcap.com/v1alpha1/namespaces/${t.namespace}/${plural}`,
      (m) => {
        const s = m.get(t.name)?.status;
        return s?.phase === 'Complete' || s?.phase === 'Failed';
      },
      {
        timeoutMs: opts.timeoutMs ?? 6 * 3600_000,
        signal: opts.signal,
        what: `${t.kind} ${t.name} to finish`,
        onEvent: (_, o) => {
          if (o.metadata.name !== t.name || !o.status) return;
          last = o.status;
          opts.onPhase?.(o.status);
        },
      },
    );
  } catch (e) {
    const msg = (e as Error).message;
    throw new OperatorTaskError(msg, await evidence(kc, t.namespace), msg === 'cancelled');
  }
  if (last?.phase === 'Failed') {
    const why = last.conditions?.find((c) => c.type === 'Failed' || c.status === 'True')?.message ?? 'no reason given';
    throw new OperatorTaskError(`${t.kind} ${t.name} failed: ${why}`, await evidence(kc, t.namespace));
  }
  return last ?? {};
}
