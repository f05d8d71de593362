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
      reject(new Error(`diagnostics for ${uri.path} never matched; last: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.code))}`));
    }, timeoutMs);
    check();
  });
}

const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

test('the packaged extension is installed and its commands are registered', async () => {
  const ext = vscode.extensions.getExtension('tidb-toolkit.tidb-toolkit');
  assert.ok(ext, 'tidb-toolkit.tidb-toolkit is not installed');
  // code-server installs the packaged .vsix; test:desktop (test-electron) loads the development folder
  if (!process.env.TIDB_E2E_DEV_EXTENSION) assert.ok(ext.extensionPath.includes('tidb-toolkit.tidb-toolkit-'), `loaded from ${ext.extensionPath}, not the installed .vsix`);
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
  for (const c of ['sql-calc-found-rows', 'update-without-where', 'set-persist', 'alter-same-object-twice']) assert.ok(codes.has(c), `missing ${c} in ${[...codes]}`);
  // suppressed by the file's comment
  assert.ok(!codes.has('delete-without-where'));
});

test('a quick fix from the code action provider removes its diagnostic', async () => {
  const uri = vscode.Uri.joinPath(folder(), 'migration-v42.sql');
  const doc = await vscode.workspace.openTextDocument(uri);
  const ds = await diagnosticsFor(uri, (d) => d.some((x) => code(x) === 'lock-in-share-mode'));
  const lock = ds.find((x) => code(x) === 'lock-in-share-mode')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, lock.range, vscode.CodeActionKind.QuickFix.value);
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
