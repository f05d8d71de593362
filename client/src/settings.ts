// Reads a `tidb.*` setting, typed, falling back to the default package.json declares.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../protocol/settings';
import { defaultOf, type Settings } from './settingsSchema';

export function setting<K extends keyof Settings>(key: K, scope?: vscode.ConfigurationScope): Settings[K] {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<Settings[K]>(key, defaultOf(key));
}
