// .tidb-lint.json: { "targetVersion": "7.5", "rules": { "rule-id": "off" | "error" | "warning" | "info" | "hint" } }
// Found by walking up from the linted file; the CLI's flags (and later the editor settings) are layered on top.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from './rule';
import { isValidVersion } from '../sql/version';

export const CONFIG_FILE = '.tidb-lint.json';

export type RuleSetting = Severity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];

export interface LintConfig {
  targetVersion?: string;
  rules?: Record<string, RuleSetting>;
}

export interface LoadedConfig {
  config: LintConfig;
  /** the file it came from */
  file?: string;
}

export class ConfigError extends Error {}

/** Validates a parsed config object. Unknown rule ids are kept (and reported by the engine), bad values throw. */
export function validateConfig(raw: unknown, where: string): LintConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${where}: expected a JSON object`);
  const obj = raw as Record<string, unknown>;
  const out: LintConfig = {};
  for (const k of Object.keys(obj)) {
    if (k !== 'targetVersion' && k !== 'rules' && k !== '$schema') {
      throw new ConfigError(`${where}: unknown key '${k}' (allowed: targetVersion, rules)`);
    }
  }
  if (obj.targetVersion !== undefined) {
    if (typeof obj.targetVersion !== 'string' || !isValidVersion(obj.targetVersion)) {
      throw new ConfigError(`${where}: targetVersion must be a version string such as "8.5" or "7.1.3"`);
    }
    out.targetVersion = obj.targetVersion;
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      throw new ConfigError(`${where}: rules must be an object mapping rule ids to ${RULE_SETTINGS.join('|')}`);
    }
    out.rules = {};
    for (const [id, v] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (typeof v !== 'string' || !RULE_SETTINGS.includes(v as RuleSetting)) {
        throw new ConfigError(`${where}: rule '${id}' has setting ${JSON.stringify(v)}; use one of ${RULE_SETTINGS.join(', ')}`);
      }
      out.rules[id] = v as RuleSetting;
    }
  }
  return out;
}

export function readConfigFile(file: string): LintConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: invalid JSON (${(e as Error).message})`);
  }
  return validateConfig(raw, file);
}

const cache = new Map<string, string | null>();

/** Forgets where config files were found (a .tidb-lint.json was created, moved or deleted). */
export function clearConfigCache(): void {
  cache.clear();
}

/** The nearest .tidb-lint.json at or above `dir`. */
export function findConfigFile(dir: string): string | undefined {
  const seen: string[] = [];
  let d = path.resolve(dir);
  for (;;) {
    const hit = cache.get(d);
    if (hit !== undefined) {
      for (const s of seen) cache.set(s, hit);
      return hit ?? undefined;
    }
    seen.push(d);
    const f = path.join(d, CONFIG_FILE);
    if (fs.existsSync(f)) {
      for (const s of seen) cache.set(s, f);
      return f;
    }
    const parent = path.dirname(d);
    if (parent === d) {
      for (const s of seen) cache.set(s, null);
      return undefined;
    }
    d = parent;
  }
}

/** Later configs win: mergeConfigs(fileConfig, cliFlags). */
export function mergeConfigs(...configs: Array<LintConfig | undefined>): LintConfig {
  const out: LintConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.targetVersion) out.targetVersion = c.targetVersion;
    if (c.rules) out.rules = { ...out.rules, ...c.rules };
  }
  return out;
}
