// tidb-schema-diff <source> <target>: the migration that makes the target's tables like the
// source's, on stdout, for CI ("does prod match the migrations folder?"). A source or target is a
// mysql:// URL with the database in its path (the password from the URL, or TIDB_PASSWORD), or a
// .sql file or a folder of them (their DDL replayed in version order: V2__ before V10__). Exit codes: 0 equal, 1 drift
// (the migration is printed), 2 usage or connection error. Never uses ADMIN CHECKSUM TABLE: data
// is out of scope here (sync-diff-inspector compares data).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { bundleDir, localeFromEnv, useLocale } from '../../../core/l10n';
import { diffSchemas, isEmpty, migration, migrationScript } from '../../../core/schemaDiff/diff';
import type { SchemaModel } from '../../../core/schemaDiff/model';
import { replayDdl, type Unreplayed } from '../../../core/schemaDiff/replay';
import { connect, detectServer } from '../connections/driver';
import { parseConnectionUrl } from '../connections/profile';
import { liveSchema, rowCounts } from './load';

/** The help text, in the language chosen (so not a module-level constant). */
function usage(): string {
  return l10n.t(`usage: tidb-schema-diff <source> <target> [--drop] [--assert-instant] [--flavor tidb|mysql|mariadb] [--locale en|zh-cn]
  source, target   mysql://user[:password]@host:port/database (or TIDB_PASSWORD), a .sql file, or a folder of .sql files
  --drop           drop the target's tables and columns the source lacks (default: listed as comments)
  --assert-instant on TiDB, add ALGORITHM=INSTANT to the steps that need no reorg
  --flavor         the target's product when it is a file or folder (default tidb; a URL's server says itself)
  --locale         the language of messages and the script's comments (default: from LANG)
exit: 0 equal, 1 drift (the migration is printed), 2 error`);
}

export interface Side {
  model: SchemaModel;
  label: string;
  flavor?: 'tidb' | 'mysql' | 'mariadb';
  rows?: Map<string, number>;
  /** schema statements in files the model does not replay (a partition operation, CONVERT TO …) */
  unreplayed?: Unreplayed[];
}

/** Reads one side: a live database or DDL files. */
export async function readSide(spec: string, env: NodeJS.ProcessEnv = process.env): Promise<Side> {
  if (/^(mysql|tidb|mariadb):\/\//i.test(spec)) {
    const { profile, password } = parseConnectionUrl(spec);
    if (!profile.database) throw new Error(l10n.t("{0}: name the database in the URL's path (mysql://host:4000/<database>)", redact(spec)));
    const c = await connect({ ...profile, id: 'diff', name: 'diff' }, password ?? env.TIDB_PASSWORD, 10_000);
    try {
      const server = await detectServer(c);
      return {
        model: await liveSchema(c, profile.database),
        label: `${redact(spec)} (${server.flavor} ${server.version})`,
        flavor: server.flavor,
        rows: await rowCounts(c, profile.database),
      };
    } finally {
      await c.end().catch(() => undefined);
    }
  }
  const files = sqlFiles(spec).map((f) => ({ name: f, text: fs.readFileSync(f, 'utf8') }));
  const r = replayDdl(files);
  return { model: r.model, label: spec, unreplayed: r.unreplayed };
}

/** A file or a folder's .sql files (sub-folders too) in migration order: numbers compare as numbers (V2__ before V10__). */
export function sqlFiles(p: string): string[] {
  const st = fs.statSync(p);
  if (st.isFile()) return [p];
  const order = new Intl.Collator('en', { numeric: true });
  return fs
    .readdirSync(p, { withFileTypes: true })
    .sort((a, b) => order.compare(a.name, b.name))
    .flatMap((e) => (e.isDirectory() ? sqlFiles(path.join(p, e.name)) : e.name.endsWith('.sql') ? [path.join(p, e.name)] : []));
}

/** A URL with its password hidden, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void, env = process.env): Promise<number> {
  // the language first, so a usage error is in it too
  const li = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  useLocale(
    localeFromEnv(env, li === -1 ? undefined : argv[li].includes('=') ? argv[li].split('=')[1] : argv[li + 1]),
    bundleDir(__dirname),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        drop: { type: 'boolean' },
        'assert-instant': { type: 'boolean' },
        flavor: { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    err(`tidb-schema-diff: ${(e as Error).message}\n${usage()}\n`);
    return 2;
  }
  if (parsed.values.help) {
    out(`${usage()}\n`);
    return 0;
  }
  if (parsed.positionals.length !== 2) {
    err(`${usage()}\n`);
    return 2;
  }
  const flavor = parsed.values.flavor as string | undefined;
  if (flavor && !['tidb', 'mysql', 'mariadb'].includes(flavor)) {
    err(`tidb-schema-diff: ${l10n.t("--flavor is tidb, mysql or mariadb, not '{0}'", flavor)}\n`);
    return 2;
  }
  let source: Side;
  let target: Side;
  try {
    source = await readSide(parsed.positionals[0], env);
    target = await readSide(parsed.positionals[1], env);
  } catch (e) {
    err(`tidb-schema-diff: ${(e as Error).message}\n`);
    return 2;
  }
  for (const s of [source, target])
    for (const u of s.unreplayed ?? [])
      err(`tidb-schema-diff: ${l10n.t('{0}: not replayed, {1}: {2}', `${u.file}:${u.line}`, u.why, u.statement)}\n`);
  const d = diffSchemas(source.model, target.model);
  if (isEmpty(d)) {
    const matches = l10n.t(
      '{0} matches {1} ({2} tables, {3} views)',
      target.label,
      source.label,
      source.model.tables.size,
      source.model.views.size,
    );
    err(`tidb-schema-diff: ${matches}\n`);
    return 0;
  }
  const steps = migration(d, {
    flavor: target.flavor ?? (flavor as Side['flavor']) ?? 'tidb',
    drop: !!parsed.values.drop,
    assertInstant: !!parsed.values['assert-instant'],
    rows: target.rows,
  });
  out(migrationScript(steps, l10n.t('makes {0} like {1}', target.label, source.label)));
  return 1;
}

if (require.main === module) {
  void main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  ).then((code) => {
    process.exitCode = code;
  });
}
