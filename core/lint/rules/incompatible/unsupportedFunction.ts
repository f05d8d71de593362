import { functionCalls } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** A message per function: the whole sentence, `f` the function's name as written. */
type Message = (f: string) => string;
const posWait: Message = (f) =>
  l10n.t(
    'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, wait for replication in the tooling (TiCDC / DM) instead.',
    f,
  );
const gtidWait: Message = (f) =>
  l10n.t(
    'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, TiDB has no GTIDs; use TiCDC checkpoints instead.',
    f,
  );
const gtidCall: Message = (f) =>
  l10n.t(
    'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, TiDB has no GTIDs; remove the call.',
    f,
  );

/** MySQL built-ins TiDB lacks (CHARSET/COERCIBILITY/COLLATION are left out until confirmed with SHOW BUILTINS), with what to do instead. */
export const UNSUPPORTED_FUNCTIONS: ReadonlyMap<string, Message> = new Map<string, Message>([
  [
    'JSON_TABLE',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, unnest the JSON in the application or read each path with JSON_EXTRACT.',
        f,
      ),
  ],
  [
    'JSON_VALUE',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, use JSON_UNQUOTE(JSON_EXTRACT(doc, path)), with CAST for a typed result.',
        f,
      ),
  ],
  [
    'JSON_SCHEMA_VALIDATION_REPORT',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, validate the document in the application (JSON_SCHEMA_VALID exists from v8.0).',
        f,
      ),
  ],
  [
    'UUID_SHORT',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, use UUID(), an AUTO_RANDOM column or a sequence.',
        f,
      ),
  ],
  [
    'LOAD_FILE',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, read the file in the application or load it with LOAD DATA / IMPORT INTO.',
        f,
      ),
  ],
  [
    'SOUNDEX',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, compute the phonetic key in the application and store it in a column.',
        f,
      ),
  ],
  [
    'STATEMENT_DIGEST',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, use TIDB_DECODE_SQL_DIGESTS or the digests in INFORMATION_SCHEMA.STATEMENTS_SUMMARY.',
        f,
      ),
  ],
  [
    'STATEMENT_DIGEST_TEXT',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, use the normalized text in INFORMATION_SCHEMA.STATEMENTS_SUMMARY.',
        f,
      ),
  ],
  [
    'ICU_VERSION',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, drop the call; TiDB does not use ICU.',
        f,
      ),
  ],
  [
    'ROLES_GRAPHML',
    (f) =>
      l10n.t(
        'TiDB does not have the built-in function {0}(), so the statement fails (function does not exist or syntax error). Instead, query mysql.role_edges instead.',
        f,
      ),
  ],
  ['MASTER_POS_WAIT', posWait],
  ['SOURCE_POS_WAIT', posWait],
  ['WAIT_FOR_EXECUTED_GTID_SET', gtidWait],
  ['WAIT_UNTIL_SQL_THREAD_AFTER_GTIDS', gtidWait],
  ['GTID_SUBSET', gtidCall],
  ['GTID_SUBTRACT', gtidCall],
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
      const message = UNSUPPORTED_FUNCTIONS.get(c.name);
      if (message === undefined) continue;
      ctx.report(c.at, message(s.text(c.at)));
    }
  },
});
