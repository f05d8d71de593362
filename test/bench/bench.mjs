// npm run bench: throughput and peak memory of the whole tidb-lint CLI run on
// generated files. Prints numbers; it is not a pass/fail test.
//   - mysqldump-style dumps of 25, 50 and 100+ MB (linear growth check)
//   - a 5,000-statement migration file
//   - for scale: node-sql-parser parsing every statement of a 2 MB dump slice
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.TIDB_LINT_CLI ?? path.join(root, 'dist/cli.js');
const rssHook = path.join(root, 'test/bench/rss.cjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-bench-'));
const MB = 1024 * 1024;

function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'alpha',
  "o'brien",
  'back\\slash',
  'new\nline',
  'tab\tbed',
  'ünïcode',
  '😀 emoji',
  'quote"d',
  'percent%',
  'semi;colon',
  '/* not a comment */',
  '-- nor this',
];

function esc(s) {
  return s.replace(/[\\'\n\t"]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\t': '\\t', '"': '\\"' })[c]);
}

/** Writes a mysqldump-style file of at least `bytes`. */
function makeDump(file, bytes, seed = 1) {
  const r = rng(seed);
  const fd = fs.openSync(file, 'w');
  let written = 0;
  const w = (s) => {
    fs.writeSync(fd, s);
    written += Buffer.byteLength(s);
  };
  w('-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: 127.0.0.1    Database: shop\n');
  w(
    "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!50503 SET NAMES utf8mb4 */;\n/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n\n",
  );
  let t = 0;
  while (written < bytes) {
    const name = `table_${t++}`;
    w(
      `--\n-- Table structure for table \`${name}\`\n--\n\nDROP TABLE IF EXISTS \`${name}\`;\n/*!40101 SET @saved_cs_client     = @@character_set_client */;\n/*!50503 SET character_set_client = utf8mb4 */;\n`,
    );
    w(
      `CREATE TABLE \`${name}\` (\n  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,\n  \`customer_id\` int NOT NULL,\n  \`email\` varchar(255) COLLATE utf8mb4_0900_ai_ci NOT NULL,\n  \`note\` text,\n  \`amount\` decimal(12,2) NOT NULL DEFAULT '0.00',\n  \`payload\` json DEFAULT NULL,\n  \`flags\` bit(8) NOT NULL DEFAULT b'0',\n  \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n  PRIMARY KEY (\`id\`),\n  KEY \`idx_customer\` (\`customer_id\`),\n  KEY \`idx_created\` (\`created_at\`)\n) ENGINE=InnoDB AUTO_INCREMENT=${1000 + t} DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;\n/*!40101 SET character_set_client = @saved_cs_client */;\n\n`,
    );
    w(
      `--\n-- Dumping data for table \`${name}\`\n--\n\nLOCK TABLES \`${name}\` WRITE;\n/*!40000 ALTER TABLE \`${name}\` DISABLE KEYS */;\n`,
    );
    // ~1 MB extended INSERTs, as mysqldump's default net buffer gives
    const statements = 8;
    for (let s = 0; s < statements && written < bytes; s++) {
      let stmt = `INSERT INTO \`${name}\` VALUES `;
      let id = s * 100000;
      const rows = [];
      let len = 0;
      while (len < MB) {
        const word = WORDS[Math.floor(r() * WORDS.length)];
        const row = `(${++id},${Math.floor(r() * 1e6)},'user${id}@example.com','${esc(word)} ${esc(WORDS[id % WORDS.length])}',${(r() * 1e4).toFixed(2)},'{\\"k\\": ${id}, \\"s\\": \\"${esc(word)}\\"}',_binary '\\0',${r() < 0.1 ? 'NULL' : `'2024-0${1 + (id % 9)}-1${id % 10} 12:34:56.123456'`})`;
        rows.push(row);
        len += row.length + 1;
      }
      stmt += rows.join(',') + ';\n';
      w(stmt);
    }
    w(`/*!40000 ALTER TABLE \`${name}\` ENABLE KEYS */;\nUNLOCK TABLES;\n\n`);
  }
  w('/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;\n-- Dump completed\n');
  fs.closeSync(fd);
  return written;
}

/** Writes a migration file of n statements: DDL and DML as application teams write them. */
function makeMigration(file, n, seed = 2) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = `t${i % 400}`;
    switch (i % 10) {
      case 0:
        out.push(
          `CREATE TABLE IF NOT EXISTS ${t} (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  name VARCHAR(100) CHARACTER SET utf8mb4 NOT NULL,\n  status ENUM('new','done') NOT NULL DEFAULT 'new',\n  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  KEY idx_created (created_at)\n) ENGINE=InnoDB;`,
        );
        break;
      case 1:
        out.push(`ALTER TABLE ${t} ADD COLUMN c${i} INT NOT NULL DEFAULT 0 AFTER name, ADD INDEX idx_c${i} (c${i});`);
        break;
      case 2:
        out.push(`ALTER TABLE ${t} MODIFY COLUMN name VARCHAR(${50 + (i % 200)}) NOT NULL;`);
        break;
      case 3:
        out.push(`CREATE INDEX idx_${i} ON ${t} (status, created_at DESC);`);
        break;
      case 4:
        out.push(`UPDATE ${t} SET status = 'done' WHERE id IN (${Array.from({ length: 20 }, (_, k) => i * 20 + k).join(', ')});`);
        break;
      case 5:
        out.push(`SELECT id, name FROM ${t} WHERE LOWER(name) LIKE '%${i}%' ORDER BY id LIMIT 10000, 50;`);
        break;
      case 6:
        out.push(`INSERT INTO ${t} (name) SELECT name FROM t${(i + 1) % 400};`);
        break;
      case 7:
        out.push(`DELETE FROM ${t} WHERE created_at < NOW() - INTERVAL ${Math.floor(r() * 90)} DAY;`);
        break;
      case 8:
        out.push(`SELECT status, COUNT(*) FROM ${t} GROUP BY status;`);
        break;
      default:
        out.push(`-- tidb-lint-disable-next-line destructive-ddl -- rebuilt below\nDROP TABLE IF EXISTS ${t}_old;`);
    }
  }
  const text = out.join('\n\n') + '\n';
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function runCli(file) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rssHook, cli, '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`tidb-lint exited ${r.status}: ${r.stderr}`);
  const m = /maxRSS=(\d+)/.exec(r.stderr);
  const findings = JSON.parse(r.stdout).reduce((a, x) => a + x.messages.length, 0);
  return { secs, rssMB: m ? Number(m[1]) / 1024 : NaN, findings };
}

function row(label, bytes, res) {
  const mb = bytes / MB;
  console.log(
    `${label.padEnd(34)} ${mb.toFixed(1).padStart(7)} MB ${res.secs.toFixed(2).padStart(7)} s ${(mb / res.secs).toFixed(1).padStart(7)} MB/s   peak RSS ${res.rssMB.toFixed(0).padStart(4)} MB   ${res.findings} findings`,
  );
}

try {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  console.log(`tidb-lint bench on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  console.log('whole CLI run (process start, read, lint, JSON output), best of 3:');
  const best = (file) => [runCli(file), runCli(file), runCli(file)].sort((a, b) => a.secs - b.secs)[0];
  const sizes = [25, 50, 100];
  const rates = [];
  for (const size of sizes) {
    const f = path.join(dir, `dump-${size}.sql`);
    const bytes = makeDump(f, size * MB + 1);
    const res = best(f);
    rates.push(bytes / MB / res.secs);
    row(`mysqldump-style dump`, bytes, res);
  }
  const mig = path.join(dir, 'migration.sql');
  const migBytes = makeMigration(mig, 5000);
  row('migration, 5,000 statements', migBytes, best(mig));
  console.log(`linear growth: throughput at 25/50/100 MB = ${rates.map((x) => x.toFixed(1)).join(' / ')} MB/s (flat = linear time)`);

  // For scale: node-sql-parser on every statement of a 2 MB slice of the dump.
  const require = createRequire(import.meta.url);
  const { Parser } = require('node-sql-parser/build/mysql');
  const slice = fs.readFileSync(path.join(dir, 'dump-25.sql'), 'utf8').slice(0, 2 * MB);
  const stmts = slice.split(/;\n/).slice(0, -1);
  const parser = new Parser();
  const t0 = performance.now();
  let failed = 0;
  for (const s of stmts) {
    try {
      parser.astify(s, { database: 'MySQL' });
    } catch {
      failed++;
    }
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `for scale: node-sql-parser on ${stmts.length} statements of a 2 MB slice: ${(2 / secs).toFixed(2)} MB/s (${failed} failed to parse)`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
