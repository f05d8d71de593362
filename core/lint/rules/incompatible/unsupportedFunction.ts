import { functionCalls } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';

/** MySQL built-ins TiDB lacks (CHARSET/COERCIBILITY/COLLATION are left out until confirmed with SHOW BUILTINS). */
export const UNSUPPORTED_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['JSON_TABLE', 'unnest the JSON in the application or read each path with JSON_EXTRACT'],
  ['JSON_VALUE', 'use JSON_UNQUOTE(JSON_EXTRACT(doc, path)), with CAST for a typed result'],
  ['JSON_SCHEMA_VALIDATION_REPORT', 'validate the document in the application (JSON_SCHEMA_VALID exists from v8.0)'],
  ['UUID_SHORT', 'use UUID(), an AUTO_RANDOM column or a sequence'],
  ['LOAD_FILE', 'read the file in the application or load it with LOAD DATA / IMPORT INTO'],
  ['SOUNDEX', 'compute the phonetic key in the application and store it in a column'],
  ['STATEMENT_DIGEST', 'use TIDB_DECODE_SQL_DIGESTS or the digests in INFORMATION_SCHEMA.STATEMENTS_SUMMARY'],
  ['STATEMENT_DIGEST_TEXT', 'use the normalized text in INFORMATION_SCHEMA.STATEMENTS_SUMMARY'],
  ['ICU_VERSION', 'drop the call; TiDB does not use ICU'],
  ['ROLES_GRAPHML', 'query mysql.role_edges instead'],
  ['MASTER_POS_WAIT', 'wait for replication in the tooling (TiCDC / DM) instead'],
  ['SOURCE_POS_WAIT', 'wait for replication in the tooling (TiCDC / DM) instead'],
  ['WAIT_FOR_EXECUTED_GTID_SET', 'TiDB has no GTIDs; use TiCDC checkpoints instead'],
  ['WAIT_UNTIL_SQL_THREAD_AFTER_GTIDS', 'TiDB has no GTIDs; use TiCDC checkpoints instead'],
  ['GTID_SUBSET', 'TiDB has no GTIDs; remove the call'],
  ['GTID_SUBTRACT', 'TiDB has no GTIDs; remove the call'],
]);

export default defineRule({
  id: 'unsupported-function',
  category: 'incompatible',
  severity: 'error',
  versions: 'all (list is indicative; run SHOW BUILTINS on the target)',
  explanation:
    "TiDB supports most but not all MySQL built-ins; replication/GTID helpers, JSON_TABLE/JSON_VALUE, UUID_SHORT, LOAD_FILE, SOUNDEX and the statement-digest functions are absent. The statement fails with 'FUNCTION ... does not exist' or a syntax error.",
  fix: 'Rewrite (e.g. JSON_TABLE -> application-side unnest or JSON_EXTRACT per path).',
  source:
    'pingcap/docs: mysql-compatibility.md; functions-and-operators/json-functions.md; miscellaneous-functions.md; string-functions.md; encryption-and-compression-functions.md; information-functions.md',
  quote:
    'TiDB supports most of the built-in functions in MySQL, but not all. You can use the statement SHOW BUILTINS to get a list of the available functions.',
  quoteStatus: 'verified',
  words: [...UNSUPPORTED_FUNCTIONS.keys()],
  examples: {
    flagged: [
      'SELECT UUID_SHORT() AS id;',
      "SELECT ST_AsText(p), ExtractValue(x, '/a'), UUID_SHORT() FROM t WHERE MATCH(a) AGAINST('x') AND name LIKE '%x';",
      "SELECT LOAD_FILE('/etc/hosts');",
    ],
    clean: [
      "SELECT soundex FROM t WHERE note = 'SOUNDEX(x)' LIMIT 5;",
      "SELECT name FROM t WHERE name SOUNDS LIKE 'smith' LIMIT 5;",
      'SELECT CHARSET(name), COLLATION(name), COERCIBILITY(name) FROM t WHERE id = 1;',
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    for (const c of functionCalls(s)) {
      const hint = UNSUPPORTED_FUNCTIONS.get(c.name);
      if (hint === undefined) continue;
      ctx.report(
        c.at,
        `TiDB does not have the built-in function ${s.text(c.at)}(), so the statement fails (function does not exist or syntax error). Instead, ${hint}.`,
      );
    }
  },
});
