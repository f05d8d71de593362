// The page's language: the extension puts the bundle of the user's display language (the same
// l10n/bundle.l10n.<locale>.json the extension speaks) into the page as a JSON data block, never as
// markup; l10n.t then answers from it, and in English from the source strings. Imported first, for
// its effect, by every view's main.ts.
import * as l10n from '@vscode/l10n';

const data = document.getElementById('l10n')?.textContent;
if (data) {
  try {
    l10n.config({ contents: JSON.parse(data) as Record<string, string> });
  } catch {
    // an unreadable bundle: the page stays in English
  }
}
