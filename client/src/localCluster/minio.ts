// A local backup store for a kind cluster: MinIO in the cluster's namespace, its credentials in the
// Secret the operator's Backup and Restore read (access_key / secret_key), and its bucket made by a
// Job (`mc mb`, with the mc that ships in the MinIO server image). Shaped after TiDB Operator's own
// v2 e2e MinIO (pingcap/tidb-operator@v2.0.1 tests/e2e/br/utils/s3/minio.go: image
// …/minio:RELEASE.2024-09-13T20-26-02Z, `server /data`, port 9000, health /minio/health/ready,
// Secret minio-secret, provider ceph). The image is pinned in a setting, never `latest`. Data lives
// in an emptyDir: it survives container restarts, not the Pod's deletion. No VS Code imports.
import { randomBytes } from 'node:crypto';
import * as k8sClient from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
import type * as k8s from '@kubernetes/client-node';
import { applyAll, evidence, type KubeObject, watchUntil } from './kube';
import type { OperatorS3 } from './operator';

export interface MinioOptions {
  namespace: string;
  /** pinned: repository:RELEASE.… */
  image: string;
  bucket: string;
  /** generated when absent (kept only in the Secret) */
  accessKey?: string;
  secretKey?: string;
}

export const MINIO_SECRET = 'minio-secret';
export const MINIO_SERVICE = 'minio';
const LABELS = { app: 'minio', 'app.kubernetes.io/managed-by': 'tidb-toolkit' };

export class MinioError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** Where Backup and Restore resources in `namespace` find the store (as the operator's e2e configures it). */
export function minioS3(o: Pick<MinioOptions, 'namespace' | 'bucket'>, prefix: string): OperatorS3 {
  return { provider: 'ceph', endpoint: `http://${MINIO_SERVICE}.${o.namespace}:9000`, bucket: o.bucket, prefix, secretName: MINIO_SECRET };
}

export function minioObjects(o: MinioOptions): KubeObject[] {
  if (!/^[\w.\-/]+:RELEASE\.[\w-]+$/.test(o.image))
    throw new MinioError(
      l10n.t("Pin the MinIO image to a release (for example minio/minio:RELEASE.2024-09-13T20-26-02Z), not '{0}'", o.image),
    );
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(o.bucket))
    throw new MinioError(l10n.t("'{0}' is not an S3 bucket name (3-63 lower-case letters, digits, dots, dashes)", o.bucket));
  const accessKey = o.accessKey ?? `tk${randomBytes(6).toString('hex')}`;
  const secretKey = o.secretKey ?? randomBytes(18).toString('base64url');
  const meta = (name: string) => ({ name, namespace: o.namespace, labels: LABELS });
  const fromSecret = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: MINIO_SECRET, key } } });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: o.namespace } } as KubeObject,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(MINIO_SECRET),
      type: 'Opaque',
      stringData: { access_key: accessKey, secret_key: secretKey },
    } as KubeObject,
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(MINIO_SERVICE),
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'minio' } },
        template: {
          metadata: { labels: LABELS },
          spec: {
            containers: [
              {
                name: 'minio',
                image: o.image,
                args: ['server', '/data'],
                env: [fromSecret('MINIO_ROOT_USER', 'access_key'), fromSecret('MINIO_ROOT_PASSWORD', 'secret_key')],
                ports: [{ containerPort: 9000 }],
                readinessProbe: { httpGet: { path: '/minio/health/ready', port: 9000 } },
                livenessProbe: { httpGet: { path: '/minio/health/live', port: 9000 } },
                volumeMounts: [{ name: 'data', mountPath: '/data' }],
              },
            ],
            volumes: [{ name: 'data', emptyDir: {} }],
          },
        },
      },
    } as KubeObject,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(MINIO_SERVICE),
      spec: { selector: { app: 'minio' }, ports: [{ port: 9000, targetPort: 9000 }] },
    } as KubeObject,
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta(`minio-bucket-${o.bucket}`.slice(0, 63)),
      spec: {
        backoffLimit: 12,
        template: {
          metadata: { labels: LABELS },
          spec: {
            restartPolicy: 'OnFailure',
            containers: [
              {
                name: 'mc',
                image: o.image,
                command: ['/bin/sh', '-c'],
                // the keys reach mc through the environment, never the command line
                args: [
                  `mc alias set local http://${MINIO_SERVICE}:9000 "$ACCESS_KEY" "$SECRET_KEY" && mc mb --ignore-existing local/${o.bucket}`,
                ],
                env: [fromSecret('ACCESS_KEY', 'access_key'), fromSecret('SECRET_KEY', 'secret_key')],
              },
            ],
          },
        },
      },
    } as KubeObject,
  ];
}

/** Applies MinIO and waits for its bucket Job to succeed; the failure names the Job's events and log. */
export async function installMinio(
  kc: k8s.KubeConfig,
  o: MinioOptions,
  opts: { signal?: AbortSignal; timeoutMs?: number; onApplied?: (what: string) => void } = {},
): Promise<OperatorS3> {
  const objects = minioObjects(o);
  await applyAll(kc, objects, opts.signal, (x) => opts.onApplied?.(`${x.kind} ${x.metadata.name}`));
  const job = objects.at(-1)!.metadata.name;
  let failed = false;
  try {
    await watchUntil<
      KubeObject & { status?: { succeeded?: number; failed?: number; conditions?: Array<{ type: string; status: string }> } }
    >(
      kc,
      `/apis/batch/v1/namespaces/${o.namespace}/jobs`,
      (m) => {
        const s = m.get(job)?.status;
        failed = !!s?.conditions?.some((c) => c.type === 'Failed' && c.status === 'True');
        return (s?.succeeded ?? 0) > 0 || failed;
      },
      { timeoutMs: opts.timeoutMs ?? 300_000, signal: opts.signal, what: `the bucket ${o.bucket} in MinIO` },
    );
  } catch (e) {
    const msg = (e as Error).message;
    throw new MinioError(msg === 'cancelled' ? l10n.t('cancelled') : msg, await evidence(kc, o.namespace));
  }
  if (failed) throw new MinioError(l10n.t('Could not make the bucket {0} in MinIO', o.bucket), await evidence(kc, o.namespace));
  return minioS3(o, '');
}

/** The store `installMinio` made in `namespace`, when there is one (its Service and Secret). */
export async function localStore(kc: k8s.KubeConfig, namespace: string, bucket: string): Promise<OperatorS3 | undefined> {
  const core = kc.makeApiClient(k8sClient.CoreV1Api);
  try {
    await core.readNamespacedService({ name: MINIO_SERVICE, namespace });
    await core.readNamespacedSecret({ name: MINIO_SECRET, namespace });
    return minioS3({ namespace, bucket }, '');
  } catch {
    return undefined;
  }
}
