// Every backup made from VS Code, so Restore can pick one: where, when, how, what,
// how big, and the checksums (logical: the manifest). Never a credential: BR URLs are
// kept redacted. No VS Code imports (a Memento is passed in).
import * as l10n from '@vscode/l10n';
import { hasCredentials } from './br/brSql';
export interface BackupRecord {
  id: string;
  /** operator-log: a log backup (PITR) through TiDB Operator */
  method: 'logical' | 'br' | 'operator' | 'operator-log';
  createdAt: string;
  connection: string;
  server: string;
  databases: string[];
  /** logical: the dump file; br: the storage URL with credentials redacted */
  location: string;
  bytes?: number;
  /** logical: the manifest next to the dump */
  manifest?: string;
  /** br: the snapshot TSO */
  backupTs?: string;
  tables?: number;
  rows?: number;
  /** operator: where the backup is, to restore it (the Secret holds the keys; none are kept here) */
  s3?: { bucket: string; prefix: string; provider: string; endpoint?: string; secretName: string; namespace: string };
  /** operator: the Backup resource, to read its status (a log backup's checkpoint) and send it log commands */
  resource?: { name: string; namespace: string; cluster: string };
}

/** Where an operator backup went, as the history keeps it: the bucket and the Secret's name, never the keys. */
export function s3Place(
  s3: { bucket: string; prefix: string; provider: string; endpoint?: string; secretName: string },
  namespace: string,
): NonNullable<BackupRecord['s3']> {
  return { bucket: s3.bucket, prefix: s3.prefix, provider: s3.provider, endpoint: s3.endpoint, secretName: s3.secretName, namespace };
}

export interface MementoLike {
  get<T>(key: string, dflt: T): T;
  update(key: string, value: unknown): Thenable<void>;
}

const KEY = 'tidb.backups';

export class BackupHistory {
  private listeners = new Set<() => void>();
  constructor(private readonly state: MementoLike) {}

  list(): BackupRecord[] {
    return [...this.state.get<BackupRecord[]>(KEY, [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async add(r: BackupRecord): Promise<void> {
    if (hasCredentials(r.location)) throw new Error(l10n.t('refusing to record a backup location with credentials in it'));
    await this.state.update(KEY, [...this.state.get<BackupRecord[]>(KEY, []), r].slice(-200));
    this.listeners.forEach((f) => {
      f();
    });
  }

  async forget(id: string): Promise<void> {
    await this.state.update(
      KEY,
      this.state.get<BackupRecord[]>(KEY, []).filter((r) => r.id !== id),
    );
    this.listeners.forEach((f) => {
      f();
    });
  }

  onDidChange(f: () => void): { dispose(): void } {
    this.listeners.add(f);
    return { dispose: () => this.listeners.delete(f) };
  }
}
