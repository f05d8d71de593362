// npm start: opens the packaged extension in a browser-based VS Code
// (code-server on 127.0.0.1, installed on first use into the user's cache) with
// examples/ as the workspace. When Debian's MariaDB is installed it also starts
// a throwaway MariaDB with a small shop schema and saves a connection to it, so
// the explorer and Run Statement work at once. Ctrl+C stops everything and
// removes the temporary profile and data directory.
//
// Nothing here comes from test/: the launcher lives in scripts/launcher and the
// tests import it from there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCodeServer, prepareProfile, ROOT, startCodeServer, type Instance } from './launcher/codeServer';
import { InstallError } from './launcher/install';
import { mariaDbMissing, startMariaDb, type MariaDb } from './launcher/mariadb';
import { seed } from './launcher/sample';

const say = (line = '') => process.stdout.write(`${line}\n`);

async function demoDatabase(): Promise<MariaDb | undefined> {
  const missing = mariaDbMissing();
  if (missing) {
    say(`No demo database: ${missing}`);
    say('  VS Code opens anyway: linting, the plan viewer and everything but connections work without it.');
    say('  For the demo database: sudo apt-get install -y mariadb-server   (then npm start again; nothing to configure)');
    return undefined;
  }
  try {
    const db = await startMariaDb();
    await seed(db);
    return db;
  } catch (e) {
    say(`No demo database: ${(e as Error).message}`);
    return undefined;
  }
}

function tour(url: string, db: MariaDb | undefined): void {
  say('');
  say('TiDB Toolkit is running in VS Code (code-server). Open:');
  say('');
  say(`  ${url}`);
  say('');
  say('Things to try first (examples/TOUR.md has the same list):');
  say('  1. Open migration-v42.sql: squiggles on what TiDB rejects or runs differently. Put the cursor on');
  say('     LOCK IN SHARE MODE (line 6) and press Ctrl+. for the quick fix; hover a squiggle for the docs.');
  say('  2. Open plan-analyze.txt, press Ctrl+A, then F1 > "TiDB: Visualize Plan from Text": the plan tree with advice.');
  if (db) {
    say("  3. TiDB view in the activity bar > 'Local MariaDB (demo)': expand it (password below) to browse shop.");
    say('     Open demo-queries.sql, put the cursor in a statement and press Ctrl+Enter: the results grid.');
    say("  4. Right-click the 'shop' database > Backup…: a verified logical backup, listed in the Backups view.");
    say('');
    say(`Demo database: a throwaway MariaDB on 127.0.0.1:${db.port} with a 'shop' database, only until you stop this.`);
    say(`  When VS Code asks for the password of 'Local MariaDB (demo)', enter: ${db.password}`);
  } else {
    say('  3. With a TiDB of your own: TiDB view > Add Connection, paste a mysql:// URL (TiDB Cloud gives one).');
  }
  say('');
  say('Press Ctrl+C to stop.');
}

async function main(): Promise<void> {
  let cs;
  try {
    cs = await ensureCodeServer((l) => say(l));
  } catch (e) {
    if (e instanceof InstallError) {
      process.stderr.write(`\nnpm start could not install the browser VS Code: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const db = await demoDatabase();
  const settings = db
    ? {
        'tidb.connections': [
          { id: 'demo', name: 'Local MariaDB (demo)', host: '127.0.0.1', port: db.port, user: db.user, database: 'shop', tls: 'off' },
        ],
      }
    : {};
  let dirs: ReturnType<typeof prepareProfile> | undefined;
  let inst: Instance | undefined;
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('\nStopping code-server…');
    await inst?.stop();
    await db?.stop();
    if (dirs) fs.rmSync(dirs.root, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  try {
    dirs = prepareProfile(cs, settings);
    inst = await startCodeServer(cs, dirs, { smokeTestDriver: false, port });
  } catch (e) {
    process.stderr.write(`npm start: ${(e as Error).message}\n`);
    return stop(1);
  }
  const folder = path.join(ROOT, 'examples');
  tour(`${inst.url}/?folder=${encodeURIComponent(folder)}`, db);
}

main().catch((e) => {
  process.stderr.write(`npm start failed: ${(e as Error).message}\n`);
  process.exit(1);
});
