// Iteration over the column and index definitions a statement declares, whatever
// the statement: CREATE TABLE, ALTER TABLE (ADD/MODIFY/CHANGE COLUMN, ADD INDEX)
// or CREATE INDEX.
import type { RuleContext } from '../../context';
import { parseCreateIndex, type AlterSpec, type ColumnDef, type IndexDef } from '../../../sql/ddl';
import type { QualifiedName } from '../../../sql/statement';

export interface ColumnSite {
  col: ColumnDef;
  /** where the definition comes from */
  via: 'CREATE TABLE' | 'ADD' | 'MODIFY' | 'CHANGE';
  spec?: AlterSpec;
  table?: QualifiedName;
}

export interface IndexSite {
  index: IndexDef;
  via: 'CREATE TABLE' | 'ALTER TABLE' | 'CREATE INDEX';
  spec?: AlterSpec;
  table?: QualifiedName;
}

/** Column definitions of a CREATE TABLE body or of ALTER TABLE ADD/MODIFY/CHANGE specs. */
export function columnSites(ctx: RuleContext): ColumnSite[] {
  const out: ColumnSite[] = [];
  const ct = ctx.createTable();
  if (ct) for (const col of ct.columns) out.push({ col, via: 'CREATE TABLE', table: ct.name });
  const at = ctx.alterTable();
  if (at) {
    for (const spec of at.specs) {
      if (spec.verb !== 'ADD' && spec.verb !== 'MODIFY' && spec.verb !== 'CHANGE') continue;
      for (const col of spec.columns) out.push({ col, via: spec.verb, spec, table: at.name });
    }
  }
  return out;
}

/** Index definitions of a CREATE TABLE body, ALTER TABLE ADD ... specs or a CREATE INDEX statement. */
export function indexSites(ctx: RuleContext): IndexSite[] {
  const out: IndexSite[] = [];
  const ct = ctx.createTable();
  if (ct) for (const index of ct.indexes) out.push({ index, via: 'CREATE TABLE', table: ct.name });
  const at = ctx.alterTable();
  if (at) {
    for (const spec of at.specs)
      if (spec.verb === 'ADD' && spec.index) out.push({ index: spec.index, via: 'ALTER TABLE', spec, table: at.name });
  }
  if (ctx.s.kind === 'CREATE INDEX') {
    const ci = parseCreateIndex(ctx.s);
    if (ci) out.push({ index: ci.index, via: 'CREATE INDEX', table: ci.table });
  }
  return out;
}
