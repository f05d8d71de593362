// Point-in-time recovery with TiDB Operator v2: start a log backup (a Backup with backupMode: log),
// stop / pause / resume / truncate it, and restore to a second inside the restorable window
// [full backup commit ts, log checkpoint] into a cluster the user picks (a Restore with
// restoreMode: pitr). Each resource is shown as YAML before it is applied and followed to its
// outcome with the namespace's events and the job's log on failure, as the other operator
// commands do. The Backups view records the log backup (never a key).
import * as vscode from 'vscode';
import { type BackupHistory, type BackupRecord, s3Place } from './history';
import type { CommandTable } from '../commandTable';
import type { TidbClusterInfo } from '../localCluster/kubeClusters';
import type { LogSubcommand, OperatorS3, OperatorTask, TaskStatus } from '../localCluster/operator';
import { kube } from '../lazyKube';
import { log } from '../log';
import { setting } from '../settings';

type K8sNode = { kind: 'k8sCluster'; info: TidbClusterInfo };

/** Scripted use (tests, other extensions): everything the prompts would ask; no confirmation is shown. */
export interface LogBackupArgs {
  s3: OperatorS3;
  name?: string;
}
export interface PitrArgs {
  /** RFC 3339 with a zone, inside the restorable window */
  when: string;
  /** namespace/name of the cluster to restore into */
  target: string;
  name?: string;
}

export function pitrCommands(history: BackupHistory): CommandTable {
  return {
    'tidb.pitr.startLogBackup': (n?: K8sNode, args?: LogBackupArgs) =>
      n?.kind === 'k8sCluster' ? startLogBackup(history, n.info, args) : undefined,
    'tidb.pitr.logCommand': (r?: BackupRecord) => (r?.method === 'operator-log' ? logCommand(r) : undefined),
    'tidb.pitr.restore': (arg?: BackupRecord | K8sNode, args?: PitrArgs) => restoreToPoint(history, arg, args),
    'tidb.localCluster.addBackupStore': (n?: K8sNode | { namespace: string; name: string }) => {
      const target = n && 'kind' in n ? n.info : n;
      return target ? addBackupStore(target) : undefined;
    },
  };
}

const LOCAL_BUCKET = 'backups';

/** MinIO in the cluster's namespace with a bucket for backups and PITR, then where the backups go. */
async function addBackupStore(target: { namespace: string; name: string }): Promise<OperatorS3 | undefined> {
  const k = await kube();
  const kc = k.defaultKubeConfig();
  if (!kc) return void vscode.window.showErrorMessage(vscode.l10n.t('No kubeconfig: set KUBECONFIG or ~/.kube/config.'));
  const image = setting('localCluster.minioImage');
  const add = vscode.l10n.t('Add Backup Store');
  const ok = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      "Add a local backup store to {0}? MinIO ({1}) runs in the namespace {2} with a bucket '{3}'; backups and PITR then need no cloud account. Its data lives as long as its Pod.",
      `${target.namespace}/${target.name}`,
      image,
      target.namespace,
      LOCAL_BUCKET,
    ),
    { modal: true },
    add,
  );
  if (ok !== add) return;
  try {
    const s3 = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Local backup store in {0}', target.namespace),
        cancellable: true,
      },
      (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        return k.installMinio(
          kc,
          { namespace: target.namespace, image, bucket: LOCAL_BUCKET },
          { signal: ac.signal, onApplied: (what) => progress.report({ message: what }) },
        );
      },
    );
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'The local backup store is ready: {0}, bucket {1}, Secret {2}. Start Log Backup and Backup… on the cluster offer it.',
        s3.endpoint ?? '',
        s3.bucket,
        s3.secretName,
      ),
    );
    return s3;
  } catch (e) {
    const err = e as Error & { details?: string[] };
    log().error(
      `${vscode.l10n.t('Local backup store failed: {0}', err.message)}${err.details?.length ? `\n  ${err.details.join('\n  ')}` : ''}`,
    );
    void vscode.window
      .showErrorMessage(vscode.l10n.t('The local backup store failed: {0}', err.message), vscode.l10n.t('Show Log'))
      .then((a) => a && log().show());
  }
}

/** The S3 (or MinIO) place for a cluster's backups: the local store when the namespace has one, else asked; keys go to a Secret, never to settings. */
export async function askS3(namespace: string, defaultPrefix: string): Promise<OperatorS3 | undefined> {
  const k = await kube();
  const kc = k.defaultKubeConfig();
  const local = kc ? await k.localStore(kc, namespace, LOCAL_BUCKET) : undefined;
  if (local) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Local backup store ({0}, bucket {1})', local.endpoint ?? '', local.bucket), local: true },
        { label: vscode.l10n.t('Another S3 bucket…'), local: false },
      ],
      { title: vscode.l10n.t('Where do the backups go?') },
    );
    if (!pick) return;
    if (pick.local) return { ...local, prefix: defaultPrefix };
  }
  const ask = (prompt: string, value = '', password = false) =>
    vscode.window.showInputBox({ prompt, value, password, ignoreFocusOut: true });
  const bucket = await ask(vscode.l10n.t('S3 bucket'));
  if (!bucket) return;
  const prefix = await ask(vscode.l10n.t('Path inside the bucket'), defaultPrefix);
  if (!prefix) return;
  const endpoint = await ask(
    vscode.l10n.t('S3 endpoint (empty for AWS; http://minio.<namespace>:9000 for MinIO in the cluster)'),
    setting('backup.s3Endpoint'),
  );
  if (endpoint === undefined) return;
  const secretName = await ask(
    vscode.l10n.t('Kubernetes Secret with access_key / secret_key (created if you enter keys next)'),
    's3-secret',
  );
  if (!secretName) return;
  const accessKey = (await ask(vscode.l10n.t('Access key (empty: use the existing Secret)'))) || undefined;
  const secretKey = accessKey ? (await ask(vscode.l10n.t('Secret key'), '', true)) || undefined : undefined;
  return { provider: endpoint ? 'minio' : 'aws', bucket, prefix, endpoint: endpoint || undefined, secretName, accessKey, secretKey };
}

/** Shows the resource, asks, applies it and follows it; the status, or undefined when cancelled or failed (said). */
async function run(t: OperatorTask, question: string, action: string, confirm = true): Promise<TaskStatus | undefined> {
  const k = await kube();
  const kc = k.defaultKubeConfig();
  if (!kc) return void vscode.window.showErrorMessage(vscode.l10n.t('No kubeconfig: set KUBECONFIG or ~/.kube/config.'));
  let yaml: string;
  try {
    yaml = k.taskYaml(t);
  } catch (e) {
    return void vscode.window.showErrorMessage((e as Error).message);
  }
  log().info(`${t.kind} ${t.name} in ${t.namespace}:\n${yaml}`);
  if (confirm) {
    const ok = await vscode.window.showWarningMessage(
      question,
      { modal: true, detail: `${vscode.l10n.t('Applies in {0}:', t.namespace)}\n\n${yaml}` },
      action,
    );
    if (ok !== action) return;
  }
  try {
    return await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: t.log
          ? `${t.kind} ${t.name} (${t.log.subcommand})`
          : t.pitr
            ? `${t.kind} ${t.name} (PITR)`
            : vscode.l10n.t('{0} {1} (snapshot)', t.kind, t.name),
        cancellable: true,
      },
      (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        return k.runOperatorTask(kc, t, { signal: ac.signal, onPhase: (s) => progress.report({ message: s.phase }) });
      },
    );
  } catch (e) {
    const err = e as Error & { details?: string[] };
    log().error(
      `${vscode.l10n.t('{0} {1} failed: {2}', t.kind, t.name, err.message)}${err.details?.length ? `\n  ${err.details.join('\n  ')}` : ''}`,
    );
    void vscode.window.showErrorMessage(err.message, vscode.l10n.t('Show Log')).then((a) => a && log().show());
  }
}

async function startLogBackup(history: BackupHistory, info: TidbClusterInfo, args?: LogBackupArgs): Promise<BackupRecord | undefined> {
  if (info.operator !== 'v2')
    return void vscode.window.showErrorMessage(vscode.l10n.t('Log backup and PITR here need a TiDB Operator v2 cluster (br.pingcap.com).'));
  const s3 = args?.s3 ?? (await askS3(info.namespace, `${info.name}/log`));
  if (!s3) return;
  const t: OperatorTask = {
    kind: 'Backup',
    name: args?.name ?? `${info.name}-log`,
    namespace: info.namespace,
    cluster: info.name,
    toolImage: setting('backup.brImage'),
    s3,
    log: { subcommand: 'log-start' },
  };
  const status = await run(
    t,
    vscode.l10n.t(
      'Start a log backup of {0}? It runs until stopped; with a full backup it makes every second since restorable.',
      `${info.namespace}/${info.name}`,
    ),
    vscode.l10n.t('Start Log Backup'),
    !args,
  );
  if (!status) return;
  const rec: BackupRecord = {
    id: crypto.randomUUID(),
    method: 'operator-log',
    createdAt: new Date().toISOString(),
    connection: `${info.namespace}/${info.name}`,
    server: 'TiDB (Kubernetes)',
    databases: ['*'],
    location: `s3://${s3.bucket}/${s3.prefix}`,
    backupTs: status.commitTs,
    s3: s3Place(s3, info.namespace),
    resource: { name: t.name, namespace: info.namespace, cluster: info.name },
  };
  await history.add(rec);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Log backup {0} is running. Take a full backup of the cluster too: PITR starts from one.', t.name),
  );
  return rec;
}

async function logCommand(r: BackupRecord): Promise<TaskStatus | undefined> {
  if (!r.resource || !r.s3) return;
  const name = r.resource.name;
  const pick = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Stop'),
        description: vscode.l10n.t('end the log backup (log-stop)'),
        sub: 'log-stop' as LogSubcommand,
        question: vscode.l10n.t('Stop the log backup {0}?', name),
        action: vscode.l10n.t('Stop'),
      },
      {
        label: vscode.l10n.t('Pause'),
        description: vscode.l10n.t('pause it; resume within 24 h (log-pause)'),
        sub: 'log-pause' as LogSubcommand,
        question: vscode.l10n.t('Pause the log backup {0}?', name),
        action: vscode.l10n.t('Pause'),
      },
      {
        label: vscode.l10n.t('Resume'),
        description: vscode.l10n.t('continue a paused log backup (log-resume)'),
        sub: 'log-resume' as LogSubcommand,
        question: vscode.l10n.t('Resume the log backup {0}?', name),
        action: vscode.l10n.t('Resume'),
      },
      {
        label: vscode.l10n.t('Truncate…'),
        description: vscode.l10n.t('remove logs before a time (log-truncate)'),
        sub: 'log-truncate' as LogSubcommand,
        question: vscode.l10n.t('Truncate… the log backup {0}?', name),
        action: vscode.l10n.t('Truncate'),
      },
    ],
    { title: vscode.l10n.t('Log backup {0} of {1}', name, r.connection) },
  );
  if (!pick) return;
  let truncateUntil: string | undefined;
  if (pick.sub === 'log-truncate') {
    truncateUntil = await vscode.window.showInputBox({
      title: vscode.l10n.t('Remove the logs before…'),
      prompt: vscode.l10n.t('A time (RFC 3339, e.g. 2026-12-01T00:00:00+08:00): points before it can no longer be restored'),
      validateInput: (v) => (Number.isNaN(Date.parse(v)) ? vscode.l10n.t('A date and time, e.g. 2026-12-01T00:00:00Z') : undefined),
    });
    if (!truncateUntil) return;
  }
  const { secretName, ...s3 } = r.s3;
  return run(
    {
      kind: 'Backup',
      name: r.resource.name,
      namespace: r.resource.namespace,
      cluster: r.resource.cluster,
      toolImage: setting('backup.brImage'),
      s3: { ...s3, secretName },
      log: { subcommand: pick.sub, truncateUntil },
    },
    pick.question,
    pick.action,
  );
}

async function restoreToPoint(history: BackupHistory, arg?: BackupRecord | K8sNode, args?: PitrArgs): Promise<TaskStatus | undefined> {
  const k = await kube();
  const kc = k.defaultKubeConfig();
  if (!kc) return void vscode.window.showErrorMessage(vscode.l10n.t('No kubeconfig: set KUBECONFIG or ~/.kube/config.'));
  const cluster =
    arg && 'kind' in arg && arg.kind === 'k8sCluster'
      ? `${arg.info.namespace}/${arg.info.name}`
      : (arg as BackupRecord | undefined)?.connection;
  const all = history.list().filter((r) => !cluster || r.connection === cluster);
  const logRec = all.find((r) => r.method === 'operator-log');
  const full = all.find((r) => r.method === 'operator' && r.s3 && r.databases.includes('*'));
  if (!logRec?.resource || !logRec.s3 || !full?.s3)
    return void vscode.window.showWarningMessage(
      cluster
        ? vscode.l10n.t(
            'PITR needs a log backup and a full (whole-cluster) operator backup of {0} made from here: start the log backup, then take a full backup.',
            cluster,
          )
        : vscode.l10n.t(
            'PITR needs a log backup and a full (whole-cluster) operator backup of the cluster made from here: start the log backup, then take a full backup.',
          ),
    );
  const logStatus = await k.readTaskStatus(kc, 'Backup', logRec.resource.namespace, logRec.resource.name).catch(() => undefined);
  const window = k.restorableWindow({ commitTs: full.backupTs }, logStatus);
  if (!window)
    return void vscode.window.showWarningMessage(
      vscode.l10n.t(
        "No restorable window yet: the full backup's commit ts is {0}, the log checkpoint {1} (the log must reach past the full backup).",
        full.backupTs ?? vscode.l10n.t('unknown'),
        logStatus?.logCheckpointTs ?? vscode.l10n.t('unknown'),
      ),
    );
  const outside = (v: string) => {
    const d = Date.parse(v);
    if (Number.isNaN(d)) return vscode.l10n.t('A date and time with a zone, e.g. 2026-12-01T10:45:00Z');
    return d < window.from.getTime() || d > window.to.getTime()
      ? vscode.l10n.t('Outside the restorable window {0} – {1}', window.from.toISOString(), window.to.toISOString())
      : undefined;
  };
  const refused = args && outside(args.when);
  if (args && refused) return void vscode.window.showErrorMessage(vscode.l10n.t('Cannot restore to {0}: {1}', args.when, refused));
  const when =
    args?.when ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Restore {0} to a point in time', logRec.connection),
      prompt: vscode.l10n.t('Restorable from {0} to {1} (RFC 3339, with a zone)', window.from.toISOString(), window.to.toISOString()),
      value: k.pitrTs(window.to),
      validateInput: outside,
    }));
  if (!when) return;
  const targets = (await k.listTidbClusters(kc)).filter((c) => c.operator === 'v2');
  const items = targets.map((c) => ({ label: `${c.namespace}/${c.name}`, c }));
  const target = args
    ? items.find((i) => i.label === args.target)
    : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Restore into which cluster? (a new, empty one is safest)') });
  if (!target) {
    if (args)
      void vscode.window.showErrorMessage(vscode.l10n.t('No TiDB Operator v2 cluster {0} in the current kubeconfig context.', args.target));
    return;
  }
  const strip = (s: NonNullable<BackupRecord['s3']>): OperatorS3 => ({
    provider: s.provider,
    bucket: s.bucket,
    prefix: s.prefix,
    endpoint: s.endpoint,
    secretName: s.secretName,
  });
  const t: OperatorTask = {
    kind: 'Restore',
    name: args?.name ?? `${target.c.name}-pitr-${Date.now().toString(36)}`,
    namespace: target.c.namespace,
    cluster: target.c.name,
    toolImage: setting('backup.brImage'),
    s3: strip(logRec.s3),
    pitr: { restoredTs: when, fullBackup: strip(full.s3) },
  };
  const status = await run(
    t,
    vscode.l10n.t('Restore {0} to {1}? BR refuses tables that already exist there.', target.label, when),
    vscode.l10n.t('Restore'),
    !args,
  );
  if (status) void vscode.window.showInformationMessage(vscode.l10n.t('{0} is restored to {1}.', target.label, when));
  return status;
}
