// tidb-lint [options] <files, directories or globs | ->
import { bundleDir, localeFromEnv, useLocale } from '../../../core/l10n';
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import {
  ConfigError,
  findConfigFile,
  mergeConfigs,
  readConfigFile,
  RULE_SETTINGS,
  type LintConfig,
  type RuleSetting,
} from '../../../core/lint/config';
import { lintText } from '../../../core/lint/engine';
import { applySafeFixes } from '../../../core/lint/fixes';
import { isValidVersion } from '../../../core/sql/version';
import { RULES } from '../../../core/lint/rules';
import type { Finding } from '../../../core/lint/engine';
import { jsonWriter, sarifWriter, textWriter, TOOL_VERSION, type FileReport, type ReportWriter } from './format';
import { decodeSql, encodeSql, replaceFileAtomically, WriteRefused, type DecodedSql } from './input';
import { fromPortable, toPortable } from './portable';
import { canStartWorkers, lintInWorkers, serveWorker, type WorkerSetup } from './workers';

export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Buffer>;
  color: boolean;
}

class UsageError extends Error {}

/** --help: in the user's language. */
const help = () =>
  l10n.t(`Usage: tidb-lint [options] <files, directories or globs | ->

Checks MySQL-dialect SQL for statements TiDB rejects or runs differently, and
for risky SQL on a distributed database.

Options:
  --format text|json|sarif   output format (default: text)
  --target-version X         TiDB version to check against (default: 8.5, or the config's)
  --config FILE              use this config instead of the nearest .tidb-lint.json
  --rule id=severity         set a rule to off|error|warning|info|hint (repeatable)
  --max-warnings N           exit 1 when there are more than N warnings
  --fix                      apply safe fixes in place (a file is left unchanged if fixes overlap)
  --stdin-filename NAME      file name to report (and find config from) for '-'
  --list-rules               print the rule ids with category and default severity
  --locale en|zh-cn          the language of messages (default: from LANG)
  -h, --help                 show this help
  -v, --version              print the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings over
the limit, 2 usage or I/O error.
`);

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      io.stderr(`tidb-lint: ${e.message}\n`);
      return 2;
    }
    io.stderr(`tidb-lint: ${errorText(e)}\n`);
    return 2;
  }
}

/** What the command line asks for, checked: a usage error says what is wrong. */
interface Options {
  format: 'text' | 'json' | 'sarif';
  maxWarnings: number;
  flags: LintConfig;
  explicitConfig?: LintConfig;
  configFileName?: string;
  fix: boolean;
  stdinFilename?: string;
  positionals: string[];
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const o = parseOptions(argv, io);
  if (typeof o === 'number') return o;
  const inputs = await collectInputs(o.positionals, io.cwd);
  const writer = makeWriter(o.format, io.stdout, io);
  let errors = 0;
  let warnings = 0;
  let ioErrors = 0;
  const take = (r: { report?: FileReport; ioError: boolean }) => {
    if (r.ioError) ioErrors++;
    if (!r.report) return;
    for (const f of r.report.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    writer.file(r.report);
  };
  const workers = o.fix ? 1 : workerCount(inputs);
  if (workers > 1) {
    // many files: linted in worker threads, written here in the order of the inputs
    await lintInWorkers({ argv, cwd: io.cwd, color: io.color }, inputs, workers, io, (r) => {
      if (!r.rendered) return take({ ...r, report: r.report && fromPortable(r.report) });
      if (r.ioError) ioErrors++;
      errors += r.rendered.totals.error;
      warnings += r.rendered.totals.warning;
      writer.rendered!(r.rendered);
    });
  } else {
    // each file is linted, written out and let go before the next (output is streamed)
    for (const input of inputs) take(await lintInput(input, o, io));
  }
  writer.end();

  if (ioErrors > 0) return 2;
  if (errors > 0) return 1;
  if (o.maxWarnings >= 0 && warnings > o.maxWarnings) {
    if (o.format === 'text') io.stdout(l10n.t('tidb-lint found too many warnings (maximum: {0}).\n', o.maxWarnings));
    return 1;
  }
  return 0;
}

function makeWriter(format: Options['format'], write: (s: string) => void, io: Pick<CliIO, 'cwd' | 'color'>): ReportWriter {
  if (format === 'json') return jsonWriter(write);
  if (format === 'sarif') return sarifWriter(write, RULES, io.cwd);
  return textWriter(write, io.color);
}

/** The options, or the exit code when the run ends here (--help, --version, --list-rules). */
function parseOptions(argv: string[], io: CliIO): Options | number {
  // the language first, so a usage error is in it too
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const flag = i === -1 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  useLocale(localeFromEnv(process.env, flag), bundleDir(__dirname));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'target-version': { type: 'string' },
        config: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'list-rules': { type: 'boolean' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(l10n.t('{0} (see --help)', (e as Error).message.split('\n')[0]));
  }
  const o = parsed.values;
  if (o.help) {
    io.stdout(help());
    return 0;
  }
  if (o.version) {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (o['list-rules']) {
    for (const r of RULES) io.stdout(`${r.meta.id.padEnd(36)} ${r.meta.category.padEnd(18)} ${r.meta.severity}\n`);
    return 0;
  }
  const format = o.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new UsageError(l10n.t("unknown --format '{0}' (use text, json or sarif)", format));
  let maxWarnings = -1;
  if (o['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(o['max-warnings']))
      throw new UsageError(l10n.t("--max-warnings needs a non-negative integer, got '{0}'", o['max-warnings']));
    maxWarnings = Number(o['max-warnings']);
  }
  const flags: LintConfig = {};
  if (o['target-version'] !== undefined) {
    if (!isValidVersion(o['target-version']))
      throw new UsageError(l10n.t("--target-version '{0}' is not a version such as 8.5 or 7.1.3", o['target-version']));
    flags.targetVersion = o['target-version'];
  }
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const r of o.rule ?? []) {
    const m = /^([\w-]+)=(\w+)$/.exec(r);
    if (!m || !RULE_SETTINGS.includes(m[2] as RuleSetting))
      throw new UsageError(l10n.t("--rule '{0}' must be id={1}", r, RULE_SETTINGS.join('|')));
    if (!known.has(m[1])) throw new UsageError(l10n.t("--rule '{0}': unknown rule id '{1}' (see --list-rules)", r, m[1]));
    flags.rules = { ...flags.rules, [m[1]]: m[2] as RuleSetting };
  }
  const explicitConfig = o.config !== undefined ? readConfigFile(path.resolve(io.cwd, o.config)) : undefined;
  const configFileName = o.config !== undefined ? path.resolve(io.cwd, o.config) : undefined;
  if (parsed.positionals.length === 0)
    throw new UsageError(l10n.t('no input: give files, directories, globs, or - for standard input (see --help)'));
  return {
    format,
    maxWarnings,
    flags,
    explicitConfig,
    configFileName,
    fix: !!o.fix,
    stdinFilename: o['stdin-filename'],
    positionals: parsed.positionals,
  };
}

/** Reads and lints one input; no report when it could not be read (said on stderr). */
async function lintInput(input: string, o: Options, io: CliIO): Promise<{ report?: LocalReport; ioError: boolean }> {
  const file = await readInput(input, o, io);
  return file ? lintFile(input, file, o, io) : { ioError: true };
}

/**
 * Worker threads for many files: one per core (TIDB_LINT_WORKERS sets the number; 1 lints here).
 * Not worth their start-up for a few small files, nor for standard input.
 */
function workerCount(inputs: string[]): number {
  const env = process.env.TIDB_LINT_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.max(1, Math.min(Number(env), inputs.length));
  if (inputs.length < 8 || inputs.includes('-') || !canStartWorkers()) return 1;
  let bytes = 0;
  for (const f of inputs) {
    try {
      bytes += fs.statSync(f).size;
    } catch {
      // reported when it is read
    }
    if (bytes >= 1 << 20) break;
  }
  if (bytes < 1 << 20) return 1;
  return Math.max(1, Math.min(os.availableParallelism(), inputs.length, 8));
}

/** A file's bytes and the path to report, or undefined (said on stderr) when it cannot be read. */
async function readInput(input: string, o: Options, io: CliIO): Promise<{ bytes: Buffer; filePath: string } | undefined> {
  try {
    if (input === '-')
      return { bytes: await io.readStdin(), filePath: o.stdinFilename ? path.resolve(io.cwd, o.stdinFilename) : '<stdin>' };
    return { bytes: fs.readFileSync(input), filePath: input };
  } catch (e) {
    io.stderr(l10n.t('tidb-lint: {0}: {1}; skipped\n', input === '-' ? '<stdin>' : input, errorText(e)));
    return undefined;
  }
}

/** A report made in this thread: with the whole text. */
type LocalReport = FileReport & { text: string };

/** Lints one file under its configuration (the nearest .tidb-lint.json unless --config), applying safe fixes with --fix. */
function lintFile(
  input: string,
  file: { bytes: Buffer; filePath: string },
  o: Options,
  io: CliIO,
): { report: LocalReport; ioError: boolean } {
  const { bytes, filePath } = file;
  const decoded = decodeSql(bytes);
  const text = decoded.text;
  let fileConfig = o.explicitConfig;
  let cfgFile = o.configFileName;
  if (!fileConfig) {
    const found = findConfigFile(filePath === '<stdin>' ? io.cwd : path.dirname(filePath));
    if (found) {
      fileConfig = readConfigFile(found);
      cfgFile = found;
    }
  }
  const config = mergeConfigs(fileConfig, o.flags);
  const lint = (t: string) => {
    const r = lintText(t, RULES, { config, configFile: cfgFile });
    return decoded.invalidOffset === undefined ? r : { ...r, findings: [encodingFinding(decoded), ...r.findings] };
  };
  const result = lint(text);
  const report: LocalReport = { filePath, text, findings: result.findings, lines: result.lines };
  if (!o.fix) return { report, ioError: false };
  return { report, ioError: !fixFile(input, bytes, decoded, report, lint, io) };
}

/** Applies the safe fixes of `report` to the file in place (atomically); false when it could not be written. */
function fixFile(
  input: string,
  bytes: Buffer,
  decoded: DecodedSql,
  report: LocalReport,
  lint: (text: string) => { findings: Finding[]; lines: FileReport['lines'] },
  io: CliIO,
): boolean {
  const outcome = applySafeFixes(report.text, report.findings);
  if (outcome.conflict) {
    report.fixConflict = l10n.t(
      "--fix left this file unchanged: the fixes for '{0}' and '{1}' overlap. Fix one by hand and run again.",
      outcome.conflict.a.ruleId,
      outcome.conflict.b.ruleId,
    );
    return true;
  }
  if (outcome.text === undefined || outcome.text === report.text) return true;
  if (input === '-') {
    io.stderr(l10n.t('tidb-lint: --fix with standard input does not write anything; the fixes are only reported\n'));
    return true;
  }
  if (decoded.invalidByte !== undefined) {
    report.fixConflict = l10n.t(
      '--fix left this file unchanged: it is not valid UTF-8 (byte {0}), and writing the fixes would replace such bytes. Convert it to UTF-8 first.',
      decoded.invalidByte,
    );
    return true;
  }
  try {
    replaceFileAtomically(input, bytes, encodeSql(outcome.text, decoded.encoding));
    const result = lint(outcome.text);
    Object.assign(report, { text: outcome.text, findings: result.findings, lines: result.lines, fixed: outcome.applied });
    return true;
  } catch (e) {
    report.fixConflict = l10n.t('--fix could not write this file ({0}); it is unchanged.', errorText(e));
    io.stderr(l10n.t('tidb-lint: {0}: --fix could not write it ({1}); the file is unchanged\n', input, errorText(e)));
    return false;
  }
}

/** An error's message without a doubled code ("EACCES: EACCES: …"). */
function errorText(e: unknown): string {
  if (e instanceof WriteRefused) return e.message;
  const err = e as NodeJS.ErrnoException;
  const msg = err?.message ?? String(e);
  return err?.code && !msg.startsWith(err.code) ? `${err.code}: ${msg}` : msg;
}

function encodingFinding(d: DecodedSql): Finding {
  return {
    ruleId: 'invalid-encoding',
    severity: 'error',
    message: l10n.t(
      'Not valid UTF-8 at byte {0}: such bytes were read as U+FFFD, so findings after it may be missing or misplaced. Convert the file to UTF-8 (for a latin1 file: iconv -f latin1 -t utf-8).',
      d.invalidByte ?? 0,
    ),
    start: d.invalidOffset!,
    end: d.invalidOffset! + 1,
  };
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

async function collectInputs(args: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  // one file reached twice (a symlink, a loop of them, an argument and a directory) is linted once
  const add = (f: string) => {
    let key = f;
    try {
      key = fs.realpathSync(f);
    } catch {
      // unreadable: reported when it is read
    }
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const files = await glob('**/*.sql', { cwd: abs, absolute: true, ignore: IGNORE, dot: false, caseSensitiveMatch: false });
      files.sort();
      files.forEach(add);
      continue;
    }
    // a file, or a pipe or device named on the command line (e.g. <(zcat dump.sql.gz))
    if (stat && !stat.isDirectory()) {
      add(abs);
      continue;
    }
    if (/[*?[\]{}]/.test(arg)) {
      const files = await glob(arg, { cwd, absolute: true, ignore: IGNORE });
      if (files.length === 0) throw new UsageError(l10n.t("no files match '{0}'", arg));
      files.sort();
      files.forEach(add);
      continue;
    }
    throw new UsageError(l10n.t("cannot read '{0}': no such file or directory", arg));
  }
  return out;
}

/** A worker thread's side: the same options, one input at a time, reports made portable. */
export async function runWorker(setup: WorkerSetup): Promise<void> {
  const stderr: string[] = [];
  const io: CliIO = {
    cwd: setup.cwd,
    stdout: () => undefined,
    stderr: (s) => void stderr.push(s),
    readStdin: () => Promise.reject(new Error('a worker does not read standard input')),
    color: setup.color,
  };
  const o = parseOptions(setup.argv, io);
  if (typeof o === 'number') throw new Error('the worker was given options the main thread did not lint with');
  // JSON and text are rendered here; SARIF numbers rules in the order the main thread meets them
  const writer = makeWriter(o.format, () => undefined, io);
  serveWorker(async (input) => {
    stderr.length = 0;
    const r = await lintInput(input, o, io);
    const out = { ioError: r.ioError, stderr: stderr.join('') };
    if (!r.report) return out;
    return writer.render ? { ...out, rendered: writer.render(r.report) } : { ...out, report: toPortable(r.report) };
  });
}
