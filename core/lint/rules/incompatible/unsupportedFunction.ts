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

export default defineRule('unsupported-function', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    for (const c of functionCalls(s)) {
      const hint = UNSUPPORTED_FUNCTIONS.get(c.name);
      if (hint === undefined) continue;
      ctx.report(c.at, `TiDB does not have the built-in function ${s.text(c.at)}(), so the statement fails (function does not exist or syntax error). Instead, ${hint}.`);
    }
  },
});
