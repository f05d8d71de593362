// The standalone plan viewer: one HTML file with the viewer's script and style
// inlined and the plan as JSON data (never as markup), under a CSP that allows only
// that script (by nonce) and that style. Opens offline in any browser.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { currentBundle, htmlLang } from '../l10n';
import { stringifyDeep } from './deepJson';
import type { Diagnosis, Plan } from './model';

export interface HtmlInput {
  plan: Plan;
  diagnoses: Diagnosis[];
  title: string;
  raw?: string;
  source?: string;
}

/** JSON safe inside <script type="application/json">: no "</script" or "<!--" can end it. */
export function jsonForScript(v: unknown): string {
  return stringifyDeep(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The user's language for a webview page (results grid, plan viewer, this standalone file): the bundle as a JSON
 * data block that webviews/shared/l10n.ts reads, never markup; nothing in English.
 */
export function l10nBlock(bundle: object | undefined): string {
  return bundle ? `<script type="application/json" id="l10n">${jsonForScript(bundle)}</script>\n` : '';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `assets` holds plan.js and plan.css (dist/webviews). */
export function planHtml(input: HtmlInput | { plans: HtmlInput[] }, assets: string): string {
  const plans = 'plans' in input ? input.plans : [input];
  const js = fs.readFileSync(path.join(assets, 'plan.js'), 'utf8');
  const css = fs.readFileSync(path.join(assets, 'plan.css'), 'utf8');
  const nonce = crypto.randomBytes(16).toString('base64');
  const styleHash = crypto.createHash('sha256').update(css).digest('base64');
  const payload = {
    interactive: false,
    plans: plans.map((p) => ({ title: p.title, source: p.source ?? 'tidb-plan', plan: p.plan, diagnoses: p.diagnoses, raw: p.raw ?? '' })),
  };
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'sha256-${styleHash}'; img-src data:`;
  return `<!DOCTYPE html>
<html lang="${htmlLang()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(l10n.t('{0} — TiDB plan', plans.map((p) => p.title).join(' vs ')))}</title>
<style>${css}</style>
</head>
<body>
<div id="root"></div>
<script type="application/json" id="plan-data">${jsonForScript(payload)}</script>
${l10nBlock(currentBundle())}
<script nonce="${nonce}">${js.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}
