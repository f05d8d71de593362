// Reads the mysql client's output into rows keyed by column name, as mysql2 returns them: the
// boxed table (+---+ / | a | b |) and the vertical \G form (`*** 1. row ***` then `name: value`,
// or mycli's `***[ 1. row ]***` then `name | value`; a value may run over several lines). For
// fixtures copied from the TiDB docs.
import * as fs from 'node:fs';

export function parseMysqlTable(text: string): Array<Record<string, string>> {
  if (/^\*{5,}.*row.*\*{5,}\s*$/m.test(text)) return parseVertical(text);
  // a single row in the vertical form whose row marker the docs left out
  if (!/^\|/m.test(text)) return parseVertical(text, true);
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

function parseVertical(text: string, oneRow = false): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  let row: Record<string, string> | undefined = oneRow ? {} : undefined;
  if (row) rows.push(row);
  let key: string | undefined;
  /** `name: value` (the mysql client) or `name | value` (mycli), fixed by the first field line */
  let sep: string | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('-- ')) continue;
    if (/^\*{5,}.*row.*\*{5,}\s*$/.test(line)) {
      rows.push((row = {}));
      key = undefined;
      continue;
    }
    if (!row) continue;
    // a field line: a name (words with single spaces: `Create Table`), then the separator (a plan's continuation lines never look like that)
    const m = /^\s*([^\s:|]+(?: [^\s:|]+)*)\s*([:|])( |$)(.*)$/.exec(line);
    if (m && (sep ??= m[2]) === m[2]) {
      key = m[1];
      row[key] = m[4].trimEnd();
    } else if (key && line.trim() && !/^\d+ rows? in set/.test(line)) row[key] += `\n${line.trimEnd()}`;
  }
  if (rows.length === 0) throw new Error('no rows in the vertical output');
  return rows;
}

export function readFixtureTable(file: string): Array<Record<string, string>> {
  return parseMysqlTable(fs.readFileSync(file, 'utf8'));
}
