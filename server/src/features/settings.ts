// Per-document settings: VS Code's `tidb` section through workspace/configuration
// (cached as a promise per document, cleared on change), merged with the
// nearest .tidb-lint.json, which wins over user settings as ESLint's does.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Connection } from 'vscode-languageserver';
import { ConfigError, findConfigFile, mergeConfigs, readConfigFile, type LintConfig } from '../../../core/lint/config';
import { DEFAULT_TARGET_VERSION } from '../../../core/sql/version';
import { SETTINGS_SECTION, withDefaults, type TidbSettings } from '../../../protocol/settings';
import type { DocumentStatus } from '../../../protocol/lsp';

export interface DocumentSettings {
  enable: boolean;
  config: LintConfig;
  configFile?: string;
  /** a .tidb-lint.json that could not be used, with the reason */
  configError?: string;
  status: Omit<DocumentStatus, 'uri'>;
}

export class SettingsStore {
  private cache = new Map<string, Promise<DocumentSettings>>();

  /** the version of a connected TiDB server, used where nothing pins the target version */
  private live?: { version: string; connection: string };

  constructor(
    private readonly connection: Connection,
    private readonly hasConfigurationCapability: () => boolean,
  ) {}

  /** Sets (or clears) the connected TiDB's version; returns the MAJOR.MINOR.PATCH used. */
  setLiveTarget(server: { flavor: string; version: string } | undefined, connection: string): string | undefined {
    const m = server?.flavor === 'tidb' ? /^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?/.exec(server.version) : null;
    this.live = m ? { version: m[3] ? `${m[1]}.${m[2]}.${m[3]}` : `${m[1]}.${m[2]}`, connection } : undefined;
    this.clear();
    return this.live?.version;
  }

  get(uri: string): Promise<DocumentSettings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.load(uri);
      this.cache.set(uri, p);
    }
    return p;
  }

  clear(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }

  private async load(uri: string): Promise<DocumentSettings> {
    let settings: TidbSettings;
    try {
      settings = withDefaults(
        this.hasConfigurationCapability()
          ? await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
          : undefined,
      );
    } catch {
      settings = withDefaults(undefined);
    }
    const fromSettings: LintConfig = { rules: settings.lint.rules as LintConfig['rules'] };
    if (settings.lint.targetVersion) fromSettings.targetVersion = settings.lint.targetVersion;
    let fileConfig: LintConfig | undefined;
    let configFile: string | undefined;
    let configError: string | undefined;
    const parsed = URI.parse(uri);
    if (parsed.scheme === 'file') {
      try {
        configFile = findConfigFile(path.dirname(parsed.fsPath));
        if (configFile) fileConfig = readConfigFile(configFile);
      } catch (e) {
        configError = e instanceof ConfigError ? e.message : String(e);
        fileConfig = undefined;
      }
    }
    const config = mergeConfigs(fromSettings, fileConfig);
    const pinned = fileConfig?.targetVersion || fromSettings.targetVersion;
    if (!pinned && this.live) config.targetVersion = this.live.version;
    const source: DocumentStatus['source'] = fileConfig?.targetVersion
      ? 'config-file'
      : fromSettings.targetVersion
        ? 'settings'
        : this.live
          ? 'connection'
          : 'default';
    return {
      enable: settings.lint.enable,
      config,
      configFile: fileConfig ? configFile : undefined,
      configError,
      status: {
        targetVersion: config.targetVersion ?? DEFAULT_TARGET_VERSION,
        source,
        configFile: fileConfig ? configFile : undefined,
        connection: source === 'connection' ? this.live?.connection : undefined,
      },
    };
  }
}
