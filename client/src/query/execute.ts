// Runs a batch of statements (one for Run Statement, a file's for Run File) on a
// session and streams everything the results view shows: result sets in batches,
// affected rows, warnings, errors with their code next to the statement. Stops at
// the first error, as the mysql client does, and says how many were skipped.
// Keeps the rows of the run for copy and export. No VS Code imports.
import * as l10n from '@vscode/l10n';
import type { Cell, ResultColumn, StatementOutcome, ToResults } from '../../../protocol/webviews/results';
import { StatementError, type Session } from '../connections/session';
import { toCell } from './format';

export interface RunInput {
  sql: string;
  /** 0-based line in the document, for the messages */
  line: number;
}

export interface RunSet {
  statement: number;
  columns: ResultColumn[];
  rows: Cell[][];
}

export interface RunRecord {
  runId: number;
  sets: RunSet[];
  outcomes: StatementOutcome[];
  ok: number;
  failed: number;
  skipped: number;
  cancelled: boolean;
  elapsedMs: number;
}

export interface ExecuteOptions {
  rowLimit: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  post(message: ToResults): void;
}

let nextRunId = 1;

export async function execute(session: Session, inputs: RunInput[], opts: ExecuteOptions): Promise<RunRecord> {
  const runId = nextRunId++;
  const t0 = performance.now();
  const rec: RunRecord = { runId, sets: [], outcomes: [], ok: 0, failed: 0, skipped: 0, cancelled: false, elapsedMs: 0 };
  opts.post({
    type: 'run-start',
    runId,
    connection: session.profile.name,
    server: `${session.server.flavor} ${session.server.version}`,
    statements: inputs.length,
    rowLimit: opts.rowLimit,
  });
  for (let i = 0; i < inputs.length; i++) {
    if (opts.signal?.aborted) {
      rec.cancelled = true;
      rec.skipped = inputs.length - i;
      break;
    }
    opts.post({ type: 'statement-start', runId, statement: i, sql: inputs[i].sql, line: inputs[i].line });
    const base = rec.sets.length;
    const outcome: StatementOutcome = { rowCounts: [], truncated: [], stoppedEarly: [], warnings: [], elapsedMs: 0 };
    const s0 = performance.now();
    try {
      const r = await session.run(inputs[i].sql, {
        rowLimit: opts.rowLimit,
        timeoutMs: opts.timeoutMs,
        signal: opts.signal,
        mapRow: (row) => row.map(toCell),
        onColumns: (k, columns) => {
          rec.sets.push({ statement: i, columns, rows: [] });
          opts.post({ type: 'set-start', runId, statement: i, set: base + k, columns });
        },
        onRows: (k, rows) => opts.post({ type: 'rows', runId, set: base + k, rows: rows as Cell[][] }),
      });
      r.sets.forEach((set, k) => {
        rec.sets[base + k].rows = set.rows as Cell[][];
        outcome.rowCounts.push(set.rowCount);
        outcome.truncated.push(set.truncated);
        outcome.stoppedEarly.push(!!set.stoppedEarly);
      });
      outcome.affectedRows = r.sets.length ? undefined : r.affectedRows;
      outcome.insertId = r.insertId;
      outcome.warnings = r.warnings;
      outcome.elapsedMs = r.elapsedMs;
      if (r.cancelled) {
        outcome.error = {
          message:
            r.cancelled === 'timeout' ? l10n.t('Cancelled: the statement ran past the tidb.query.timeout setting.') : l10n.t('Cancelled.'),
          cancelled: true,
        };
        rec.cancelled = true;
      }
      rec.ok++;
    } catch (e) {
      const err = e instanceof StatementError ? e : new StatementError((e as Error).message);
      outcome.error = {
        message: err.message,
        errno: err.errno,
        sqlState: err.sqlState,
        cancelled: err.cancelled,
        connectionLost: err.connectionLost,
      };
      outcome.elapsedMs = performance.now() - s0;
      rec.failed++;
      if (err.cancelled) rec.cancelled = true;
    }
    rec.outcomes.push(outcome);
    opts.post({ type: 'statement-end', runId, statement: i, outcome });
    if (outcome.error) {
      rec.skipped = inputs.length - i - 1;
      break;
    }
  }
  rec.elapsedMs = performance.now() - t0;
  opts.post({
    type: 'run-end',
    runId,
    elapsedMs: rec.elapsedMs,
    ok: rec.ok,
    failed: rec.failed,
    cancelled: rec.cancelled,
    skipped: rec.skipped,
  });
  return rec;
}
