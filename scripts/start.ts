// npm start: opens the packaged extension in a browser-based VS Code
// (code-server on 127.0.0.1, cached by the e2e harness) with examples/ as the
// workspace. When Debian's MariaDB is installed it also starts a throwaway
// MariaDB with a small shop schema and saves a connection to it, so the
// explorer and Run Statement work at once. Ctrl+C stops everything and removes
// the temporary profile and data directory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startMariaDb, type MariaDb } from '../test/db/mariadb';
import { seed } from '../test/db/sample';
import { ensureCodeServer, prepareProfile, ROOT, startCodeServer } from '../test/e2e/codeServer';

async function demoDatabase(): Promise<MariaDb | undefined> {
  try {
    const db = await startMariaDb();
    await seed(db);
    return db;
  } catch (e) {
    process.stdout.write(`(No demo database: ${(e as Error).message})\n`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const cs = await ensureCodeServer();
  const db = await demoDatabase();
  const settings = db ? { 'tidb.connections': [{ id: 'demo', name: 'Local MariaDB (demo)', host: '127.0.0.1', port: db.port, user: db.user, database: 'shop', tls: 'off' }] } : {};
  const dirs = prepareProfile(cs, settings);
  const inst = await startCodeServer(cs, dirs, { smokeTestDriver: false });
  const folder = path.join(ROOT, 'examples');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping code-server...\n');
    await inst.stop();
    await db?.stop();
    fs.rmSync(dirs.root, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.stdout.write(`\nTiDB Toolkit is running in VS Code (code-server) at:\n\n  ${inst.url}/?folder=${encodeURIComponent(folder)}\n\nOpen a .sql file to see TiDB diagnostics, hovers and quick fixes.\n`);
  if (db) {
    process.stdout.write(`\nA throwaway MariaDB is running on 127.0.0.1:${db.port} with a 'shop' database; the TiDB view has a connection to it,\n'Local MariaDB (demo)'. When VS Code asks for its password, enter: ${db.password}\n(It exists only until you stop this command.) Then expand it, or open a .sql file and press Ctrl+Enter.\n`);
  }
  process.stdout.write('\nPress Ctrl+C to stop.\n');
}

main().catch((e) => {
  process.stderr.write(`npm start failed: ${(e as Error).message}\n`);
  process.exit(1);
});
