// The manifest written next to a logical backup: what was exported (tables, views,
// row counts, checksums), from where and when. Import verifies the result against it.
/** /2: rows formatted and checksummed as bytes in the client (values.ts). */
export const MANIFEST_FORMAT = 'tidb-toolkit-logical/2';

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  server: { flavor: string; version: string };
  /** how the snapshot was taken */
  consistency: 'tidb_snapshot' | 'consistent-snapshot-transaction' | 'none';
  file: string;
  gzip: boolean;
  bytes: number;
  databases: Array<{
    name: string;
    tables: Array<{
      name: string;
      rows: number;
      checksum: string;
      columns: string[];
      checksumKind?: 'sum64' | 'ordered' /** the primary key the ordered checksum reads by */;
      orderBy?: string[];
    }>;
    views: string[];
  }>;
}

export const manifestPath = (dumpPath: string) => `${dumpPath}.manifest.json`;
