// What a rule sees while it checks one statement.
import { parseAlterTable, parseCreateTable, type AlterTable, type CreateTable } from '../sql/ddl';
import type { FileSchema } from '../sql/schema';
import type { Stmt } from '../sql/statement';
import type { Version } from '../sql/version';
import type { Severity } from './severity';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** safe fixes are applied by `tidb-lint --fix` and offered as preferred quick fixes */
  safe: boolean;
}

export interface Range {
  start: number;
  end: number;
}

export interface Report {
  range: Range;
  message: string;
  fix?: Fix;
  /** the root cause this report shares with others of its rule (see Finding.group) */
  group?: string;
  /** a severity the facts call for (a 12-row table on the live server makes a hotspot a hint) */
  severity?: Severity;
}

export interface ReportOptions {
  group?: string;
  severity?: Severity;
}

export interface SessionState {
  /** current database (USE x) */
  db?: string;
  /** inside BEGIN / START TRANSACTION / SET autocommit=0 ... COMMIT / ROLLBACK */
  inTransaction: boolean;
  /** SET autocommit = 0 is in force: a DDL's implicit commit is followed by a new implicit transaction */
  autocommitOff?: boolean;
  /** GLOBAL system variables set earlier in the file (lower-cased name -> upper-cased value) */
  globals: Map<string, string>;
  /** system variables set earlier in the file at any scope (lower-cased name -> upper-cased value) */
  vars: Map<string, string>;
  /** the file is a mysqldump / mariadb-dump output (it saved @OLD_CHARACTER_SET_CLIENT & co. at its start) */
  dump?: boolean;
}

/**
 * A finding that depends on what comes later in the file: it is dropped when
 * every name in `exemptIfCreatedLater` is created (CREATE TABLE / CREATE VIEW)
 * by a later statement. The engine streams statements, so rules cannot look ahead.
 */
export interface DeferredReport {
  at: Range;
  /** lower-cased name -> name as written: a later creation of that name lifts the finding for it */
  exemptIfCreatedLater: Map<string, string>;
  /** names the finding always names */
  always: string[];
  /** the message for the names still reported */
  message: (names: string[]) => string;
  fix?: Fix;
}

export class RuleContext {
  readonly reports: Report[] = [];
  readonly deferred: DeferredReport[] = [];
  private _ct?: CreateTable | null;
  private _at?: AlterTable | null;

  constructor(
    readonly s: Stmt,
    readonly target: Version,
    readonly schema: FileSchema,
    readonly session: SessionState,
  ) {}

  get src(): string {
    return this.s.src;
  }

  /** The parsed CREATE TABLE, cached per statement. */
  createTable(): CreateTable | undefined {
    if (this._ct === undefined) this._ct = parseCreateTable(this.s) ?? null;
    return this._ct ?? undefined;
  }

  /** The parsed ALTER TABLE, cached per statement. */
  alterTable(): AlterTable | undefined {
    if (this._at === undefined) this._at = parseAlterTable(this.s) ?? null;
    return this._at ?? undefined;
  }

  /** Seeds the parse caches (the engine shares one parse between rules and the schema model). */
  seed(ct: CreateTable | undefined, at: AlterTable | undefined): void {
    this._ct = ct ?? null;
    this._at = at ?? null;
  }

  /**
   * Reports a finding at a token index, a [first, last] token range (inclusive),
   * or an offset range.
   */
  report(at: number | [number, number] | Range, message: string, fix?: Fix, opts: ReportOptions = {}): void {
    let range: Range;
    const t = this.s.tokens;
    if (typeof at === 'number') {
      const tok = t[Math.max(0, Math.min(at, t.length - 1))];
      range = { start: tok.start, end: tok.end };
    } else if (Array.isArray(at)) {
      const a = t[Math.max(0, Math.min(at[0], t.length - 1))];
      const b = t[Math.max(0, Math.min(at[1], t.length - 1))];
      range = { start: a.start, end: Math.max(a.end, b.end) };
    } else {
      range = at;
    }
    this.reports.push({ range, message, fix, group: opts.group, severity: opts.severity });
  }

  /** Reports a finding that later CREATE TABLE/VIEW statements can lift (see DeferredReport). */
  reportUnlessCreatedLater(
    at: [number, number],
    exemptIfCreatedLater: string[],
    always: string[],
    message: (names: string[]) => string,
  ): void {
    const t = this.s.tokens;
    const a = t[Math.max(0, Math.min(at[0], t.length - 1))];
    const b = t[Math.max(0, Math.min(at[1], t.length - 1))];
    this.deferred.push({
      at: { start: a.start, end: Math.max(a.end, b.end) },
      exemptIfCreatedLater: new Map(exemptIfCreatedLater.map((n) => [n.toLowerCase(), n])),
      always,
      message,
    });
  }

  /**
   * Rows of a table on the live server (information_schema.TABLES), when the file has a connection
   * and the file did not create the table itself.
   */
  liveRows(db: string | undefined, name: string): number | undefined {
    if (this.schema.createdInFile(db, name)) return undefined;
    return this.schema.table(db, name)?.rows;
  }

  /** A fix replacing tokens [first, last] with text. */
  replaceTokens(first: number, last: number, newText: string): TextEdit {
    return { start: this.s.tokens[first].start, end: this.s.tokens[last].end, newText };
  }
}
