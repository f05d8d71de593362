// tidb-lint under hostile and broken input: bytes that are not UTF-8, byte-order marks,
// writes that fail, files that change or appear twice, control characters, huge output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { jsonWriter, printable } from '../../server/src/cli/format';
import { decodeSql, replaceFileAtomically, WriteRefused } from '../../server/src/cli/input';
import { lintText } from '../../core/lint/engine';
import { RULES } from '../../core/lint/rules';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-lint-hostile-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

function run(args: string[], opts: { shell?: string } = {}) {
  const r = opts.shell
    ? spawnSync('bash', ['-c', `${opts.shell}; exec "$0" "$@"`, process.execPath, CLI, ...args], { cwd: work, encoding: 'utf8' })
    : spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

const FIXABLE = 'SELECT * FROM orders WHERE id = 7 LOCK IN SHARE MODE;\n';

test('--fix on a latin1 file: no byte is replaced; the file is refused with the reason, and the bad byte is reported as an error', () => {
  const f = path.join(work, 'latin1.sql');
  const bytes = Buffer.concat([
    Buffer.from("INSERT INTO t VALUES ('caf"),
    Buffer.from([0xe9]),
    Buffer.from("', _binary'"),
    Buffer.from([0xff, 0xfe, 0x80]),
    Buffer.from("');\n"),
    Buffer.from(FIXABLE),
  ]);
  fs.writeFileSync(f, bytes);
  const r = run(['--fix', 'latin1.sql']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.ok(fs.readFileSync(f).equals(bytes), 'the file is byte for byte unchanged');
  assert.match(r.stdout, /1:27 +error +Not valid UTF-8 at byte 26/);
  assert.match(r.stdout, /--fix left this file unchanged: it is not valid UTF-8/);
  assert.doesNotMatch(r.stdout, /fixed in place/);
});

test('byte-order marks: UTF-8 with BOM and UTF-16 LE/BE give the same findings as plain UTF-8, and --fix keeps the encoding', () => {
  const sql = `${FIXABLE}DELETE FROM orders;\n`;
  const variants: Record<string, Buffer> = {
    'plain.sql': Buffer.from(sql, 'utf8'),
    'bom8.sql': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sql, 'utf8')]),
    'le16.sql': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sql, 'utf16le')]),
    'be16.sql': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sql, 'utf16le').swap16()]),
  };
  const findings: Record<string, unknown> = {};
  for (const [name, b] of Object.entries(variants)) {
    fs.writeFileSync(path.join(work, name), b);
    const r = run(['--format', 'json', name]);
    assert.equal(r.code, 1, `${name}: ${r.stderr}`);
    findings[name] = JSON.parse(r.stdout)[0].messages.map(
      (m: { ruleId: string; line: number; column: number }) => `${m.ruleId}@${m.line}:${m.column}`,
    );
  }
  assert.ok((findings['plain.sql'] as string[]).includes('lock-in-share-mode@1:35'), JSON.stringify(findings['plain.sql']));
  for (const name of Object.keys(variants)) assert.deepEqual(findings[name], findings['plain.sql'], name);
  for (const name of ['bom8.sql', 'le16.sql', 'be16.sql']) {
    run(['--fix', name]);
    const after = fs.readFileSync(path.join(work, name));
    assert.ok(after.subarray(0, 2).equals(variants[name].subarray(0, 2)), `${name} keeps its BOM`);
    const d = decodeSql(after);
    assert.match(d.text, /FOR UPDATE/, `${name} was fixed`);
    assert.equal(d.invalidByte, undefined);
  }
});

test('--fix when the write fails (ulimit -f): the original stays whole, no temporary file is left, the run goes on to the next file and exits 2', () => {
  const big = path.join(work, 'big.sql');
  const bigText = `-- ${'padding '.repeat(400)}\n${FIXABLE}`;
  fs.writeFileSync(big, bigText);
  const small = path.join(work, 'small.sql');
  fs.writeFileSync(small, FIXABLE);
  // 1 KiB file size limit: the 3 KiB rewrite of big.sql fails, small.sql fits
  const r = run(['--fix', 'big.sql', 'small.sql'], { shell: 'ulimit -f 1' });
  assert.equal(r.code, 2, `${r.stdout}\n${r.stderr}\nsignal ${r.signal}`);
  assert.equal(fs.readFileSync(big, 'utf8'), bigText, 'the original is intact');
  assert.match(r.stderr, /big\.sql: --fix could not write it \(EFBIG/);
  assert.doesNotMatch(r.stderr, /EFBIG: EFBIG/);
  assert.match(fs.readFileSync(small, 'utf8'), /FOR UPDATE/, 'the next file was still fixed');
  assert.deepEqual(
    fs.readdirSync(work).filter((x) => x.includes('.tidb-lint-')),
    [],
    'no temporary file left',
  );
});

test('replaceFileAtomically refuses when the file changed since it was read, and leaves the change alone', () => {
  const f = path.join(work, 'race.sql');
  const original = Buffer.from('SELECT 1;\n');
  fs.writeFileSync(f, Buffer.concat([original, Buffer.from('-- appended meanwhile\n')]));
  assert.throws(() => replaceFileAtomically(f, original, Buffer.from('SELECT 2;\n')), WriteRefused);
  assert.equal(fs.readFileSync(f, 'utf8'), 'SELECT 1;\n-- appended meanwhile\n');
  assert.deepEqual(
    fs.readdirSync(work).filter((x) => x.includes('.tidb-lint-')),
    [],
  );
  fs.writeFileSync(f, original);
  fs.chmodSync(f, 0o640);
  replaceFileAtomically(f, original, Buffer.from('SELECT 2;\n'));
  assert.equal(fs.readFileSync(f, 'utf8'), 'SELECT 2;\n');
  assert.equal(fs.statSync(f).mode & 0o777, 0o640, 'the mode is kept');
});

test('a symlink loop lints each file once; a FIFO named on the command line is read; an unreadable input is reported and the rest still linted', () => {
  const dir = path.join(work, 'loop');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a.sql'), 'CALL p();\n');
  fs.symlinkSync('.', path.join(dir, 'self'));
  const r = run(['--format', 'json', 'loop']);
  const files = JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath);
  assert.equal(files.length, 1, files.join(', '));
  const fifo = path.join(work, 'pipe.sql');
  spawnSync('mkfifo', [fifo]);
  const q = spawnSync('bash', ['-c', `printf 'CALL p();\\n' > "$1" & exec "$0" "$2" --format json "$1"`, process.execPath, fifo, CLI], {
    cwd: work,
    encoding: 'utf8',
  });
  assert.equal(q.status, 1, q.stderr);
  assert.equal(JSON.parse(q.stdout)[0].messages[0].ruleId, 'stored-procedure');
  // a directory where a file is expected cannot be read: reported per file, the others linted
  fs.mkdirSync(path.join(work, 'dir.sql'));
  fs.writeFileSync(path.join(work, 'ok.sql'), 'CALL p();\n');
  const e = run(['--format', 'json', path.join(work, 'dir.sql', '..', 'ok.sql'), '/proc/self/mem']);
  assert.equal(e.code, 2, e.stderr);
  assert.match(e.stderr, /\/proc\/self\/mem: .*skipped/);
  assert.equal(JSON.parse(e.stdout).length, 1, 'ok.sql is still reported');
});

test('control characters and bidi controls from the SQL never reach the terminal raw', () => {
  fs.writeFileSync(path.join(work, 'esc.sql'), 'CREATE TABLE `x\x1b[2J\x1b]0;pwned\x07\u202ey` (id INT) ENGINE=MyISAM;\n');
  const r = run(['esc.sql']);
  assert.doesNotMatch(r.stdout, /[\x1b\x07\u202e]/);
  assert.equal(printable('a\x1bb\u202ec\td'), 'a\\u{1b}b\\u{202e}c\td');
});

test('JSON output is written in pieces, never as one string: 60,000 findings', () => {
  // 60,000 different procedures: one finding each (CALLs of one procedure are folded into one finding)
  const text = Array.from({ length: 60_000 }, (_, i) => `CALL p${i}();\n`).join('');
  const r = lintText(text, RULES, {});
  assert.equal(r.findings.length, 60_000);
  const pieces: string[] = [];
  const w = jsonWriter((s) => pieces.push(s));
  w.file({ filePath: 'x.sql', text, findings: r.findings, lines: r.lines });
  w.end();
  assert.ok(pieces.length > 20, `${pieces.length} writes`);
  assert.ok(Math.max(...pieces.map((p) => p.length)) < 1_000_000, 'no piece is huge');
  const parsed = JSON.parse(pieces.join(''));
  assert.equal(parsed[0].messages.length, 60_000);
  assert.equal(parsed[0].messages[59_999].line, 60_000);
});
