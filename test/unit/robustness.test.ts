// No-crash property test: random and mutated SQL never makes the engine throw
// or a rule fail (internal-error), and every call returns. The time bound is a
// hang guard, far above real costs; speed is measured in `npm run bench`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintText } from '../../core/lint/engine';
import { RULES } from '../../core/lint/rules';

const HANG_GUARD_MS = 30_000;

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function check(sql: string, label: string, version = '8.5') {
  const t0 = performance.now();
  let findings;
  try {
    findings = lintText(sql, RULES, { config: { targetVersion: version } }).findings;
  } catch (e) {
    assert.fail(`${label}: engine threw ${(e as Error).stack}\n--- input (first 300 chars) ---\n${sql.slice(0, 300)}`);
  }
  const ms = performance.now() - t0;
  assert.ok(ms < HANG_GUARD_MS, `${label}: took ${ms.toFixed(0)} ms`);
  const ie = findings.filter((f) => f.ruleId === 'internal-error');
  assert.deepEqual(
    ie.map((f) => f.message),
    [],
    `${label}: a rule failed on\n${sql.slice(0, 500)}`,
  );
  for (const f of findings) assert.ok(f.start >= 0 && f.end <= sql.length && f.start <= f.end, `${label}: bad range ${f.start}-${f.end}`);
}

function seeds(): string[] {
  const out: string[] = [];
  const corpus = path.resolve(__dirname, '../fixtures/corpus/cases.jsonl');
  if (fs.existsSync(corpus)) {
    for (const l of fs.readFileSync(corpus, 'utf8').split('\n')) if (l.trim()) out.push(JSON.parse(l).sql);
  } else {
    console.log(`note: ${corpus} is absent; mutating the examples only`);
  }
  const ex = path.resolve(__dirname, '../../examples');
  for (const f of fs.readdirSync(ex)) out.push(fs.readFileSync(path.join(ex, f), 'utf8'));
  return out;
}

const PIECES = [
  'SELECT',
  'FROM',
  'WHERE',
  '(',
  ')',
  ',',
  ';',
  "'",
  '"',
  '`',
  '/*',
  '*/',
  '/*!50003',
  '/*T![x]',
  '--',
  '#',
  '\n',
  'DELIMITER',
  '$$',
  'CREATE',
  'TABLE',
  'ALTER',
  'ADD',
  'INDEX',
  'PRIMARY',
  'KEY',
  'PARTITION',
  'BY',
  'BEGIN',
  'END',
  'CASE',
  'JOIN',
  'ON',
  'IN',
  'AS',
  'SET',
  '@@global.x',
  '@a',
  '=',
  '1',
  '0x',
  "X'",
  'NULL',
  'DEFAULT',
  'AUTO_RANDOM',
  'AUTO_INCREMENT',
  'CHARACTER',
  'COLLATE',
  'VALUES',
  'INSERT',
  'INTO',
  'UPDATE',
  'DELETE',
  'LIMIT',
  'GROUP',
  'ORDER',
  'WITH',
  'MODIFY',
  'CHANGE',
  'COLUMN',
  'DROP',
  'LOCK',
  'FOR',
  'SHARE',
  'USE',
  'CALL',
  'GET_LOCK(',
  'CAST(',
  'ARRAY',
  'CHECK',
  'FOREIGN',
  'REFERENCES',
];

test('truncated and mutated corpus statements never crash a rule', () => {
  const r = rng(42);
  const inputs = seeds();
  for (let n = 0; n < 1500; n++) {
    const src = inputs[Math.floor(r() * inputs.length)];
    let s = src;
    const op = n % 4;
    if (op === 0) s = src.slice(0, Math.floor(r() * (src.length + 1)));
    else if (op === 1) s = src.slice(Math.floor(r() * src.length));
    else if (op === 2) {
      const i = Math.floor(r() * src.length);
      s = src.slice(0, i) + PIECES[Math.floor(r() * PIECES.length)] + ' ' + src.slice(i + Math.floor(r() * 4));
    } else {
      const parts: string[] = [];
      for (let k = 0; k < 4; k++) {
        const i = Math.floor(r() * src.length);
        parts.push(src.slice(i, i + Math.floor(r() * 40)));
      }
      s = parts.join(PIECES[Math.floor(r() * PIECES.length)]);
    }
    check(s, `mutation #${n}`, ['8.5', '6.1', '5.0', '7.1'][n % 4]);
  }
});

test('random token soup and random bytes never crash', () => {
  const r = rng(7);
  for (let n = 0; n < 400; n++) {
    const len = 1 + Math.floor(r() * 60);
    const toks: string[] = [];
    for (let k = 0; k < len; k++) toks.push(PIECES[Math.floor(r() * PIECES.length)]);
    check(toks.join(r() < 0.5 ? ' ' : ''), `soup #${n}`);
    const bytes = Buffer.alloc(Math.floor(r() * 200));
    for (let k = 0; k < bytes.length; k++) bytes[k] = Math.floor(r() * 256);
    check(bytes.toString('utf8'), `bytes #${n}`);
    check(bytes.toString('latin1'), `latin1 #${n}`);
  }
});

test('deeply nested parentheses', () => {
  const depth = 20_000;
  check(`SELECT ${'('.repeat(depth)}1${')'.repeat(depth)} FROM t;`, 'balanced nesting');
  check(`SELECT * FROM t WHERE a IN ${'(SELECT a FROM t WHERE a IN '.repeat(2000)}(1)${')'.repeat(2000)};`, 'nested subqueries');
  check(`CREATE TABLE t (a INT DEFAULT ${'('.repeat(depth)}`, 'unbalanced open');
  check(`ALTER TABLE t ADD COLUMN c INT ${')'.repeat(depth)}`, 'unbalanced close');
});

test('a single 5 MB line', () => {
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const row = `(${i},'it''s \\\\ row ${i}',NULL,0x${((i * 2654435761) >>> 0).toString(16)},NOW())`;
    rows.push(row);
    size += row.length + 1;
  }
  check(`INSERT INTO t (a,b,c,d,e) VALUES ${rows.join(',')};`, '5 MB INSERT');
  check(`SELECT ${'a + '.repeat(1_300_000)}1 FROM t WHERE x IN (${'1,'.repeat(10_000)}1)`, '5 MB expression');
  check(`'${'x'.repeat(5 * 1024 * 1024)}`, '5 MB unterminated string');
});

test('20,000 nested subqueries: every level is still analysed (query blocks in one pass, WHERE ranges scanned once)', () => {
  let q = 'SELECT 1';
  for (let i = 0; i < 20_000; i++) q = `SELECT a FROM t${i} WHERE ${i % 1000 === 0 ? `YEAR(d${i}) = 2020 AND ` : ''}x IN (${q})`;
  const r = lintText(`${q};\n`, RULES, {});
  const fn = r.findings.filter((f) => f.ruleId === 'function-on-column-in-where');
  assert.equal(fn.length, 20, 'one finding per level that has YEAR(col) = constant');
  assert.ok(!r.findings.some((f) => f.ruleId === 'internal-error'));
});
