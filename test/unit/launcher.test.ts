// The demo launcher (scripts/launcher): child processes get the user's environment, not
// npm's, and the main job imports nothing from test/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { glob } from 'tinyglobby';
import { cleanEnv } from '../../scripts/launcher/env';

const ROOT = path.resolve(__dirname, '../..');

test('cleanEnv drops what npm run-script adds (npm_config_*, npm_lifecycle_*, npm_package_*, INIT_CWD, node_modules/.bin on PATH)', () => {
  const saved = { ...process.env };
  try {
    process.env.npm_config_user_agent = 'npm/11.0.0 node/v20.0.0 linux x64';
    process.env.NPM_CONFIG_CACHE = '/somewhere';
    process.env.npm_lifecycle_event = 'start';
    process.env.npm_package_name = 'tidb-toolkit';
    process.env.INIT_CWD = '/work';
    process.env.KEEP_ME = 'yes';
    process.env.PATH = [
      '/work/main/node_modules/.bin',
      '/work/node_modules/.bin',
      '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
      '/usr/bin',
      '/bin',
    ].join(path.delimiter);
    const env = cleanEnv({ EXTRA: '1', KEEP_ME: undefined }, ['/opt/node24/bin']);
    assert.deepEqual(
      Object.keys(env).filter((k) => /^npm_/i.test(k) || k === 'INIT_CWD'),
      [],
    );
    assert.equal(env.PATH, ['/opt/node24/bin', '/usr/bin', '/bin'].join(path.delimiter));
    assert.equal(env.EXTRA, '1');
    assert.equal(env.KEEP_ME, undefined, 'undefined removes a variable');
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
});

test('a nested npm started with cleanEnv does not inherit the outer npm user agent (code-server refused to install because of it)', () => {
  const outer = { ...process.env, npm_config_user_agent: 'npm/11.0.0 node/v20.99.0 linux x64' };
  const inherited = execFileSync('npm', ['config', 'get', 'user-agent'], { env: outer, encoding: 'utf8' });
  assert.match(inherited, /node\/v20\.99\.0/, 'an inherited npm_config_* is npm configuration (the bug)');
  const saved = process.env.npm_config_user_agent;
  process.env.npm_config_user_agent = outer.npm_config_user_agent;
  try {
    const clean = execFileSync('npm', ['config', 'get', 'user-agent'], { env: cleanEnv(), encoding: 'utf8' });
    assert.doesNotMatch(clean, /v20\.99\.0/);
  } finally {
    if (saved === undefined) delete process.env.npm_config_user_agent;
    else process.env.npm_config_user_agent = saved;
  }
});

test('scripts/ (npm start and the launcher) imports nothing from test/', async () => {
  const files = await glob('scripts/**/*.{ts,mjs,js}', { cwd: ROOT });
  assert.ok(files.length >= 5, files.join(', '));
  for (const f of files) {
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const s of specifiers.filter((x) => x.startsWith('.'))) {
      const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(f), s));
      assert.ok(!target.startsWith(`test${path.sep}`) && target !== 'test', `${f} imports ${s}`);
    }
  }
});
