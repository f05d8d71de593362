// tidb-plan <file | -> [--format json|html|text]: parse any EXPLAIN / EXPLAIN ANALYZE
// output and print the tree and the advice; html writes the standalone offline viewer.
// Exit codes: 0 a plan was read, 2 usage error or no plan in the input.
import { bundleDir, localeFromEnv, useLocale } from '../../core/l10n';
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../../core/plan/diagnoses/index';
import { tidbVersion } from '../../core/plan/metrics';
import { nodeToJson, type PlanNode } from '../../core/plan/model';
import { planHtml } from '../../core/plan/html';
import { parsePlan, PlanParseError } from '../../core/plan/parse';
import { planToText } from '../../core/plan/text';
import { stringifyDeep } from '../../core/plan/deepJson';
import { printable } from './cli/format';

const usage = () =>
  l10n.t(`usage: tidb-plan <file | -> [--format json|html|text] [--output FILE] [--tidb-version vX.Y] [--decoded] [--locale en|zh-cn]
  --tidb-version  the TiDB version that produced the plan (index join / Apply estimates are per loop before v6.4)
  --decoded       print the text an encoded plan (slow log, statement summary) decodes to, and nothing else
  --locale        the language of the advice (default: from LANG)`);

function fail(msg: string): never {
  process.stderr.write(`tidb-plan: ${msg}\n`);
  process.exit(2);
}

async function readInput(arg: string): Promise<string> {
  if (arg === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return fs.readFileSync(arg, 'utf8');
  } catch (e) {
    fail(l10n.t('cannot read {0}: {1}', arg, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}

function planDepth(roots: PlanNode[]): number {
  let max = 0;
  const stack: Array<[PlanNode, number]> = roots.map((r) => [r, 1]);
  while (stack.length) {
    const [n, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of n.children) stack.push([c, d + 1]);
  }
  return max;
}

async function main(argv: string[]): Promise<void> {
  let format = 'text';
  let output: string | undefined;
  let version: string | undefined;
  let decodedOnly = false;
  const files: string[] = [];
  const li = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  useLocale(
    localeFromEnv(process.env, li === -1 ? undefined : argv[li].includes('=') ? argv[li].split('=')[1] : argv[li + 1]),
    bundleDir(__dirname),
  );
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${usage()}\n`);
      return;
    }
    if (a === '--locale') i++;
    else if (a.startsWith('--locale=')) continue;
    else if (a === '--format' || a === '-f') format = argv[++i] ?? fail(l10n.t('--format needs a value'));
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--output' || a === '-o') output = argv[++i] ?? fail(l10n.t('--output needs a value'));
    else if (a === '--tidb-version') version = argv[++i] ?? fail(l10n.t('--tidb-version needs a value, e.g. v6.1.0'));
    else if (a.startsWith('--tidb-version=')) version = a.slice(15);
    else if (a === '--decoded') decodedOnly = true;
    else if (a.startsWith('-') && a !== '-') fail(l10n.t('unknown option {0}\n{1}', a, usage()));
    else files.push(a);
  }
  if (!['json', 'html', 'text'].includes(format)) fail(l10n.t("unknown format '{0}': use json, html or text", format));
  if (files.length !== 1) fail(usage());
  const text = await readInput(files[0]);
  let plan;
  try {
    plan = parsePlan(text);
  } catch (e) {
    if (e instanceof PlanParseError) fail(`${files[0] === '-' ? 'stdin' : files[0]}: ${e.message}`);
    throw e;
  }
  if (version !== undefined && !tidbVersion(version))
    fail(l10n.t("--tidb-version '{0}' is not a version: use e.g. v6.1.0 or 7.5", version));
  if (decodedOnly) {
    if (!plan.decoded) fail(l10n.t('--decoded: the input is not an encoded plan (tidb_decode_plan / tidb_decode_binary_plan value)'));
    process.stdout.write(printable(`${plan.decoded}\n`));
    return;
  }
  const diagnoses = diagnose(plan, { version });
  let out: string;
  // indentation grows with depth: a plan hundreds of levels deep is written compact, not as gigabytes of spaces
  if (format === 'json')
    out =
      stringifyDeep(
        { format: plan.format, analyzed: plan.analyzed, roots: plan.roots.map(nodeToJson), diagnoses, notes: plan.notes },
        planDepth(plan.roots) > 100 ? 0 : 2,
      ) + '\n';
  else if (format === 'html')
    out = planHtml(
      { plan, diagnoses, title: files[0] === '-' ? 'plan' : path.basename(files[0]), raw: text, source: 'tidb-plan' },
      path.join(__dirname, 'webviews'),
    );
  // control characters from the plan (names, pasted text) never reach the terminal raw
  else out = printable(planToText(plan, diagnoses));
  if (output) fs.writeFileSync(output, out);
  else process.stdout.write(out);
}

main(process.argv.slice(2)).catch((e) => fail(l10n.t('internal error: {0}', (e as Error).message)));
