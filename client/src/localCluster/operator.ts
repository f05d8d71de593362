// TiDB Operator Backup / Restore resources (br.pingcap.com, operator v2) for clusters in
// Kubernetes: the tidb-backup-manager service account, role and binding, the S3 secret
// when keys are given, then the resource; its phase watched to Complete or Failed, with
// the namespace's events and the job pod's log tail on failure. No VS Code imports.
import * as k8s from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
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

/** The log backup subcommands of operator v2 (`spec.logSubcommand`). */
export type LogSubcommand = 'log-start' | 'log-stop' | 'log-pause' | 'log-resume' | 'log-truncate';

export interface OperatorTask {
  kind: 'Backup' | 'Restore';
  name: string;
  namespace: string;
  cluster: string;
  /** where the backup goes (a Backup) or comes from (a Restore; for PITR: the log backup's storage) */
  s3: OperatorS3;
  /** the BR image, pinned (never "latest") */
  toolImage: string;
  databases?: string[];
  /** a Backup: a log backup command (`backupMode: log`) instead of a snapshot */
  log?: { subcommand: LogSubcommand /** log-truncate: remove logs before this time */; truncateUntil?: string };
  /** a Restore: to a point in time (`restoreMode: pitr`) from the log backup in `s3` and this full backup */
  pitr?: { restoredTs: string; fullBackup: OperatorS3 };
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
    throw new OperatorTaskError(
      l10n.t("Pin the BR image to a version (for example {0}), not '{1}'", defaultOf('backup.brImage'), t.toolImage),
    );
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
  const spec: Record<string, unknown> = {
    br: { cluster: t.cluster, clusterNamespace: t.namespace },
    s3: s3Spec(t.s3),
    toolImage: t.toolImage,
    serviceAccount: SERVICE_ACCOUNT,
  };
  if (t.kind === 'Backup' && t.log) {
    // a log backup is the whole cluster's change stream: no backup type, no table filter
    spec.backupMode = 'log';
    spec.logSubcommand = t.log.subcommand;
    if (t.log.subcommand === 'log-truncate') {
      if (!t.log.truncateUntil) throw new OperatorTaskError(l10n.t('log-truncate needs the time before which logs are removed'));
      spec.logTruncateUntil = t.log.truncateUntil;
    }
  } else {
    if (t.databases?.length) spec.tableFilter = t.databases.map((d) => `${d}.*`);
    // a full-type backup narrowed by tableFilter covers one or many databases
    if (t.kind === 'Backup') spec.backupType = 'full';
  }
  if (t.kind === 'Restore' && t.pitr) {
    // operator v2: restoreMode (not `mode`); the log backup in s3, the snapshot it starts from here
    spec.restoreMode = 'pitr';
    spec.pitrRestoredTs = t.pitr.restoredTs;
    spec.pitrFullBackupStorageProvider = { s3: s3Spec(t.pitr.fullBackup) };
  }
  objs.push({ apiVersion: BR_GROUP, kind: t.kind, metadata: meta(t.name), spec } as KubeObject);
  return objs;
}

function s3Spec(s: OperatorS3): Record<string, string> {
  const out: Record<string, string> = { provider: s.provider, bucket: s.bucket, prefix: s.prefix, secretName: s.secretName };
  if (s.endpoint) out.endpoint = s.endpoint;
  if (s.region) out.region = s.region;
  return out;
}

/**
 * When a task has done what it was asked: a snapshot backup or a restore at Complete; a log backup
 * once it runs (log-start, log-resume: it never completes), is stopped or paused, or has truncated
 * (logSuccessTruncateUntil reached). Failed always. The log phases are the operator's condition
 * types as its v1 docs show them (Running, Stopped, Paused); UNCONFIRMED against a live v2 cluster.
 */
export function settled(t: Pick<OperatorTask, 'kind' | 'log'>, s: TaskStatus | undefined): boolean {
  if (!s) return false;
  if (s.phase === 'Failed') return true;
  switch (t.kind === 'Backup' ? t.log?.subcommand : undefined) {
    case 'log-start':
    case 'log-resume':
      return s.phase === 'Running' || s.phase === 'Complete' || !!s.logCheckpointTs;
    case 'log-stop':
      return s.phase === 'Stopped' || s.phase === 'Complete';
    case 'log-pause':
      return s.phase === 'Paused';
    case 'log-truncate':
      return s.phase === 'Complete' || !!s.logSuccessTruncateUntil;
    default:
      return s.phase === 'Complete';
  }
}

// ---------------------------------------------------------------------------------------------
// Point-in-time recovery: the restorable window

/** A TSO (as the status fields hold it: a decimal string) as the time it stands for (physical ms << 18). */
export function tsoTime(tso: string | undefined): Date | undefined {
  if (!tso || !/^\d{10,20}$/.test(tso)) return undefined;
  const ms = Number(BigInt(tso) >> 18n);
  return ms > 0 ? new Date(ms) : undefined;
}

/**
 * The times a PITR restore can reach: from the full backup's commit ts to the log backup's
 * checkpoint (README part B3: the PITR time must lie between the snapshot's commitTs and the log
 * backup's logCheckpointTs). Undefined when either is missing or the log is behind the snapshot.
 */
export function restorableWindow(full: TaskStatus | undefined, logBackup: TaskStatus | undefined): { from: Date; to: Date } | undefined {
  const from = tsoTime(full?.commitTs);
  const to = tsoTime(logBackup?.logCheckpointTs);
  return from && to && from <= to ? { from, to } : undefined;
}

/** `pitrRestoredTs` for a time: RFC 3339 with the zone, as the operator docs write it. */
export function pitrTs(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface TaskStatus {
  phase?: string;
  /** snapshot ts of a full backup, start ts of a log backup (a TSO) */
  commitTs?: string;
  /** how far a log backup has reached (a TSO) */
  logCheckpointTs?: string;
  logSuccessTruncateUntil?: string;
  backupPath?: string;
  backupSizeReadable?: string;
  timeTaken?: string;
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
}

/** A Backup's or Restore's status as the operator reports it now (undefined when it does not exist). */
export async function readTaskStatus(
  kc: k8s.KubeConfig,
  kind: 'Backup' | 'Restore',
  namespace: string,
  name: string,
): Promise<TaskStatus | undefined> {
  const api = kc.makeApiClient(k8s.CustomObjectsApi);
  try {
    const o = (await api.getNamespacedCustomObject({
      group: 'br.pingcap.com',
      version: 'v1alpha1',
      namespace,
      plural: kind === 'Backup' ? 'backups' : 'restores',
      name,
    })) as { status?: TaskStatus };
    return o.status ?? {};
  } catch (e) {
    if ((e as { code?: number }).code === 404) return undefined;
    throw e;
  }
}

/** The resource as YAML, to show before it is applied. */
export function taskYaml(t: OperatorTask): string {
  return k8s.dumpYaml(operatorObjects(t).at(-1));
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
      (m) => settled(t, m.get(t.name)?.status),
      {
        timeoutMs: opts.timeoutMs ?? 6 * 3600_000,
        signal: opts.signal,
        what: t.log ? `${t.log.subcommand} of ${t.name}` : `${t.kind} ${t.name} to finish`,
        onEvent: (_, o) => {
          if (o.metadata.name !== t.name || !o.status) return;
          last = o.status;
          opts.onPhase?.(o.status);
        },
      },
    );
  } catch (e) {
    const msg = (e as Error).message;
    const cancelled = msg === 'cancelled';
    throw new OperatorTaskError(cancelled ? l10n.t('cancelled') : msg, await evidence(kc, t.namespace), cancelled);
  }
  if (last?.phase === 'Failed') {
    const why = last.conditions?.find((c) => c.type === 'Failed' || c.status === 'True')?.message ?? l10n.t('no reason given');
    throw new OperatorTaskError(l10n.t('{0} {1} failed: {2}', t.kind, t.name, why), await evidence(kc, t.namespace));
  }
  return last ?? {};
}
