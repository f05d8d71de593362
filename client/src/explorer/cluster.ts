// TiDB-only parts of the explorer: the cluster topology (INFORMATION_SCHEMA.CLUSTER_INFO)
// and TiFlash replica progress (INFORMATION_SCHEMA.TIFLASH_REPLICA). The queries run
// only on TiDB; the parsing is separate so it is tested with rows from the TiDB docs.
// No VS Code imports.
import type * as mysql from 'mysql2/promise';
import * as l10n from '@vscode/l10n';

export interface ClusterInstance {
  /** tidb, pd, tikv, tiflash, ticdc, tiproxy... */
  type: string;
  instance: string;
  statusAddress: string;
  version: string;
  gitHash: string;
  startTime: string;
  /** as TiDB prints it: a Go duration such as 26h39m4.352862693s */
  uptime: string;
  /** the uptime in seconds, when it parses */
  uptimeSeconds?: number;
}

export interface TiFlashReplica {
  schema: string;
  table: string;
  tableId: number;
  replicaCount: number;
  locationLabels: string;
  available: boolean;
  /** 0..1 */
  progress: number;
}

type Row = Record<string, unknown>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Parses a Go duration string (time.Duration.String()): 26h39m4.352862693s, 1m2s, 350ms. */
export function parseGoDuration(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(h|ms|us|µs|ns|m|s)/gy;
  let total = 0;
  let matched = 0;
  const t = text.trim();
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const n = Number(m[1]);
    total += n * ({ h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, µs: 1e-6, ns: 1e-9 } as Record<string, number>)[m[2]];
    matched = re.lastIndex;
  }
  return matched > 0 && matched === t.length ? total : undefined;
}

/** A short human form of an uptime: 1d 2h, 26m, 40s. */
export function formatUptime(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m`;
  return `${Math.floor(seconds)}s`;
}

export function parseClusterInfo(rows: Row[]): ClusterInstance[] {
  return rows.map((r) => {
    const uptime = str(r.UPTIME);
    return {
      type: str(r.TYPE).toLowerCase(),
      instance: str(r.INSTANCE),
      statusAddress: str(r.STATUS_ADDRESS),
      version: str(r.VERSION),
      gitHash: str(r.GIT_HASH),
      startTime: str(r.START_TIME),
      uptime,
      uptimeSeconds: parseGoDuration(uptime),
    };
  });
}

/** Instances grouped by type in the order a TiDB operator thinks of them. */
export function groupTopology(instances: ClusterInstance[]): Array<{ type: string; instances: ClusterInstance[] }> {
  const order = ['tidb', 'pd', 'tikv', 'tiflash', 'ticdc', 'tiproxy', 'tso', 'scheduling'];
  const groups = new Map<string, ClusterInstance[]>();
  for (const i of instances) groups.set(i.type, [...(groups.get(i.type) ?? []), i]);
  const rank = (t: string) => (order.indexOf(t) === -1 ? order.length : order.indexOf(t));
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0])).map(([type, list]) => ({ type, instances: list }));
}

export function parseTiflashReplicas(rows: Row[]): TiFlashReplica[] {
  return rows.map((r) => ({
    schema: str(r.TABLE_SCHEMA),
    table: str(r.TABLE_NAME),
    tableId: Number(r.TABLE_ID ?? 0),
    replicaCount: Number(r.REPLICA_COUNT ?? 0),
    locationLabels: str(r.LOCATION_LABELS),
    available: Number(r.AVAILABLE ?? 0) === 1,
    progress: Math.max(0, Math.min(1, Number(r.PROGRESS ?? 0))),
  }));
}

/** "1 replica, available, 100%" */
export function describeReplica(r: TiFlashReplica): string {
  const pct = `${Math.floor(r.progress * 100)}%`;
  if (r.replicaCount === 1)
    return r.available
      ? l10n.t('{0} replica, available, {1} replicated', r.replicaCount, pct)
      : l10n.t('{0} replica, not available yet, {1} replicated', r.replicaCount, pct);
  return r.available
    ? l10n.t('{0} replicas, available, {1} replicated', r.replicaCount, pct)
    : l10n.t('{0} replicas, not available yet, {1} replicated', r.replicaCount, pct);
}

export async function clusterInfo(c: Pick<mysql.Connection, 'query'>): Promise<ClusterInstance[]> {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    'SELECT TYPE, INSTANCE, STATUS_ADDRESS, VERSION, GIT_HASH, START_TIME, UPTIME FROM INFORMATION_SCHEMA.CLUSTER_INFO',
  );
  return parseClusterInfo(rows);
}

/** TiFlash replicas of a database (or of every database). */
export async function tiflashReplicas(c: Pick<mysql.Connection, 'query'>, db?: string): Promise<TiFlashReplica[]> {
  const [rows] =
    db === undefined
      ? await c.query<mysql.RowDataPacket[]>('SELECT * FROM INFORMATION_SCHEMA.TIFLASH_REPLICA ORDER BY TABLE_SCHEMA, TABLE_NAME')
      : await c.query<mysql.RowDataPacket[]>(
          'SELECT * FROM INFORMATION_SCHEMA.TIFLASH_REPLICA WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME',
          [db],
        );
  return parseTiflashReplicas(rows);
}
