// dist/main.js loads the activation bundle with a V8 code cache (client/src/main.ts): the bundle
// must behave exactly as `require` would load it, the cache must be used only for the bytes it was
// made from, and a damaged or unusable cache must never stop the extension from loading.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

const MAIN = path.resolve(__dirname, '../../dist/main.js');

/**
 * Loads `file` through dist/main.js in a fresh Node process (V8 also caches compiled scripts within
 * a process, which would hide whether the code cache was used), waits for the cache to be written,
 * and returns what the bundle exported and how it loaded.
 */
function loadWithCodeCache(file: string, cacheDir: string): { exports: Record<string, unknown>; codeCache: string } {
  const script = `
    const main = require(${JSON.stringify(MAIN)});
    const exp = main.loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)}, 0);
    const report = globalThis[Symbol.for('tidb-toolkit.load-report')];
    const out = JSON.stringify({ exports: { ...exp, answer: exp.answer() }, codeCache: report.codeCache });
    setTimeout(() => console.log(out), 30);`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** A CommonJS bundle with the things a real one uses: require of a built-in and of a sibling, __dirname, a lazily compiled function. */
function bundle(dir: string, body = 'exports.answer = () => 42;'): string {
  fs.writeFileSync(path.join(dir, 'sibling.js'), 'module.exports = { sibling: true };');
  const file = path.join(dir, 'bundle.js');
  fs.writeFileSync(
    file,
    `"use strict";\nconst os = require('node:os');\nexports.dir = __dirname;\nexports.file = __filename;\nexports.sibling = require('./sibling.js').sibling;\nexports.eol = os.EOL;\nexports.self = this === exports;\n${body}\n`,
  );
  return file;
}

const caches = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bin')) : []);

test('a bundle loads as require would load it, writes its cache, and the next load uses it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-cc-'));
  const cacheDir = path.join(dir, 'storage', 'code-cache');
  try {
    const file = bundle(dir);
    const first = loadWithCodeCache(file, cacheDir);
    assert.deepEqual(first, { exports: { dir, file, sibling: true, eol: os.EOL, self: true, answer: 42 }, codeCache: 'none' });
    assert.equal(caches(cacheDir).length, 1);
    const second = loadWithCodeCache(file, cacheDir);
    assert.deepEqual(second, { ...first, codeCache: 'used' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a changed bundle does not use the old cache, and its own replaces it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-cc-'));
  const cacheDir = path.join(dir, 'code-cache');
  try {
    const file = bundle(dir);
    loadWithCodeCache(file, cacheDir);
    const old = caches(cacheDir);
    assert.equal(old.length, 1);
    bundle(dir, 'exports.answer = () => 4242;');
    const changed = loadWithCodeCache(file, cacheDir);
    assert.deepEqual([changed.exports.answer, changed.codeCache], [4242, 'none']);
    assert.equal(caches(cacheDir).length, 1);
    assert.notEqual(caches(cacheDir)[0], old[0]);
    assert.equal(loadWithCodeCache(file, cacheDir).codeCache, 'used');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged cache is rejected, the bundle still loads, and a good cache is written again', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-cc-'));
  const cacheDir = path.join(dir, 'code-cache');
  try {
    const file = bundle(dir);
    loadWithCodeCache(file, cacheDir);
    const cache = path.join(cacheDir, caches(cacheDir)[0]);
    fs.writeFileSync(cache, Buffer.from('not a V8 code cache, just bytes'));
    const damaged = loadWithCodeCache(file, cacheDir);
    assert.deepEqual([damaged.exports.answer, damaged.codeCache], [42, 'rejected']);
    assert.ok(fs.statSync(cache).size > 100, 'a good cache was written again');
    assert.equal(loadWithCodeCache(file, cacheDir).codeCache, 'used');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an unwritable cache folder costs nothing but the cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-cc-'));
  try {
    const file = bundle(dir);
    fs.writeFileSync(path.join(dir, 'blocker'), 'a file where the folder would be');
    const cacheDir = path.join(dir, 'blocker', 'code-cache');
    const once = loadWithCodeCache(file, cacheDir);
    assert.deepEqual([once.exports.answer, once.codeCache], [42, 'none']);
    const twice = loadWithCodeCache(file, cacheDir);
    assert.deepEqual([twice.exports.answer, twice.codeCache], [42, 'none']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('dist/main.js is the entry point and ships, with the bundle it loads', () => {
  const root = path.resolve(__dirname, '../..');
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!dist\/main\.js$/m);
  assert.match(ignore, /^!dist\/extension\.js$/m);
  const main = fs.readFileSync(path.join(root, 'dist', 'main.js'), 'utf8');
  assert.match(main, /"extension\.js"/);
  assert.doesNotMatch(main, /vscode-languageclient|require\("vscode"\)/, 'the entry point loads nothing but built-ins before the bundle');
});
