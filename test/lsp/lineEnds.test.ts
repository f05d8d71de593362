// Lines end as editors and LSP end them: \r\n, \n and a lone \r each end a line. The same
// file with any of them gives the same findings on the same lines, in the CLI and the server
// (for \r\r\n, the lines the editor shows: two line ends).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from './connection';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-eol-'));
let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

// comments, a DELIMITER block, a suppression on the next line, findings on several lines
const LINES = [
  '-- a migration; comments end at the line end',
  'SELECT * FROM orders WHERE id = 7 LOCK IN SHARE MODE;',
  '# another comment',
  'DELIMITER $$',
  'CREATE PROCEDURE p() BEGIN SELECT 1; END$$',
  'DELIMITER ;',
  '-- tidb-lint-disable-next-line delete-without-where -- on purpose',
  'DELETE FROM staging;',
  'UPDATE orders SET status = 1;',
  '  CALL p();',
];
const EOLS: Record<string, string> = { lf: '\n', crlf: '\r\n', cr: '\r', crcrlf: '\r\r\n' };
const textWith = (eol: string) => LINES.join(eol) + eol;
/** the line the editor shows for line i of LINES */
const editorLine = (name: string, i: number) => (name === 'crcrlf' ? 2 * i : i);

test('CLI: the same findings at the same (editor) lines and columns with LF, CRLF, CR and CR CR LF', () => {
  const found: Record<string, string[]> = {};
  for (const [name, eol] of Object.entries(EOLS)) {
    fs.writeFileSync(path.join(work, `${name}.sql`), textWith(eol));
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', `${name}.sql`], { cwd: work, encoding: 'utf8' });
    const msgs = JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string; line: number; column: number }>;
    found[name] = msgs.map((m) => `${m.ruleId}@${m.line}:${m.column}`);
  }
  assert.deepEqual(found.lf, ['lock-in-share-mode@2:35', 'stored-procedure@5:1', 'update-without-where@9:1', 'stored-procedure@10:3']);
  assert.deepEqual(found.crlf, found.lf);
  assert.deepEqual(found.cr, found.lf);
  // \r\r\n shows a blank line after each line: the suppression's "next line" is that blank one
  const shifted = [...found.lf, 'delete-without-where@8:1'].map((f) =>
    f.replace(/@(\d+):/, (_m, l: string) => `@${editorLine('crcrlf', Number(l) - 1) + 1}:`),
  );
  assert.deepEqual([...found.crcrlf].sort(), shifted.sort());
});

test('language server: the same diagnostics on the same lines with LF, CRLF, CR and CR CR LF (as the editor counts lines)', async () => {
  const found: Record<string, string[]> = {};
  for (const [name, eol] of Object.entries(EOLS)) {
    const ds = await client.open(pathToFileURL(path.join(work, `lsp-${name}.sql`)).href, textWith(eol));
    found[name] = ds
      .map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
      .sort();
  }
  assert.ok(found.lf.length >= 4, found.lf.join(', '));
  assert.deepEqual(found.crlf, found.lf);
  assert.deepEqual(found.cr, found.lf);
  const shifted = [...found.lf, 'delete-without-where@7:0-7:19']
    .map((f) => f.replace(/@(\d+):(\d+)-(\d+):/, (_m, a: string, c: string, b: string) => `@${2 * Number(a)}:${c}-${2 * Number(b)}:`))
    .sort();
  assert.deepEqual(found.crcrlf, shifted);
});

test('a rewrite keeps a CRLF file CRLF (the split ALTER uses the file line ends)', () => {
  const f = path.join(work, 'fix-crlf.sql');
  fs.writeFileSync(f, 'ALTER TABLE t ADD COLUMN a INT, ADD INDEX i (b);\r\nSELECT 1;\r\n');
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', '--target-version', '6.1', f], { encoding: 'utf8' });
  const fix = (JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string; fix?: { text: string } }>).find(
    (m) => m.ruleId === 'multi-schema-change-pre-v6-2',
  )?.fix;
  assert.equal(fix?.text, 'ALTER TABLE t ADD COLUMN a INT;\r\nALTER TABLE t ADD INDEX i (b)');
});
