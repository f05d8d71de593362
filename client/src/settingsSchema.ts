// Every setting the extension reads, typed, with its default taken from the schema
// package.json contributes: one definition, no hand-copied defaults. No VS Code
// imports (the unit tests read it); `settings.ts` reads the values.
import { contributes } from '../../package.json';

/** The `tidb.*` settings by key (without the `tidb.` prefix) and their types. */
export interface Settings {
  'lint.enable': boolean;
  'lint.targetVersion': string;
  'lint.rules': Record<string, string>;
  'trace.server': 'off' | 'messages' | 'verbose';
  connections: unknown[];
  'connection.connectTimeout': number;
  'query.rowLimit': number;
  'query.timeout': number;
  'query.tableDataRows': number;
  'performance.maxExecutionTimeMs': number;
  'localCluster.operatorVersion': string;
  'localCluster.operatorManifests': string;
  'localCluster.minioImage': string;
  'backup.brImage': string;
  'backup.s3Endpoint': string;
}

export const SETTING_KEYS = [
  'lint.enable',
  'lint.targetVersion',
  'lint.rules',
  'trace.server',
  'connections',
  'connection.connectTimeout',
  'query.rowLimit',
  'query.timeout',
  'query.tableDataRows',
  'performance.maxExecutionTimeMs',
  'localCluster.operatorVersion',
  'localCluster.operatorManifests',
  'localCluster.minioImage',
  'backup.brImage',
  'backup.s3Endpoint',
] as const satisfies readonly (keyof Settings)[];

// a key of Settings missing from SETTING_KEYS fails the typecheck here
type Missing = Exclude<keyof Settings, (typeof SETTING_KEYS)[number]>;
const everyKeyListed: [Missing] extends [never] ? true : Missing = true;
void everyKeyListed;

const schema: Record<string, { default?: unknown }> = Object.assign(
  {},
  ...contributes.configuration.map((section) => section.properties as unknown as Record<string, { default?: unknown }>),
);

/** A setting's default, as package.json declares it. */
export function defaultOf<K extends keyof Settings>(key: K): Settings[K] {
  const p = schema[`tidb.${key}`];
  if (!p) throw new Error(`tidb.${key} is not contributed in package.json`);
  return p.default as Settings[K];
}
