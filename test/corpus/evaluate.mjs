// Runs every labelled case of test/fixtures/corpus/cases.jsonl (copied from ../shared/corpus) through the real CLI
// (dist/cli.js, --format json; one run per target version) and scores the
// rule-id sets. Usage: node test/corpus/evaluate.mjs [--rule id] [--verbose]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CASES_FILE = path.resolve(root, 'test/fixtures/corpus/cases.jsonl');
/** the shared original, when beside the project: an extra check */
export const SHARED_CASES_FILE = path.resolve(root, '../shared/corpus/cases.jsonl');

/**
 * Cases whose label we believe is wrong against the TiDB docs. Each entry says
 * which rule ids to ignore for that case and why; the evidence is in the closing
 * note of the issue that added it. Keep this list short and argued.
 */
export const EXCEPTIONS = {};

export function loadCases(file = CASES_FILE) {
  if (!fs.existsSync(file)) return undefined;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Runs the CLI over the cases and returns {cases: [{id, expect, got, allow}], ...}. */
export function runCases(cases, cli = path.join(root, 'dist/cli.js')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-corpus-'));
  try {
    const byVersion = new Map();
    for (const c of cases) {
      const v = c.tidbVersion ?? '8.5';
      if (!byVersion.has(v)) byVersion.set(v, []);
      byVersion.get(v).push(c);
    }
    const got = new Map();
    for (const [v, list] of byVersion) {
      const vdir = path.join(dir, 'v' + v);
      fs.mkdirSync(vdir);
      const files = list.map((c) => {
        const f = path.join(vdir, c.id.replace(/[^\w.-]/g, '_') + '.sql');
        fs.writeFileSync(f, c.sql);
        return f;
      });
      let out;
      try {
        out = execFileSync(process.execPath, [cli, '--format', 'json', '--target-version', v, ...files], {
          maxBuffer: 256 << 20,
          encoding: 'utf8',
        });
      } catch (e) {
        if (e.status !== 1) throw new Error(`tidb-lint exited ${e.status}: ${e.stderr}`);
        out = e.stdout;
      }
      const reports = JSON.parse(out);
      const byFile = new Map(reports.map((r) => [r.filePath, r]));
      list.forEach((c, i) => {
        const r = byFile.get(files[i]);
        got.set(c.id, { ids: new Set(r ? r.messages.map((m) => m.ruleId) : []), messages: r ? r.messages : [] });
      });
    }
    return cases.map((c) => ({
      id: c.id,
      sql: c.sql,
      version: c.tidbVersion ?? '8.5',
      expect: new Set(c.expect),
      allow: new Set(c.allow ?? []),
      got: got.get(c.id).ids,
      messages: got.get(c.id).messages,
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function score(results, exceptions = EXCEPTIONS) {
  let tp = 0,
    fp = 0,
    fn = 0,
    exact = 0;
  const perRule = new Map();
  const bump = (id, k) => {
    if (!perRule.has(id)) perRule.set(id, { tp: 0, fp: 0, fn: 0, fpCases: [], fnCases: [] });
    perRule.get(id)[k]++;
    return perRule.get(id);
  };
  for (const r of results) {
    const ignore = new Set(exceptions[r.id]?.ignore ?? []);
    let ok = true;
    for (const id of r.got) {
      if (ignore.has(id) || r.allow.has(id)) continue;
      if (r.expect.has(id)) {
        tp++;
        bump(id, 'tp');
      } else {
        fp++;
        ok = false;
        bump(id, 'fp').fpCases.push(r.id);
      }
    }
    for (const id of r.expect) {
      if (ignore.has(id)) continue;
      if (!r.got.has(id)) {
        fn++;
        ok = false;
        bump(id, 'fn').fnCases.push(r.id);
      }
    }
    if (ok) exact++;
  }
  return { tp, fp, fn, exact, total: results.length, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), perRule };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const only = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
  const verbose = args.includes('--verbose');
  const cases = loadCases();
  if (!cases) {
    console.log(`corpus: ${CASES_FILE} not found (../shared is absent); nothing to evaluate`);
    process.exit(0);
  }
  const cli = args.includes('--cli') ? path.resolve(args[args.indexOf('--cli') + 1]) : undefined;
  const results = runCases(cases, cli);
  const s = score(results);
  for (const [id, r] of [...s.perRule].sort()) {
    if (only && id !== only) continue;
    if (r.fp || r.fn || only)
      console.log(
        `${id.padEnd(36)} tp ${r.tp} fp ${r.fp} fn ${r.fn}${r.fp ? ' FP: ' + r.fpCases.join(',') : ''}${r.fn ? ' FN: ' + r.fnCases.join(',') : ''}`,
      );
  }
  if (verbose) {
    for (const r of results) {
      const wrong = [...r.got].some((x) => !r.expect.has(x) && !r.allow.has(x)) || [...r.expect].some((x) => !r.got.has(x));
      if (!wrong) continue;
      if (only && !r.got.has(only) && !r.expect.has(only)) continue;
      console.log(`\n--- ${r.id} (v${r.version}) expect [${[...r.expect]}] got [${[...r.got]}]\n${r.sql}`);
      for (const m of r.messages) console.log(`   ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  console.log(
    `corpus: ${s.total} cases, exact ${s.exact}/${s.total}, precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
  );
}
