// The language server through the real protocol (dist/server.js over stdio):
const MB = 1024 * 1024;
//  - one-character didChange in a 5,000-statement file -> publishDiagnostics, p50/p95 over 200 edits
//  - time to first diagnostics after opening a 20 MB dump
//  - server RSS, and the longest event-loop block while it worked
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerStatsRequest } from '../../protocol/lsp';
import { LspClient } from '../lsp/connection';
import { cleanMigration, dump, migration } from './sqlGen';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const client = new LspClient();
  await client.initialize();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-lsp-bench-'));
  try {
    let t0 = 0;
    for (const [label, text] of [
      ['typical, ~5% of statements flagged', cleanMigration(5000)],
      ['dense, most statements flagged', migration(5000)],
    ]) {
      // edits in a 5,000-statement file
      const uri = pathToFileURL(path.join(work, `migration-${label.length}.sql`)).href;
      t0 = performance.now();
      await client.open(uri, text);
      const openMs = performance.now() - t0;
      await client.conn.sendRequest(ServerStatsRequest.method);
      const lines = text.split('\n');
      const times: number[] = [];
      for (let k = 0; k < 200; k++) {
        const line = 2 + ((k * 37) % 4990);
        const character = Math.min(10, lines[line].length);
        t0 = performance.now();
        await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: k % 2 ? ' ' : 'x' }]);
        times.push(performance.now() - t0);
      }
      const editStats = (await client.conn.sendRequest(ServerStatsRequest.method)) as ServerStatsRequest.Result;
      const diagnostics = client.published.filter((x) => x.uri === uri).pop()?.diagnostics.length ?? 0;
      console.log(
        `LSP: 5,000-statement file, ${label} (${(text.length / MB).toFixed(2)} MB, ${diagnostics} diagnostics): first diagnostics ${openMs.toFixed(0)} ms; one-character edit -> publishDiagnostics p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (200 edits); longest event-loop block ${editStats.maxEventLoopDelayMs.toFixed(0)} ms`,
      );
    }

    // a 20 MB dump
    const big = dump(20 * MB);
    const bigUri = pathToFileURL(path.join(work, 'dump.sql')).href;
    t0 = performance.now();
    const ds = await client.open(bigUri, big);
    const bigMs = performance.now() - t0;
    const stats = (await client.conn.sendRequest(ServerStatsRequest.method)) as ServerStatsRequest.Result;
    console.log(
      `LSP: ${(big.length / MB).toFixed(1)} MB dump: first diagnostics ${bigMs.toFixed(0)} ms (${ds.length} diagnostics); server RSS ${(stats.rssBytes / MB).toFixed(0)} MB; longest event-loop block ${stats.maxEventLoopDelayMs.toFixed(0)} ms`,
    );
  } finally {
    await client.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
