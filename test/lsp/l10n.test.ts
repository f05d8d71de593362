// The language server in the client's language: initialized with locale zh-cn (what
// vscode-languageclient sends for a Chinese VS Code), its diagnostics, hover, quick-fix titles and
// docs links are Chinese; rule ids and SQL stay as they are. A second server without a locale speaks English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeActionRequest, HoverRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { LspClient } from './connection';

const CJK = /[\u4e00-\u9fff]/;
const uri = 'untitled:zh.sql';
const TEXT = 'SELECT * FROM t WHERE id = 1 LOCK IN SHARE MODE;\nXA START "x";\n';
let zh: LspClient;
let en: LspClient;

before(async () => {
  zh = new LspClient();
  await zh.initialize('zh-cn');
  en = new LspClient();
  await en.initialize();
});
after(async () => {
  await zh.stop();
  await en.stop();
});

test('zh-cn: diagnostics in Chinese with the rule id as it is and the docs link to the Chinese docs; English without a locale', async () => {
  const ds = await zh.open(uri, TEXT);
  const lock = ds.find((d) => d.code === 'lock-in-share-mode')!;
  assert.ok(lock, JSON.stringify(ds));
  assert.match(String(lock.message), CJK);
  assert.match(String(lock.message), /FOR UPDATE/);
  assert.match(lock.codeDescription!.href, /^https:\/\/docs\.pingcap\.com\/zh\/tidb\/stable\//);
  const enLock = (await en.open(uri, TEXT)).find((d) => d.code === 'lock-in-share-mode')!;
  assert.doesNotMatch(String(enLock.message), CJK);
  assert.match(enLock.codeDescription!.href, /^https:\/\/docs\.pingcap\.com\/tidb\/stable\//);
});

test('zh-cn: the hover (rule block and TiDB reference) and the quick-fix titles in Chinese', async () => {
  await zh.open(uri, TEXT);
  const h = await zh.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 1 } });
  const v = (h!.contents as { value: string }).value;
  assert.match(v, /\*\*xa-transaction\*\*/);
  assert.match(v, /适用版本/);
  assert.match(v, /\[TiDB 文档\]/);
  const ds = await zh.open(uri, TEXT);
  const lock = ds.find((d) => d.code === 'lock-in-share-mode')!;
  const actions = (await zh.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: lock.range,
    context: { diagnostics: [lock] },
  })) as CodeAction[];
  assert.ok(actions.length >= 3, JSON.stringify(actions.map((a) => a.title)));
  for (const a of actions) assert.match(a.title, CJK, a.title);
  assert.ok(actions.some((a) => a.title.includes('lock-in-share-mode')));
});
