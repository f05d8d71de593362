// The extension's settings: the one definition both the client (package.json,
// status bar) and the language server read. package.json's
// contributes.configuration mirrors it (a test keeps the two in step).

export type RuleSeverity = 'off' | 'error' | 'warning' | 'info' | 'hint';

export interface TidbLintSettings {
  /** lint SQL documents at all */
  enable: boolean;
  /** TiDB version to check against; '' means the nearest .tidb-lint.json's, else 8.5 */
  targetVersion: string;
  /** per-rule severity overrides; a .tidb-lint.json next to the file wins over these */
  rules: Record<string, RuleSeverity>;
}

export interface TidbSettings {
  lint: TidbLintSettings;
}

export const DEFAULT_SETTINGS: TidbSettings = {
  lint: { enable: true, targetVersion: '', rules: {} },
};

/** The configuration section the client and server use (`tidb.lint.*`, `tidb.trace.server`). */
export const SETTINGS_SECTION = 'tidb';

/** Language ids the server attaches to. */
export const SQL_LANGUAGE_IDS = ['sql', 'mysql', 'tidb-sql'] as const;

/** Target versions offered by the client's picker (any MAJOR.MINOR[.PATCH] is accepted). */
export const SUGGESTED_VERSIONS = ['8.5', '8.1', '7.5', '7.1', '6.5', '6.1', '5.4'] as const;

/** Merges a partial settings object (what workspace/configuration returns) onto the defaults. */
export function withDefaults(raw: unknown): TidbSettings {
  const lint = (raw && typeof raw === 'object' ? (raw as { lint?: Partial<TidbLintSettings> }).lint : undefined) ?? {};
  return {
    lint: {
      enable: typeof lint.enable === 'boolean' ? lint.enable : DEFAULT_SETTINGS.lint.enable,
      targetVersion: typeof lint.targetVersion === 'string' ? lint.targetVersion.trim() : DEFAULT_SETTINGS.lint.targetVersion,
      rules: lint.rules && typeof lint.rules === 'object' && !Array.isArray(lint.rules) ? { ...lint.rules } : {},
    },
  };
}
