// The EXPLAIN fixtures from the TiDB docs, copied into test/fixtures/explain (see its README);
// ../shared/explain, when beside the project, is an extra source of fixtures.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const EXPLAIN_DIR = path.resolve(import.meta.dirname, '../fixtures/explain');
export const SHARED_EXPLAIN_DIR = path.resolve(import.meta.dirname, '../../../shared/explain');

export function fixtureOutput(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf('-- OUTPUT');
  return at === -1 ? text : text.slice(at + '-- OUTPUT'.length + 1);
}
