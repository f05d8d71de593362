// Builds the "split this ALTER TABLE into several statements" quick fix shared
// by multi-schema-change-pre-v6-2, multi-alter-forward-reference and
// multiple-tidb-options-in-alter.
import type { Fix, RuleContext } from '../../context';
import type { AlterSpec, AlterTable } from '../../../sql/ddl';

/** The source text of one ALTER spec. */
export function specText(ctx: RuleContext, spec: AlterSpec): string {
  return ctx.s.text(spec.first, spec.end - 1);
}

/** ALGORITHM= / LOCK= specs: assertions that belong to every statement of a split. */
export function isAssertionSpec(spec: AlterSpec): boolean {
  return spec.verb === 'ALGORITHM' || spec.verb === 'LOCK';
}

/**
 * A fix that replaces the statement by one ALTER TABLE per group of spec texts
 * (ALGORITHM/LOCK assertions are repeated on each). Undefined when the statement
 * cannot be rewritten mechanically (executable comments, nothing to split).
 */
export function splitAlterFix(ctx: RuleContext, at: AlterTable, groups: string[][], title: string, safe = false): Fix | undefined {
  const s = ctx.s;
  const nonEmpty = groups.filter((g) => g.length > 0);
  if (!at.name || nonEmpty.length < 2 || s.length === 0) return undefined;
  const body = s.src.slice(s.start, s.end);
  // Tokens from /*! ... */ comments cannot be cut apart safely.
  if (body.includes('/*') || s.tokens.some((tk) => tk.exec)) return undefined;
  if (s.sparseFrom < s.length) return undefined;
  const prefix = s.text(0, at.name.last);
  const asserts = at.specs.filter(isAssertionSpec).map((sp) => specText(ctx, sp));
  const delim = s.stmt.delimiter?.text ?? ';';
  const stmts = nonEmpty.map((g) => `${prefix} ${[...g, ...asserts].join(', ')}`);
  const last = s.length - 1;
  // the file's own line ends: a CRLF file keeps CRLF
  const near = s.src.slice(Math.max(0, s.start - 4096), s.start + 4096);
  const eol = near.includes('\r\n') ? '\r\n' : near.includes('\r') ? '\r' : '\n';
  return { title, edits: [ctx.replaceTokens(0, last, stmts.join(`${delim}${eol}`))], safe };
}
