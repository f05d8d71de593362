// package.json's contributions agree with protocol/settings.ts and the rule registry.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, SQL_LANGUAGE_IDS } from '../../protocol/settings';
import { RULES } from '../../server/src/rules';

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
  assert.deepEqual(pkg.activationEvents, SQL_LANGUAGE_IDS.map((l) => `onLanguage:${l}`));
  const ids = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(ids, ['tidb.lintWorkspace', 'tidb.restartLanguageServer', 'tidb.setTargetVersion', 'tidb.showRuleDocumentation']);
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.bin['tidb-lint'], 'dist/cli.js');
});
