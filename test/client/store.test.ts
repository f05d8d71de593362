// Connection profiles in settings (per user or per workspace) with passwords only in the secret store.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentColor } from '../../client/src/connections/profile';
import { ConnectionStore, sanitizeProfile, secretKey, type ProfileScope } from '../../client/src/connections/store';

function fakes(initial: Partial<Record<ProfileScope, unknown>> = {}) {
  const settings: Partial<Record<ProfileScope, unknown>> = { ...initial };
  const secrets = new Map<string, string>();
  const store = new ConnectionStore(
    { read: (s) => settings[s], write: async (s, v) => void (settings[s] = v === undefined ? undefined : JSON.parse(JSON.stringify(v))) },
    { get: async (k) => secrets.get(k), store: async (k, v) => void secrets.set(k, v), delete: async (k) => void secrets.delete(k) },
  );
  return { settings, secrets, store };
}

test('saving puts the profile in the chosen scope and the password only in the secret store', async () => {
  const { settings, secrets, store } = fakes();
  await store.save({ id: 'a1', name: 'local', host: '127.0.0.1', port: 4000, user: 'root', tls: 'off' }, 'user', 's3cret!');
  assert.deepEqual(settings.user, [{ id: 'a1', name: 'local', host: '127.0.0.1', port: 4000, user: 'root', tls: 'off' }]);
  assert.ok(!JSON.stringify(settings).includes('s3cret!'));
  assert.equal(secrets.get(secretKey('a1')), 's3cret!');
  assert.equal(await store.password('a1'), 's3cret!');
  // moving it to the workspace leaves the user list
  await store.save({ id: 'a1', name: 'local', host: '127.0.0.1', port: 4000, user: 'root', tls: 'off', production: true }, 'workspace');
  assert.equal(settings.user, undefined);
  assert.deepEqual(
    store.list().map((p) => [p.id, p.scope, p.production]),
    [['a1', 'workspace', true]],
  );
  assert.equal(await store.password('a1'), 's3cret!');
  await store.remove('a1');
  assert.equal(settings.workspace, undefined);
  assert.equal(secrets.size, 0);
});

test('hand-edited settings: a password in settings.json is ignored and reported, bad entries skipped, workspace first', () => {
  const { store } = fakes({
    user: [
      { name: 'dup', host: 'db.example', id: 'same' },
      { host: 'x', port: 99999 },
      { name: 'nohost' },
      'junk',
      { host: 'h2', password: 'leaked', user: 'app' },
    ],
    workspace: [{ name: 'ws', host: 'w.example', id: 'same', tls: 'verify-identity', production: true }],
  });
  const list = store.list();
  assert.deepEqual(
    list.map((p) => [p.name, p.scope, p.port, p.tls]),
    [
      ['ws', 'workspace', 4000, 'verify-identity'],
      ['app@h2:4000', 'user', 4000, 'preferred'],
    ],
  );
  assert.ok(!JSON.stringify(list).includes('leaked'));
  assert.equal(store.problems.length, 4);
  assert.ok(store.problems.some((p) => /contains a password.*ignored/.test(p)));
  assert.match(store.passwordProblem ?? '', /contains a password.*ignored/, 'the one the extension shows as a notice');
  assert.ok(!store.problems.join('\n').includes('leaked'));
});

test('sanitize: defaults, ids made safe, unknown keys dropped', () => {
  const { profile } = sanitizeProfile({ host: ' tidb.local ', user: 'u', evil: '<x>', tls: 'nonsense' });
  assert.deepEqual(profile, {
    id: 'tidb_local-4000-u',
    name: 'u@tidb.local:4000',
    host: 'tidb.local',
    port: 4000,
    user: 'u',
    tls: 'preferred',
  });
});

test('environments: a label kept as written, prod makes a production connection, a hostile label is dropped; colours by environment', () => {
  const prod = sanitizeProfile({ name: 'p', host: 'h', environment: 'prod' }).profile!;
  assert.deepEqual([prod.environment, prod.production], ['prod', true]);
  const qa = sanitizeProfile({ name: 'q', host: 'h', environment: 'qa-2' }).profile!;
  assert.deepEqual([qa.environment, qa.production], ['qa-2', undefined]);
  assert.equal(sanitizeProfile({ name: 'x', host: 'h', environment: '<b>prod</b>' }).profile!.environment, undefined);
  assert.deepEqual(['prod', 'staging', 'test', 'dev', 'qa-2', undefined].map(environmentColor), [
    'charts.red',
    'charts.orange',
    'charts.yellow',
    'charts.green',
    'charts.blue',
    undefined,
  ]);
});
