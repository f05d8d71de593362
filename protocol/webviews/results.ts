// Messages between the extension and the results webview, defined once and
// imported by both sides. Cells are already display values: the extension turns
// binary into 0x… hex and JSON into text before they cross the boundary.

export type Cell = string | number | null;

export interface ResultColumn {
  name: string;
  /** the MySQL protocol type: LONGLONG, VAR_STRING, NEWDECIMAL, ... */
  type: string;
}

export type CopyFormat = 'tsv' | 'csv' | 'json' | 'markdown';

export interface StatementOutcome {
  /** rows sent by the server per result set (also those past the row limit) */
  rowCounts: number[];
  truncated: boolean[];
  /** the statement was stopped at the row limit, so rowCounts are lower bounds */
  stoppedEarly: boolean[];
  affectedRows?: number;
  insertId?: number | string;
  warnings: Array<{ level: string; code: number; message: string }>;
  elapsedMs: number;
  /** the server's error, when the statement failed */
  error?: { message: string; errno?: number; sqlState?: string; cancelled?: boolean; connectionLost?: boolean };
}

/** Extension -> webview. */
export type ToResults =
  | {
      type: 'run-start';
      runId: number;
      connection: string;
      server: string;
      statements: number;
      rowLimit: number;
      /** shown above the results while the run's rows are on screen (the time machine: "as of …, read-only") */
      banner?: string;
    }
  | { type: 'statement-start'; runId: number; statement: number; sql: string; line: number }
  /** a result set begins; `set` numbers result sets across the whole run */
  | { type: 'set-start'; runId: number; statement: number; set: number; columns: ResultColumn[] }
  | { type: 'rows'; runId: number; set: number; rows: Cell[][] }
  | { type: 'statement-end'; runId: number; statement: number; outcome: StatementOutcome }
  | { type: 'run-end'; runId: number; elapsedMs: number; ok: number; failed: number; cancelled: boolean; skipped: number };

/** Webview -> extension. */
export type FromResults =
  | { type: 'ready' }
  | { type: 'cancel'; runId: number }
  /** rows: indexes into the set, or 'all'; column: one cell per row */
  | { type: 'copy'; set: number; rows: number[] | 'all'; column?: number; format: CopyFormat }
  | { type: 'export'; set: number };
