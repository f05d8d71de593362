// The layering ARCHITECTURE.md promises, checked on the source: who may import whom.
// core/ is the shared engine (no VS Code, LSP or database imports, nothing from above it);
// server/, client/, webviews/ and protocol/ build on core/ and never reach into each
// other's internals; client feature folders import each other without loops.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../..');

interface Edge {
  from: string;
  to: string;
  spec: string;
  /** an import()/require() of a lazily loaded bundle's entry */
  lazy?: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Every module specifier a file names: static imports and re-exports, import(), require(). */
export function specifiers(text: string): string[] {
  return specifierKinds(text).map((x) => x.spec);
}

/** The same, each marked `dynamic` when it is an import() or require() call (run when reached, not at load) or names types only. */
function specifierKinds(text: string): Array<{ spec: string; dynamic: boolean }> {
  const out: Array<{ spec: string; dynamic: boolean }> = [];
  const re =
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re))
    out.push({ spec: m[1] ?? m[2] ?? m[3], dynamic: m[3] !== undefined || /^(import|export) type\b/.test(m[0]) });
  return out;
}

/**
 * The entries of the bundles loaded on first use (esbuild.mjs, LAZY): reached only by require() or
 * import() at run time, so an edge to one is not a load-time import and cannot make a loop at load.
 */
const LAZY_ENTRIES = ['client/src/features.ts', 'client/src/localCluster/kubeApi.ts'];

const LAYERS = ['core', 'server/src', 'client/src', 'webviews', 'protocol'];
const files = LAYERS.flatMap(sourceFiles);

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const f of files) {
    for (const { spec, dynamic } of specifierKinds(fs.readFileSync(path.join(root, f), 'utf8'))) {
      const to = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(f), spec)) : spec;
      out.push({ from: f, to, spec, lazy: dynamic && LAZY_ENTRIES.includes(`${to}.ts`) });
    }
  }
  return out;
}
const all = edges();
const layerOf = (p: string) => LAYERS.find((l) => p === l || p.startsWith(l + '/'));
const show = (es: Edge[]) => es.map((e) => `${e.from} imports '${e.spec}'`);

test('the import scanner sees every form of import', () => {
  const text = `import a from './a';\nimport type { B } from "../b";\nexport * from './c';\nimport './d';\nconst e = await import('./e');\nconst f = require('f');\nimport {\n  g,\n} from './g';`;
  assert.deepEqual(specifiers(text), ['./a', '../b', './c', './d', './e', 'f', './g']);
  assert.ok(files.length > 200, `only ${files.length} source files found`);
  assert.ok(all.length > 700, `only ${all.length} imports found`);
});

// pure computation core/ may use: the compression and protobuf that TiDB's encoded plans need (core/plan/decode.ts),
// and @vscode/l10n (message lookup and {0} formatting: no editor API) for the user's language
const CORE_LIBRARIES = new Set(['snappyjs', 'protobufjs/light', '@vscode/l10n']);
/** The translations every layer may read: JSON data in l10n/ (l10n/README.md). */
const isTranslationData = (to: string) => /^l10n\/[\w.-]+\.json$/.test(to);

test('core/ imports nothing outside core/ and no editor, LSP or database library', () => {
  const bad = all.filter(
    (e) =>
      e.from.startsWith('core/') &&
      (e.spec.startsWith('.')
        ? layerOf(e.to) !== 'core' && !isTranslationData(e.to)
        : !e.spec.startsWith('node:') && !CORE_LIBRARIES.has(e.spec)),
  );
  assert.deepEqual(show(bad), []);
});

test('core/sql reads SQL only: it imports neither core/lint nor core/plan; core/plan does not import core/lint', () => {
  const bad = all.filter(
    (e) =>
      (e.from.startsWith('core/sql/') && /^core\/(lint|plan)\//.test(e.to)) ||
      (e.from.startsWith('core/plan/') && e.to.startsWith('core/lint/')),
  );
  assert.deepEqual(show(bad), []);
});

test('server, client, webviews and protocol depend on core/ and protocol/, never on each other', () => {
  const allowed: Record<string, string[]> = {
    'server/src': ['server/src', 'core', 'protocol'],
    'client/src': ['client/src', 'core', 'protocol'],
    webviews: ['webviews', 'core', 'protocol'],
    protocol: ['protocol', 'core'],
  };
  const bad = all.filter((e) => {
    const from = layerOf(e.from)!;
    if (from === 'core' || !e.spec.startsWith('.') || isTranslationData(e.to)) return false;
    // the client takes its settings' defaults from the manifest that contributes them
    if (from === 'client/src' && e.to === 'package.json') return false;
    return !allowed[from].includes(layerOf(e.to) ?? '(outside the source folders)');
  });
  assert.deepEqual(show(bad), []);
  const vscodeOutsideClient = all.filter((e) => e.spec === 'vscode' && !e.from.startsWith('client/src/'));
  assert.deepEqual(show(vscodeOutsideClient), [], "only the extension host may import 'vscode'");
});

/** The strongly connected components with more than one member: every import loop in the graph. */
export function loops(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) out.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

function graphOf(key: (p: string) => string | undefined): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const e of all) {
    if (e.lazy) continue;
    const a = key(e.from);
    const b = e.spec.startsWith('.') ? key(e.to) : undefined;
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  return graph;
}

test('the lazily loaded bundles are reached only by import() or require(), never by a static import', () => {
  const reached = all.filter((e) => LAZY_ENTRIES.includes(`${e.to}.ts`));
  assert.ok(reached.length >= 2, `the lazy entries are reached from ${reached.length} places`);
  assert.deepEqual(show(reached.filter((e) => !e.lazy)), []);
});

test('the loop finder finds loops', () => {
  const g = new Map([
    ['a', new Set(['b'])],
    ['b', new Set(['c'])],
    ['c', new Set(['a'])],
    ['d', new Set(['a'])],
  ]);
  assert.deepEqual(loops(g), [['a', 'b', 'c']]);
  assert.deepEqual(
    loops(
      new Map([
        ['a', new Set(['b'])],
        ['b', new Set<string>()],
      ]),
    ),
    [],
  );
});

test('no module imports itself through others', () => {
  const byFile = new Set(files);
  const moduleOf = (p: string) => [p, `${p}.ts`, `${p}.tsx`, `${p}/index.ts`].find((c) => byFile.has(c));
  assert.deepEqual(loops(graphOf(moduleOf)), []);
});

test('client feature folders import each other without loops', () => {
  const feature = (p: string) => (/^client\/src\/([^/]+)\//.exec(p) ?? [])[1];
  const graph = graphOf(feature);
  assert.ok(graph.size >= 5, 'the feature graph is too small to mean anything');
  assert.deepEqual(loops(graph), [], 'client feature loops');
  assert.deepEqual(
    [...(graph.get('connections') ?? [])],
    [],
    'connections/ is the base every feature builds on: it imports no other feature',
  );
});
