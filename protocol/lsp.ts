// Custom messages between the extension and the language server, defined once as
// typed request and notification objects and imported by both sides, so neither a
// method name nor a parameter type can drift. The client and the server use the
// same vscode-languageserver-protocol (vscode-languageclient 11, vscode-languageserver 11).

import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { RuleMeta } from '../core/lint/rule';

/** A database schema as the client knows it from a live connection. */
export interface SchemaSnapshot {
  /** the connection it came from (for logs) */
  connection: string;
  /** the connection's default database, if any */
  defaultDatabase?: string;
  /** the server it came from: on TiDB, the language server's target version follows it unless the user pinned one */
  server?: { flavor: 'tidb' | 'mysql' | 'mariadb'; version: string };
  databases: Array<{
    name: string;
    tables: Array<{
      name: string;
      kind: 'table' | 'view' | 'sequence';
      columns: Array<{ name: string; type: string }>;
      /** information_schema.TABLES.TABLE_ROWS: TiDB's statistics estimate, MySQL's InnoDB estimate */
      rows?: number;
    }>;
  }>;
}

/** Why `x` is not a SchemaSnapshot (the first problem found), or undefined when it is one. */
export function schemaSnapshotProblem(x: unknown): string | undefined {
  const isStr = (v: unknown) => typeof v === 'string';
  if (typeof x !== 'object' || x === null) return 'not an object';
  const s = x as Record<string, unknown>;
  if (!isStr(s.connection)) return 'connection is not a string';
  if (s.defaultDatabase !== undefined && !isStr(s.defaultDatabase)) return 'defaultDatabase is not a string';
  if (s.server !== undefined) {
    const v = s.server as Record<string, unknown> | null;
    if (typeof v !== 'object' || v === null || !['tidb', 'mysql', 'mariadb'].includes(v.flavor as string) || !isStr(v.version))
      return 'server is not {flavor, version}';
  }
  if (!Array.isArray(s.databases)) return 'databases is not an array';
  for (const [i, d] of (s.databases as unknown[]).entries()) {
    const db = d as Record<string, unknown> | null;
    if (typeof db !== 'object' || db === null || !isStr(db.name) || !Array.isArray(db.tables))
      return `databases[${i}] is not {name, tables[]}`;
    for (const [j, t] of (db.tables as unknown[]).entries()) {
      const tb = t as Record<string, unknown> | null;
      if (
        typeof tb !== 'object' ||
        tb === null ||
        !isStr(tb.name) ||
        !['table', 'view', 'sequence'].includes(tb.kind as string) ||
        !Array.isArray(tb.columns)
      )
        return `databases[${i}].tables[${j}] is not {name, kind, columns[]}`;
      if (tb.rows !== undefined && (typeof tb.rows !== 'number' || !(tb.rows >= 0)))
        return `databases[${i}].tables[${j}].rows is not a row count`;
      for (const [k, c] of (tb.columns as unknown[]).entries()) {
        const col = c as Record<string, unknown> | null;
        if (typeof col !== 'object' || col === null || !isStr(col.name) || !isStr(col.type))
          return `databases[${i}].tables[${j}].columns[${k}] is not {name, type}`;
      }
    }
  }
  return undefined;
}

/**
 * Client -> server: the schema of the active connection (or `null`: none). Completion
 * offers its tables and columns, schema-aware rules use it, and a TiDB server's
 * version becomes the target version where none is pinned.
 */
export const SchemaRequest = new RequestType<SchemaRequest.Params, SchemaRequest.Result, void>('tidb/schema');
export namespace SchemaRequest {
  export type Params = SchemaSnapshot | null;
  export interface Result {
    databases: number;
    tables: number;
    columns: number;
    /** the target version taken from the server, if it is TiDB */
    targetVersion?: string;
  }
}

export interface LintWorkspaceParams {
  /** document URIs to lint (files not open in the editor) */
  uris: string[];
}

export interface LintWorkspaceResult {
  /** files linted, files that could not be read */
  linted: number;
  failed: Array<{ uri: string; reason: string }>;
}

/** Client -> server: lint files that are not open and publish their diagnostics. */
export const LintWorkspaceRequest = new RequestType<LintWorkspaceParams, LintWorkspaceResult, void>('tidb/lintWorkspace');
export namespace LintWorkspaceRequest {
  export type Params = LintWorkspaceParams;
  export type Result = LintWorkspaceResult;
}

/** Server -> client: the effective target version for a document (settings, .tidb-lint.json, default). */
export interface DocumentStatus {
  uri: string;
  targetVersion: string;
  /** where it came from */
  source: 'settings' | 'config-file' | 'connection' | 'default';
  configFile?: string;
  /** the connection whose TiDB version it is, for source 'connection' */
  connection?: string;
}

export const DocumentStatusNotification = new NotificationType<DocumentStatus>('tidb/documentStatus');
export namespace DocumentStatusNotification {
  export type Params = DocumentStatus;
}

/** The metadata of one rule, for the client's rule documentation picker: the part of core's RuleMeta that crosses the wire. */
export type RuleInfo = Pick<RuleMeta, 'id' | 'category' | 'severity' | 'versions' | 'explanation' | 'fix' | 'docsUrl'>;

/** Client -> server: the rules the server runs. */
export const RulesRequest = new RequestType0<RuleInfo[], void>('tidb/rules');
export namespace RulesRequest {
  export type Result = RuleInfo[];
}

/** Client -> server: process health, for the bench and a status command. Resets the delay histogram. */
export const ServerStatsRequest = new RequestType0<ServerStatsRequest.Result, void>('tidb/serverStats');
export namespace ServerStatsRequest {
  export interface Result {
    rssBytes: number;
    heapUsedBytes: number;
    /** the longest the event loop was blocked since the last call, in ms */
    maxEventLoopDelayMs: number;
    p99EventLoopDelayMs: number;
  }
}
