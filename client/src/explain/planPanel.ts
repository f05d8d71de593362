// The plan viewer panel: one per plan (so two can be compared), restored after a
// reload by the serializer from the webview's own state. Export writes the
// standalone HTML file tidb-plan writes.
import { htmlLang, normalizeLocale } from '../../../core/l10n';
import * as vscode from 'vscode';
import type { FromPlan, PlanPayload, PlanState, PlanView, ToPlan } from '../../../protocol/webviews/plan';
import { l10nBlock, planHtml } from '../../../core/plan/html';
import { nonce } from '../nonce';
import { log } from '../log';

export const PLAN_VIEW = 'tidb.plan';

export interface PlanPanels {
  show(views: PlanView[]): vscode.WebviewPanel;
  /** Shows other plans in a panel `show` opened (a pasted plan that grew), or opens a new one when it was closed. */
  update(panel: vscode.WebviewPanel, views: PlanView[]): vscode.WebviewPanel;
  /** the last payload shown (tests) */
  last?: PlanPayload;
  /** messages the pages sent (tests) */
  received: FromPlan[];
  /** a panel VS Code restored after a reload (activation registers the serializer that calls this) */
  restore?(panel: vscode.WebviewPanel, state: PlanState | undefined): Promise<void>;
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webviews');
  const n = nonce();
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${n}'`, `font-src ${webview.cspSource}`].join(
    '; ',
  );
  const lang = htmlLang(normalizeLocale(vscode.env.language));
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" href="${webview.asWebviewUri(vscode.Uri.joinPath(root, 'plan.css'))}"><title>TiDB Plan</title></head>
<body><div id="root"></div>${l10nBlock(vscode.l10n.bundle)}<script nonce="${n}" src="${webview.asWebviewUri(vscode.Uri.joinPath(root, 'plan.js'))}"></script></body></html>`;
}

/** "Plan: SELECT … ⇄ SELECT …" */
function panelTitle(views: PlanView[]): string {
  return vscode.l10n.t(
    'Plan: {0}',
    views
      .map((v) => v.title)
      .join(' ⇄ ')
      .slice(0, 60),
  );
}

export function createPlanPanels(
  context: vscode.ExtensionContext,
  pickOther: () => Promise<PlanView | undefined>,
): PlanPanels & vscode.Disposable {
  /** every open panel, with the function that shows another payload in it */
  const panels = new Map<vscode.WebviewPanel, (p: PlanPayload) => void>();
  const api: PlanPanels & vscode.Disposable = {
    received: [],
    show(views) {
      const panel = vscode.window.createWebviewPanel(
        PLAN_VIEW,
        panelTitle(views),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        {
          enableScripts: true,
          retainContextWhenHidden: false,
          localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webviews')],
        },
      );
      wire(panel, { plans: views, interactive: true });
      return panel;
    },
    update(panel, views) {
      const set = panels.get(panel);
      if (!set) return api.show(views);
      set({ plans: views, interactive: true });
      panel.title = panelTitle(views);
      return panel;
    },
    dispose() {
      for (const p of panels.keys()) p.dispose();
    },
  };

  function wire(panel: vscode.WebviewPanel, payload: PlanPayload): void {
    panel.onDidDispose(() => panels.delete(panel));
    let current = payload;
    api.last = payload;
    panels.set(panel, (p) => {
      current = p;
      api.last = p;
      void panel.webview.postMessage({ type: 'show', payload: current } satisfies ToPlan);
    });
    panel.webview.html = html(panel.webview, context.extensionUri);
    panel.webview.onDidReceiveMessage(async (m: FromPlan) => {
      api.received.push(m);
      switch (m.type) {
        case 'ready':
          void panel.webview.postMessage({ type: 'show', payload: current } satisfies ToPlan);
          return;
        case 'openDocs':
          if (/^https:\/\/docs\.pingcap\.com\//.test(m.url)) void vscode.env.openExternal(vscode.Uri.parse(m.url));
          return;
        case 'compareWith': {
          const other = await pickOther();
          if (!other) return;
          current = { ...current, plans: [current.plans[0], other] };
          api.last = current;
          panel.title = panelTitle(current.plans);
          void panel.webview.postMessage({ type: 'show', payload: current } satisfies ToPlan);
          return;
        }
        case 'exportHtml':
          await exportHtml(current, context.extensionUri);
          return;
      }
    });
  }

  api.restore = async (panel, state) => {
    if (!state?.payload) {
      panel.dispose();
      return;
    }
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webviews')],
    };
    wire(panel, state.payload);
  };
  return api;
}

export async function exportHtml(payload: PlanPayload, extensionUri: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  // letters of any language: a title can be localised ("剪贴板") or a statement on Chinese names
  const name = `${payload.plans[0].title.replace(/[^\p{L}\p{N}_.-]+/gu, '_').slice(0, 40) || 'plan'}.html`;
  target ??= await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { HTML: ['html'] },
  });
  if (!target) return;
  const assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webviews').fsPath;
  const text = planHtml(
    { plans: payload.plans.map((p) => ({ plan: p.plan, diagnoses: p.diagnoses, title: p.title, raw: p.raw, source: p.source })) },
    assets,
  );
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  log().info(`Exported the plan to ${target.fsPath}`);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Saved {0}: it opens offline in any browser.', vscode.workspace.asRelativePath(target)),
  );
  return target;
}
