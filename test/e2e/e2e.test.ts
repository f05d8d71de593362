// End-to-end in a real VS Code: the packaged .vsix installed into code-server,
// integration tests run in its extension host, and screenshots of the Problems
// panel and the quick fix menu saved under test-artifacts/e2e/.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { startMariaDb, type MariaDb } from '../../scripts/launcher/mariadb';
import { seed } from '../../scripts/launcher/sample';
import { startFakeApi, type FakeApi } from '../helpers/fakeKubeApi';
import {
  ensureCodeServer,
  prepareProfile,
  ROOT,
  installChineseLocale,
  startCodeServer,
  type CodeServerPaths,
  type Instance,
} from '../../scripts/launcher/codeServer';
import { launchBrowser, newPage, pick } from './browser';

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
let cs: CodeServerPaths;
let browser: Browser;
let db: MariaDb;
let kube: FakeApi;
const cleanup: Array<() => Promise<void> | void> = [];

function workspaceCopy(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-ws-'));
  fs.cpSync(path.join(ROOT, 'examples'), ws, { recursive: true });
  cleanup.push(() => fs.rmSync(ws, { recursive: true, force: true }));
  return ws;
}

before(async () => {
  cs = await ensureCodeServer();
  browser = await launchBrowser();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  db = await startMariaDb();
  await seed(db);
  // code-server passes its environment to the extension host, where the suite reads it
  process.env.TIDB_E2E_DB = JSON.stringify({ port: db.port, user: db.user, password: db.password });
  // a fake Kubernetes API server (contract level: it records what the extension sends and
  // streams scripted phases) as the kubeconfig's cluster, with one TiDB Operator v2 cluster
  kube = await startFakeApi();
  const kubeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-kube-'));
  cleanup.push(() => fs.rmSync(kubeDir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(kubeDir, 'config'), kube.kubeconfig());
  process.env.KUBECONFIG = path.join(kubeDir, 'config');
  scriptKubernetes(kube);
});

after(async () => {
  await browser?.close();
  await kube?.close();
  for (const c of cleanup.reverse()) await c();
  await db?.stop();
});

async function start(smokeTestDriver: boolean, settings: Record<string, unknown> = {}, locale?: 'zh-cn'): Promise<Instance> {
  const dirs = prepareProfile(cs, settings);
  if (locale) installChineseLocale(cs, dirs);
  const inst = await startCodeServer(cs, dirs, { smokeTestDriver, locale });
  cleanup.push(async () => {
    await inst.stop();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  });
  return inst;
}

test('integration suite in the extension host (extensionTestsPath contract)', { timeout: 240_000 }, async () => {
  // The harness is a development extension that only carries the tests; the extension under test comes from the .vsix.
  const harness = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-h-'));
  cleanup.push(() => fs.rmSync(harness, { recursive: true, force: true }));
  fs.copyFileSync(path.join(ROOT, 'test/e2e/harness/package.json'), path.join(harness, 'package.json'));
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test/e2e/suite/index.ts')],
    outfile: path.join(harness, 'out/test/index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const ws = workspaceCopy();
  const inst = await start(true);
  const page = await newPage(browser);
  const output: string[] = [];
  const exit = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
    output.push(`${Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args)}`);
  });
  const remote = (p: string) => `vscode-remote://127.0.0.1:${inst.port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(harness)],
    ['extensionTestsPath', remote(path.join(harness, 'out/test/index'))],
  ]);
  await page.goto(`${inst.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `the integration suite did not finish in 200 s; output so far:\n${output.join('\n')}\ncode-server:\n${inst.log.join('')}`,
          ),
        ),
      200_000,
    );
  });
  const code = await Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
  const text = output.join('\n');
  console.log(
    text
      .split('\n')
      .filter((l) => /^(ok|FAIL|e2e:)/.test(l) || /Error|at /.test(l))
      .join('\n'),
  );
  fs.writeFileSync(path.join(ARTIFACTS, 'integration-output.txt'), text);
  assert.equal(code, 0, `integration suite failed:\n${text}`);
  assert.match(text, /e2e: \d+ passed, 0 failed/);
  // what the operator backup/restore commands sent to the (fake) API server
  const applied = kube.requests.filter((r) => r.method === 'PATCH').map((r) => r.path);
  assert.deepEqual(applied, [
    '/api/v1/namespaces/db/serviceaccounts/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/roles/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/rolebindings/tidb-backup-manager',
    '/api/v1/namespaces/db/secrets/e2e-s3',
    '/apis/br.pingcap.com/v1alpha1/namespaces/db/backups/e2e-backup',
    '/api/v1/namespaces/db/serviceaccounts/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/roles/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/rolebindings/tidb-backup-manager',
    '/apis/br.pingcap.com/v1alpha1/namespaces/db/restores/e2e-restore',
    // point in time: the log backup, the whole-cluster backup, the PITR restore (the refused one sent nothing)
    '/api/v1/namespaces/db/serviceaccounts/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/roles/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/rolebindings/tidb-backup-manager',
    '/apis/br.pingcap.com/v1alpha1/namespaces/db/backups/e2e-log',
    '/api/v1/namespaces/db/serviceaccounts/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/roles/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/rolebindings/tidb-backup-manager',
    '/apis/br.pingcap.com/v1alpha1/namespaces/db/backups/e2e-full',
    '/api/v1/namespaces/db/serviceaccounts/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/roles/tidb-backup-manager',
    '/apis/rbac.authorization.k8s.io/v1/namespaces/db/rolebindings/tidb-backup-manager',
    '/apis/br.pingcap.com/v1alpha1/namespaces/db/restores/e2e-pitr',
  ]);
  const specOf = (suffix: string) =>
    (kube.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(suffix))!.body as { spec: Record<string, unknown> }).spec;
  assert.deepEqual([specOf('/backups/e2e-log').backupMode, specOf('/backups/e2e-log').logSubcommand], ['log', 'log-start']);
  assert.equal(specOf('/backups/e2e-full').backupType, 'full');
  const pitr = specOf('/restores/e2e-pitr');
  assert.deepEqual([pitr.restoreMode, pitr.pitrRestoredTs], ['pitr', '2026-12-01T10:45:00Z']);
  assert.deepEqual((pitr.s3 as { prefix: string }).prefix, 'basic/log');
  assert.deepEqual((pitr.pitrFullBackupStorageProvider as { s3: { prefix: string } }).s3.prefix, 'basic/full');
  const backup = kube.requests.find((r) => r.path.endsWith('/backups/e2e-backup'))!.body as {
    spec: { s3: Record<string, unknown>; toolImage: string; tableFilter?: string[] };
  };
  assert.deepEqual(backup.spec.s3, {
    provider: 'minio',
    bucket: 'e2e-bucket',
    prefix: 'shop/e2e',
    endpoint: 'http://minio.minio:9000',
    secretName: 'e2e-s3',
  });
  assert.deepEqual(backup.spec.tableFilter, ['shop.*']);
  assert.equal(backup.spec.toolImage, 'pingcap/br:v8.5.3');
});

/** One TiDB Operator v2 cluster, db/basic, and the phases its Backup and Restore go through. */
function scriptKubernetes(api: FakeApi): void {
  const list = (items: unknown[]) => ({ kind: 'List', apiVersion: 'v1', metadata: {}, items });
  const group = (component: string, replicas: number) => ({
    metadata: { name: component, namespace: 'db' },
    spec: { cluster: { name: 'basic' }, replicas },
    status: { replicas, readyReplicas: replicas, conditions: [{ type: 'Ready', status: 'True' }] },
  });
  api.gets.set('/apis/core.pingcap.com/v1alpha1/clusters', list([{ metadata: { name: 'basic', namespace: 'db' } }]));
  api.gets.set('/apis/core.pingcap.com/v1alpha1/pdgroups', list([group('pd', 1)]));
  api.gets.set('/apis/core.pingcap.com/v1alpha1/tikvgroups', list([group('tikv', 1)]));
  api.gets.set('/apis/core.pingcap.com/v1alpha1/tidbgroups', list([group('tidb', 1)]));
  // point in time: a log backup that runs (its checkpoint moves on), a whole-cluster backup, a PITR restore
  const tso = (iso: string) => String(BigInt(new Date(iso).getTime()) << 18n);
  api.gets.set('/apis/br.pingcap.com/v1alpha1/namespaces/db/backups/e2e-log', {
    apiVersion: 'br.pingcap.com/v1alpha1',
    kind: 'Backup',
    metadata: { name: 'e2e-log', namespace: 'db' },
    status: { phase: 'Running', commitTs: tso('2026-12-01T10:00:00Z'), logCheckpointTs: tso('2026-12-01T11:00:00Z') },
  });
  api.watches.set('/apis/br.pingcap.com/v1alpha1/namespaces/db/backups', [
    {
      afterMs: 10,
      type: 'MODIFIED',
      object: {
        metadata: { name: 'e2e-log' },
        status: { phase: 'Running', commitTs: tso('2026-12-01T10:00:00Z'), logCheckpointTs: tso('2026-12-01T10:00:05Z') },
      },
    },
    {
      afterMs: 20,
      type: 'MODIFIED',
      object: {
        metadata: { name: 'e2e-full' },
        status: { phase: 'Complete', commitTs: tso('2026-12-01T10:30:00Z'), backupPath: 's3://e2e-bucket/basic/full' },
      },
    },
    { afterMs: 10, type: 'ADDED', object: { metadata: { name: 'e2e-backup' }, status: { phase: 'Scheduled' } } },
    { afterMs: 100, type: 'MODIFIED', object: { metadata: { name: 'e2e-backup' }, status: { phase: 'Running' } } },
    {
      afterMs: 300,
      type: 'MODIFIED',
      object: {
        metadata: { name: 'e2e-backup' },
        status: { phase: 'Complete', backupPath: 's3://e2e-bucket/shop/e2e', backupSizeReadable: '42 MB' },
      },
    },
  ]);
  api.watches.set('/apis/br.pingcap.com/v1alpha1/namespaces/db/restores', [
    { afterMs: 10, type: 'ADDED', object: { metadata: { name: 'e2e-pitr' }, status: { phase: 'Running' } } },
    { afterMs: 100, type: 'MODIFIED', object: { metadata: { name: 'e2e-pitr' }, status: { phase: 'Complete' } } },
    { afterMs: 10, type: 'ADDED', object: { metadata: { name: 'e2e-restore' }, status: { phase: 'Running' } } },
    { afterMs: 200, type: 'MODIFIED', object: { metadata: { name: 'e2e-restore' }, status: { phase: 'Complete' } } },
  ]);
}

/**
 * Right-clicks `target`, picks `label` in its context menu and waits for `outcome`. VS Code's menus ignore a click
 * that comes too soon after they open (the right-click's own mouse-up must not pick an item), which a loaded machine
 * makes likely: the click waits for the menu to settle, and the menu is opened again when nothing happened.
 */
async function contextMenu(page: Page, target: Locator, label: string, outcome: Locator): Promise<void> {
  const item = page.locator('.context-view .action-item', { hasText: label }).first();
  for (let attempt = 1; ; attempt++) {
    await target.click({ button: 'right' });
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(300);
    await item.click({ timeout: 10_000 });
    try {
      await outcome.waitFor({ state: 'visible', timeout: 15_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** Opens the code action menu (Ctrl+.) at the cursor and waits for an entry with `text`. */
async function codeActionMenu(page: Page, text: string): Promise<Locator> {
  const menu = page.locator('.action-widget').filter({ hasText: text }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await menu.waitFor({ state: 'visible', timeout: 10_000 });
      return menu;
    } catch (e) {
      // the key can land while the editor is still busy; the menu must come on a later press
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

async function command(page: Page, title: string): Promise<void> {
  await pick(page, 'F1', `>${title}`, title);
}

const pages: Page[] = [];

/** A UI test: on failure every page it opened is saved as test-artifacts/e2e/failed-<test>-<n>.png. */
function uiTest(name: string, fn: () => Promise<void>): void {
  test(name, { timeout: 180_000 }, async () => {
    pages.length = 0;
    try {
      await fn();
    } catch (e) {
      const slug = name.replace(/[^\w]+/g, '-').slice(0, 50);
      for (const [i, p] of pages.entries())
        await p.screenshot({ path: path.join(ARTIFACTS, `failed-${slug}-${i}.png`) }).catch(() => undefined);
      throw e;
    }
  });
}

/** Opens the workspace in a page and waits for the workbench. */
async function openWorkbench(inst: Instance, ws: string): Promise<Page> {
  const page = await newPage(browser);
  pages.push(page);
  await page.goto(`${inst.url}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Answers the browser VS Code's save dialog with `target`. The dialog fills in its default path (matching `suggested`)
 * asynchronously: it is replaced once it is there; the dialog re-reads the folder as the path changes, so OK is taken
 * once it has settled.
 */
async function saveAs(page: Page, suggested: RegExp, target: string): Promise<void> {
  const dialogInput = page.locator('.quick-input-widget input');
  for (const deadline = Date.now() + 15_000; !suggested.test(await dialogInput.inputValue()) && Date.now() < deadline; )
    await page.waitForTimeout(100);
  await dialogInput.fill(target);
  const ok = page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' });
  for (let attempt = 0; attempt < 5 && (await dialogInput.isVisible()); attempt++) {
    await page.waitForTimeout(500);
    if (await dialogInput.isVisible()) await ok.click().catch(() => undefined);
  }
}

/** Opens a workspace file through Quick Open (Ctrl+P). */
async function quickOpen(page: Page, file: string): Promise<void> {
  await pick(page, 'Control+P', file, file);
}

uiTest('screenshots: Problems panel and the quick fix menu', async () => {
  const ws = workspaceCopy();
  const inst = await start(false);
  const page = await openWorkbench(inst, ws);
  await quickOpen(page, 'migration-v42.sql');
  await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const problems = await page.locator('.markers-panel').innerText();
  assert.match(problems, /lock-in-share-mode/);
  assert.match(problems, /sql-calc-found-rows/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'problems-panel.png') });

  // put the cursor on LOCK IN SHARE MODE (line 6) and open the quick fix menu
  await page.keyboard.press('Control+G');
  const goto = page.locator('.quick-input-widget input');
  await goto.waitFor({ state: 'visible' });
  await goto.fill(':6:40');
  await page.keyboard.press('Enter');
  await page.locator('.statusbar', { hasText: 'Ln 6, Col 40' }).waitFor({ timeout: 30_000 });
  // the light bulb shows once the code actions at the cursor are known
  await page.locator('.lightBulbWidget').first().waitFor({ state: 'visible', timeout: 30_000 });
  const menu = await codeActionMenu(page, 'FOR UPDATE');
  const items = await menu.innerText();
  assert.match(items, /FOR UPDATE/);
  assert.match(items, /Disable lock-in-share-mode for this line/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'quick-fix-menu.png') });
});

uiTest('screenshots: the TiDB explorer and the results grid', async () => {
  const ws = workspaceCopy();
  fs.writeFileSync(
    path.join(ws, 'report.sql'),
    '-- orders with their notes\nSELECT id, email, note, total, created FROM orders ORDER BY id;\n',
  );
  // a saved connection without a password: connecting asks for it, as it does for a teammate's workspace connection
  const inst = await start(false, {
    'tidb.connections': [{ id: 'e2e', name: 'e2e maria', host: '127.0.0.1', port: db.port, user: db.user, database: 'shop', tls: 'off' }],
  });
  const page = await openWorkbench(inst, ws);
  await page.locator('.activitybar .action-item a[aria-label^="TiDB"]').click();
  const tree = page.locator('.pane-body .monaco-list[aria-label="Explorer"]');
  const row = (text: string) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
  await row('e2e maria').click();
  const pw = page.locator('.quick-input-widget input[type="password"]');
  await pw.waitFor({ state: 'visible', timeout: 30_000 });
  await pw.fill(db.password);
  await page.keyboard.press('Enter');
  // move the pointer off the connection row, whose hover would cover the rows below it
  await page.mouse.move(800, 700);
  await row('shop').click({ timeout: 30_000 });
  await row('Tables').click({ timeout: 30_000 });
  await row('orders').click({ timeout: 30_000 });
  await row('Columns').click({ timeout: 30_000 });
  // the list renders only the rows in view: move down to the columns (the keyboard scrolls them in)
  await row('id').waitFor({ timeout: 30_000 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await row('email').waitFor({ timeout: 30_000 });
  const text = await tree.innerText();
  assert.match(text, /MariaDB .*not TiDB/);
  assert.match(text, /<img src=x onerror=alert\(1\)>/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'explorer.png') });

  // run the statement under the cursor; the file has no connection yet, so it asks which
  await quickOpen(page, 'report.sql');
  await page.locator('.monaco-editor .view-lines', { hasText: 'SELECT id, email' }).waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-line', { hasText: 'ORDER BY' }).click();
  await page.keyboard.press('Control+Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'e2e maria' }).first().click({ timeout: 30_000 });
  const grid = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await grid.locator('.rows .row').nth(4).waitFor({ timeout: 60_000 });
  const cells = await grid.locator('.rows .row').nth(2).locator('.cell').allInnerTexts();
  assert.deepEqual(cells.slice(0, 4), ['3', '3', 'c@example.com', '<img src=x onerror=alert(1)>']);
  assert.equal(await grid.locator('.rows .row').nth(1).locator('.cell.null').count(), 1, 'NULL is marked');
  assert.equal(await grid.locator('img').count(), 0);
  assert.match(await page.locator('.statusbar').innerText(), /e2e maria/);
  assert.equal(await grid.locator('.rows .row').nth(4).locator('.cell').nth(3).innerText(), 'multi↵line');
  await page.screenshot({ path: path.join(ARTIFACTS, 'results-grid.png') });

  // Copy Name in a browser that never granted clipboard access: copied, or offered in an editor; never an error
  await contextMenu(
    page,
    row('orders'),
    'Copy Name',
    page.locator('.statusbar :text("Copied orders"), .notifications-toasts :text("Could not copy orders")').first(),
  );
  assert.equal(await page.locator('.notifications-toasts .codicon-error').count(), 0, 'no error notification');

  // a logical backup from the explorer's context menu, saved through the browser VS Code's file dialog
  const target = path.join(ws, 'shop-backup.sql.gz');
  await contextMenu(page, row('shop'), 'Backup…', page.locator('.quick-input-widget input'));
  await saveAs(page, /shop-.*\.sql\.gz$/, target);
  await page.locator('.notifications-toasts', { hasText: 'Backed up' }).waitFor({ timeout: 60_000 });
  await page
    .locator('.notification-toast', { hasText: 'Logical backup of' })
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(() => undefined);
  assert.ok(fs.existsSync(target), 'the backup file is written');
  assert.ok(fs.existsSync(`${target}.manifest.json`), 'and its manifest');
  await page.locator('.pane-header', { hasText: 'Backups' }).first().waitFor();
  await page.locator('.pane-body .monaco-list-row', { hasText: 'shop' }).last().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'backup.png') });
});

uiTest(
  'Performance on MariaDB: Running Now lists a SLEEP from another client and kills it after a confirmation that shows the KILL; Limit Execution Time from the light bulb',
  async () => {
    const ws = workspaceCopy();
    fs.writeFileSync(path.join(ws, 'slow.sql'), "-- a report that can run long\nSELECT id, email FROM orders WHERE note LIKE '%late%';\n");
    const inst = await start(false, {
      'tidb.connections': [
        { id: 'perf', name: 'perf maria', host: '127.0.0.1', port: db.port, user: db.user, database: 'shop', tls: 'off' },
      ],
    });
    const page = await openWorkbench(inst, ws);
    await page.locator('.activitybar .action-item a[aria-label^="TiDB"]').click();
    const row = (text: string) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
    await row('perf maria').click();
    const pw = page.locator('.quick-input-widget input[type="password"]');
    await pw.waitFor({ state: 'visible', timeout: 30_000 });
    await pw.fill(db.password);
    await page.keyboard.press('Enter');
    await row('Performance').click({ timeout: 30_000 });
    await row('Slow Queries').waitFor({ timeout: 30_000 });
    assert.match(await row('Slow Queries').innerText(), /needs TiDB/);
    assert.match(await row('Top Statements').innerText(), /needs TiDB/);
    // time travel is TiDB's MVCC history: on MariaDB the section says so (system-versioned tables are not this)
    assert.match(await row('Time Travel').innerText(), /needs TiDB/);
    // another client runs a long statement
    const other = await db.admin();
    const t0 = Date.now();
    const sleeping = other.query('SELECT SLEEP(60) /* e2e-perf */').then(
      () => 'ended',
      (e: Error) => e.message,
    );
    try {
      await page.waitForTimeout(500);
      await row('Running Now').click();
      const entry = row('SLEEP(60)');
      await entry.waitFor({ timeout: 30_000 });
      assert.match(await entry.innerText(), /SELECT SLEEP\(60\) \/\* e2e-perf \*\//);
      await page.mouse.move(5, 5);
      await page.screenshot({ path: path.join(ARTIFACTS, 'performance-running-now.png') });
      const dialog = page.locator('.monaco-dialog-box');
      await contextMenu(page, entry, 'Kill Query…', dialog);
      const text = await dialog.innerText();
      assert.match(text, /Kill the statement running on connection \d+/);
      assert.match(text, /Runs: KILL QUERY \d+/);
      assert.match(text, /SELECT SLEEP\(60\)/);
      await page.screenshot({ path: path.join(ARTIFACTS, 'performance-kill-confirmation.png') });
      await dialog.getByRole('button', { name: 'Kill Query' }).click();
      await page.locator('.notifications-toasts', { hasText: 'Killed the statement' }).waitFor({ timeout: 30_000 });
      // MariaDB ends an interrupted SLEEP with 1 or with error 1317, depending on timing
      assert.match(await sleeping, /^(ended|Query execution was interrupted)$/);
      assert.ok(Date.now() - t0 < 45_000, 'the SLEEP(60) was cut short');
      await row('Nothing is running now').waitFor({ timeout: 30_000 });
    } finally {
      await other.end().catch(() => undefined);
    }

    // the guardrail in the editor: the light bulb on a SELECT offers the execution-time limit
    await quickOpen(page, 'slow.sql');
    await page.locator('.monaco-editor .view-line', { hasText: 'FROM orders' }).click();
    const menu = await codeActionMenu(page, 'Limit Execution Time');
    await menu.locator('.action-item, .monaco-list-row', { hasText: 'Limit Execution Time' }).first().click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await input.inputValue(), '10000');
    await input.fill('2500');
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: 'MAX_EXECUTION_TIME(2500)' }).waitFor({ timeout: 30_000 });
    assert.match(
      await page.locator('.monaco-editor .view-lines').first().innerText(),
      /SELECT\s\/\*\+\sMAX_EXECUTION_TIME\(2500\)\s\*\/\sid,\s*email/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'performance-limit-execution-time.png') });
  },
);

uiTest(
  'a browser that never granted clipboard access: Visualize Plan from Text on a selection, the paste fallback, a docs link',
  async () => {
    const ws = workspaceCopy();
    fs.writeFileSync(path.join(ws, 'notes.txt'), 'no plan in here\n');
    const inst = await start(false);
    const page = await openWorkbench(inst, ws);
    // the context has no clipboard-read permission (Playwright grants none unless asked)
    const perm = await page.evaluate(async () => (await navigator.permissions.query({ name: 'clipboard-read' as PermissionName })).state);
    assert.notEqual(perm, 'granted');
    await quickOpen(page, 'plan-analyze.txt');
    await page.locator('.monaco-editor .view-line', { hasText: 'HashJoin_69' }).first().click();
    await page.keyboard.press('Control+A');
    await command(page, 'TiDB: Visualize Plan from Text');
    const viewer = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await viewer.locator('.node', { hasText: 'HashJoin_69' }).first().waitFor({ timeout: 60_000 });
    assert.match(await viewer.locator('.advice-list').innerText(), /row-misestimate/);
    await viewer.locator('.advice-list .advice', { hasText: 'disk-spill' }).first().click();
    // the viewer alone, as wide as the window, for the picture
    await command(page, 'View: Toggle Maximize Editor Group');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'plan-viewer.png') });
    await command(page, 'View: Toggle Maximize Editor Group');
    assert.equal(
      await page.locator('.notifications-toasts', { hasText: 'Unable to read from the browser' }).count(),
      0,
      'the clipboard was not read',
    );

    // nothing selected, no plan in the file: the clipboard cannot be read here, so the command offers a new editor to paste into
    await command(page, 'View: Close All Editors');
    await quickOpen(page, 'notes.txt');
    await page.locator('.monaco-editor .view-line', { hasText: 'no plan in here' }).first().click();
    await command(page, 'TiDB: Visualize Plan from Text');
    const offer = page.locator('.notification-toast', { hasText: 'No EXPLAIN output' });
    await offer.waitFor({ timeout: 30_000 });
    assert.equal(
      await page.locator('.notifications-toasts', { hasText: 'Unable to read from the browser' }).count(),
      0,
      'the clipboard is not read unasked',
    );
    await offer.getByRole('button', { name: 'Paste into a New Editor' }).click();
    await page.locator('.tab', { hasText: 'Untitled' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    // what Ctrl+V does: a paste event carrying the text to the focused editor (no clipboard permission involved)
    await page.evaluate(
      (text) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', text);
        document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      fs.readFileSync(path.join(ROOT, 'examples', 'plan-analyze.txt'), 'utf8'),
    );
    await page.locator('.tab', { hasText: 'Plan: pasted plan' }).waitFor({ timeout: 30_000 });
    const pasted = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await pasted.locator('.node', { hasText: 'TableRangeScan_26' }).first().waitFor({ timeout: 30_000 });
    assert.equal(await pasted.locator('.node').count(), 13, 'the whole pasted plan');

    // a docs link (openExternal) from the browser: VS Code asks about the external site or opens it in a new tab
    // no network here: the docs site answers from the test
    await page
      .context()
      .route('https://docs.pingcap.com/**', (r) => r.fulfill({ contentType: 'text/html', body: '<title>TiDB docs</title>' }));
    const popup = page
      .context()
      .waitForEvent('page', { timeout: 30_000 })
      .catch(() => undefined);
    await command(page, 'TiDB: Show Rule Documentation');
    const ruleInput = page.locator('.quick-input-widget input');
    await ruleInput.fill('lock-in-share-mode');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'lock-in-share-mode' }).first().click();
    const dialog = page.locator('.monaco-dialog-box');
    const opened = await Promise.race([popup, dialog.waitFor({ timeout: 30_000 }).then(() => 'dialog' as const)]);
    if (opened === 'dialog') {
      assert.match(await dialog.innerText(), /docs\.pingcap\.com/);
      await dialog.getByRole('button', { name: 'Open' }).click();
    }
    const tab = opened && opened !== 'dialog' ? opened : await popup;
    assert.ok(tab, 'a browser tab opened for the docs link');
    for (const deadline = Date.now() + 15_000; !/^https:\/\/docs\.pingcap\.com\//.test(tab.url()) && Date.now() < deadline; )
      await new Promise((r) => setTimeout(r, 200));
    assert.match(tab.url(), /^https:\/\/docs\.pingcap\.com\//);
    assert.equal(await page.locator('.notifications-toasts .codicon-error').count(), 0, 'no error notification');
  },
);

uiTest('Compare Schema between a dev and a prod connection (environment colours), a table side by side, the sync script', async () => {
  const ws = workspaceCopy();
  const admin = await db.admin();
  await admin.query('DROP DATABASE IF EXISTS shop_prod');
  await admin.query('CREATE DATABASE shop_prod');
  await admin.query('CREATE TABLE shop_prod.orders LIKE shop.orders');
  await admin.query('ALTER TABLE shop_prod.orders DROP COLUMN note, ADD COLUMN legacy INT');
  await admin.end();
  const conn = (id: string, name: string, environment: string, database: string) => ({
    id,
    name,
    host: '127.0.0.1',
    port: db.port,
    user: db.user,
    database,
    tls: 'off',
    environment,
  });
  const inst = await start(false, {
    'tidb.connections': [conn('dev', 'dev maria', 'dev', 'shop'), conn('prod', 'prod maria', 'prod', 'shop_prod')],
  });
  const page = await openWorkbench(inst, ws);
  await page.locator('.activitybar .action-item a[aria-label^="TiDB"]').click();
  const row = (text: string) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
  await row('prod maria').waitFor({ timeout: 30_000 });
  assert.match(await row('prod maria').innerText(), /\[prod\]/);
  assert.match(await row('dev maria').innerText(), /\[dev\]/);
  const password = async () => {
    const pw = page.locator('.quick-input-widget input[type="password"]');
    await pw.waitFor({ state: 'visible', timeout: 30_000 });
    await pw.fill(db.password);
    await page.keyboard.press('Enter');
  };
  const choose = async (label: string) => {
    const item = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await item.waitFor({ timeout: 30_000 });
    await item.click();
  };
  await command(page, 'TiDB: Compare Schema…');
  await choose('dev maria');
  await password();
  await choose('shop');
  await choose('prod maria');
  await password();
  await choose('shop_prod');
  await row('Different (1)').waitFor({ timeout: 60_000 });
  await page.locator('.pane-body .monaco-list-row', { hasText: '+1 columns' }).first().click();
  const diff = page.locator('.monaco-diff-editor').first();
  await diff.locator('.view-line', { hasText: 'legacy' }).first().waitFor({ timeout: 30_000 });
  await diff.locator('.view-line', { hasText: 'note' }).first().waitFor({ timeout: 30_000 });
  // the view only in dev is listed with the tables
  assert.match(await page.locator('.pane-body', { hasText: 'Only in dev maria/shop' }).last().innerText(), /v_big_orders/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'schema-compare.png') });
  const cleanup = await db.admin();
  await cleanup.query('DROP DATABASE shop_prod');
  await cleanup.end();
});

uiTest('a production connection asks before a statement that changes data, showing it; Cancel leaves the data alone', async () => {
  const ws = workspaceCopy();
  fs.writeFileSync(path.join(ws, 'danger.sql'), "UPDATE orders SET note = 'changed' WHERE email = 'a@example.com';\n");
  const inst = await start(false, {
    'tidb.connections': [
      { id: 'prod', name: 'prod maria', host: '127.0.0.1', port: db.port, user: db.user, database: 'shop', tls: 'off', production: true },
    ],
  });
  const page = await openWorkbench(inst, ws);
  await quickOpen(page, 'danger.sql');
  await page.locator('.monaco-editor .view-line', { hasText: 'UPDATE orders' }).click();
  const note = async () => {
    const c = await db.admin();
    const [rows] = await c.query<import('mysql2/promise').RowDataPacket[]>("SELECT note FROM shop.orders WHERE email = 'a@example.com'");
    await c.end();
    return rows[0].note as string;
  };
  const dialog = page.locator('.monaco-dialog-box');
  // first try: pick the connection, read the confirmation, cancel
  await page.keyboard.press('Control+Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'prod maria' }).first().click({ timeout: 30_000 });
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  const text = await dialog.innerText();
  assert.match(text, /prod maria is a production connection/);
  assert.match(text, /UPDATE orders SET note = 'changed' WHERE email = 'a@example.com'/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'production-confirmation.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await note(), 'first order', 'cancelled: nothing ran');
  // second try: Run, then the password prompt (none is stored yet)
  await page.locator('.monaco-editor .view-line', { hasText: 'UPDATE orders' }).click();
  await page.keyboard.press('Control+Enter');
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Run' }).click();
  const pw = page.locator('.quick-input-widget input[type="password"]');
  await pw.waitFor({ state: 'visible', timeout: 30_000 });
  await pw.fill(db.password);
  await page.keyboard.press('Enter');
  const deadline = Date.now() + 30_000;
  while ((await note()) !== 'changed') {
    if (Date.now() > deadline) throw new Error('the confirmed UPDATE never ran');
    await new Promise((r) => setTimeout(r, 200));
  }
  const c = await db.admin();
  await c.query("UPDATE shop.orders SET note = 'first order' WHERE email = 'a@example.com'");
  await c.end();
});

uiTest(
  'zh-cn (code-server --locale zh-cn): the TiDB view, the results grid, a backup, a diagnostic, its quick fixes and the plan viewer in Chinese',
  async () => {
    const CJK = /[\u4e00-\u9fff]/;
    const ws = workspaceCopy();
    fs.writeFileSync(path.join(ws, 'report-zh.sql'), 'SELECT id, email, total FROM orders ORDER BY id;\n');
    const inst = await start(
      false,
      {
        'tidb.connections': [
          { id: 'zh', name: 'e2e maria', host: '127.0.0.1', port: db.port, user: db.user, database: 'shop', tls: 'off' },
        ],
      },
      'zh-cn',
    );
    const page = await openWorkbench(inst, ws);
    // the explorer: connect, a database's folders in Chinese
    await page.locator('.activitybar .action-item a[aria-label^="TiDB"]').click();
    const row = (text: string) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
    await row('e2e maria').click();
    const pw = page.locator('.quick-input-widget input[type="password"]');
    await pw.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await page.locator('.quick-input-widget').innerText(), CJK, 'the password prompt');
    await pw.fill(db.password);
    await page.keyboard.press('Enter');
    await page.mouse.move(800, 700);
    await row('shop').click({ timeout: 30_000 });
    await row('表').waitFor({ timeout: 30_000 });
    await row('表').click();
    await row('orders').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'zh-cn-explorer.png') });

    // the results grid: a query's rows with the toolbar and the Messages tab in Chinese
    await quickOpen(page, 'report-zh.sql');
    await page.locator('.monaco-editor .view-line', { hasText: 'ORDER BY' }).click();
    await page.keyboard.press('Control+Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'e2e maria' }).first().click({ timeout: 30_000 });
    const grid = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await grid.locator('.rows .row').nth(2).waitFor({ timeout: 60_000 });
    assert.match(await grid.locator('.toolbar').innerText(), /复制：/);
    assert.match(await grid.locator('.tabs').innerText(), /消息/);
    assert.equal(await grid.locator('html').getAttribute('lang'), 'zh-CN');
    await page.screenshot({ path: path.join(ARTIFACTS, 'zh-cn-results-grid.png') });

    // a logical backup from the explorer's context menu: the menu, the progress and the outcome in Chinese
    const target = path.join(ws, 'shop-zh.sql.gz');
    await contextMenu(page, row('shop'), '备份…', page.locator('.quick-input-widget input'));
    await saveAs(page, /shop-.*\.sql\.gz$/, target);
    await page.locator('.notifications-toasts', { hasText: '备份到' }).waitFor({ timeout: 60_000 });
    assert.ok(fs.existsSync(target), 'the backup file is written');

    // a diagnostic in the Problems panel, with the rule id as it is
    await quickOpen(page, 'migration-v42.sql');
    await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
    const problems = await page.locator('.markers-panel').innerText();
    assert.match(problems, /lock-in-share-mode/);
    const lockRow = problems.split('\n').find((l) => /SHARE MODE|LOCK IN/.test(l)) ?? problems;
    assert.match(lockRow, CJK, lockRow);
    await page.screenshot({ path: path.join(ARTIFACTS, 'zh-cn-problems.png') });
    // the quick fixes at LOCK IN SHARE MODE (line 6): the rewrite and the suppressions, in Chinese
    await page.keyboard.press('Control+G');
    const goto = page.locator('.quick-input-widget input');
    await goto.waitFor({ state: 'visible' });
    await goto.fill(':6:40');
    await page.keyboard.press('Enter');
    await page.locator('.lightBulbWidget').first().waitFor({ state: 'visible', timeout: 30_000 });
    const menu = await codeActionMenu(page, 'lock-in-share-mode');
    const items = await menu.innerText();
    assert.match(items, /FOR UPDATE/);
    assert.match(items, CJK, items);
    await page.screenshot({ path: path.join(ARTIFACTS, 'zh-cn-quick-fix.png') });
    await page.keyboard.press('Escape');

    // the plan viewer: tabs, details and advice in Chinese, operator names as they are
    await quickOpen(page, 'plan-analyze.txt');
    await page.locator('.monaco-editor .view-line', { hasText: 'HashJoin_69' }).first().click();
    await page.keyboard.press('Control+A');
    await command(page, 'TiDB: 可视化文本形式的执行计划');
    const viewer = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await viewer.locator('.node', { hasText: 'HashJoin_69' }).first().waitFor({ timeout: 60_000 });
    assert.match(await viewer.locator('.toolbar').innerText(), /执行计划/);
    const advice = await viewer.locator('.advice-list').innerText();
    assert.match(advice, /row-misestimate/);
    assert.match(advice, CJK, advice.slice(0, 300));
    await command(page, 'View: Toggle Maximize Editor Group');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'zh-cn-plan-viewer.png') });
    await command(page, 'View: Toggle Maximize Editor Group');
  },
);
