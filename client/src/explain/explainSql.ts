// Which EXPLAIN to send for a server, and how its result set becomes a plan (the
// parser reads the rows directly). No VS Code imports.
import * as l10n from '@vscode/l10n';
import type { Plan } from '../../../core/plan/model';
import { planFromRows } from '../../../core/plan/parse';
import type { ServerInfo } from '../connections/driver';
import type { RunResult } from '../connections/stream';

export interface ExplainQuery {
  sql: string;
  /** a simpler form to try if the server rejects this one (older TiDB without tidb_json) */
  fallback?: string;
  note?: string;
}

const atLeast = (version: string, major: number, minor: number) => {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return !!m && (Number(m[1]) > major || (Number(m[1]) === major && Number(m[2]) >= minor));
};

export function explainQuery(server: Pick<ServerInfo, 'flavor' | 'version'>, statement: string, analyze: boolean): ExplainQuery {
  const stmt = statement.trim().replace(/;+\s*$/, '');
  switch (server.flavor) {
    case 'tidb': {
      const head = analyze ? 'EXPLAIN ANALYZE' : 'EXPLAIN';
      // FORMAT='tidb_json' arrived in v6.5
      if (atLeast(server.version, 6, 5)) return { sql: `${head} FORMAT='tidb_json' ${stmt}`, fallback: `${head} ${stmt}` };
      return { sql: `${head} ${stmt}` };
    }
    case 'mariadb':
      return { sql: analyze ? `ANALYZE FORMAT=JSON ${stmt}` : `EXPLAIN FORMAT=JSON ${stmt}` };
    case 'mysql':
      // MySQL's EXPLAIN ANALYZE prints a TREE text only; its JSON plan has no actual rows
      return analyze
        ? { sql: `EXPLAIN FORMAT=JSON ${stmt}`, note: l10n.t('MySQL has no JSON form of EXPLAIN ANALYZE: this is the estimated plan') }
        : { sql: `EXPLAIN FORMAT=JSON ${stmt}` };
  }
}

/** The plan in an EXPLAIN result, read from its rows (the last result set). */
export function planOfResult(r: RunResult): Plan {
  const set = r.sets[r.sets.length - 1];
  if (!set) throw new Error(l10n.t('EXPLAIN returned no rows'));
  return planFromRows(
    set.columns.map((c) => c.name),
    set.rows,
  );
}

/** The result as text: a single JSON cell as is, else the rows as TAB-separated text with a header (what a copy from a client gives). */
export function resultToPlanText(r: RunResult): string {
  const set = r.sets[r.sets.length - 1];
  if (!set) throw new Error(l10n.t('EXPLAIN returned no rows'));
  if (set.columns.length === 1 && set.rows.length >= 1) {
    const cell = String(set.rows[0][0] ?? '');
    if (/^\s*[[{]/.test(cell)) return cell;
  }
  const lines = [set.columns.map((c) => c.name).join('\t')];
  for (const row of set.rows)
    lines.push(row.map((v) => (v === null || v === undefined ? '' : String(v).replace(/[\t\n]/g, ' '))).join('\t'));
  return lines.join('\n') + '\n';
}
