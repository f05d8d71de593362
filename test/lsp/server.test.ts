// The language server over the real protocol: dist/server.js in a child process.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { DocumentStatusNotification, SchemaRequest, type DocumentStatus } from '../../protocol/lsp';
import { LspClient } from './connection';

let client: LspClient;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-lsp-'));
const uriOf = (name: string) => pathToFileURL(path.join(work, name)).href;

before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((a, l) => a + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const byCode = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

test('publishes diagnostics with exact ranges, codes, severities, docs links and tags', async () => {
  const uri = uriOf('a.sql');
  const text =
    'CREATE TABLE t (\n  id INT PRIMARY KEY,\n  c FLOAT(7,2)\n) ENGINE=MyISAM;\nSELECT * FROM t WHERE id = 1 LOCK IN SHARE MODE;\n';
  const ds = await client.open(uri, text);
  const lock = byCode(ds, 'lock-in-share-mode')[0];
  assert.ok(lock, JSON.stringify(ds));
  assert.equal(lock.source, 'tidb');
  assert.equal(lock.severity, DiagnosticSeverity.Error);
  assert.deepEqual(lock.range, { start: { line: 4, character: 29 }, end: { line: 4, character: 47 } });
  assert.match(lock.codeDescription!.href, /^https:\/\/docs\.pingcap\.com\/tidb\/stable\//);
  const engine = byCode(ds, 'storage-engine-ignored')[0];
  assert.equal(engine.severity, DiagnosticSeverity.Information);
  assert.deepEqual(engine.tags, [DiagnosticTag.Unnecessary]);
  assert.deepEqual(byCode(ds, 'float-precision-ignored')[0].tags, [DiagnosticTag.Deprecated]);
  assert.equal(byCode(ds, 'float-precision-ignored')[0].severity, DiagnosticSeverity.Hint);
});

test('one root cause, one diagnostic: the other CALLs of a procedure are its related information', async () => {
  const uri = uriOf('calls.sql');
  const ds = await client.open(uri, 'CALL p();\nSELECT 1;\nCALL p();\nCALL p();\n');
  const calls = byCode(ds, 'stored-procedure');
  assert.equal(calls.length, 1);
  assert.deepEqual(
    calls[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
    [
      [uri, 2],
      [uri, 3],
    ],
  );
});

test('a quick fix edit applied makes its diagnostic go away', async () => {
  const uri = uriOf('fix.sql');
  let text = 'SELECT id FROM orders WHERE id = 7 LOCK IN SHARE MODE;\n';
  const ds = await client.open(uri, text);
  const d = byCode(ds, 'lock-in-share-mode')[0];
  const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  })) as CodeAction[];
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.ok(actions.some((a) => a.title === 'Disable lock-in-share-mode for this line'));
  assert.ok(actions.some((a) => a.title === 'Disable lock-in-share-mode for this file'));
  text = applyEdits(text, fix.edit!.changes![uri]);
  assert.equal(text, 'SELECT id FROM orders WHERE id = 7 FOR UPDATE;\n');
  const after = await client.change(uri, [{ text }]);
  assert.deepEqual(byCode(after, 'lock-in-share-mode'), []);

  // "disable for this line" inserts a suppression comment that silences it
  let t2 = 'DELETE FROM staging;\n';
  const u2 = uriOf('sup.sql');
  const d2 = byCode(await client.open(u2, t2), 'delete-without-where')[0];
  const a2 = (await client.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: u2 },
    range: d2.range,
    context: { diagnostics: [d2] },
  })) as CodeAction[];
  const disable = a2.find((a) => a.title.startsWith('Disable delete-without-where for this line'))!;
  t2 = applyEdits(t2, disable.edit!.changes![u2]);
  assert.equal(t2, '-- tidb-lint-disable-next-line delete-without-where -- reason\nDELETE FROM staging;\n');
  assert.deepEqual(await client.change(u2, [{ text: t2 }]), []);
});

test('source.fixAll.tidb applies every safe fix', async () => {
  const uri = uriOf('all.sql');
  const text = 'CREATE TABLE a (id BIGINT AUTO_RANDOM PRIMARY KEY) ENGINE=MyISAM;\nSELECT id FROM a WHERE id = 1 LOCK IN SHARE MODE;\n';
  await client.open(uri, text);
  const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.tidb');
  const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
  assert.equal(fixed, 'CREATE TABLE a (id BIGINT AUTO_RANDOM PRIMARY KEY) ENGINE=InnoDB;\nSELECT id FROM a WHERE id = 1 FOR UPDATE;\n');
  assert.deepEqual(await client.change(uri, [{ text: fixed }]), []);
});

test('hover on a finding explains the rule; on TiDB syntax it describes it', async () => {
  const uri = uriOf('hover.sql');
  const text =
    'XA START "x";\nCREATE TABLE h (id BIGINT AUTO_RANDOM PRIMARY KEY) SHARD_ROW_ID_BITS = 4;\nSELECT /*+ USE_INDEX(h, i) */ @@tidb_gc_life_time;\n';
  await client.open(uri, text);
  const h1 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
  const v1 = (h1!.contents as { value: string }).value;
  assert.match(v1, /\*\*xa-transaction\*\*/);
  assert.match(v1, /Applies to:/);
  assert.match(v1, /docs\.pingcap\.com/);
  // the editor shows the diagnostic's message itself: the hover does not repeat it
  const d1 = (await client.open(uri, text)).find((d) => d.code === 'xa-transaction')!;
  assert.ok(!v1.includes(String(d1.message)), 'the message is not repeated in the hover');
  const h2 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 28 } });
  assert.match((h2!.contents as { value: string }).value, /\*\*AUTO_RANDOM\*\*/);
  const h3 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 13 } });
  assert.match((h3!.contents as { value: string }).value, /USE_INDEX/);
  const h4 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 40 } });
  assert.match((h4!.contents as { value: string }).value, /tidb_gc_life_time/);
});

test('completion: hints inside /*+ */, system variables after @@, TiDB syntax, nothing in strings', async () => {
  const uri = uriOf('complete.sql');
  const text = "SELECT /*+ HA */ 1;\nSELECT @@tidb_;\nCREATE TABLE x (id BIGINT AUTO_R\nSELECT 'AUTO_";
  await client.open(uri, text);
  const at = async (line: number, character: number) =>
    (
      (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionItem[]
    ).map((i) => i.label);
  const hints = await at(0, 13);
  assert.ok(hints.includes('HASH_JOIN') && hints.includes('USE_INDEX'));
  assert.ok(!hints.includes('SELECT'));
  const vars = await at(1, 13);
  assert.ok(vars.includes('tidb_gc_life_time'));
  const code = await at(2, 32);
  assert.ok(code.includes('AUTO_RANDOM') && code.includes('SHARD_ROW_ID_BITS') && code.includes('BATCH ON') && code.includes('SELECT'));
  assert.deepEqual(await at(3, 13), []);
});

test('document symbols per statement and folding ranges for statements and DELIMITER blocks', async () => {
  const uri = uriOf('sym.sql');
  const text =
    'CREATE TABLE orders (\n  id BIGINT AUTO_RANDOM PRIMARY KEY\n);\nALTER TABLE `shop`.`orders` ADD COLUMN c INT;\nDELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND$$\nDELIMITER ;\nINSERT INTO orders (c) VALUES (1);\n';
  await client.open(uri, text);
  const syms = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(
    syms.map((s) => s.name),
    ['CREATE TABLE orders', 'ALTER TABLE `shop`.`orders`', 'CREATE PROCEDURE p', 'INSERT INTO orders'],
  );
  const folds = await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  assert.ok(folds!.some((f) => f.startLine === 0 && f.endLine === 2));
  assert.ok(folds!.some((f) => f.startLine === 4 && f.endLine === 9 && f.kind === 'region'));
});

test('settings: target version and rule severities from workspace/configuration; .tidb-lint.json wins', async () => {
  const uri = uriOf('settings/s.sql');
  fs.mkdirSync(path.join(work, 'settings'), { recursive: true });
  const text = 'SAVEPOINT a;\nCALL p();\n';
  const ds = await client.open(uri, text);
  assert.deepEqual(
    ds.map((d) => d.code),
    ['stored-procedure'],
  );
  const old = await client.changeSettings({ lint: { targetVersion: '6.1', rules: { 'stored-procedure': 'warning' } } }, uri);
  assert.deepEqual(
    old.map((d) => [d.code, d.severity]),
    [
      ['savepoint', DiagnosticSeverity.Error],
      ['stored-procedure', DiagnosticSeverity.Warning],
    ],
  );
  fs.writeFileSync(
    path.join(work, 'settings/.tidb-lint.json'),
    JSON.stringify({ targetVersion: '8.5', rules: { 'stored-procedure': 'off' } }),
  );
  await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('settings/.tidb-lint.json'), type: 1 }] });
  const withFile = await client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
  assert.deepEqual(withFile.diagnostics, []);
  const disabled = await client.changeSettings({ lint: { enable: false } }, uri);
  assert.deepEqual(disabled, []);
  await client.changeSettings({}, uri);
});

test('incremental edits: ranges follow the text and untouched statements keep their diagnostics', async () => {
  const uri = uriOf('inc.sql');
  const text = 'CALL a();\nSELECT 1;\nCALL b();\n';
  const ds = await client.open(uri, text);
  assert.deepEqual(
    ds.map((d) => d.range.start.line),
    [0, 2],
  );
  // insert a line at the top: everything moves down one line
  const d2 = await client.change(uri, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'XA START "q";\n' },
  ]);
  assert.deepEqual(
    d2.map((d) => [d.code, d.range.start.line]),
    [
      ['xa-transaction', 0],
      ['stored-procedure', 1],
      ['stored-procedure', 3],
    ],
  );
  // type one character at a time into the middle statement
  let last: Diagnostic[] = [];
  for (const ch of ' WHERE 1')
    last = await client.change(
      uri,
      [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 8 } }, text: ch }].map((c, i) => ({
        ...c,
        range: { start: { line: 2, character: 8 + i }, end: { line: 2, character: 8 + i } },
      })),
    );
  assert.deepEqual(
    last.map((d) => [d.code, d.range.start.line]),
    [
      ['xa-transaction', 0],
      ['stored-procedure', 1],
      ['stored-procedure', 3],
    ],
  );
});

test('bad input never kills the server: garbage, huge nesting, unterminated everything', async () => {
  const uri = uriOf('bad.sql');
  const garbage = '\u0000\uffff/*!50003 CREATE */ DELIMITER\n$$ \' " ` /* ' + '('.repeat(50_000);
  const ds = await client.open(uri, garbage);
  assert.ok(Array.isArray(ds));
  const fine = await client.change(uri, [{ text: 'CALL p();' }]);
  assert.deepEqual(
    fine.map((d) => d.code),
    ['stored-procedure'],
  );
});

test('languages: mysql and tidb-sql documents are linted too', async () => {
  assert.equal((await client.open(uriOf('m.mysql'), 'CALL p();', 'mysql')).length, 1);
  assert.equal((await client.open(uriOf('t.tsql'), 'CALL p();', 'tidb-sql')).length, 1);
});

test('live schema (tidb/schema request): completion offers its tables and columns, a TiDB server sets the target version unless pinned', async () => {
  const uri = uriOf('live.sql');
  const text = 'SAVEPOINT a;\nSELECT  FROM orders;\n';
  assert.deepEqual(
    (await client.open(uri, text)).map((d) => d.code),
    [],
  );
  const statuses: DocumentStatus[] = [];
  const sub = client.conn.onNotification(DocumentStatusNotification.method, (s: DocumentStatus) => void statuses.push(s));
  const snap: SchemaRequest.Params = {
    connection: 'staging',
    defaultDatabase: 'shop',
    server: { flavor: 'tidb', version: '6.1.7' },
    databases: [
      {
        name: 'shop',
        tables: [
          {
            name: 'orders',
            kind: 'table',
            columns: [
              { name: 'order_total', type: 'decimal(12,2)' },
              { name: 'placed_at', type: 'datetime' },
            ],
          },
        ],
      },
    ],
  };
  const relinted = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'savepoint'));
  const result = (await client.conn.sendRequest(SchemaRequest.method, snap)) as SchemaRequest.Result;
  assert.deepEqual(result, { databases: 1, tables: 1, columns: 2, targetVersion: '6.1.7' });
  await relinted; // SAVEPOINT arrived in v6.2: the connected v6.1.7 cluster makes it an error
  assert.ok(statuses.some((s) => s.uri === uri && s.source === 'connection' && s.targetVersion === '6.1.7' && s.connection === 'staging'));
  const items = (
    (await client.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 7 },
    })) as CompletionItem[]
  ).map((i) => i.label);
  assert.ok(items.includes('orders') && items.includes('order_total'), items.slice(0, 30).join(','));
  // a pinned version wins over the connection
  const pinned = await client.changeSettings({ lint: { targetVersion: '8.5' } }, uri);
  assert.deepEqual(
    pinned.map((d) => d.code),
    [],
  );
  await client.changeSettings({}, uri);
  // MariaDB does not move the target; null clears the schema
  const maria = (await client.conn.sendRequest(SchemaRequest.method, {
    ...snap,
    server: { flavor: 'mariadb', version: '10.11.6' },
  })) as SchemaRequest.Result;
  assert.equal(maria.targetVersion, undefined);
  const cleared = (await client.conn.sendRequest(SchemaRequest.method, null)) as SchemaRequest.Result;
  assert.deepEqual(cleared, { databases: 0, tables: 0, columns: 0 });
  sub.dispose();
});

test('a malformed tidb/schema request is refused with the reason and the schema in use is kept: completion still offers it', async () => {
  const uri = uriOf('keep.sql');
  await client.open(uri, 'SELECT  FROM customers;\n');
  const good: SchemaRequest.Params = {
    connection: 'c',
    databases: [{ name: 'crm', tables: [{ name: 'customers', kind: 'table', columns: [{ name: 'vip_level', type: 'int' }] }] }],
  };
  await client.conn.sendRequest(SchemaRequest.method, good);
  for (const bad of [
    { connection: 'c', databases: 'nope' },
    { connection: 'c', databases: [{ name: 'x', tables: [{ name: 't', kind: 'table', columns: [{ name: 1 }] }] }] },
    42,
  ]) {
    await assert.rejects(
      client.conn.sendRequest(SchemaRequest.method, bad),
      (e: Error) => /tidb\/schema: .*; the previous schema is kept/.test(e.message),
      JSON.stringify(bad),
    );
  }
  const items = (
    (await client.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 7 },
    })) as CompletionItem[]
  ).map((i) => i.label);
  assert.ok(items.includes('vip_level'), items.slice(0, 30).join(','));
  await client.conn.sendRequest(SchemaRequest.method, null);
});

test('a document with more findings than a message can carry: the most severe 5,000 are published with one summary, and the server keeps answering', async () => {
  // 5,500 errors (stored procedures) and 1,000 warnings (DELETE without WHERE): the errors come first
  // (5,500 different procedures: CALLs of one procedure fold into one finding)
  const text = Array.from({ length: 5500 }, (_, i) => `CALL p${i}();\n`).join('') + 'DELETE FROM t;\n'.repeat(1000);
  const ds = await client.open(uriOf('huge.sql'), text);
  assert.equal(ds.length, 5001);
  const summary = byCode(ds, 'too-many-findings');
  assert.equal(summary.length, 1);
  assert.match(String(summary[0].message), /1,500 more findings are not shown: a document shows at most 5,000 \(errors first\)/);
  assert.equal(ds.filter((d) => d.severity === DiagnosticSeverity.Error).length, 5000);
  const small = await client.open(uriOf('after-huge.sql'), 'CALL p();\n');
  assert.equal(small.length, 1, 'the server still publishes for other documents');
});

test('a frame without Content-Length is dropped with a note on stderr; the server still answers initialize and exits on exit', async () => {
  const { spawn } = await import('node:child_process');
  const p = spawn(process.execPath, [path.resolve(__dirname, '../../dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  const frame = (o: unknown) => {
    const b = Buffer.from(JSON.stringify(o));
    return `Content-Length: ${b.length}\r\n\r\n${b}`;
  };
  const exited = new Promise<number | null>((resolve) => p.on('exit', resolve));
  p.stdin.write('X-Bogus: 1\r\n\r\n{"jsonrpc":"2.0","method":"noise"}');
  p.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  for (let i = 0; i < 100 && !out.includes('"id":1'); i++) await new Promise((r) => setTimeout(r, 50));
  assert.match(out, /"id":1,"result":\{"capabilities"/, 'initialize answered after the bad frame');
  p.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
  p.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
  const timer = setTimeout(() => p.kill(), 10_000);
  assert.equal(await exited, 0, 'exit was heard');
  clearTimeout(timer);
  assert.match(err, /dropped a message without a Content-Length header/);
});

test('a document that still starts with a byte-order mark (U+FEFF) has its first statement analysed', async () => {
  const ds = await client.open(uriOf('bom.sql'), '\ufeffSELECT * FROM t WHERE id = 1 LOCK IN SHARE MODE;\n');
  assert.deepEqual(
    ds.map((d) => d.code),
    ['lock-in-share-mode'],
  );
});
