// The extension host side is three bundles (esbuild.mjs): activation must not carry the database
// driver or the Kubernetes client, the lazily loaded bundles must ship in the .vsix, and the
// language-server protocol must be one copy (vscode-jsonrpc compares objects by identity).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const inputs = (bundle: string): string[] => JSON.parse(fs.readFileSync(path.join(dist, 'meta', `${bundle}.json`), 'utf8'));
const has = (bundle: string, pkg: string) => inputs(bundle).some((f) => f.startsWith(`node_modules/${pkg}/`));

test('activation carries the language client only; mysql2 and the Kubernetes client load with their features', () => {
  assert.ok(has('extension.js', 'vscode-languageclient'));
  for (const heavy of ['mysql2', '@kubernetes/client-node', 'protobufjs'])
    assert.ok(!has('extension.js', heavy), `extension.js holds ${heavy}`);
  assert.ok(has('features.js', 'mysql2'));
  assert.ok(!has('features.js', '@kubernetes/client-node'), 'features.js holds the Kubernetes client');
  assert.ok(has('kube.js', '@kubernetes/client-node'));
  assert.ok(!has('kube.js', 'mysql2'), 'kube.js holds the MySQL driver');
});

test('one copy of the language-server protocol: only extension.js bundles vscode-jsonrpc', () => {
  assert.ok(has('extension.js', 'vscode-jsonrpc'));
  assert.ok(!has('features.js', 'vscode-jsonrpc'));
  assert.ok(!has('kube.js', 'vscode-jsonrpc'));
});

test('every bundle loaded at run time ships in the .vsix', () => {
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  for (const b of ['extension.js', 'features.js', 'kube.js']) {
    const text = fs.readFileSync(path.join(dist, b), 'utf8');
    for (const m of text.matchAll(/require\("\.\/([\w-]+\.js)"\)/g))
      assert.match(ignore, new RegExp(`^!dist/${m[1].replace('.', '\\.')}$`, 'm'), `${m[1]} is not packaged`);
  }
  assert.match(fs.readFileSync(path.join(dist, 'extension.js'), 'utf8'), /require\("\.\/features\.js"\)/);
  assert.match(fs.readFileSync(path.join(dist, 'features.js'), 'utf8'), /require\("\.\/kube\.js"\)/);
});
