// What differs between a source schema (the one to copy) and a target (the one to change), and the
// migration that makes the target like the source: new tables first, then per table the column and
// index changes, dropped tables last. Each ALTER carries TiDB's cost class: metadata only (instant)
// or a reorg that rewrites or backfills every row (ADD INDEX, a lossy column type change), from
// ../shared/tidb-ops/README.md part C (ddl-introduction.md, sql-statement-modify-column.md).
import * as l10n from '@vscode/l10n';
import type { ColumnModel, IndexModel, SchemaModel, SequenceModel, TableModel, ViewModel } from './model';

export interface TableDiff {
  name: string;
  addColumns: ColumnModel[];
  dropColumns: ColumnModel[];
  /** source and target definition */
  modifyColumns: Array<{ from: ColumnModel; to: ColumnModel }>;
  addIndexes: IndexModel[];
  dropIndexes: IndexModel[];
  options?: { from: string; to: string };
  partition?: { from: string; to: string };
}

export interface SchemaDiff {
  onlyInSource: TableModel[];
  onlyInTarget: TableModel[];
  changed: TableDiff[];
  views: { onlyInSource: ViewModel[]; onlyInTarget: ViewModel[]; changed: ViewModel[] };
  /** changed: the source's definition, with the target's for the message */
  sequences: { onlyInSource: SequenceModel[]; onlyInTarget: SequenceModel[]; changed: Array<{ from: SequenceModel; to: SequenceModel }> };
}

/** Named objects only on one side, and those whose key differs. */
function diffNamed<T extends { name: string; key: string }>(source: Map<string, T>, target: Map<string, T>) {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    onlyInSource: [...source]
      .filter(([k]) => !target.has(k))
      .map(([, v]) => v)
      .sort(byName),
    onlyInTarget: [...target]
      .filter(([k]) => !source.has(k))
      .map(([, v]) => v)
      .sort(byName),
    changed: [...source]
      .filter(([k, v]) => target.has(k) && target.get(k)!.key !== v.key)
      .map(([k, v]) => ({ from: target.get(k)!, to: v }))
      .sort((a, b) => byName(a.to, b.to)),
  };
}

export function diffSchemas(source: SchemaModel, target: SchemaModel): SchemaDiff {
  const onlyInSource: TableModel[] = [];
  const onlyInTarget: TableModel[] = [];
  const changed: TableDiff[] = [];
  for (const [k, s] of source.tables) {
    const t = target.tables.get(k);
    if (!t) onlyInSource.push(s);
    else {
      const d = diffTable(s, t, source.collations ?? target.collations);
      if (d) changed.push(d);
    }
  }
  for (const [k, t] of target.tables) if (!source.tables.has(k)) onlyInTarget.push(t);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const v = diffNamed(source.views, target.views);
  const views = { ...v, changed: v.changed.map((c) => c.to) };
  const sequences = diffNamed(source.sequences ?? new Map(), target.sequences ?? new Map());
  return {
    onlyInSource: onlyInSource.sort(byName),
    onlyInTarget: onlyInTarget.sort(byName),
    changed: changed.sort(byName),
    views,
    sequences,
  };
}

export function isEmpty(d: SchemaDiff): boolean {
  return (
    !d.onlyInSource.length &&
    !d.onlyInTarget.length &&
    !d.changed.length &&
    !d.views.onlyInSource.length &&
    !d.views.onlyInTarget.length &&
    !d.views.changed.length &&
    !d.sequences.onlyInSource.length &&
    !d.sequences.onlyInTarget.length &&
    !d.sequences.changed.length
  );
}

/** ENGINE, CHARSET and COLLATE given on one side only are the server's default on the other: not a difference. */
const DEFAULTED_OPTIONS = new Set(['engine', 'charset', 'collate']);

function optionsDiffer(a: Map<string, string>, b: Map<string, string>): boolean {
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (a.has(k) && b.has(k) ? a.get(k) !== b.get(k) : !DEFAULTED_OPTIONS.has(k)) return true;
  }
  return false;
}

/**
 * A column's key with a charset named without its collation given the collation it means: the
 * server's default for that charset (`collations`, read from a live side: MySQL's latin1 is
 * latin1_swedish_ci, TiDB's latin1_bin).
 */
function withCollation(key: string, collations?: Map<string, string>): string {
  if (!collations?.size) return key;
  return key.replace(/ character set (\w+)(?! collate)/, (m, cs: string) => (collations.get(cs) ? ` collate ${collations.get(cs)}` : m));
}

function diffTable(s: TableModel, t: TableModel, collations?: Map<string, string>): TableDiff | undefined {
  const tc = new Map(t.columns.map((c) => [c.name.toLowerCase(), c]));
  const sc = new Map(s.columns.map((c) => [c.name.toLowerCase(), c]));
  // the index a server made for a foreign key is not compared
  const tIdx = t.indexes.filter((i) => !i.implicit);
  const sIdx = s.indexes.filter((i) => !i.implicit);
  const ti = new Map(tIdx.map((i) => [i.id, i]));
  const si = new Map(sIdx.map((i) => [i.id, i]));
  const same = (a: ColumnModel, b: ColumnModel) => a.key === b.key || withCollation(a.key, collations) === withCollation(b.key, collations);
  const d: TableDiff = {
    name: t.name,
    addColumns: s.columns.filter((c) => !tc.has(c.name.toLowerCase())),
    dropColumns: t.columns.filter((c) => !sc.has(c.name.toLowerCase())),
    modifyColumns: s.columns
      .filter((c) => tc.has(c.name.toLowerCase()) && !same(tc.get(c.name.toLowerCase())!, c))
      .map((c) => ({ from: tc.get(c.name.toLowerCase())!, to: c })),
    // a changed index is dropped and added again
    addIndexes: sIdx.filter((i) => ti.get(i.id)?.key !== i.key),
    dropIndexes: tIdx.filter((i) => si.get(i.id)?.key !== i.key),
  };
  if (optionsDiffer(s.optionMap, t.optionMap)) d.options = { from: t.options, to: s.options };
  if (s.partition !== t.partition) d.partition = { from: t.partition, to: s.partition };
  const any =
    d.addColumns.length ||
    d.dropColumns.length ||
    d.modifyColumns.length ||
    d.addIndexes.length ||
    d.dropIndexes.length ||
    d.options ||
    d.partition;
  return any ? d : undefined;
}

// ---------------------------------------------------------------------------------------------
// The migration

export type Cost = 'instant' | 'reorg' | 'drop';

export interface MigrationStep {
  sql: string;
  cost: Cost;
  /** why this cost, for the comment above the statement */
  why: string;
}

export interface ScriptOptions {
  /** the product the target runs: TiDB's cost classes, ALGORITHM=INSTANT assertions */
  flavor: 'tidb' | 'mysql' | 'mariadb';
  /** drop tables and columns the source does not have (else they are listed as comments) */
  drop?: boolean;
  /** append ALGORITHM=INSTANT to the steps TiDB can do without a reorg, so it refuses instead of rewriting by surprise */
  assertInstant?: boolean;
  /** live row counts of the target's tables, for the size note on reorgs */
  rows?: Map<string, number>;
}

const q = (name: string) => `\`${name.replace(/`/g, '``')}\``;

const INT_RANK: Record<string, number> = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, integer: 4, bigint: 5 };

/**
 * Whether MODIFY COLUMN from → to only changes metadata on TiDB: a wider integer of the same
 * signedness, a longer VARCHAR/VARBINARY of the same charset, or only the default, comment or
 * nullability loosened. Anything else (a lossy type change, shorter strings, DECIMAL precision) is
 * a reorg that rewrites the rows. On MySQL/MariaDB the same changes are cheap or copy the table.
 */
export function modifyCost(from: ColumnModel, to: ColumnModel): { cost: Cost; why: string } {
  const type = (c: ColumnModel) => /^(\w+)(?:\((\d+)(?:,(\d+))?\))?( unsigned)?/.exec(c.type ?? '');
  const a = type(from);
  const b = type(to);
  const rest = (c: ColumnModel) => c.key.slice(c.name.length + 1 + (c.type ?? '').length);
  if (a && b && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4])
    return { cost: 'instant', why: l10n.t('the type is unchanged: metadata only (default, comment, nullability)') };
  if (a && b && INT_RANK[a[1]] && INT_RANK[b[1]] && !!a[4] === !!b[4] && INT_RANK[b[1]] >= INT_RANK[a[1]])
    return { cost: 'instant', why: l10n.t('a wider integer ({0} → {1}): metadata only', a[1], b[1]) };
  if (a && b && a[1] === b[1] && /^(varchar|varbinary)$/.test(a[1]) && Number(b[2]) >= Number(a[2]) && rest(from) === rest(to))
    return { cost: 'instant', why: l10n.t('a longer {0} ({1} → {2}): metadata only', a[1], a[2], b[2]) };
  return {
    cost: 'reorg',
    why: l10n.t('the type changes ({0} → {1}): TiDB rewrites every row (Reorg-Data)', from.type ?? '', to.type ?? ''),
  };
}

/**
 * Tables in an order where each comes after the tables its foreign keys reference (among these):
 * CREATE in this order, DROP in the reverse. A cycle keeps its tables in name order.
 */
export function byReferences(tables: TableModel[]): TableModel[] {
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  const out: TableModel[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: TableModel) => {
    const k = t.name.toLowerCase();
    if (state.has(k)) return;
    state.set(k, 'visiting');
    for (const i of t.indexes) {
      const r = i.references && i.references !== k ? byName.get(i.references) : undefined;
      if (r && !state.has(r.name.toLowerCase())) visit(r);
    }
    state.set(k, 'done');
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}

/** The statements that make the target like the source, in a safe order, each with its cost. */
export function migration(d: SchemaDiff, o: ScriptOptions): MigrationStep[] {
  const steps: MigrationStep[] = [];
  const instant = (sql: string) => (o.assertInstant && o.flavor === 'tidb' ? `${sql}, ALGORITHM=INSTANT` : sql);
  /** a reorg's reason with the target table's size, when known */
  const sized = (why: string, table: string) => {
    const n = o.rows?.get(table.toLowerCase());
    return n === undefined ? why : l10n.t('{0} (~{1} rows in the target)', why, n.toLocaleString('en-US'));
  };
  sequenceSteps(d, steps);
  for (const t of byReferences(d.onlyInSource)) steps.push({ sql: t.createSql, cost: 'instant', why: l10n.t('a new table') });
  for (const t of d.changed) {
    const alter = `ALTER TABLE ${q(t.name)}`;
    for (const i of t.dropIndexes)
      steps.push({
        sql: instant(
          `${alter} DROP ${i.kind === 'PRIMARY' ? 'PRIMARY KEY' : i.kind === 'FOREIGN' ? `FOREIGN KEY ${q(i.name)}` : `INDEX ${q(i.name)}`}`,
        ),
        cost: 'instant',
        why: l10n.t('dropping an index: metadata only'),
      });
    for (const c of t.addColumns)
      steps.push({ sql: instant(`${alter} ADD COLUMN ${c.sql}`), cost: 'instant', why: l10n.t('a new column: metadata only') });
    for (const m of t.modifyColumns) {
      const c = modifyCost(m.from, m.to);
      steps.push({
        sql: c.cost === 'instant' ? instant(`${alter} MODIFY COLUMN ${m.to.sql}`) : `${alter} MODIFY COLUMN ${m.to.sql}`,
        cost: c.cost,
        why: c.cost === 'reorg' ? sized(c.why, t.name) : c.why,
      });
    }
    for (const i of t.addIndexes)
      steps.push({
        sql: `${alter} ADD ${i.sql}`,
        cost: 'reorg',
        why: sized(l10n.t('a new index: TiDB backfills it from every row'), t.name),
      });
    if (t.options)
      steps.push({
        sql: `-- ${l10n.t('table options differ on {0}: target {1}, source {2}', q(t.name), t.options.from || l10n.t('(none)'), t.options.to || l10n.t('(none)'))}`,
        cost: 'instant',
        why: l10n.t('not changed automatically'),
      });
    if (t.partition)
      steps.push({
        sql: `-- ${l10n.t('partitioning differs on {0}: target {1}, source {2}', q(t.name), t.partition.from || l10n.t('(none)'), t.partition.to || l10n.t('(none)'))}`,
        cost: 'reorg',
        why: l10n.t('repartitioning rewrites the table: not changed automatically'),
      });
  }
  // views after the tables they read: new and changed ones (re)created
  for (const v of [...d.views.onlyInSource, ...d.views.changed])
    steps.push({ sql: v.createSql, cost: 'instant', why: l10n.t('a view: metadata only') });
  for (const v of d.views.onlyInTarget) {
    const sql = `DROP VIEW ${q(v.name)}`;
    steps.push({ sql: o.drop ? sql : `-- ${sql}`, cost: 'drop', why: l10n.t('the source has no such view') });
  }
  // drops last: after everything that could still read them
  for (const s of d.sequences.onlyInTarget) {
    const sql = `DROP SEQUENCE ${q(s.name)}`;
    steps.push({ sql: o.drop ? sql : `-- ${sql}`, cost: 'drop', why: l10n.t('the source has no such sequence') });
  }
  for (const t of d.changed)
    for (const c of t.dropColumns) {
      const sql = `ALTER TABLE ${q(t.name)} DROP COLUMN ${q(c.name)}`;
      steps.push({ sql: o.drop ? sql : `-- ${sql}`, cost: 'drop', why: l10n.t('the source has no such column: its data is lost') });
    }
  for (const t of byReferences(d.onlyInTarget).reverse()) {
    const sql = `DROP TABLE ${q(t.name)}`;
    steps.push({ sql: o.drop ? sql : `-- ${sql}`, cost: 'drop', why: l10n.t('the source has no such table: its data is lost') });
  }
  return steps;
}

/**
 * New sequences are created; a changed one is altered in the options that define it (TiDB v6.4+ and
 * MariaDB have ALTER SEQUENCE), never restarted: its START differs by the values already handed out,
 * which is a counter, like AUTO_INCREMENT=n. First in the migration: a new table's DEFAULT NEXTVAL(s)
 * needs its sequence. A sequence only in the target is dropped with the other drops, last.
 */
function sequenceSteps(d: SchemaDiff, steps: MigrationStep[]): void {
  for (const s of d.sequences.onlyInSource) steps.push({ sql: s.createSql, cost: 'instant', why: l10n.t('a new sequence') });
  for (const { from, to } of d.sequences.changed) {
    const a = to.options;
    steps.push({
      sql: `ALTER SEQUENCE ${q(to.name)} INCREMENT BY ${a.increment} MINVALUE ${a.minvalue} MAXVALUE ${a.maxvalue} ${a.cache === '0' ? 'NOCACHE' : `CACHE ${a.cache}`} ${a.cycle ? 'CYCLE' : 'NOCYCLE'}`,
      cost: 'instant',
      why: l10n.t("the sequence's options differ (target: {0}): metadata only; its current value is kept", from.key),
    });
  }
}

/** The migration as a reviewable SQL document (linted like any other). */
export function migrationScript(steps: MigrationStep[], header: string): string {
  const out = [
    `-- ${header}`,
    `-- ${
      steps.length === 1
        ? l10n.t('{0} step; review before running. Cost: instant = metadata only; reorg = rewrites or backfills rows.', steps.length)
        : l10n.t('{0} steps; review before running. Cost: instant = metadata only; reorg = rewrites or backfills rows.', steps.length)
    }`,
  ];
  for (const s of steps) {
    out.push('', `-- ${s.cost}: ${s.why}`);
    out.push(s.sql.startsWith('--') ? s.sql : `${s.sql};`);
  }
  return `${out.join('\n')}\n`;
}
