// The one module that reaches into mysql2's internals: the callback connection under
// the promise wrapper, its thread id and TLS state, a column's protocol type, and a
// query's row decoder. Everything else uses mysql2's public API, so a mysql2 upgrade
// that moves one of these breaks here, in one place (test/db exercises each of them
// against a real MariaDB).
import type { Connection as CoreConnection, FieldPacket, Query } from 'mysql2';
import type * as mysql from 'mysql2/promise';

interface Wrapped {
  connection: CoreConnection & { threadId: number; stream?: { encrypted?: boolean } };
}

/** The callback-style connection a promise connection wraps (streaming queries, events). */
export function coreOf(c: mysql.Connection): CoreConnection {
  return (c as unknown as Wrapped).connection;
}

/** The server-side id of a connection, for KILL QUERY. */
export function threadId(c: mysql.Connection): number {
  return (c as unknown as Wrapped).connection.threadId;
}

/** Whether the connection's socket is TLS (connect() may fall back from 'preferred' to plain). */
export function isEncrypted(c: mysql.Connection): boolean {
  return !!(c as unknown as Wrapped).connection.stream?.encrypted;
}

/** Calls `f` when the server or the network ends the connection. */
export function onEnd(c: mysql.Connection, f: () => void): void {
  (c as unknown as Wrapped).connection.on('end', f);
}

/** A column's MySQL protocol type code (mysql2 has it on the field packet but not in its types). */
export function columnTypeOf(f: FieldPacket): number {
  return (f as unknown as { columnType: number }).columnType;
}

/** What mysql2 emits per row of a raw query: the row went to the caller's handler already. */
const RAW_ROW = Symbol('raw row');

/**
 * Runs a SELECT and hands each row's text-protocol payload to `onRow` as bytes, without
 * mysql2 building an array and a Buffer per value or an event per row (measured on 1 GB:
 * that was 1.5 s of this thread plus the garbage collector's threads on a 2-core machine).
 * mysql2 keeps result-set handling, EOF/OK packets, errors, pause and resume; only its
 * row decoder (`Query#_rowParser`, set once the columns are known) is replaced. If a
 * mysql2 upgrade stops using it, the first row arrives decoded and the query fails loudly
 * instead of writing anything wrong.
 */
export function rawRowQuery(c: mysql.Connection, sql: string, onRow: (p: Uint8Array, start: number, end: number) => void): Query {
  const q = coreOf(c).query({ sql, rowsAsArray: true });
  const decoder = {
    next: (packet: { buffer: Buffer; offset: number; end: number }) => {
      onRow(packet.buffer, packet.offset, packet.end);
      return RAW_ROW;
    },
  };
  Object.defineProperty(q, '_rowParser', { configurable: true, get: () => decoder, set: () => undefined });
  q.once('result', (row: unknown) => {
    if (row !== RAW_ROW)
      q.emit(
        'error',
        new Error('mysql2 no longer decodes rows through Query#_rowParser: the raw row reader needs updating for this mysql2 version'),
      );
  });
  return q;
}
