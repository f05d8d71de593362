// A rule's texts in the user's language: the explanation and fix from l10n/rules.zh-cn.json (each
// with the English it translates, so an English text changed since is shown in English rather than
// mistranslated), and the docs link to the Chinese page where TiDB's docs have one.
import RULES_ZH from '../../l10n/rules.zh-cn.json';
import { currentLocale, localizedDocsUrl } from '../l10n';
import type { RuleMeta } from './rule';

interface Translated {
  en: string;
  zh: string;
}

const TABLE = RULES_ZH as Record<string, { explanation?: Translated; fix?: Translated }>;

/** The rule's metadata as the user reads it now. */
export function localizedMeta<M extends Pick<RuleMeta, 'id' | 'explanation' | 'fix' | 'docsUrl'>>(m: M): M {
  if (currentLocale() !== 'zh-cn') return m;
  const z = TABLE[m.id];
  const pick = (t: Translated | undefined, en: string) => (t && t.en === en ? t.zh : en);
  return { ...m, explanation: pick(z?.explanation, m.explanation), fix: pick(z?.fix, m.fix), docsUrl: localizedDocsUrl(m.docsUrl) };
}
