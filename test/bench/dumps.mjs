// Generated SQL files for the CLI bench, written in pieces (100 MB files never sit in memory).
import * as fs from 'node:fs';

export const MB = 1024 * 1024;

export function rng(seed) {
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

function writer(file) {
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let buf = [];
  let pending = 0;
  const flush = () => {
    if (buf.length) fs.writeSync(fd, buf.join(''));
    buf = [];
    pending = 0;
  };
  return {
    w(s) {
      buf.push(s);
      const n = Buffer.byteLength(s);
      written += n;
      pending += n;
      if (pending > 4 * MB) flush();
    },
    get written() {
      return written;
    },
    close() {
      flush();
      fs.closeSync(fd);
      return written;
    },
  };
}

const HEADER =
  "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: 127.0.0.1    Database: shop\n-- ------------------------------------------------------\n-- Server version\t8.0.36\n\n/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;\n/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;\n/*!50503 SET NAMES utf8mb4 */;\n/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;\n\n";
const FOOTER =
  '/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n\n/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;\n/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;\n/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;\n/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;\n/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;\n/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;\n\n-- Dump completed on 2024-05-01 12:00:00\n';

function tableDdl(name, t) {
  return `--\n-- Table structure for table \`${name}\`\n--\n\nDROP TABLE IF EXISTS \`${name}\`;\n/*!40101 SET @saved_cs_client     = @@character_set_client */;\n/*!50503 SET character_set_client = utf8mb4 */;\nCREATE TABLE \`${name}\` (\n  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,\n  \`customer_id\` int NOT NULL,\n  \`email\` varchar(255) COLLATE utf8mb4_0900_ai_ci NOT NULL,\n  \`note\` text,\n  \`amount\` decimal(12,2) NOT NULL DEFAULT '0.00',\n  \`payload\` json DEFAULT NULL,\n  \`flags\` bit(8) NOT NULL DEFAULT b'0',\n  \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n  PRIMARY KEY (\`id\`),\n  KEY \`idx_customer\` (\`customer_id\`),\n  KEY \`idx_created\` (\`created_at\`)\n) ENGINE=InnoDB AUTO_INCREMENT=${1000 + t} DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;\n/*!40101 SET character_set_client = @saved_cs_client */;\n\n`;
}

function row(r, id) {
  const word = WORDS[Math.floor(r() * WORDS.length)];
  return `(${id},${Math.floor(r() * 1e6)},'user${id}@example.com','${esc(word)} ${esc(WORDS[id % WORDS.length])}',${(r() * 1e4).toFixed(2)},'{\\"k\\": ${id}, \\"s\\": \\"${esc(word)}\\"}',_binary '\\0',${r() < 0.1 ? 'NULL' : `'2024-0${1 + (id % 9)}-1${id % 10} 12:34:56.123456'`})`;
}

/**
 * A mysqldump file as it comes from a real schema: many tables, each with its DDL, the usual
 * `/*!…*\/` and LOCK TABLES wrappers, and extended INSERTs of `rowsPerInsert` rows (180 rows ≈ 25 KB
 * lines, as mysqldump writes them for small tables). `bigInserts` gives ~1 MB INSERT lines instead.
 */
export function makeDump(file, bytes, { seed = 1, rowsPerInsert = 180, insertsPerTable = 1, bigInserts = false } = {}) {
  const r = rng(seed);
  const out = writer(file);
  out.w(HEADER);
  let t = 0;
  while (out.written < bytes) {
    const name = `table_${t++}`;
    out.w(tableDdl(name, t));
    out.w(
      `--\n-- Dumping data for table \`${name}\`\n--\n\nLOCK TABLES \`${name}\` WRITE;\n/*!40000 ALTER TABLE \`${name}\` DISABLE KEYS */;\n`,
    );
    let id = 0;
    for (let s = 0; s < (bigInserts ? 8 : insertsPerTable) && out.written < bytes; s++) {
      const rows = [];
      if (bigInserts) for (let len = 0; len < MB; ) len += rows[rows.push(row(r, ++id)) - 1].length + 1;
      else for (let k = 0; k < rowsPerInsert; k++) rows.push(row(r, ++id));
      out.w(`INSERT INTO \`${name}\` VALUES ${rows.join(',')};\n`);
    }
    out.w(`/*!40000 ALTER TABLE \`${name}\` ENABLE KEYS */;\nUNLOCK TABLES;\n\n`);
  }
  out.w(FOOTER);
  return { bytes: out.close(), tables: t };
}

/**
 * Many short statements: a dump made with --skip-extended-insert (one INSERT per row) with the
 * DML an application log holds in between (point UPDATEs, DELETEs, SELECTs by key).
 */
export function makeShortStatements(file, bytes, seed = 3) {
  const r = rng(seed);
  const out = writer(file);
  out.w(HEADER);
  let t = 0;
  let statements = 0;
  while (out.written < bytes) {
    const name = `table_${t++}`;
    out.w(tableDdl(name, t));
    out.w(`LOCK TABLES \`${name}\` WRITE;\n/*!40000 ALTER TABLE \`${name}\` DISABLE KEYS */;\n`);
    const lines = [];
    for (let id = 1; id <= 2000; id++) {
      lines.push(`INSERT INTO \`${name}\` VALUES ${row(r, id)};\n`);
      if (id % 50 === 0) lines.push(`UPDATE \`${name}\` SET amount = amount + 1 WHERE id = ${id};\n`);
      if (id % 97 === 0) lines.push(`SELECT id, email FROM \`${name}\` WHERE id = ${id - 1};\n`);
      if (id % 200 === 0) lines.push(`DELETE FROM \`${name}\` WHERE id = ${id - 2};\n`);
    }
    statements += lines.length;
    out.w(lines.join(''));
    out.w(`/*!40000 ALTER TABLE \`${name}\` ENABLE KEYS */;\nUNLOCK TABLES;\n\n`);
  }
  out.w(FOOTER);
  return { bytes: out.close(), statements };
}
