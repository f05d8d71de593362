// The uniform shape of a rule: its id (metadata comes from the catalogue),
// the target versions it applies to, and a check over one statement.
import type { RuleContext } from './context';
import catalog from './rules/catalog.json';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Category = 'incompatible' | 'behaviour-differs' | 'risky';

/** A rule's metadata: what the client shows (protocol's RuleInfo is the part sent over the wire) plus its sources. */
export interface RuleMeta {
  id: string;
  category: Category;
  versions: string;
  explanation: string;
  fix: string;
  docsUrl: string;
  severity: Severity;
  source: string;
  quote: string;
  quoteStatus: string;
  /** the error TiDB prints, when known */
  tidbMessage?: string;
}

export interface RuleDefinition {
  meta: RuleMeta;
  /** applies when target >= since */
  since?: string;
  /** applies when target < before */
  before?: string;
  /**
   * Statement kinds (Stmt.kind) the rule looks at; omitted means every statement.
   * Only a filter for speed: the check must still be correct on any statement.
   */
  kinds?: readonly string[];
  check(ctx: RuleContext): void;
}

interface CatalogEntry {
  id: string;
  category: string;
  severity: string;
  versions: string;
  explanation: string;
  fix: string;
  source: string;
  quote: string;
  quote_status: string;
  message: string | null;
}

const DOCS = 'https://docs.pingcap.com/tidb/stable/';

const byId = new Map<string, CatalogEntry>((catalog as CatalogEntry[]).map((e) => [e.id, e]));

export function catalogIds(): string[] {
  return [...byId.keys()];
}

/** The docs page for a catalogue source such as "pingcap/docs: sql-statements/sql-statement-load-data.md". */
export function docsUrlFromSource(source: string): string | undefined {
  const m = /([\w./-]+)\.md(#[\w-]+)?/.exec(source);
  if (!m) return undefined;
  const page = m[1].split('/').pop()!;
  return DOCS + page + (m[2] ?? '');
}

export function defineRule(
  id: string,
  def: Omit<RuleDefinition, 'meta'> & { docs?: string },
): RuleDefinition {
  const e = byId.get(id);
  if (!e) throw new Error(`Rule '${id}' is not in the catalogue (core/lint/rules/catalog.json)`);
  const docsUrl = def.docs ? DOCS + def.docs : docsUrlFromSource(e.source) ?? DOCS + 'mysql-compatibility';
  const meta: RuleMeta = {
    id,
    category: e.category as Category,
    severity: e.severity as Severity,
    versions: e.versions,
    explanation: e.explanation,
    fix: e.fix,
    docsUrl,
    source: e.source,
    quote: e.quote,
    quoteStatus: e.quote_status,
    tidbMessage: e.message ?? undefined,
  };
  return { meta, since: def.since, before: def.before, kinds: def.kinds, check: def.check };
}
