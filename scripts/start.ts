// npm start: opens the packaged extension in a browser-based VS Code
// (code-server on 127.0.0.1, cached by the e2e harness) with examples/ as the
// workspace. Ctrl+C stops it and removes the temporary profile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCodeServer, prepareProfile, ROOT, startCodeServer } from '../test/e2e/codeServer';

async function main(): Promise<void> {
  const cs = await ensureCodeServer();
  const dirs = prepareProfile(cs);
  const inst = await startCodeServer(cs, dirs, { smokeTestDriver: false });
  const folder = path.join(ROOT, 'examples');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping code-server...\n');
    await inst.stop();
    fs.rmSync(dirs.root, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.stdout.write(`\nTiDB Toolkit is running in VS Code (code-server) at:\n\n  ${inst.url}/?folder=${encodeURIComponent(folder)}\n\nOpen a .sql file to see TiDB diagnostics, hovers and quick fixes. Press Ctrl+C to stop.\n`);
}

main().catch((e) => {
  process.stderr.write(`npm start failed: ${(e as Error).message}\n`);
  process.exit(1);
});
