// The uniform shape of a rule. Each rule file says everything about its rule:
// id, category, default severity, the versions it applies to (as data), what
// TiDB does, the fix, its sources, diagnostic tags, the statement kinds it reads,
// examples (SQL it must flag and SQL it must not) and the check itself. The
// catalogue (`tidb-lint --list-rules`, docs/rules.json), docs/rules.md and the
// per-rule example tests are all generated from these files.
import type { RuleContext } from './context';
import type { StatementKind } from '../sql/statement';
import { Version } from '../sql/version';

import type { Severity } from './severity';

export type { Severity };
export type Category = 'incompatible' | 'behaviour-differs' | 'risky';
/** LSP diagnostic tags: `unnecessary` greys the code out, `deprecated` strikes it through. */
export type Tag = 'unnecessary' | 'deprecated';

/**
 * What TiDB answers to a flagged statement, as the TiDB docs state it: an error
 * (code and SQLSTATE when the docs print them, and the message), a warning, or
 * it runs ('accepted'; 'accepted, ignored' when the flagged clause does nothing).
 */
export type TidbAnswer =
  | { error: number | null; sqlState?: string; message: string }
  | { warning: number; message: string }
  | 'accepted'
  | 'accepted, ignored';

/** One example: its SQL, and the target version when it is not the rule's first applicable release line. */
export type Example = string | { sql: string; target?: string; display?: string };

/** A rule's metadata: what the client shows (protocol's RuleInfo is the part sent over the wire) plus its sources. */
export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  /** the versions as the catalogue words them; `since`/`until` are the same as data */
  versions: string;
  explanation: string;
  fix: string;
  docsUrl: string;
  source: string;
  quote: string;
  quoteStatus: 'verified' | 'paraphrase';
  tidb?: TidbAnswer;
  tags?: readonly Tag[];
}

export interface RuleSpec extends Omit<RuleMeta, 'docsUrl'> {
  /** the page under docs.pingcap.com/tidb/stable/ when it is not the one `source` names */
  docs?: string;
  /** applies when target >= since */
  since?: string;
  /** applies when target < until */
  until?: string;
  /**
   * Statement kinds (Stmt.kind) the rule looks at; omitted means every statement.
   * Only a filter for speed: the check must still be correct on any statement.
   */
  kinds?: readonly StatementKind[];
  /**
   * Words (unquoted, upper-case) of which the rule needs one in a statement to report anything on it;
   * omitted means no such word. Only a filter for speed, like `kinds`: a test runs every rule without it
   * on the corpora and compares.
   */
  words?: readonly string[];
  examples: { flagged: readonly Example[]; clean: readonly Example[] };
  check(ctx: RuleContext): void;
}

export interface RuleDefinition {
  meta: RuleMeta;
  since?: string;
  until?: string;
  kinds?: readonly StatementKind[];
  words?: readonly string[];
  examples: RuleSpec['examples'];
  check(ctx: RuleContext): void;
}

const DOCS = 'https://docs.pingcap.com/tidb/stable/';

/** The docs page for a catalogue source such as "pingcap/docs: sql-statements/sql-statement-load-data.md". */
export function docsUrlFromSource(source: string): string | undefined {
  const m = /([\w./-]+)\.md(#[\w-]+)?/.exec(source);
  if (!m) return undefined;
  const page = m[1].split('/').pop()!;
  return DOCS + page + (m[2] ?? '');
}

export function defineRule(spec: RuleSpec): RuleDefinition {
  const { docs, since, until, kinds, words, examples, check, ...rest } = spec;
  const docsUrl = docs ? DOCS + docs : (docsUrlFromSource(spec.source) ?? DOCS + 'mysql-compatibility');
  return { meta: { ...rest, docsUrl }, since, until, kinds, words, examples, check };
}

/** TiDB's answer as the client prints it, e.g. `ERROR 1064 (42000): You have an error…`; undefined when it runs. */
export function tidbSays(a: TidbAnswer | undefined): string | undefined {
  if (!a || typeof a === 'string') return undefined;
  if ('warning' in a) return `Warning ${a.warning}: ${a.message}`;
  if (a.error === null) return a.message;
  return `ERROR ${a.error}${a.sqlState ? ` (${a.sqlState})` : ''}: ${a.message}`;
}

/** An example's SQL and target version (the rule's own when the example names none). */
export function exampleOf(rule: Pick<RuleDefinition, 'since' | 'until'>, e: Example): { sql: string; target: string; display: string } {
  const o = typeof e === 'string' ? { sql: e } : e;
  return { sql: o.sql, target: o.target ?? homeVersion(rule), display: o.display ?? o.sql };
}

/** The release lines examples run on by default, newest first. */
export const RELEASE_LINES = ['8.5', '8.1', '7.5', '7.1', '6.5', '6.1', '5.4', '5.0', '4.0', '3.0'];

/** The newest release line a rule applies to: its examples' default target version. */
export function homeVersion(rule: Pick<RuleDefinition, 'since' | 'until'>): string {
  const v = RELEASE_LINES.find((l) => (!rule.since || new Version(l).gte(rule.since)) && (!rule.until || new Version(l).lt(rule.until)));
  if (!v) throw new Error(`no release line between since ${rule.since} and until ${rule.until}`);
  return v;
}
