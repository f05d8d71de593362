// Reads the mysql client's boxed table output (+---+ / | a | b |) into rows keyed
// by column name, as mysql2 returns them. For fixtures copied from the TiDB docs.
import * as fs from 'node:fs';

export function parseMysqlTable(text: string): Array<Record<string, string>> {
  const lines = text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.startsWith('|'));
  if (lines.length === 0) throw new Error('no table rows in the fixture');
  const cells = (l: string) =>
    l
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
  const header = cells(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(cells(l).map((c, i) => [header[i], c])));
}

export function readFixtureTable(file: string): Array<Record<string, string>> {
  return parseMysqlTable(fs.readFileSync(file, 'utf8'));
}
