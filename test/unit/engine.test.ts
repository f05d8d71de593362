import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../core/lint/engine';
import { FileSchema, type SchemaProvider, type TableInfo } from '../../core/sql/schema';
import { defineRule } from '../../core/lint/rule';
import { RULES } from '../../core/lint/rules';
import { ids, lint } from '../helpers';

test('a rule that throws becomes an internal-error finding and the other rules still report', () => {
  const boom = defineRule({
    ...RULES.find((r) => r.meta.id === 'trigger')!.meta,
    examples: { flagged: [], clean: [] },
    check() {
      throw new Error('kaboom');
    },
  });
  const rules = [boom, ...RULES.filter((r) => r.meta.id !== 'trigger')];
  const r = lintText('CALL p();\nCREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;', rules);
  const byId = r.findings.map((f) => f.ruleId);
  assert.ok(byId.includes('stored-procedure'));
  const ie = r.findings.find((f) => f.ruleId === 'internal-error');
  assert.ok(ie);
  assert.match(ie.message, /'trigger'.*kaboom/);
  assert.equal(ie.severity, 'error');
});

test('version gating: since/until follow the target version', () => {
  const meta = (id: string) => ({ ...RULES.find((r) => r.meta.id === id)!.meta, examples: { flagged: [], clean: [] } });
  const onlyNew = defineRule({ ...meta('stored-procedure'), since: '7.0', check: (ctx) => ctx.report(0, 'x') });
  const onlyOld = defineRule({ ...meta('trigger'), until: '7.0', check: (ctx) => ctx.report(0, 'y') });
  const run = (v: string) => lintText('SELECT 1;', [onlyNew, onlyOld], { config: { targetVersion: v } }).findings.map((f) => f.ruleId);
  assert.deepEqual(run('6.5'), ['trigger']);
  assert.deepEqual(run('7.0'), ['stored-procedure']);
  assert.deepEqual(run('8.5.1'), ['stored-procedure']);
});

test('config: per-rule severity, off, and unknown rule ids are reported', () => {
  assert.equal(lint('CALL p();', '8.5', { 'stored-procedure': 'hint' })[0].severity, 'hint');
  assert.deepEqual(lint('CALL p();', '8.5', { 'stored-procedure': 'off' }), []);
  const f = lint('SELECT 1;', '8.5', { 'no-such-rule': 'error' } as never);
  assert.equal(f[0].ruleId, 'unknown-rule');
  assert.match(f[0].message, /no-such-rule/);
});

test('suppression: next line, disable/enable regions, whole file, and unknown ids', () => {
  const sql = [
    '-- tidb-lint-disable-next-line stored-procedure -- replaced in v43',
    'CALL a();',
    'CALL b();',
    '/* tidb-lint-disable stored-procedure */',
    'CALL c();',
    '/* tidb-lint-enable stored-procedure */',
    'CALL d();',
    '# tidb-lint-disable-next-line',
    'XA START "x";',
    '-- tidb-lint-disable-next-line not-a-rule',
    'CALL e();',
  ].join('\n');
  const f = lint(sql);
  const lines = f.map((x) => `${x.ruleId}@${sql.slice(0, x.start).split('\n').length}`);
  assert.deepEqual(lines, ['stored-procedure@3', 'stored-procedure@7', 'unknown-rule@10', 'stored-procedure@11']);
  assert.deepEqual(ids('-- tidb-lint-disable-file\nCALL a();\nXA START "x";'), []);
  assert.deepEqual(ids('-- tidb-lint-disable-file xa-transaction\nCALL a();\nXA START "x";'), ['stored-procedure']);
});

test('schema: a live schema provider is consulted after the file', () => {
  const live: TableInfo = { name: 'orders', columns: new Map(), indexes: new Set() };
  const provider: SchemaProvider = {
    table: (_db, name) => (name.toLowerCase() === 'orders' ? live : undefined),
    isView: (_db, name) => name === 'v_orders',
    database: () => undefined,
  };
  const fs = new FileSchema(provider);
  assert.equal(fs.table(undefined, 'ORDERS'), live);
  assert.equal(fs.isView('shop', 'v_orders'), true);
  fs.addTable({
    name: 'orders',
    columns: new Map([
      ['id', { name: 'id', type: 'BIGINT', args: [], unsigned: false, autoIncrement: false, autoRandom: false, defaultNow: false }],
    ]),
    indexes: new Set(),
  });
  assert.equal(fs.table(undefined, 'orders')!.columns.size, 1);
});

test('findings are sorted by position and carry exact ranges', () => {
  const sql = 'XA START "x";\nCALL p();';
  const f = lint(sql);
  assert.deepEqual(
    f.map((x) => sql.slice(x.start, x.end)),
    ['XA START', 'CALL p'],
  );
});

test('incremental: an edit re-analyses only the touched statement, with the same result as a full run', async () => {
  const { LintCache, lintTextAsync } = await import('../../core/lint/engine');
  const stmts = Array.from({ length: 60 }, (_, i) =>
    i % 3 === 0
      ? `CREATE TABLE t${i} (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10));`
      : i % 3 === 1
        ? `UPDATE t${i - 1} SET v = 'x';`
        : `SELECT * FROM t${i - 2} WHERE v = 1;`,
  );
  const text = stmts.join('\n');
  const cache = new LintCache();
  const first = lintText(text, RULES, { cache });
  assert.equal(cache.analysed, 60);
  const strip = (r: { findings: Array<{ ruleId: string; start: number; end: number; message: string }> }) =>
    r.findings.map((f) => `${f.ruleId}@${f.start}-${f.end}:${f.message}`);
  assert.deepEqual(strip(first), strip(lintText(text, RULES)));

  // a DML edit in the middle: one statement analysed, later offsets shift
  const edited = text.replace("UPDATE t30 SET v = 'x';", "UPDATE t30 SET v = 'xyz' WHERE id = 1;");
  const second = lintText(edited, RULES, { cache });
  assert.equal(cache.analysed, 1);
  assert.equal(cache.reused, 59);
  assert.deepEqual(strip(second), strip(lintText(edited, RULES)));

  // a DDL edit changes table t30: only the statements whose rules looked t30 up are analysed again
  const ddl = edited.replace(
    'CREATE TABLE t30 (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10));',
    'CREATE TABLE t30 (id BIGINT AUTO_RANDOM PRIMARY KEY, v INT);',
  );
  const third = await lintTextAsync(ddl, RULES, { cache });
  assert.ok(third);
  assert.equal(cache.analysed, 3, 'the CREATE TABLE t30 and the UPDATE / SELECT on t30');
  assert.deepEqual(strip(third), strip(lintText(ddl, RULES)));

  // USE changes what unqualified names mean: everything after it is analysed again
  lintText('USE shop;\n' + ddl, RULES, { cache });
  assert.equal(cache.analysed, 61);

  // a configuration change invalidates everything
  lintText(ddl, RULES, { cache, config: { targetVersion: '6.1' } });
  assert.equal(cache.analysed, 60);
});

test('incremental: deferred findings are re-evaluated against later statements', () => {
  const { LintCache } = require('../../core/lint/engine') as typeof import('../../core/lint/engine');
  const cache = new LintCache();
  const a = 'DROP TABLE IF EXISTS t;\nSELECT 1;';
  assert.deepEqual(
    lintText(a, RULES, { cache }).findings.map((f) => f.ruleId),
    ['destructive-ddl'],
  );
  const b = a + '\nCREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY);';
  assert.deepEqual(
    lintText(b, RULES, { cache }).findings.map((f) => f.ruleId),
    [],
  );
  assert.deepEqual(
    lintText(a, RULES, { cache }).findings.map((f) => f.ruleId),
    ['destructive-ddl'],
  );
});

test('async lint yields to the event loop and stops when cancelled', async () => {
  const { lintTextAsync } = await import('../../core/lint/engine');
  const text = Array.from({ length: 3000 }, (_, i) => `ALTER TABLE t ADD COLUMN c${i} INT, ADD INDEX i${i} (c${i});`).join('\n');
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  const done = await lintTextAsync(text, RULES, {}, () => false, 2);
  clearInterval(timer);
  assert.ok(done && done.statements === 3000);
  assert.ok(ticks > 0, 'the event loop ran while linting');
  let calls = 0;
  const cancelled = await lintTextAsync(text, RULES, {}, () => ++calls > 1, 1);
  assert.equal(cancelled, undefined);
});

test('incremental property: random edits with a cache give exactly the uncached findings', () => {
  const { LintCache } = require('../../core/lint/engine') as typeof import('../../core/lint/engine');
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const corpus = path.resolve(__dirname, '../fixtures/corpus/cases.jsonl');
  const sources: string[] = [];
  if (fs.existsSync(corpus)) for (const l of fs.readFileSync(corpus, 'utf8').split('\n')) if (l.trim()) sources.push(JSON.parse(l).sql);
  for (const f of fs.readdirSync(path.resolve(__dirname, '../../examples')))
    sources.push(fs.readFileSync(path.resolve(__dirname, '../../examples', f), 'utf8'));
  let seed = 99;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 0) / 4294967296;
  const pieces = [
    ' ',
    'x',
    ';',
    'INT',
    ', ADD INDEX i (a)',
    'USE db2;',
    'BEGIN;',
    'COMMIT;',
    'SET GLOBAL tidb_enable_check_constraint = ON;',
    'CREATE TABLE t (a VARCHAR(5) PRIMARY KEY);',
    'DROP TABLE t;',
    'CREATE VIEW v AS SELECT 1;',
    "'",
    '\n',
  ];
  const show = (r: { findings: Array<{ ruleId: string; start: number; end: number; message: string }> }) =>
    r.findings.map((f) => `${f.ruleId}@${f.start}-${f.end} ${f.message}`);
  for (let n = 0; n < 60; n++) {
    // a file made of several cases, edited 15 times with one cache
    let text = Array.from({ length: 6 }, () => sources[Math.floor(rnd() * sources.length)]).join('\n');
    const cache = new LintCache();
    for (let k = 0; k < 15; k++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const del = rnd() < 0.3 ? Math.floor(rnd() * 6) : 0;
      text = text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at + del);
      const version = ['8.5', '6.1'][n % 2];
      assert.deepEqual(
        show(lintText(text, RULES, { cache, config: { targetVersion: version } })),
        show(lintText(text, RULES, { config: { targetVersion: version } })),
        `file #${n}, edit #${k}`,
      );
    }
  }
});

test('a statement glued to a Liquibase "--changeset" line (no space: an operator) runs no rule', () => {
  assert.deepEqual(ids('--changeset dev:7\nSELECT * FROM t ORDER BY RAND();\nCALL p();'), ['stored-procedure']);
  // with a space it is a comment, and the statement is checked
  assert.deepEqual(ids('-- changeset dev:7\nSELECT id FROM t WHERE a = 1 ORDER BY RAND() LIMIT 5;'), ['order-by-rand']);
});

test('incremental: a cancelled run leaves the cache usable', async () => {
  const { LintCache, lintTextAsync } = await import('../../core/lint/engine');
  const text = Array.from({ length: 2000 }, (_, i) =>
    i % 4 === 0 ? `CREATE TABLE t${i} (id INT PRIMARY KEY, c VARCHAR(9));` : `UPDATE t${i - (i % 4)} SET c = ${i};`,
  ).join('\n');
  const cache = new LintCache();
  lintText(text, RULES, { cache });
  const edited = text.replace('UPDATE t400 SET c = 401;', 'UPDATE t400 SET c = 401 WHERE id = 1;');
  let n = 0;
  assert.equal(await lintTextAsync(edited, RULES, { cache }, () => ++n > 1, 0), undefined);
  const again = edited.replace(
    'CREATE TABLE t800 (id INT PRIMARY KEY, c VARCHAR(9));',
    'CREATE TABLE t800 (id BIGINT PRIMARY KEY, c INT);',
  );
  const show = (r: { findings: Array<{ ruleId: string; start: number; message: string }> }) =>
    r.findings.map((f) => `${f.ruleId}@${f.start} ${f.message}`);
  assert.deepEqual(show(lintText(again, RULES, { cache })), show(lintText(again, RULES)));
});

test('incremental: the cache does not pin whole document versions', () => {
  const { LintCache } = require('../../core/lint/engine') as typeof import('../../core/lint/engine');
  let text = Array.from({ length: 300 }, (_, i) =>
    i % 2 ? `ALTER TABLE t${i} ADD COLUMN c INT;` : `SELECT a FROM t${i} WHERE id = ${i};`,
  ).join('\n');
  const cache = new LintCache();
  for (let k = 0; k < 40; k++) {
    text = text.replace(`ADD COLUMN c INT;`, `ADD COLUMN c${k} INT;`);
    lintText(text, RULES, { cache });
  }
  const kept = cache.memo!.statements.filter((m) => m.stmt);
  assert.ok(kept.length >= 150);
  for (const m of kept) assert.ok(m.stmt!.src.length < 100, `a kept statement holds a ${m.stmt!.src.length}-character text`);
  for (const key of cache.entries.keys()) assert.ok(key.length < 100);
});

test('a cached statement is linted again when a stored function is created before it (the any-function dependency)', async () => {
  const { LintCache } = await import('../../core/lint/engine');
  const cache = new LintCache();
  const tail = 'SELECT price_with_tax(1) FROM t WHERE id = 1;';
  assert.deepEqual(
    lintText(tail, RULES, { cache }).findings.map((f) => f.ruleId),
    [],
  );
  const withFn = `CREATE FUNCTION price_with_tax(p INT) RETURNS INT DETERMINISTIC RETURN p;\n${tail}`;
  const ids2 = lintText(withFn, RULES, { cache }).findings.map((f) => f.ruleId);
  assert.ok(ids2.includes('stored-function-call'), ids2.join(','));
  assert.deepEqual(
    lintText(withFn, RULES, { cache }).findings.map((f) => f.ruleId),
    ids2,
  );
  assert.ok(!lintText(tail, RULES, { cache }).findings.some((f) => f.ruleId === 'stored-function-call'));
});
