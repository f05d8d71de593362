// Integration tests that run inside the real VS Code extension host (the
// `extensionTestsPath` contract: export run(), reject on failure). The
// extension under test was installed from the packaged .vsix.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

type Test = { name: string; fn: () => Promise<void> };
const tests: Test[] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push({ name, fn });

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder');
  return f.uri;
}

/** Resolves when `pred` holds for the document's diagnostics (checked on every change). */
function diagnosticsFor(uri: vscode.Uri, pred: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'tidb');
      if (pred(d)) {
        sub.dispose();
        clearTimeout(t);
        resolve(d);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const t = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `diagnostics for ${uri.path} never matched; last: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.code))}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

test('the packaged extension is installed and its commands are registered', async () => {
  const ext = vscode.extensions.getExtension('tidb-toolkit.tidb-toolkit');
  assert.ok(ext, 'tidb-toolkit.tidb-toolkit is not installed');
  // code-server installs the packaged .vsix; test:desktop (test-electron) loads the development folder
  if (!process.env.TIDB_E2E_DEV_EXTENSION)
    assert.ok(ext.extensionPath.includes('tidb-toolkit.tidb-toolkit-'), `loaded from ${ext.extensionPath}, not the installed .vsix`);
  await ext.activate();
  const cmds = await vscode.commands.getCommands(true);
  for (const c of ['tidb.lintWorkspace', 'tidb.setTargetVersion', 'tidb.showRuleDocumentation', 'tidb.restartLanguageServer']) {
    assert.ok(cmds.includes(c), `command ${c} missing`);
  }
});

test('opening a SQL file shows TiDB diagnostics with codes, ranges and docs links', async () => {
  const uri = vscode.Uri.joinPath(folder(), 'migration-v42.sql');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const ds = await diagnosticsFor(uri, (d) => d.some((x) => code(x) === 'lock-in-share-mode'));
  const lock = ds.find((x) => code(x) === 'lock-in-share-mode')!;
  assert.equal(doc.getText(lock.range), 'LOCK IN SHARE MODE');
  assert.equal(lock.severity, vscode.DiagnosticSeverity.Error);
  assert.match(String((lock.code as { target: vscode.Uri }).target), /docs\.pingcap\.com/);
  const codes = new Set(ds.map(code));
  for (const c of ['sql-calc-found-rows', 'update-without-where', 'set-persist', 'alter-same-object-twice'])
    assert.ok(codes.has(c), `missing ${c} in ${[...codes]}`);
  // suppressed by the file's comment
  assert.ok(!codes.has('delete-without-where'));
});

test('a quick fix from the code action provider removes its diagnostic', async () => {
  const uri = vscode.Uri.joinPath(folder(), 'migration-v42.sql');
  const doc = await vscode.workspace.openTextDocument(uri);
  const ds = await diagnosticsFor(uri, (d) => d.some((x) => code(x) === 'lock-in-share-mode'));
  const lock = ds.find((x) => code(x) === 'lock-in-share-mode')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    lock.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // (isPreferred and diagnostics do not survive vscode.executeCodeActionProvider; the LSP tests check them)
  const fix = actions.find((a) => a.title === 'Replace LOCK IN SHARE MODE with FOR UPDATE');
  assert.ok(fix?.edit, `no fix among ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.match(doc.getText(), /WHERE id = 7 FOR UPDATE;/);
  await diagnosticsFor(uri, (d) => !d.some((x) => code(x) === 'lock-in-share-mode'));
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('hover explains the rule under the cursor', async () => {
  const uri = vscode.Uri.joinPath(folder(), 'migration-v42.sql');
  const ds = await diagnosticsFor(uri, (d) => d.some((x) => code(x) === 'set-persist'));
  const d = ds.find((x) => code(x) === 'set-persist')!;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, d.range.start.translate(0, 1));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(text, /set-persist/);
  assert.match(text, /Applies to/);
});

test('the target version setting changes the findings', async () => {
  const uri = vscode.Uri.joinPath(folder(), 'target.sql');
  await vscode.workspace.fs.writeFile(uri, Buffer.from('START TRANSACTION;\nSAVEPOINT before_import;\nCOMMIT;\n'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await diagnosticsFor(uri, (d) => d.length === 0);
  await vscode.workspace.getConfiguration('tidb').update('lint.targetVersion', '6.1', vscode.ConfigurationTarget.Workspace);
  try {
    // SAVEPOINT arrived in v6.2
    await diagnosticsFor(uri, (d) => d.some((x) => code(x) === 'savepoint'));
  } finally {
    await vscode.workspace.getConfiguration('tidb').update('lint.targetVersion', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await diagnosticsFor(uri, (d) => d.length === 0);
});

// --- connections, explorer, running SQL (a real MariaDB started by e2e.test.ts) ---

type Api = import('../../../client/src/extension').TidbToolkitApi;
type TreeNode = import('../../../client/src/explorer/tree').Node;
const dbEnv = process.env.TIDB_E2E_DB
  ? (JSON.parse(process.env.TIDB_E2E_DB) as { port: number; user: string; password: string })
  : undefined;

async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>('tidb-toolkit.tidb-toolkit');
  assert.ok(ext);
  return ext.activate();
}

async function labels(a: Api, nodes: TreeNode[]): Promise<string[]> {
  return nodes.map((n) => {
    const item = a.explorer.getTreeItem(n);
    return `${typeof item.label === 'string' ? item.label : item.label?.label}${item.description ? ` [${item.description}]` : ''}`;
  });
}

async function child(a: Api, parent: TreeNode | undefined, label: string): Promise<TreeNode> {
  const kids = await a.explorer.getChildren(parent);
  const ls = await labels(a, kids);
  const i = ls.findIndex((l) => l === label || l.startsWith(`${label} [`));
  assert.ok(i >= 0, `no '${label}' among ${JSON.stringify(ls)}`);
  return kids[i];
}

let connectionId = '';

test('add a connection: the profile goes to settings without the password, which goes to secret storage', async () => {
  if (!dbEnv) throw new Error('TIDB_E2E_DB is not set: e2e.test.ts starts MariaDB and passes it');
  const a = await api();
  const p = await vscode.commands.executeCommand<{ id: string; name: string }>('tidb.addConnection', {
    name: 'e2e maria',
    host: '127.0.0.1',
    port: dbEnv.port,
    user: dbEnv.user,
    password: dbEnv.password,
    tls: 'off',
    database: 'shop',
  });
  assert.ok(p?.id);
  connectionId = p.id;
  const saved = JSON.stringify(vscode.workspace.getConfiguration('tidb').inspect('connections')?.globalValue);
  assert.match(saved, /"e2e maria"/);
  assert.ok(!saved.includes(dbEnv.password), 'the password is not in settings');
  assert.equal(await a.manager.store.password(p.id), dbEnv.password);
});

const needConnection = () => assert.ok(connectionId, 'no connection: the add-connection test failed');

test('the explorer connects on expand and shows MariaDB, databases, tables, columns, indexes and partitions', async () => {
  needConnection();
  const a = await api();
  const conn = await child(a, undefined, 'e2e maria');
  const top = await labels(a, await a.explorer.getChildren(conn));
  assert.ok(
    top.some((l) => /^MariaDB \d+\.\d+\.\d+: not TiDB/.test(l)),
    JSON.stringify(top),
  );
  assert.ok(top.includes('shop'));
  assert.ok(!top.includes('mysql') && !top.includes('information_schema'), 'system schemas hidden');
  const shop = await child(a, conn, 'shop');
  assert.deepEqual(await labels(a, await a.explorer.getChildren(shop)), ['Tables [3]', 'Views [1]']);
  const tables = await child(a, shop, 'Tables');
  const names = await labels(a, await a.explorer.getChildren(tables));
  assert.ok(
    names.some((l) => l.startsWith('<img src=x onerror=alert(1)>')),
    JSON.stringify(names),
  );
  const orders = await child(a, tables, 'orders');
  assert.deepEqual(
    (await labels(a, await a.explorer.getChildren(orders))).map((l) => l.replace(/ \[.*/, '')),
    ['Columns', 'Indexes', 'Partitions'],
  );
  const cols = await labels(a, await a.explorer.getChildren(await child(a, orders, 'Columns')));
  assert.ok(cols.includes('id [bigint(20) NOT NULL AUTO_INCREMENT]'), JSON.stringify(cols));
  assert.ok(
    cols.some((c) => c.startsWith('total [decimal(12,2) NOT NULL')),
    JSON.stringify(cols),
  );
  const idx = await labels(a, await a.explorer.getChildren(await child(a, orders, 'Indexes')));
  assert.ok(idx.includes('PRIMARY [(id, created) UNIQUE]') && idx.includes('idx_email [(email)]'), JSON.stringify(idx));
  const parts = await labels(a, await a.explorer.getChildren(await child(a, orders, 'Partitions')));
  assert.deepEqual(parts, ['p2024 [RANGE 2025]', 'pmax [RANGE MAXVALUE]']);
});

test('Run Statement runs the statement at the cursor and the results webview loads in VS Code', async () => {
  needConnection();
  const a = await api();
  const doc = await vscode.workspace.openTextDocument({
    language: 'sql',
    content: 'SELECT 1;\nSELECT id, email, note FROM orders ORDER BY id;\nSELECT 3;\n',
  });
  const editor = await vscode.window.showTextDocument(doc);
  await a.documents.set(doc.uri, connectionId);
  editor.selection = new vscode.Selection(1, 10, 1, 10);
  const rec = await vscode.commands.executeCommand<import('../../../client/src/query/execute').RunRecord>('tidb.runStatement');
  assert.ok(rec, 'no run record');
  assert.equal(rec.failed, 0, JSON.stringify(rec.outcomes));
  assert.deepEqual(
    rec.sets[0].columns.map((c) => c.name),
    ['id', 'email', 'note'],
  );
  assert.deepEqual(rec.sets[0].rows[1], ['2', 'b@example.com', null]);
  assert.equal(rec.sets[0].rows[2][2], '<img src=x onerror=alert(1)>');
  // the page in the real webview said it was ready (its script ran under the CSP)
  const deadline = Date.now() + 20_000;
  while (!a.results.received.some((m) => m.type === 'ready')) {
    if (Date.now() > deadline) throw new Error('the results webview never became ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  // export the result set as CSV
  const target = vscode.Uri.joinPath(folder(), 'orders.csv');
  await a.results.export(0, 'csv', target);
  const csv = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
  assert.equal(csv.split('\r\n')[0], 'id,email,note');
  assert.equal(csv.split('\r\n')[2], '2,b@example.com,');
});

test('a run wrapper (the time machine’s hook) runs before and after the statements on the same connection and explains their errors', async () => {
  needConnection();
  const a = await api();
  const doc = await vscode.workspace.openTextDocument({
    language: 'sql',
    content: 'SELECT @tk_wrapped AS w;\nSELECT no_such_column FROM orders;\n',
  });
  const editor = await vscode.window.showTextDocument(doc);
  await a.documents.set(doc.uri, connectionId);
  // on TiDB the time machine opens START TRANSACTION READ ONLY AS OF TIMESTAMP …; MariaDB has no such snapshot, so a session variable stands in
  const explained: string[] = [];
  a.queries.wrapper = {
    around: (id) =>
      id === connectionId
        ? {
            before: 'SET @tk_wrapped = 42',
            after: 'SET @tk_wrapped = NULL',
            banner: 'as of a test time',
            explain: (e) => {
              explained.push(e.message);
              return e.message.includes('no_such_column') ? 'explained by the wrapper' : undefined;
            },
          }
        : undefined,
  };
  try {
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    const rec = await vscode.commands.executeCommand<import('../../../client/src/query/execute').RunRecord>('tidb.runStatement');
    assert.deepEqual(
      rec?.sets[0].rows,
      [['42']],
      'the statement ran after `before`, on the same connection (a user variable’s integer comes back as text)',
    );
    editor.selection = new vscode.Selection(1, 5, 1, 5);
    const failed = await vscode.commands.executeCommand<import('../../../client/src/query/execute').RunRecord>('tidb.runStatement');
    assert.equal(failed?.failed, 1);
    assert.ok(
      explained.some((m) => /no_such_column/.test(m)),
      JSON.stringify(explained),
    );
  } finally {
    a.queries.wrapper = undefined;
  }
  editor.selection = new vscode.Selection(0, 5, 0, 5);
  const after = await vscode.commands.executeCommand<import('../../../client/src/query/execute').RunRecord>('tidb.runStatement');
  assert.deepEqual(after?.sets[0].rows, [[null]], '`after` ran when the run ended');
});

test('a failing statement reports the server error code; Run File stops there', async () => {
  needConnection();
  const a = await api();
  const doc = await vscode.workspace.openTextDocument({ language: 'sql', content: 'SELECT 1;\nSELECT * FROM no_such_table;\nSELECT 2;\n' });
  await vscode.window.showTextDocument(doc);
  await a.documents.set(doc.uri, connectionId);
  const rec = await vscode.commands.executeCommand<import('../../../client/src/query/execute').RunRecord>('tidb.runFile');
  assert.deepEqual([rec.ok, rec.failed, rec.skipped], [1, 1, 1]);
  assert.match(rec.outcomes[1].error!.message, /^Error 1146 \(42S02\)/);
});

test('the live schema reaches the language server: completion offers the connected tables and columns', async () => {
  needConnection();
  const a = await api();
  const doc = await vscode.workspace.openTextDocument({ language: 'sql', content: 'SELECT  FROM orders;\n' });
  await vscode.window.showTextDocument(doc);
  await a.documents.set(doc.uri, connectionId);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(0, 7),
    );
    const names = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    if (names.includes('orders') && names.includes('email')) break;
    if (Date.now() > deadline) throw new Error(`no live schema in completion: ${names.slice(0, 40).join(',')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

test('slow statements meet the file: a statement the server reported slow gets an information diagnostic and a quick fix to its plan', async () => {
  needConnection();
  const a = await api();
  const doc = await vscode.workspace.openTextDocument({
    language: 'sql',
    content: '-- report\nSELECT DISTINCT c FROM sbtest25 WHERE id BETWEEN 1 AND 100 ORDER BY c;\nSELECT 1;\n',
  });
  await vscode.window.showTextDocument(doc);
  await a.documents.set(doc.uri, connectionId);
  // what the Slow Queries view publishes after loading CLUSTER_SLOW_QUERY (TiDB-only: values from the TiDB docs' identify-slow-queries example)
  const digest = '17b4518fde82e32021877878bec2bb309619d384fca944106fcaf9c93b536e94';
  a.explorer.performance.slowLoaded.fire({
    connectionId,
    name: 'e2e maria',
    window: { last: 3600 },
    list: [
      {
        digest,
        execCount: 12,
        sumMs: 9000,
        maxMs: 1500,
        avgMs: 750,
        maxMem: 1 << 20,
        maxProcessKeys: 100,
        maxTotalKeys: 100,
        planCount: 2,
        pseudoCount: 0,
        lastSeen: '2026-12-06 10:00:00',
        db: 'sbtest',
        query: 'SELECT DISTINCT c FROM sbtest25 WHERE id BETWEEN ? AND ? ORDER BY c [arguments: (291638, 291737)];',
      },
    ],
  });
  const deadline = Date.now() + 10_000;
  let slow: vscode.Diagnostic[] = [];
  while (!(slow = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'tidb-slow')).length && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  assert.equal(slow.length, 1, 'one slow statement');
  assert.equal(slow[0].range.start.line, 1);
  assert.equal(slow[0].severity, vscode.DiagnosticSeverity.Information);
  assert.match(slow[0].message, /^Slow on e2e maria: 12 runs in the last hour, max 1\.50s, avg 750ms \(2 plans\)/);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, slow[0].range);
  const titles = actions.map((x) => x.title);
  assert.ok(titles.includes('Open the plan of its slowest run'), JSON.stringify(titles));
  assert.ok(titles.includes('Compare its 2 plans'), JSON.stringify(titles));
  assert.ok(titles.includes('Limit Execution Time (MAX_EXECUTION_TIME)…'), JSON.stringify(titles));
  // an edit that changes the statement's shape drops the diagnostic
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(1, 23, 1, 31), 'sbtest99');
  await vscode.workspace.applyEdit(edit);
  const until = Date.now() + 10_000;
  while (vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'tidb-slow') && Date.now() < until)
    await new Promise((r) => setTimeout(r, 100));
  assert.equal(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'tidb-slow').length, 0);
});

test('Compare Schema: two databases, the tree, a table side by side in the diff editor, the sync script on the target’s connection', async () => {
  needConnection();
  const a = await api();
  const s = await a.manager.connect(connectionId);
  await s.withMeta(async (q) => {
    await q.query('DROP DATABASE IF EXISTS shop_prod');
    await q.query('CREATE DATABASE shop_prod');
    await q.query('CREATE TABLE shop_prod.orders LIKE shop.orders');
    await q.query('ALTER TABLE shop_prod.orders DROP COLUMN note');
  });
  type Diff = import('../../../core/schemaDiff/diff').SchemaDiff;
  const d = await vscode.commands.executeCommand<Diff>('tidb.schema.compare', {
    source: { connectionId, database: 'shop' },
    target: { connectionId, database: 'shop_prod' },
  });
  assert.ok(d, 'no compare result');
  assert.deepEqual(
    d.changed.map((t) => t.name),
    ['orders'],
  );
  assert.deepEqual(
    d.changed[0].addColumns.map((c) => c.name),
    ['note'],
  );
  assert.ok(d.onlyInSource.length >= 1, 'shop has tables shop_prod lacks');
  await vscode.commands.executeCommand('tidb.schemaCompare.focus');
  const script = await vscode.commands.executeCommand<string>('tidb.schema.generateSync', { drop: false });
  assert.match(script, /ALTER TABLE `orders` ADD COLUMN `note`/);
  assert.match(script, /-- instant: a new column: metadata only/);
  const doc = vscode.window.activeTextEditor!.document;
  assert.equal(doc.languageId, 'sql');
  assert.equal(a.documents.get(doc.uri)?.id, connectionId, 'the script runs on the target’s connection');
  await vscode.commands.executeCommand('tidb.schema.showDiff', { kind: 'table', which: 'changed', table: { name: 'orders' }, detail: '' });
  const deadline = Date.now() + 10_000;
  while (!(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as vscode.TabInputTextDiff;
  assert.ok(input instanceof vscode.TabInputTextDiff, 'a diff editor');
  const right = (await vscode.workspace.openTextDocument(input.modified)).getText();
  const left = (await vscode.workspace.openTextDocument(input.original)).getText();
  assert.match(right, /`note`/);
  assert.doesNotMatch(left, /`note`/);
  await s.withMeta((q) => q.query('DROP DATABASE shop_prod'));
});

test('plans: Visualize Plan from Text opens the plan viewer; Explain Statement runs EXPLAIN on the connection', async () => {
  needConnection();
  const a = await api();
  const text = [
    '+---------------------+----------+-----------+---------------+--------------------------------+',
    '| id                  | estRows  | task      | access object | operator info                  |',
    '+---------------------+----------+-----------+---------------+--------------------------------+',
    '| TableReader_5       | 10000.00 | root      |               | data:TableFullScan_4           |',
    '| └─TableFullScan_4   | 10000.00 | cop[tikv] | table:t       | keep order:false, stats:pseudo |',
    '+---------------------+----------+-----------+---------------+--------------------------------+',
  ].join('\n');
  const view = await vscode.commands.executeCommand<import('../../../protocol/webviews/plan').PlanView>('tidb.visualizePlan', {
    text,
    title: 'pasted',
  });
  assert.ok(view, 'no plan view');
  assert.deepEqual(
    view.plan.roots.map((r) => r.id),
    ['TableReader_5'],
  );
  assert.ok(view.diagnoses.some((d) => d.rule === 'pseudo-stats'));
  const deadline = Date.now() + 20_000;
  while (!a.plans.received.some((m) => m.type === 'ready')) {
    if (Date.now() > deadline) throw new Error('the plan webview never became ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  const doc = await vscode.workspace.openTextDocument({
    language: 'sql',
    content: 'SELECT o.email FROM orders o JOIN customers c ON c.id = o.id WHERE o.total > 10;\n',
  });
  const editor = await vscode.window.showTextDocument(doc);
  await a.documents.set(doc.uri, connectionId);
  editor.selection = new vscode.Selection(0, 5, 0, 5);
  const explained = await vscode.commands.executeCommand<import('../../../protocol/webviews/plan').PlanView>('tidb.explainStatement');
  assert.ok(explained, 'EXPLAIN gave no plan');
  assert.equal(explained.plan.format, 'mysql_json');
  assert.match(explained.source, /^EXPLAIN on e2e maria \(MariaDB /);
  assert.match(JSON.stringify(explained.plan.roots), /table:o/);
});

test('local cluster: Create Local Cluster stops at the prerequisite check here (no Docker, no kind) and says what to install', async () => {
  const outcome = await vscode.commands.executeCommand<{ ok: boolean; step?: string; message?: string }>('tidb.createLocalCluster', {
    name: 'e2e-local',
    version: 'v8.5.3',
    hostPort: 14000,
  });
  assert.ok(outcome, 'no outcome');
  assert.equal(outcome.ok, false);
  assert.equal(outcome.step, 'prerequisites');
  // this machine may have no docker CLI at all, or the CLI without a daemon: either way the message says what to do
  assert.match(
    outcome.message!,
    /^(Docker is not installed \(no "docker" on PATH\)\. kind runs Kubernetes in Docker containers: install Docker Desktop or Docker Engine\.|Docker is installed but its daemon is not reachable \(.+\)\. Start Docker Desktop, or run "sudo systemctl start docker" and make sure your user may use it \("docker info" must work\)\.) https:\/\/docs\.docker\.com\/get-started\/get-docker\/$/m,
  );
  assert.match(
    outcome.message!,
    /kind is not installed \(no "kind" on PATH\)\. Install it .* https:\/\/kind\.sigs\.k8s\.io\/docs\/user\/quick-start\/#installation/,
  );
  // the explorer showed the work while it ran and nothing is left behind
  const a = await api();
  assert.ok(!(await a.explorer.getChildren(undefined)).some((n) => n.kind === 'activity'));
  const tiup = await vscode.commands.executeCommand<{ ok: boolean; message?: string }>('tidb.startPlayground', {
    version: 'v8.5.3',
    tag: 'e2e',
  });
  assert.deepEqual(tiup, {
    ok: false,
    message: 'tiup is not installed (no "tiup" on PATH): https://docs.pingcap.com/tidb/stable/tiup-overview',
  });
  const status = await vscode.commands.executeCommand<string>('tidb.localClusterStatus');
  assert.match(status, /^Docker: not available\nkind: not available/);
});

test('backup and restore: a logical backup of shop is recorded, restore refuses over existing tables, then restores and verifies after DROP', async () => {
  needConnection();
  const a = await api();
  const file = vscode.Uri.joinPath(folder(), 'shop-backup.sql.gz').fsPath;
  const rec = await vscode.commands.executeCommand<import('../../../client/src/backup/history').BackupRecord>('tidb.backup', {
    connectionId,
    databases: ['shop'],
    method: 'logical',
    file,
  });
  assert.ok(rec, 'no backup record');
  assert.equal(rec.method, 'logical');
  assert.equal(rec.tables, 3);
  assert.ok(
    a.backups.list().some((r) => r.id === rec.id),
    'recorded in the Backups view',
  );
  const refused = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('tidb.restore', { record: rec, connectionId });
  assert.equal(refused.ok, false);
  assert.match(refused.message, /^Restoring would write over existing tables \(shop\./);
  const profile = a.manager.store.get(connectionId)!;
  const dropped = await a.queries.runSql(profile, 'DROP DATABASE shop');
  assert.equal(dropped?.failed, 0);
  const restored = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('tidb.restore', { record: rec, connectionId });
  assert.equal(restored.ok, true, restored.message);
  assert.match(restored.message, /^Restored and verified 3 tables \(\d+ rows, checksums match\)/);
});

test('operator backup and restore: the Kubernetes section lists the v2 cluster; its Backup and Restore run to Complete and the record keeps no keys', async () => {
  if (!process.env.KUBECONFIG) throw new Error('KUBECONFIG is not set: e2e.test.ts starts a fake API server and passes it');
  const a = await api();
  const k8s = await child(a, undefined, 'Kubernetes');
  const cluster = await child(a, k8s, 'db/basic');
  assert.equal(a.explorer.getTreeItem(cluster).contextValue, 'k8sCluster');
  // placeholder keys: the fake API server only records them
  const rec = await vscode.commands.executeCommand<import('../../../client/src/backup/history').BackupRecord>(
    'tidb.explorer.backupKubernetes',
    cluster,
    {
      databases: ['shop'],
      bucket: 'e2e-bucket',
      prefix: 'shop/e2e',
      endpoint: 'http://minio.minio:9000',
      secretName: 'e2e-s3',
      accessKey: 'PLACEHOLDER-AK',
      secretKey: 'PLACEHOLDER-SK',
      name: 'e2e-backup',
    },
  );
  assert.ok(rec, 'no backup record');
  assert.equal(rec.method, 'operator');
  assert.equal(rec.location, 's3://e2e-bucket/shop/e2e');
  assert.ok(
    a.backups.list().some((r) => r.id === rec.id),
    'recorded in the Backups view',
  );
  assert.ok(!/PLACEHOLDER-(AK|SK)/.test(JSON.stringify(a.backups.list())), 'no keys in the backup history');
  const missing = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('tidb.restore', {
    record: rec,
    targetCluster: 'db/nowhere',
  });
  assert.equal(missing.ok, false);
  assert.match(missing.message, /^No TiDB Operator v2 cluster db\/nowhere in the current kubeconfig context \(found: db\/basic\)/);
  const restored = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('tidb.restore', {
    record: rec,
    targetCluster: 'db/basic',
    name: 'e2e-restore',
  });
  assert.equal(restored.ok, true, restored.message);
  assert.equal(restored.message, 'Restore e2e-restore complete.');
});

test('point in time with the operator: log backup, a whole-cluster backup, the restorable window in the Backups view, a PITR restore inside it', async () => {
  if (!process.env.KUBECONFIG) throw new Error('KUBECONFIG is not set: e2e.test.ts starts a fake API server and passes it');
  const a = await api();
  const cluster = await child(a, await child(a, undefined, 'Kubernetes'), 'db/basic');
  const s3 = { provider: 'minio', bucket: 'e2e-bucket', prefix: 'basic/log', endpoint: 'http://minio.minio:9000', secretName: 'e2e-s3' };
  type Rec = import('../../../client/src/backup/history').BackupRecord;
  const log = await vscode.commands.executeCommand<Rec>('tidb.pitr.startLogBackup', cluster, { s3, name: 'e2e-log' });
  assert.equal(log?.method, 'operator-log');
  assert.deepEqual(log?.resource, { name: 'e2e-log', namespace: 'db', cluster: 'basic' });
  const full = await vscode.commands.executeCommand<Rec>('tidb.explorer.backupKubernetes', cluster, {
    databases: [],
    bucket: 'e2e-bucket',
    prefix: 'basic/full',
    endpoint: 'http://minio.minio:9000',
    secretName: 'e2e-s3',
    name: 'e2e-full',
  });
  assert.deepEqual(full?.databases, ['*']);
  assert.ok(full?.backupTs, 'the full backup keeps its commit ts');
  // the Backups view: the cluster's group shows the point-in-time range read from the log backup's status
  const groups = (await a.backupsView.getChildren()) as Array<{ group?: string }>;
  const group = groups.find((g) => g.group === 'db/basic');
  assert.ok(group, JSON.stringify(groups));
  const kids = await a.backupsView.getChildren(group as never);
  const label = (e: unknown) => String(a.backupsView.getTreeItem(e as never).label);
  assert.match(label(kids[0]), /^Point in time: any second from .+ to .+/);
  // outside the window: refused, nothing sent; inside: a Restore with restoreMode pitr, followed to Complete
  const refused = await vscode.commands.executeCommand('tidb.pitr.restore', log, { when: '2026-12-01T09:00:00Z', target: 'db/basic' });
  assert.equal(refused, undefined);
  const restored = await vscode.commands.executeCommand<{ phase?: string }>('tidb.pitr.restore', log, {
    when: '2026-12-01T10:45:00Z',
    target: 'db/basic',
    name: 'e2e-pitr',
  });
  assert.equal(restored?.phase, 'Complete');
});

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const t of tests) {
    const t0 = Date.now();
    try {
      await t.fn();
      console.log(`ok   ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failures.push(t.name);
      console.log(`FAIL ${t.name}\n${(e as Error).stack ?? e}`);
    }
  }
  console.log(`e2e: ${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} e2e test(s) failed: ${failures.join('; ')}`);
}
