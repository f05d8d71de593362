// npm run bench (backup part): logical export and import of a generated MariaDB
// database, side by side with mariadb-dump (mysqldump) and the mariadb (mysql) client
// on the same data in the same run. Size: BENCH_BACKUP_MB (default 1024). Prints numbers.
// Targets: export at least as fast as mysqldump; import within 1.5x of the mysql client.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportLogical } from '../../client/src/backup/logical/export';
import { importLogical, verifyAgainstManifest } from '../../client/src/backup/logical/import';
import { connect, detectServer } from '../../client/src/connections/driver';
import { startMariaDb } from '../../scripts/launcher/mariadb';

const MB = Number(process.env.BENCH_BACKUP_MB ?? 1024);

function time(cmd: string, args: string[], opts: { stdinFile?: string; stdoutFile?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, {
      stdio: [
        opts.stdinFile ? fs.openSync(opts.stdinFile, 'r') : 'ignore',
        opts.stdoutFile ? fs.openSync(opts.stdoutFile, 'w') : 'ignore',
        'pipe',
      ],
    });
    let err = '';
    p.stderr!.on('data', (d) => (err += d));
    p.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${cmd} exited ${code}: ${err}`))));
  });
}

async function main(): Promise<void> {
  const db = await startMariaDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-bench-backup-'));
  try {
    const admin = await db.admin();
    await admin.query('CREATE DATABASE bench');
    await admin.query('USE bench');
    // rows of ~420 bytes of SQL each: ints, a decimal, a datetime, text with quotes and backslashes, a blob
    const rows = Math.round((MB * 1024 * 1024) / 420);
    const tables = 4;
    const t0 = performance.now();
    for (let t = 0; t < tables; t++) {
      await admin.query(
        `CREATE TABLE t${t} (id BIGINT PRIMARY KEY, n INT, d DECIMAL(20,6), ts DATETIME(6), s VARCHAR(300), b VARBINARY(64), KEY (n)) ENGINE=InnoDB`,
      );
      const per = Math.ceil(rows / tables);
      for (let start = 1; start <= per; start += 500_000) {
        const end = Math.min(per, start + 499_999);
        await admin.query(
          `INSERT INTO t${t} SELECT seq, seq % 1000, seq / 7, '2024-01-01' + INTERVAL seq SECOND, CONCAT(REPEAT('x', 200), 'it''s \\\\ ', seq, REPEAT('y', 80)), UNHEX(SHA2(seq, 256)) FROM seq_${start}_to_${end}`,
        );
      }
    }
    const [[size]] = (await admin.query(
      "SELECT ROUND(SUM(DATA_LENGTH) / 1048576) AS mb FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'bench'",
    )) as unknown as [[{ mb: number }]];
    console.log(
      `backup bench: ${rows.toLocaleString('en-US')} rows in ${tables} tables, ${size.mb} MB of InnoDB data (generated in ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
    const auth = ['--protocol=TCP', '-h', '127.0.0.1', '-P', String(db.port), '-u', db.user, `-p${db.password}`];
    const dumpFile = path.join(dir, 'mysqldump.sql');
    const ours = path.join(dir, 'ours.sql');
    const profile = { id: 'b', name: 'b', host: '127.0.0.1', port: db.port, user: db.user, tls: 'off' as const };
    const probe = await connect(profile, db.password);
    const server = await detectServer(probe);
    await probe.end();
    // Each side twice, alternating (dump, ours, ours, dump), best of two, with the previous
    // run's gigabyte flushed to disk first: a writer started while the last one's writeback
    // is still going is slowed by it, so the order mattered (measured up to 25%).
    const settle = () => time('sync', []);
    const runDump = async () => {
      await settle();
      return time('mariadb-dump', [...auth, '--single-transaction', '--skip-lock-tables', '--databases', 'bench'], {
        stdoutFile: dumpFile,
      });
    };
    let manifest!: Awaited<ReturnType<typeof exportLogical>>;
    const runOurs = async () => {
      await settle();
      const e0 = performance.now();
      manifest = await exportLogical({ get: () => connect(profile, db.password), release: async (c) => void (await c.end()) }, server, {
        databases: ['bench'],
        file: ours,
        parallel: process.env.BENCH_BACKUP_PARALLEL ? Number(process.env.BENCH_BACKUP_PARALLEL) : undefined,
      });
      return performance.now() - e0;
    };
    const dumpRuns = [await runDump()];
    const ourRuns = [await runOurs(), await runOurs()];
    dumpRuns.push(await runDump());
    const dumpMs = Math.min(...dumpRuns);
    const exportMs = Math.min(...ourRuns);
    const secs = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(1)).join(', ');
    const sizeMb = (f: string) => (fs.statSync(f).size / 1048576).toFixed(0);
    console.log(
      `  export: ours ${(exportMs / 1000).toFixed(1)} s (runs ${secs(ourRuns)}; ${sizeMb(ours)} MB), mariadb-dump ${(dumpMs / 1000).toFixed(1)} s (runs ${secs(dumpRuns)}; ${sizeMb(dumpFile)} MB): ours/mysqldump = ${(exportMs / dumpMs).toFixed(2)} (target ≤ 1.00)`,
    );
    await admin.query('DROP DATABASE bench');
    const clientMs = await time('mariadb', [...auth, '--default-character-set=utf8mb4'], { stdinFile: dumpFile });
    await admin.query('DROP DATABASE bench');
    const conn = await connect({ ...profile }, db.password);
    const i0 = performance.now();
    await importLogical(conn, ours);
    const importMs = performance.now() - i0;
    const v0 = performance.now();
    const v = await verifyAgainstManifest(conn, manifest);
    const verifyMs = performance.now() - v0;
    await conn.end();
    console.log(
      `  import: ours ${(importMs / 1000).toFixed(1)} s, mariadb client (its own dump) ${(clientMs / 1000).toFixed(1)} s: ours/mysql = ${(importMs / clientMs).toFixed(2)} (target ≤ 1.50); verify ${(verifyMs / 1000).toFixed(1)} s, ${v.ok ? 'all checksums match' : 'MISMATCH'}`,
    );
    await admin.end();
  } finally {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
