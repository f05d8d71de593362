// No function in the product code runs past 120 lines: a longer one is split into
// named steps a reader can follow (CONTRIBUTING.md). Counted with the TypeScript parser.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as ts from 'typescript';

const MAX_LINES = 120;
const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return files(rel);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Every function, method, arrow or accessor longer than `max` lines, as "file:line name (n lines)". */
export function longFunctions(file: string, text: string, max: number): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const a = src.getLineAndCharacterOfPosition(n.getStart()).line;
      const b = src.getLineAndCharacterOfPosition(n.getEnd()).line;
      if (b - a + 1 > max) {
        const name = n.name?.getText() ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText() : '(anonymous)');
        out.push(`${file}:${a + 1} ${name} (${b - a + 1} lines)`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

test('the counter finds a long function', () => {
  const body = Array.from({ length: 130 }, (_, i) => `  const x${i} = ${i};`).join('\n');
  assert.deepEqual(longFunctions('x.ts', `function big() {\n${body}\n}\nconst small = () => 1;`, MAX_LINES), ['x.ts:1 big (132 lines)']);
});

test(`no function in core/, server/, client/, webviews/, protocol/ or scripts/ is longer than ${MAX_LINES} lines`, () => {
  const all = ['core', 'server/src', 'client/src', 'webviews', 'protocol', 'scripts'].flatMap(files);
  assert.ok(all.length > 200);
  assert.deepEqual(
    all.flatMap((f) => longFunctions(f, fs.readFileSync(path.join(root, f), 'utf8'), MAX_LINES)),
    [],
  );
});
