// The results webview's HTML shell: a strict Content-Security-Policy (no inline
// script or style, the one script by nonce, nothing from the network) and an empty
// root the bundled script fills with textContent. No VS Code imports, so the
// Chromium tests load the very same page.
import { l10nBlock } from '../../../core/plan/html';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function resultsHtml(o: {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** the display language's bundle (vscode.l10n.bundle) and its html lang; English without */
  l10n?: { bundle?: object; lang: string };
}): string {
  const csp = [
    `default-src 'none'`,
    `style-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    `font-src ${o.cspSource}`,
    `img-src ${o.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attr(o.l10n?.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>TiDB Results</title>
</head>
<body>
<div id="root"></div>
${l10nBlock(o.l10n?.bundle)}<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}
