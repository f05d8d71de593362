// The TextMate injection grammar, tokenized by vscode-textmate (VS Code's own
// tokenizer) over a small stand-in for VS Code's source.sql grammar.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../..');
// The parts of VS Code's SQL grammar that matter here: comments, strings, keywords.
const SQL_STANDIN = {
  scopeName: 'source.sql',
  patterns: [
    { name: 'comment.line.double-dash.sql', match: '--\\s.*$' },
    { name: 'comment.block.sql', begin: '/\\*', end: '\\*/' },
    { name: 'string.quoted.single.sql', begin: "'", end: "'" },
    { name: 'keyword.other.sql', match: '(?i)\\b(?:select|create|table|from|where|bigint|primary|key|set)\\b' },
  ],
};

let grammar: tm.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new oniguruma.OnigScanner(s),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      if (scope === 'source.sql') return tm.parseRawGrammar(JSON.stringify(SQL_STANDIN), 'sql.json');
      if (scope === 'tidb.injection')
        return tm.parseRawGrammar(fs.readFileSync(path.join(ROOT, 'syntaxes/tidb.injection.tmLanguage.json'), 'utf8'), 'tidb.json');
      return null;
    },
    getInjections: (scope) => (scope === 'source.sql' ? ['tidb.injection'] : undefined),
  });
  grammar = (await registry.loadGrammar('source.sql'))!;
});

function scopesOf(line: string, word: string): string[] {
  const r = grammar.tokenizeLine(line, tm.INITIAL);
  const at = line.indexOf(word);
  const tok = r.tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  assert.ok(tok, `no token at '${word}'`);
  return tok.scopes;
}

test('package.json injects the grammar into source.sql', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.grammars[0], {
    injectTo: ['source.sql'],
    scopeName: 'tidb.injection',
    path: './syntaxes/tidb.injection.tmLanguage.json',
  });
});

test('TiDB keywords and table options are highlighted in code', () => {
  const line = 'CREATE TABLE t (id BIGINT AUTO_RANDOM PRIMARY KEY) SHARD_ROW_ID_BITS = 4 PRE_SPLIT_REGIONS = 2;';
  assert.ok(scopesOf(line, 'AUTO_RANDOM').includes('keyword.other.tidb'));
  assert.ok(scopesOf(line, 'SHARD_ROW_ID_BITS').includes('keyword.other.tidb'));
  assert.ok(!scopesOf(line, 'BIGINT').includes('keyword.other.tidb'));
});

test('/*T! */ and /*! */ contents are code, not comment', () => {
  const line =
    'CREATE TABLE t (a BIGINT /*T![auto_rand] AUTO_RANDOM */, PRIMARY KEY (a) /*T![clustered_index] NONCLUSTERED */) /*!50100 TABLESPACE x */;';
  const ar = scopesOf(line, 'AUTO_RANDOM');
  assert.ok(ar.includes('meta.embedded.executable-comment.tidb') && ar.includes('keyword.other.tidb'), ar.join(' '));
  assert.ok(!ar.some((s) => s.startsWith('comment.')), ar.join(' '));
  assert.ok(scopesOf(line, 'NONCLUSTERED').includes('keyword.other.tidb'));
  const ts = scopesOf(line, 'TABLESPACE');
  assert.ok(ts.includes('meta.embedded.executable-comment.tidb') && !ts.some((s) => s.startsWith('comment.')));
  assert.ok(scopesOf(line, '/*T!').includes('punctuation.definition.executable-comment.begin.tidb'));
});

test('optimizer hints inside /*+ */ and @@tidb_ variables', () => {
  const line = 'SELECT /*+ USE_INDEX(t, idx) MAX_EXECUTION_TIME(1000) */ @@global.tidb_gc_life_time FROM t;';
  assert.ok(scopesOf(line, 'USE_INDEX').includes('support.function.hint.tidb'));
  assert.ok(scopesOf(line, 'MAX_EXECUTION_TIME').includes('meta.hint.optimizer.tidb'));
  assert.ok(scopesOf(line, '@@global').includes('variable.other.system.tidb'));
});

test('ordinary comments and strings are left alone', () => {
  const c = '-- AUTO_RANDOM in a comment';
  assert.ok(!scopesOf(c, 'AUTO_RANDOM').includes('keyword.other.tidb'));
  const b = '/* SHARD_ROW_ID_BITS */ SELECT 1;';
  assert.ok(!scopesOf(b, 'SHARD_ROW_ID_BITS').includes('keyword.other.tidb'));
  const s = "SELECT 'AUTO_RANDOM' FROM t;";
  assert.ok(!scopesOf(s, 'AUTO_RANDOM').includes('keyword.other.tidb'));
});
