// The language server through the real protocol (dist/server.js over stdio), now and before issue 16
// (test/bench/baseline.mjs), each workload on both alternately:
//  - one-character didChange in a 5,000-statement file -> publishDiagnostics, p50/p95 over 200 edits
//    (targets: p95 ≤ 10 ms on the typical file, ≤ 40 ms on the dense one)
//  - time to first diagnostics after opening a 20 MB dump, then edits in it; the longest event-loop
//    block while it worked (target ≤ 50 ms)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerStatsRequest } from '../../protocol/lsp';
import { LspClient, SERVER } from '../lsp/connection';
import { cleanMigration, dump, migration } from './sqlGen';

const MB = 1024 * 1024;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function edits(server: string, work: string, text: string, n: number) {
  const client = new LspClient(server);
  await client.initialize();
  try {
    const uri = pathToFileURL(path.join(work, `f-${Math.random().toString(36).slice(2)}.sql`)).href;
    let t0 = performance.now();
    const first = await client.open(uri, text);
    const openMs = performance.now() - t0;
    const lines = text.split('\n');
    const times: number[] = [];
    for (let k = 0; k < n; k++) {
      const line = 2 + ((k * 37) % Math.max(1, lines.length - 10));
      const character = Math.min(10, lines[line].length);
      t0 = performance.now();
      await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: k % 2 ? ' ' : 'x' }]);
      times.push(performance.now() - t0);
    }
    const stats = (await client.conn.sendRequest(ServerStatsRequest.method)) as ServerStatsRequest.Result;
    return { openMs, diagnostics: first.length, times, block: stats.maxEventLoopDelayMs, rssMB: stats.rssBytes / MB };
  } finally {
    await client.stop();
  }
}

async function main() {
  const { baseline } = (await import(pathToFileURL(path.join(__dirname, 'baseline.mjs')).href)) as {
    baseline: () => Promise<{ rev: string; server: string } | undefined>;
  };
  const before = await baseline();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-lsp-bench-'));
  const line = (r: Awaited<ReturnType<typeof edits>>) =>
    `p50 ${pct(r.times, 50).toFixed(1)} ms, p95 ${pct(r.times, 95).toFixed(1)} ms, max ${Math.max(...r.times).toFixed(1)} ms; first diagnostics ${r.openMs.toFixed(0)} ms; longest event-loop block ${r.block.toFixed(0)} ms`;
  try {
    for (const [label, text, target] of [
      ['typical, ~5% of statements flagged', cleanMigration(5000), 'target p95 ≤ 10 ms'],
      ['dense, most statements flagged', migration(5000), 'target p95 ≤ 40 ms'],
    ] as const) {
      const now = await edits(SERVER, work, text, 200);
      const was = before ? await edits(before.server, work, text, 200) : undefined;
      console.log(
        `LSP: 5,000-statement file, ${label} (${(text.length / MB).toFixed(2)} MB, ${now.diagnostics} diagnostics), one-character edit -> publishDiagnostics (${target}):`,
      );
      console.log(`  now    ${line(now)}`);
      if (was) console.log(`  before ${line(was)}`);
    }
    const big = dump(20 * MB);
    const now = await edits(SERVER, work, big, 20);
    const was = before ? await edits(before.server, work, big, 20) : undefined;
    console.log(`LSP: ${(big.length / MB).toFixed(1)} MB dump opened and edited 20 times (target: no event-loop block over 50 ms):`);
    console.log(`  now    ${line(now)}; server RSS ${now.rssMB.toFixed(0)} MB`);
    if (was) console.log(`  before ${line(was)}; server RSS ${was.rssMB.toFixed(0)} MB`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
