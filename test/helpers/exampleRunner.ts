// Runs a rule's flagged example on a MySQL-protocol server and reports what the
// server answered to each flagged statement, so the opt-in test can hold every
// example to the TiDB answer its rule file states. Examples are short and name
// tables they do not create; the runner works in a scratch database and, when the
// server says a table or column is missing, creates it and tries again (so
// `DELETE FROM sessions;` runs as written). MariaDB tests the runner itself.
import type * as mysql from 'mysql2/promise';
import { lintText } from '../../core/lint/engine';
import { exampleOf, type RuleDefinition, type TidbAnswer } from '../../core/lint/rule';
import { RULES } from '../../core/lint/rules';
import { split } from '../../core/sql/splitter';

export interface Answer {
  sql: string;
  ok: boolean;
  errno?: number;
  message?: string;
  warnings: number[];
}

const id = (s: string) => '`' + s.replace(/`/g, '``') + '`';
const ER_NO_SUCH_TABLE = 1146;
const ER_BAD_FIELD = 1054;
const ER_BAD_DB = 1049;
const ER_BAD_TABLE = 1051;
const ER_KEY_COLUMN_DOES_NOT_EXIST = 1072;

function columnType(name: string): string {
  if (/(^|_)(at|date|time|day|ts)$/i.test(name)) return 'DATETIME NULL';
  if (/(^|_)(id|count|qty|n|num|amount|total|price|age|k|v|x|y)$/i.test(name) || name.length <= 2) return 'BIGINT NULL';
  return 'VARCHAR(255) NULL';
}

/** Runs one statement, scaffolding missing tables, columns and databases; at most `tries` fixes. */
async function runScaffolded(c: mysql.Connection, sql: string, scaffolded: string[], databases: Set<string>, tries = 12): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    try {
      await c.query(sql);
      const [w] = (await c.query('SHOW WARNINGS')) as unknown as [Array<{ Code: number }>];
      return { sql, ok: true, warnings: w.map((x) => Number(x.Code)) };
    } catch (e) {
      const err = e as { errno?: number; sqlMessage?: string; message: string };
      const msg = err.sqlMessage ?? err.message;
      const answer: Answer = { sql, ok: false, errno: err.errno, message: msg, warnings: [] };
      if (attempt >= tries) return answer;
      if (err.errno === ER_NO_SUCH_TABLE || err.errno === ER_BAD_TABLE) {
        const m = /Table '(?:([^'.]+)\.)?([^']+)' doesn't exist/.exec(msg) ?? /Unknown table '(?:([^'.]+)\.)?([^']+)'/.exec(msg);
        if (!m) return answer;
        if (m[1] && !databases.has(m[1])) {
          await c.query(`CREATE DATABASE IF NOT EXISTS ${id(m[1])}`);
          databases.add(m[1]);
        }
        const name = m[1] ? `${id(m[1])}.${id(m[2])}` : id(m[2]);
        await c.query(`CREATE TABLE ${name} (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)`);
        scaffolded.push(name);
        continue;
      }
      if ((err.errno === ER_BAD_FIELD || err.errno === ER_KEY_COLUMN_DOES_NOT_EXIST) && scaffolded.length) {
        const m = /Unknown column '(?:[^']*\.)?([^'.]+)'/.exec(msg) ?? /Key column '([^']+)' doesn't exist/.exec(msg);
        if (!m) return answer;
        for (const t of scaffolded) await c.query(`ALTER TABLE ${t} ADD COLUMN ${id(m[1])} ${columnType(m[1])}`).catch(() => undefined);
        continue;
      }
      if (err.errno === ER_BAD_DB) {
        const m = /Unknown database '([^']+)'/.exec(msg);
        if (!m || databases.has(m[1])) return answer;
        await c.query(`CREATE DATABASE IF NOT EXISTS ${id(m[1])}`);
        databases.add(m[1]);
        continue;
      }
      return answer;
    }
  }
}

/**
 * Runs an example's statements in order in a fresh database `scratch`: the statements
 * the rule flags are answered (one Answer each); the others must succeed, or the
 * example is not self-contained (thrown as an error naming the statement).
 */
export async function runExample(
  c: mysql.Connection,
  rule: RuleDefinition,
  sql: string,
  target: string,
  scratch: string,
): Promise<Answer[]> {
  const flaggedAt = lintText(sql, RULES, { config: { targetVersion: target } })
    .findings.filter((f) => f.ruleId === rule.meta.id)
    .map((f) => f.start);
  const databases = new Set<string>();
  await c.query(`DROP DATABASE IF EXISTS ${id(scratch)}`);
  await c.query(`CREATE DATABASE ${id(scratch)}`);
  await c.query(`USE ${id(scratch)}`);
  const scaffolded: string[] = [];
  const answers: Answer[] = [];
  try {
    for (const st of split(sql).statements) {
      const text = sql.slice(st.start, st.end);
      const flagged = flaggedAt.some((at) => at >= st.start && at <= st.end);
      const a = await runScaffolded(c, text, scaffolded, databases);
      if (flagged) answers.push(a);
      else if (!a.ok) throw new Error(`statement the example needs failed: ${text}\n  ${a.errno}: ${a.message}`);
    }
  } finally {
    // a failed statement can leave a transaction open or a table locked
    await c.query('ROLLBACK').catch(() => undefined);
    await c.query('UNLOCK TABLES').catch(() => undefined);
    for (const d of databases) await c.query(`DROP DATABASE IF EXISTS ${id(d)}`).catch(() => undefined);
    await c.query(`DROP DATABASE IF EXISTS ${id(scratch)}`).catch(() => undefined);
  }
  return answers;
}

/** Why an answer is not the one the rule states, or undefined when it is. */
export function mismatch(expected: TidbAnswer, a: Answer): string | undefined {
  const got = a.ok ? `ran${a.warnings.length ? ` with warnings ${a.warnings.join(', ')}` : ''}` : `failed with ${a.errno}: ${a.message}`;
  if (expected === 'accepted' || expected === 'accepted, ignored') return a.ok ? undefined : `expected it to run, but it ${got}`;
  if ('warning' in expected)
    return a.ok && a.warnings.includes(expected.warning) ? undefined : `expected warning ${expected.warning}, but it ${got}`;
  if (a.ok) return `expected an error (${expected.error ?? expected.message}), but it ${got}`;
  if (expected.error !== null) return a.errno === expected.error ? undefined : `expected error ${expected.error}, but it ${got}`;
  return a.message?.includes(expected.message) ? undefined : `expected '${expected.message}', but it ${got}`;
}

/** Every flagged example of every rule that states a TiDB answer, with its target version. */
export function examplesWithAnswers(): Array<{ rule: RuleDefinition; sql: string; target: string; answer: TidbAnswer }> {
  return RULES.filter((r) => r.meta.tidb !== undefined).flatMap((rule) =>
    rule.examples.flagged.map((e) => ({ rule, ...exampleOf(rule, e), answer: rule.meta.tidb! })),
  );
}
