// package.json's contributions agree with protocol/settings.ts and the rule registry.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { defaultOf, SETTING_KEYS } from '../../client/src/settingsSchema';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, SQL_LANGUAGE_IDS } from '../../protocol/settings';
import { RULES } from '../../core/lint/rules';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
const props = pkg.contributes.configuration[0].properties as Record<string, { default: unknown; propertyNames?: { enum: string[] } }>;

test('settings in package.json mirror protocol/settings.ts defaults', () => {
  assert.equal(props[`${SETTINGS_SECTION}.lint.enable`].default, DEFAULT_SETTINGS.lint.enable);
  assert.equal(props[`${SETTINGS_SECTION}.lint.targetVersion`].default, DEFAULT_SETTINGS.lint.targetVersion);
  assert.deepEqual(props[`${SETTINGS_SECTION}.lint.rules`].default, DEFAULT_SETTINGS.lint.rules);
  assert.ok(props[`${SETTINGS_SECTION}.trace.server`], 'tidb.trace.server must exist (client id "tidb")');
  assert.deepEqual([...props[`${SETTINGS_SECTION}.lint.rules`].propertyNames!.enum].sort(), RULES.map((r) => r.meta.id).sort());
});

test('activation is cheap and covers the SQL languages; commands are contributed', () => {
  // the SQL languages, and the plan viewer's serializer (restores open plans after a reload)
  assert.deepEqual(pkg.activationEvents, [...SQL_LANGUAGE_IDS.map((l) => `onLanguage:${l}`), 'onWebviewPanel:tidb.plan']);
  // registered at activation (extension.ts), restored by the plan panels of the features bundle
  const activation = fs.readFileSync(path.resolve(__dirname, '../../client/src/extension.ts'), 'utf8');
  assert.match(activation, /const PLAN_VIEW = 'tidb\.plan'/);
  assert.match(activation, /registerWebviewPanelSerializer\(PLAN_VIEW[\s\S]*plans\.restore/);
  assert.match(
    fs.readFileSync(path.resolve(__dirname, '../../client/src/explain/planPanel.ts'), 'utf8'),
    /export const PLAN_VIEW = 'tidb\.plan'/,
  );
  const ids = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  // every contributed command is registered in the client's code, and the other way round
  const registered = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (f.endsWith('.ts'))
        for (const m of fs.readFileSync(f, 'utf8').matchAll(/registerCommand\(\s*'([\w.]+)'|^\s*'(tidb\.[\w.]+)':/gm))
          registered.add(m[1] ?? m[2]);
    }
  };
  walk(path.resolve(__dirname, '../../client/src'));
  assert.deepEqual(ids, [...registered].sort());
  assert.ok(ids.length >= 20);
  // menus and keybindings only name contributed commands
  const known = new Set(ids);
  for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, Array<{ command: string }>>)) {
    for (const i of items) assert.ok(known.has(i.command), `${menu} names unknown command ${i.command}`);
  }
  for (const k of pkg.contributes.keybindings as Array<{ command: string }>) assert.ok(known.has(k.command), k.command);
  // the view container's icon ships in the .vsix
  assert.ok(fs.existsSync(path.resolve(__dirname, '../..', pkg.contributes.viewsContainers.activitybar[0].icon)));
  assert.match(fs.readFileSync(path.resolve(__dirname, '../../.vscodeignore'), 'utf8'), /!media\/\*\.svg/);
  assert.equal(pkg.main, './dist/main.js');
  assert.equal(pkg.bin['tidb-lint'], 'dist/cli.js');
});

test('connection settings hold no password field', () => {
  const conn = (
    pkg.contributes.configuration as Array<{ properties: Record<string, { items?: { properties: Record<string, unknown> } }> }>
  ).find((c) => c.properties['tidb.connections'])!;
  const fields = Object.keys(conn.properties['tidb.connections'].items!.properties);
  assert.ok(fields.includes('host') && fields.includes('tls'));
  assert.ok(!fields.some((f) => /pass|secret|token/i.test(f)), fields.join(','));
});

test('the client reads every setting through one typed table whose defaults come from package.json', () => {
  const contributed = pkg.contributes.configuration
    .flatMap((c: { properties: Record<string, unknown> }) => Object.keys(c.properties))
    .sort();
  assert.deepEqual([...SETTING_KEYS].map((k) => `tidb.${k}`).sort(), contributed);
  assert.equal(defaultOf('backup.brImage'), 'pingcap/br:v8.5.3');
  assert.equal(defaultOf('query.rowLimit'), 10000);
  // nowhere else does the client read a setting with a default of its own
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (f.endsWith('.ts') && !f.endsWith('/settings.ts') && /getConfiguration\([^)]*\)\s*\.get\b/.test(fs.readFileSync(f, 'utf8')))
        offenders.push(f);
    }
  };
  walk(path.resolve(__dirname, '../../client/src'));
  assert.deepEqual(offenders, []);
});
