// The user's language outside the extension host's VS Code API: the language server, the CLIs, and
// the modules the client shares with them (no vscode import). A string is written as
// `l10n.t('English with {0}', arg)`; `npm run l10n` extracts every such call (and the client's
// vscode.l10n.t calls) into l10n/bundle.l10n.json, and l10n/bundle.l10n.zh-cn.json holds the
// Simplified Chinese (terms fixed by l10n/glossary.zh-cn.json). The extension host configures this
// from the bundle VS Code loaded, the server from the bundle the client names, the CLIs from --locale
// or LANG. English is the source: a string without a translation shows in English, never empty.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import ZH_DOCS from '../l10n/docs-zh-pages.json';

/** The locales with a bundle. */
export const LOCALES = ['en', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];

let current: Locale = 'en';
let currentContents: l10n.l10nJsonFormat | undefined;

/** The locale l10n.t speaks now. */
export function currentLocale(): Locale {
  return current;
}

/** A locale tag as VS Code, LANG or a user writes it (zh-CN, zh_CN.UTF-8, zh-Hans) → one we have, else en. */
export function normalizeLocale(tag?: string): Locale {
  const t = (tag ?? '')
    .toLowerCase()
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-');
  if (t === 'zh' || t === 'zh-cn' || t === 'zh-sg' || t.startsWith('zh-hans')) return 'zh-cn';
  return 'en';
}

/** The locale a CLI speaks: its --locale, else LC_ALL, LC_MESSAGES, LANG (in POSIX's order; empty ones skipped). */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env, flag?: string): Locale {
  return normalizeLocale(flag || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** Speaks `locale` from the bundles in `dir` (l10n/bundle.l10n.<locale>.json); English when there is none. */
export function useLocale(locale: string, dir: string): Locale {
  const norm = normalizeLocale(locale);
  const file = path.join(dir, `bundle.l10n.${norm}.json`);
  if (norm !== 'en' && fs.existsSync(file)) return useBundle(JSON.parse(fs.readFileSync(file, 'utf8')), norm);
  return useBundle(undefined, 'en');
}

/** Speaks from a bundle already read (the extension host's vscode.l10n.bundle); English without one. */
export function useBundle(contents: l10n.l10nJsonFormat | undefined, locale: string): Locale {
  l10n.config({ contents: contents ?? {} });
  current = contents ? normalizeLocale(locale) : 'en';
  currentContents = current === 'en' ? undefined : contents;
  return current;
}

/** The bundle l10n.t answers from now (undefined in English): what a webview page is given. */
export function currentBundle(): l10n.l10nJsonFormat | undefined {
  return currentContents;
}

/** The page's lang attribute for a locale. */
export function htmlLang(locale: Locale = current): string {
  return locale === 'zh-cn' ? 'zh-CN' : 'en';
}

/** The l10n/ folder of the package a file is in (dist/x.js → l10n/; a source file: the repository's). */
export function bundleDir(from: string): string {
  let d = from;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(d, 'l10n', 'bundle.l10n.json'))) return path.join(d, 'l10n');
    d = path.dirname(d);
  }
  return path.join(from, '..', 'l10n');
}

const ZH_PAGES = new Set<string>(ZH_DOCS.pages);

/**
 * A TiDB docs link in the user's language: docs.pingcap.com/tidb/… becomes docs.pingcap.com/zh/tidb/…
 * in Chinese when TiDB's Chinese docs have the page (l10n/docs-zh-pages.json), else stays English.
 */
export function localizedDocsUrl(url: string, locale: Locale = current): string {
  if (locale !== 'zh-cn') return url;
  const m = /^https:\/\/docs\.pingcap\.com\/(tidb\/(?:stable|dev|v[\d.]+)\/)([\w.-]+)(.*)$/.exec(url);
  return m && ZH_PAGES.has(m[2]) ? `https://docs.pingcap.com/zh/${m[1]}${m[2]}${m[3]}` : url;
}
