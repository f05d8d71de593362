// TiDB: Backup… and TiDB: Restore… (palette, explorer database/table nodes, the
// Backups view). They pick the method that fits the connection and say which: BR
// through SQL on TiDB, a logical export/import anywhere. Progress with cancel; a
// restore refuses to write over existing tables and verifies what it restored.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connections/manager';
import type { Session } from '../connections/session';
import type { StoredProfile } from '../connections/store';
import { listDatabases } from '../explorer/catalog';
import type { CommandTable } from '../commandTable';
import type { Node } from '../explorer/tree';
import { log } from '../log';
import type { OperatorS3 } from '../localCluster/operator';
import { askS3 } from './pitr';
import { backupSql, localWarning, redactUrl, restoreSql, storageUrl, type Storage } from './br/brSql';
import { restoreConflicts, runBr, type Queryable } from './br/brRunner';
import { type BackupHistory, type BackupRecord, s3Place } from './history';
import { exportLogical } from './logical/export';
import { checkDump, existingReplaced, existingTables, ImportError, importLogical, verifyAgainstManifest } from './logical/import';
import { manifestPath, type BackupManifest } from './logical/manifest';
import { connect } from '../connections/driver';
import { threadId as threadIdOf } from '../connections/mysqlInternals';
import type * as mysql from 'mysql2/promise';
import { setting } from '../settings';
import { kube } from '../lazyKube';

export interface BackupArgs {
  connectionId?: string;
  databases?: string[];
  method?: 'logical' | 'br';
  file?: string;
  gzip?: boolean;
}

const queryable = (c: mysql.Connection | mysql.Pool): Queryable => ({
  query: async (sql, values) => (await c.query(sql, values))[0] as Array<Record<string, unknown>>,
});

async function pickProfile(manager: ConnectionManager, id?: string): Promise<StoredProfile | undefined> {
  if (id) return manager.store.get(id);
  const list = manager.profiles();
  const pick = await vscode.window.showQuickPick(
    list.map((p) => ({ label: p.name, description: `${p.user}@${p.host}:${p.port}`, p })),
    { placeHolder: vscode.l10n.t('Which connection?') },
  );
  return pick?.p;
}

async function pickStorage(): Promise<Storage | undefined> {
  const kind = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('S3 or S3-compatible (MinIO, …)'), storage: 's3' as const },
      { label: 'Google Cloud Storage', storage: 'gcs' as const },
      { label: 'Azure Blob Storage', storage: 'azure' as const },
      {
        label: vscode.l10n.t('local:// on every TiKV node'),
        description: vscode.l10n.t('only for a single-machine cluster'),
        storage: 'local' as const,
      },
    ],
    { placeHolder: vscode.l10n.t('Where BR writes the backup') },
  );
  if (!kind) return;
  const ask = (prompt: string, password = false, value = '') =>
    vscode.window.showInputBox({ prompt, password, value, ignoreFocusOut: true });
  if (kind.storage === 'local') {
    const p = await ask(vscode.l10n.t('Absolute directory on each TiKV node, e.g. /tmp/tidb-backup'));
    if (!p) return;
    const ok = await vscode.window.showWarningMessage(localWarning(), { modal: true }, vscode.l10n.t('Use local://'));
    return ok ? { kind: 'local', path: p } : undefined;
  }
  const bucket = await ask(kind.storage === 'azure' ? vscode.l10n.t('Container') : vscode.l10n.t('Bucket'));
  if (!bucket) return;
  const prefix = (await ask(vscode.l10n.t('Path inside it (prefix)'), false, `tidb-backup-${new Date().toISOString().slice(0, 10)}`)) ?? '';
  if (kind.storage === 's3') {
    const endpoint = (await ask(vscode.l10n.t('Endpoint for S3-compatible stores (empty for AWS)'))) || undefined;
    const accessKey = (await ask(vscode.l10n.t("Access key (empty: the TiKV nodes' own credentials)"))) || undefined;
    const secretKey = accessKey ? await ask(vscode.l10n.t('Secret key'), true) : undefined;
    return { kind: 's3', bucket, prefix, endpoint, accessKey, secretKey: secretKey || undefined };
  }
  if (kind.storage === 'gcs')
    return {
      kind: 'gcs',
      bucket,
      prefix,
      credentialsFile: (await ask(vscode.l10n.t('Credentials file on the TiKV nodes (empty: default credentials)'))) || undefined,
    };
  return {
    kind: 'azure',
    container: bucket,
    prefix,
    accountName: (await ask(vscode.l10n.t('Account name'))) || undefined,
    accountKey: (await ask(vscode.l10n.t('Account key'), true)) || undefined,
  };
}

export async function backupCommand(
  manager: ConnectionManager,
  history: BackupHistory,
  args: BackupArgs = {},
): Promise<BackupRecord | undefined> {
  const profile = await pickProfile(manager, args.connectionId);
  if (!profile) return;
  let session: Session;
  try {
    session = await manager.connect(profile.id);
  } catch (e) {
    return void vscode.window.showErrorMessage(vscode.l10n.t('Could not connect to {0}: {1}', profile.name, (e as Error).message));
  }
  const all = await session.withMeta((q) => listDatabases(q));
  const databases =
    args.databases ?? (await vscode.window.showQuickPick(all, { canPickMany: true, placeHolder: vscode.l10n.t('Databases to back up') }));
  if (!databases?.length) return;
  const method = args.method ?? (await pickBackupMethod(session, profile, databases));
  if (!method) return;
  const target: BackupTarget = { manager, history, profile, session, databases };
  return method === 'logical' ? logicalBackup(target, args) : brBackup(target);
}

/** What a backup is of: the connection, its session and the databases chosen. */
interface BackupTarget {
  manager: ConnectionManager;
  history: BackupHistory;
  profile: StoredProfile;
  session: Session;
  databases: string[];
}

/** BR or a logical export on TiDB (BR needs BACKUP_ADMIN and TiKV); a logical export elsewhere. */
async function pickBackupMethod(session: Session, profile: StoredProfile, databases: string[]): Promise<'br' | 'logical' | undefined> {
  if (session.server.flavor !== 'tidb') return 'logical';
  const pick = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('BR (BACKUP statement)'),
        description: vscode.l10n.t('distributed, to S3/GCS/Azure; needs BACKUP_ADMIN and TiKV'),
        method: 'br' as const,
      },
      {
        label: vscode.l10n.t('Logical export (SQL file)'),
        description: vscode.l10n.t('works everywhere; slower for large data'),
        method: 'logical' as const,
      },
    ],
    { placeHolder: vscode.l10n.t('How to back up {0} on {1}', databases.join(', '), profile.name) },
  );
  return pick?.method;
}

/**
 * Runs a BACKUP or RESTORE statement on a connection of its own while a second one watches
 * its progress (SHOW BACKUPS) and can cancel it (KILL TIDB QUERY); both are closed after.
 */
async function runBrStatement(
  manager: ConnectionManager,
  profile: StoredProfile,
  kind: 'backup' | 'restore',
  sql: string,
  progress: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
): ReturnType<typeof runBr> {
  const ac = new AbortController();
  token.onCancellationRequested(() => ac.abort());
  const password = await manager.store.password(profile.id);
  const task = await connect(profile, password);
  let control: mysql.Connection | undefined;
  try {
    control = await connect(profile, password);
    return await runBr({
      kind,
      sql,
      task: { ...queryable(task), threadId: threadIdOf(task) },
      control: queryable(control),
      signal: ac.signal,
      onProgress: (t) => progress.report({ message: `${t.state} ${t.progress.toFixed(1)}%` }),
    });
  } finally {
    await task.end().catch(() => undefined);
    await control?.end().catch(() => undefined);
  }
}

/** A logical export to a file (with its manifest), with progress and cancel; recorded in the Backups view. */
async function logicalBackup(target: BackupTarget, args: BackupArgs): Promise<BackupRecord | undefined> {
  const { manager, history, profile, session, databases } = target;
  const file =
    args.file ??
    (
      await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.file(`${databases.join('+')}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '')}.sql.gz`),
        filters: { 'SQL (gzip)': ['gz'], SQL: ['sql'] },
      })
    )?.fsPath;
  if (!file) return;
  const gzip = args.gzip ?? file.endsWith('.gz');
  const t0 = performance.now();
  try {
    const manifest = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title:
          session.server.flavor === 'tidb'
            ? vscode.l10n.t('Logical backup of {0} (tidb_snapshot)', databases.join(', '))
            : vscode.l10n.t('Logical backup of {0} (consistent snapshot)', databases.join(', ')),
        cancellable: true,
      },
      (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        return exportLogical(
          {
            get: async () => connect(profile, await manager.store.password(profile.id)),
            release: async (c) => void (await c.end().catch(() => undefined)),
          },
          session.server,
          {
            databases,
            file,
            gzip,
            signal: ac.signal,
            onProgress: (p) =>
              progress.report({
                message: vscode.l10n.t(
                  '{0}: {1} rows ({2}/{3} tables)',
                  p.table,
                  p.rows.toLocaleString('en-US'),
                  p.tablesDone,
                  p.tablesTotal,
                ),
              }),
          },
        );
      },
    );
    const rec: BackupRecord = {
      id: crypto.randomUUID(),
      method: 'logical',
      createdAt: manifest.createdAt,
      connection: profile.name,
      server: `${session.server.flavor} ${session.server.version}`,
      databases,
      location: file,
      bytes: manifest.bytes,
      manifest: manifestPath(file),
      tables: manifest.databases.reduce((n, d) => n + d.tables.length, 0),
      rows: manifest.databases.reduce((n, d) => n + d.tables.reduce((m, t) => m + t.rows, 0), 0),
    };
    await history.add(rec);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Backed up {0} tables, {1} rows to {2} in {3} s (logical export).',
        rec.tables ?? 0,
        (rec.rows ?? 0).toLocaleString('en-US'),
        file,
        ((performance.now() - t0) / 1000).toFixed(1),
      ),
    );
    return rec;
  } catch (e) {
    log().error(vscode.l10n.t('Logical backup failed: {0}', (e as Error).message));
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Logical backup failed: {0}. Nothing was recorded; the partial file {1} can be deleted.', (e as Error).message, file),
    );
    return;
  }
}

/** A BR backup (the BACKUP statement) to external storage, with SHOW BACKUPS progress and cancel; recorded without credentials. */
async function brBackup(target: BackupTarget): Promise<BackupRecord | undefined> {
  const { manager, history, profile, session, databases } = target;
  const storage = await pickStorage();
  if (!storage) return;
  const url = storageUrl(storage);
  const sql = backupSql({ databases }, url);
  log().info(`BR: ${redactUrl(sql)}`);
  try {
    const res = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('BR backup of {0} to {1}', databases.join(', '), redactUrl(url)),
        cancellable: true,
      },
      (progress, token) => runBrStatement(manager, profile, 'backup', sql, progress, token),
    );
    const rec: BackupRecord = {
      id: crypto.randomUUID(),
      method: 'br',
      createdAt: new Date().toISOString(),
      connection: profile.name,
      server: `${session.server.flavor} ${session.server.version}`,
      databases,
      location: redactUrl(url),
      bytes: res.size,
      backupTs: res.backupTs,
    };
    await history.add(rec);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'BR backup done: {0} bytes at TSO {1} in {2}.',
        res.size?.toLocaleString('en-US') ?? '?',
        res.backupTs ?? '?',
        redactUrl(url),
      ),
    );
    return rec;
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
  }
}

export interface RestoreArgs {
  connectionId?: string;
  record?: BackupRecord;
  file?: string;
  /** operator backups: the v2 cluster to restore into, as namespace/name (no prompt, no confirmation) */
  targetCluster?: string;
  /** operator backups: the Restore resource's name (default restore-<time>) */
  name?: string;
  /** logical restores: drop or replace the existing objects the file names without asking (scripted use) */
  replaceExisting?: boolean;
}

/** Answers for the operator backup's prompts (keybindings, tasks, tests): none is asked when given. */
export interface OperatorBackupArgs {
  databases?: string[];
  bucket: string;
  prefix?: string;
  /** empty for AWS */
  endpoint?: string;
  secretName?: string;
  /** with secretKey: the Secret is created or updated; without: the existing one is used */
  accessKey?: string;
  secretKey?: string;
  /** the Backup resource's name (default backup-<time>) */
  name?: string;
}

export interface RestoreOutcome {
  ok: boolean;
  message: string;
  statements?: number;
  mismatches?: string[];
}

export async function restoreCommand(
  manager: ConnectionManager,
  history: BackupHistory,
  args: RestoreArgs = {},
): Promise<RestoreOutcome | undefined> {
  const chosen = args.record || args.file ? { record: args.record, file: args.file } : await pickBackup(history);
  if (!chosen) return;
  const { record, file } = chosen;
  if (!record && !file) return;
  if (record?.method === 'operator') return operatorRestore(record, args.targetCluster, args.name);
  const profile = await pickProfile(manager, args.connectionId);
  if (!profile) return;
  const session = await manager
    .connect(profile.id)
    .catch((e: Error) => void vscode.window.showErrorMessage(vscode.l10n.t('Could not connect to {0}: {1}', profile.name, e.message)));
  if (!session) return;
  if (record?.method === 'br') {
    if (session.server.flavor !== 'tidb') return { ok: false, message: vscode.l10n.t('A BR backup restores only to TiDB.') };
    return brRestore(manager, profile, session, record);
  }
  return logicalRestore(manager, profile, session, record?.location ?? file!, record?.manifest, args);
}

/** A backup from the Backups history, or a file the user opens. */
async function pickBackup(history: BackupHistory): Promise<{ record?: BackupRecord; file?: string } | undefined> {
  const items: Array<vscode.QuickPickItem & { r?: BackupRecord }> = history.list().map((r) => ({
    label: `${r.databases.join(', ')} · ${r.method === 'br' ? 'BR' : vscode.l10n.t('logical')}`,
    description: vscode.l10n.t('{0} from {1}', new Date(r.createdAt).toLocaleString(), r.connection),
    detail: r.location,
    r,
  }));
  items.push({ label: `$(file) ${vscode.l10n.t('A backup file…')}` });
  const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('The backup to restore') });
  if (!pick) return undefined;
  if (pick.r) return { record: pick.r };
  return { file: (await vscode.window.showOpenDialog({ filters: { [vscode.l10n.t('SQL backups')]: ['sql', 'gz'] } }))?.[0]?.fsPath };
}

/** RESTORE with BR: refused when tables are in the way; credentials asked again when the record has them redacted. */
async function brRestore(
  manager: ConnectionManager,
  profile: StoredProfile,
  session: Session,
  record: BackupRecord,
): Promise<RestoreOutcome | undefined> {
  const conflicts = await restoreConflicts(queryable(session.meta()), record.databases);
  if (conflicts.length) {
    const message = vscode.l10n.t(
      'RESTORE would overwrite existing tables ({0}): BR refuses to restore over them. Drop them, or restore to another cluster.',
      `${conflicts.slice(0, 5).join(', ')}${conflicts.length > 5 ? ', …' : ''}`,
    );
    void vscode.window.showErrorMessage(message);
    return { ok: false, message };
  }
  const secret = /\*\*\*/.test(record.location)
    ? await vscode.window.showInputBox({
        prompt: vscode.l10n.t('The backup location has credentials: enter its full URL again (they are not stored)'),
        password: true,
        ignoreFocusOut: true,
      })
    : record.location;
  if (!secret) return;
  try {
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('BR restore of {0}', record.databases.join(', ')),
        cancellable: true,
      },
      (progress, token) =>
        runBrStatement(
          manager,
          { ...profile, database: undefined },
          'restore',
          restoreSql({ databases: record.databases }, secret),
          progress,
          token,
        ),
    );
    void vscode.window.showInformationMessage(vscode.l10n.t('Restored {0} with BR.', record.databases.join(', ')));
    return { ok: true, message: 'restored' };
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
    return { ok: false, message: (e as Error).message };
  }
}

/**
 * A logical restore: the file is read whole first (complete? what would it drop or
 * replace?), existing data is only replaced after the user agrees, and the result is
 * verified against the manifest when there is one. A failure says which statement
 * failed and which tables were fully restored before it.
 */
async function logicalRestore(
  manager: ConnectionManager,
  profile: StoredProfile,
  session: Session,
  dump: string,
  recordManifest: string | undefined,
  args: RestoreArgs,
): Promise<RestoreOutcome | undefined> {
  // the restore creates databases: connect without a default one (it may be the one to restore)
  const bare = { ...profile, database: undefined };
  const mPath = recordManifest ?? manifestPath(dump);
  const manifest: BackupManifest | undefined = fs.existsSync(mPath) ? JSON.parse(fs.readFileSync(mPath, 'utf8')) : undefined;
  const c = await connect(bare, await manager.store.password(profile.id));
  const refuse = async (message: string): Promise<RestoreOutcome> => {
    void vscode.window.showErrorMessage(message);
    await c.end().catch(() => undefined);
    return { ok: false, message };
  };
  if (manifest) {
    const inWay = await existingTables(c, manifest);
    if (inWay.length)
      return refuse(
        vscode.l10n.t(
          'Restoring would write over existing tables ({0}). Drop them first or restore into another server: nothing was changed.',
          `${inWay.slice(0, 5).join(', ')}${inWay.length > 5 ? ', …' : ''}`,
        ),
      );
  }
  // Read the whole file once before anything runs: is it complete, and what would it drop or replace?
  const scan = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking {0}', dump) },
    () => checkDump(dump),
  );
  if (scan.damaged)
    return refuse(
      vscode.l10n.t('{0} cannot be read to the end ({1}): it is damaged or was cut short. Nothing was changed.', dump, scan.damaged),
    );
  if (scan.complete === false)
    return refuse(vscode.l10n.t('{0} ends before its end marker: it is an interrupted or truncated backup. Nothing was changed.', dump));
  const replaced = await existingReplaced(c, scan);
  if (replaced.length && !args.replaceExisting) {
    if (!(await confirmReplacing(profile, replaced))) {
      await c.end().catch(() => undefined);
      return { ok: false, message: vscode.l10n.t('Cancelled: nothing was changed.') };
    }
  }
  try {
    const r = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Restoring {0}', dump), cancellable: true },
      (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        let last = 0;
        return importLogical(c, dump, {
          tidb: session.server.flavor === 'tidb',
          refuseReplacing: scan.ours,
          signal: ac.signal,
          onProgress: (p) => {
            const pct = Math.floor((p.bytes / Math.max(1, p.totalBytes)) * 100);
            if (pct > last)
              progress.report({
                increment: pct - last,
                message: `${p.table ?? ''} · ${vscode.l10n.t('{0} statements', p.statements)}`,
              });
            last = pct;
          },
        });
      },
    );
    if (!manifest) {
      const message =
        scan.complete === undefined
          ? vscode.l10n.t(
              'Ran {0} statements. No manifest next to the file, so the result was not verified, and the file has no end marker this version knows, so it could not be checked for completeness.',
              r.statements,
            )
          : vscode.l10n.t('Ran {0} statements. No manifest next to the file, so the result was not verified.', r.statements);
      void vscode.window.showWarningMessage(message);
      return { ok: true, message, statements: r.statements };
    }
    const v = await verifyAgainstManifest(c, manifest);
    const mismatches = mismatchesOf(v);
    if (!v.ok) {
      const message = vscode.l10n.t('Restore finished but does NOT match the backup: {0}', mismatches.join('; '));
      log().error(message);
      void vscode.window.showErrorMessage(message, vscode.l10n.t('Show Log')).then((a) => a && log().show());
      return { ok: false, message, statements: r.statements, mismatches };
    }
    const message = vscode.l10n.t(
      'Restored and verified {0} tables ({1} rows, checksums match).',
      v.tables.length,
      v.tables.reduce((n, t) => n + t.rows, 0).toLocaleString('en-US'),
    );
    void vscode.window.showInformationMessage(message);
    return { ok: true, message, statements: r.statements };
  } catch (e) {
    const err = e as ImportError;
    const message = importFailure(e);
    log().error(vscode.l10n.t('Restore of {0} failed: {1}', dump, message));
    void vscode.window
      .showErrorMessage(
        vscode.l10n.t('Restore failed at statement {0}: {1}', err.statementNumber ?? '?', err.message),
        vscode.l10n.t('Show Log'),
      )
      .then((a) => a && log().show());
    return { ok: false, message };
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Asks before a restore drops or replaces existing objects (listed in the detail); true when the user agrees. */
async function confirmReplacing(profile: StoredProfile, replaced: string[]): Promise<boolean> {
  const go = await vscode.window.showWarningMessage(
    replaced.length === 1
      ? vscode.l10n.t('Restoring this file on {0} drops or replaces 1 existing object: their current data is lost.', profile.name)
      : vscode.l10n.t(
          'Restoring this file on {0} drops or replaces {1} existing objects: their current data is lost.',
          profile.name,
          replaced.length,
        ),
    {
      modal: true,
      detail: replaced.slice(0, 20).join('\n') + (replaced.length > 20 ? `\n${vscode.l10n.t('… and {0} more', replaced.length - 20)}` : ''),
    },
    vscode.l10n.t('Drop and Restore'),
  );
  return !!go;
}

/** What differs between the restored data and the manifest, one line per table or view. */
function mismatchesOf(v: Awaited<ReturnType<typeof verifyAgainstManifest>>): string[] {
  return [
    ...v.tables
      .filter((t) => !t.ok)
      .map(
        (t) =>
          `${t.database}.${t.table}: ${
            t.error ??
            vscode.l10n.t('{0} rows (expected {1}), checksum {2} (expected {3})', t.rows, t.expectedRows, t.checksum, t.expectedChecksum)
          }`,
      ),
    ...v.missingViews.map((x) => vscode.l10n.t('{0}: view missing', x)),
    ...(v.error ? [v.error] : []),
  ];
}

/** A failed import, said in full: the error, the statement, and the tables restored before it. */
function importFailure(e: unknown): string {
  if (!(e instanceof ImportError)) return (e as Error).message;
  return [
    e.message,
    vscode.l10n.t('Statement {0}: {1}', e.statementNumber, e.statement),
    e.completedTables.length
      ? vscode.l10n.t('Tables fully restored before it: {0}. The rest was not applied.', e.completedTables.join(', '))
      : vscode.l10n.t('Tables fully restored before it: none. The rest was not applied.'),
  ].join('\n');
}

/** Back up a TiDB cluster found in Kubernetes with a TiDB Operator Backup resource (S3). */
export async function operatorBackupCommand(
  history: BackupHistory,
  info: import('../localCluster/kubeClusters').TidbClusterInfo,
  args?: OperatorBackupArgs,
): Promise<BackupRecord | undefined> {
  const { defaultKubeConfig, runOperatorTask, OperatorTaskError } = await kube();
  const kc = defaultKubeConfig();
  if (!kc) return void vscode.window.showErrorMessage(vscode.l10n.t('No kubeconfig: set KUBECONFIG or ~/.kube/config.'));
  if (info.operator !== 'v2')
    return void vscode.window.showErrorMessage(
      vscode.l10n.t('Backups through the operator are supported for TiDB Operator v2 clusters (br.pingcap.com) only.'),
    );
  const defaultPrefix = `${info.name}/${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '')}`;
  const dbs = args
    ? (args.databases ?? []).join(',')
    : await vscode.window.showInputBox({
        prompt: vscode.l10n.t('Databases to back up (comma-separated; empty for the whole cluster)'),
        ignoreFocusOut: true,
      });
  if (dbs === undefined) return;
  const endpointArg = args ? (args.endpoint ?? setting('backup.s3Endpoint')) : undefined;
  const s3: OperatorS3 | undefined = args
    ? {
        provider: endpointArg ? 'minio' : 'aws',
        bucket: args.bucket,
        prefix: args.prefix ?? defaultPrefix,
        endpoint: endpointArg || undefined,
        secretName: args.secretName ?? 's3-secret',
        accessKey: args.accessKey || undefined,
        secretKey: args.accessKey ? args.secretKey || undefined : undefined,
      }
    : await askS3(info.namespace, defaultPrefix);
  if (!s3?.bucket) return;
  const name = args?.name ?? `backup-${Date.now().toString(36)}`;
  try {
    const status = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Operator Backup {0} of {1}', name, `${info.namespace}/${info.name}`),
        cancellable: true,
      },
      (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        return runOperatorTask(
          kc,
          {
            kind: 'Backup',
            name,
            namespace: info.namespace,
            cluster: info.name,
            toolImage: setting('backup.brImage'),
            databases: dbs
              .split(',')
              .map((d) => d.trim())
              .filter(Boolean),
            s3,
          },
          { signal: ac.signal, onPhase: (s) => progress.report({ message: s.phase }) },
        );
      },
    );
    const rec: BackupRecord = {
      id: crypto.randomUUID(),
      method: 'operator',
      createdAt: new Date().toISOString(),
      connection: `${info.namespace}/${info.name}`,
      server: 'TiDB (Kubernetes)',
      databases: dbs ? dbs.split(',').map((d) => d.trim()) : ['*'],
      location: status.backupPath ?? `s3://${s3.bucket}/${s3.prefix}`,
      s3: s3Place(s3, info.namespace),
      // the snapshot's commit ts: where a point-in-time restore from this backup can start
      backupTs: status.commitTs,
      resource: { name, namespace: info.namespace, cluster: info.name },
    };
    await history.add(rec);
    void vscode.window.showInformationMessage(
      status.backupSizeReadable
        ? vscode.l10n.t('Backup {0} complete: {1} ({2}).', name, rec.location, status.backupSizeReadable)
        : vscode.l10n.t('Backup {0} complete: {1}.', name, rec.location),
    );
    return rec;
  } catch (e) {
    const err = e as InstanceType<typeof OperatorTaskError>;
    log().error(
      `${vscode.l10n.t('Operator backup failed: {0}', err.message)}${err.details?.length ? `\n  ${err.details.join('\n  ')}` : ''}`,
    );
    void vscode.window.showErrorMessage(err.message, vscode.l10n.t('Show Log')).then((a) => a && log().show());
  }
}

/** Restores an operator backup into a TiDB Operator v2 cluster of the current kubeconfig context. */
async function operatorRestore(record: BackupRecord, targetCluster?: string, resourceName?: string): Promise<RestoreOutcome | undefined> {
  const { defaultKubeConfig, listTidbClusters } = await kube();
  const { runOperatorTask } = await kube();
  const kc = defaultKubeConfig();
  if (!kc || !record.s3) {
    const message = !kc
      ? vscode.l10n.t('No kubeconfig: set KUBECONFIG or ~/.kube/config.')
      : vscode.l10n.t('This backup record has no S3 location to restore from.');
    void vscode.window.showErrorMessage(message);
    return { ok: false, message };
  }
  const targets = (await listTidbClusters(kc)).filter((c) => c.operator === 'v2');
  const items = targets.map((c) => ({ label: `${c.namespace}/${c.name}`, c }));
  if (targetCluster !== undefined && !items.some((i) => i.label === targetCluster)) {
    const found = items.map((i) => i.label).join(', ');
    const message = found
      ? vscode.l10n.t('No TiDB Operator v2 cluster {0} in the current kubeconfig context (found: {1}).', targetCluster, found)
      : vscode.l10n.t('No TiDB Operator v2 cluster {0} in the current kubeconfig context (found: none).', targetCluster);
    void vscode.window.showErrorMessage(message);
    return { ok: false, message };
  }
  const pick =
    targetCluster !== undefined
      ? items.find((i) => i.label === targetCluster)
      : await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Restore {0} into…', record.location) });
  if (!pick) return;
  if (targetCluster === undefined) {
    const restore = vscode.l10n.t('Restore');
    const ok = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Restore {0} from {1} into {2}? BR refuses tables that already exist.',
        record.databases.join(', '),
        record.location,
        pick.label,
      ),
      { modal: true },
      restore,
    );
    if (ok !== restore) return;
  }
  if (pick.c.namespace !== record.s3.namespace)
    void vscode.window.showWarningMessage(vscode.l10n.t('The Secret {0} must exist in {1} too.', record.s3.secretName, pick.c.namespace));
  const name = resourceName ?? `restore-${Date.now().toString(36)}`;
  try {
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Operator Restore {0} into {1}', name, pick.label),
        cancellable: true,
      },
      (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        const s3 = record.s3!;
        return runOperatorTask(
          kc,
          {
            kind: 'Restore',
            name,
            namespace: pick.c.namespace,
            cluster: pick.c.name,
            toolImage: setting('backup.brImage'),
            databases: record.databases.filter((d) => d !== '*'),
            s3: { provider: s3.provider, bucket: s3.bucket, prefix: s3.prefix, endpoint: s3.endpoint, secretName: s3.secretName },
          },
          { signal: ac.signal, onPhase: (s) => progress.report({ message: s.phase }) },
        );
      },
    );
    const message = vscode.l10n.t('Restore {0} complete.', name);
    void vscode.window.showInformationMessage(message);
    return { ok: true, message };
  } catch (e) {
    const err = e as Error & { details?: string[] };
    log().error(
      `${vscode.l10n.t('Operator restore failed: {0}', err.message)}${err.details?.length ? `\n  ${err.details.join('\n  ')}` : ''}`,
    );
    void vscode.window.showErrorMessage(err.message, vscode.l10n.t('Show Log')).then((a) => a && log().show());
    return { ok: false, message: err.message };
  }
}

/** A command's backup argument: explorer connection and database items, a Backups view record, or plain arguments. */
function backupArgsOf(arg: unknown): BackupArgs {
  const n = arg as Node | undefined;
  if (n && typeof n === 'object' && 'kind' in n) {
    if (n.kind === 'connection') return { connectionId: n.profile.id };
    if (n.kind === 'database') return { connectionId: n.connectionId, databases: [n.database] };
  }
  return (arg as BackupArgs) ?? {};
}

function restoreArgsOf(arg: unknown): { record: BackupRecord } | RestoreArgs {
  const n = arg as Node | BackupRecord | RestoreArgs | undefined;
  if (n && 'method' in n && 'location' in n) return { record: n as BackupRecord };
  if (n && 'kind' in n && (n as Node).kind === 'connection')
    return { connectionId: (n as Extract<Node, { kind: 'connection' }>).profile.id };
  if (n && 'kind' in n && (n as Node).kind === 'database') return { connectionId: (n as Extract<Node, { kind: 'database' }>).connectionId };
  return (n as RestoreArgs) ?? {};
}

/** The backup and restore commands. */
export function backupCommands(manager: ConnectionManager, history: BackupHistory): CommandTable {
  return {
    'tidb.backup': (arg?: unknown) => backupCommand(manager, history, backupArgsOf(arg)),
    'tidb.restore': (arg?: unknown) => restoreCommand(manager, history, restoreArgsOf(arg)),
    'tidb.explorer.backupKubernetes': (n: Extract<Node, { kind: 'k8sCluster' }>, args?: OperatorBackupArgs) =>
      n?.kind === 'k8sCluster' ? operatorBackupCommand(history, n.info, args) : undefined,
    'tidb.backups.forget': (r: BackupRecord) => r && history.forget(r.id),
  };
}
