// The EXPLAIN fixtures of ../shared/explain: the output part of a fixture file.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const EXPLAIN_DIR = path.resolve(import.meta.dirname, '../../../shared/explain');

export function fixtureOutput(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf('-- OUTPUT');
  return at === -1 ? text : text.slice(at + '-- OUTPUT'.length + 1);
}
