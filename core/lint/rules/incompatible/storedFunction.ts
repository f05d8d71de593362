import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'stored-function',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation:
    "Neither stored functions nor user-defined (loadable) functions are supported. Calls to such functions later in the file will also fail with 'FUNCTION x does not exist'.",
  fix: 'Inline the logic as an expression, a generated column or application code.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'User-defined functions',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'DROP FUNCTION IF EXISTS f;',
      'CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;',
      "DELIMITER //\nCREATE FUNCTION fn_full_name(first_name VARCHAR(100), last_name VARCHAR(100))\nRETURNS VARCHAR(201) DETERMINISTIC\nBEGIN\n  RETURN CONCAT_WS(' ', first_name, last_name);\nEND //\nDELIMITER ;",
    ],
    clean: ['DROP EVENT IF EXISTS e;', "XA START 'x';\nXA END 'x';", 'SELECT xa FROM t LIMIT 1;'],
  },
  kinds: ['CREATE FUNCTION', 'ALTER FUNCTION', 'DROP FUNCTION'],
  check(ctx) {
    const s = ctx.s;
    const kw = s.find(['FUNCTION']);
    const soname = s.find(['SONAME']) !== -1;
    ctx.report(
      [kw, kw + 1],
      soname
        ? l10n.t(
            'TiDB does not support loadable (UDF) functions: CREATE FUNCTION ... SONAME fails. Implement the logic in the application or as an expression.',
          )
        : l10n.t(
            "TiDB does not support stored functions: {0} FUNCTION fails, and later calls to the function fail with 'FUNCTION does not exist'. Inline the logic as an expression, a generated column or application code.",
            s.word(0),
          ),
    );
  },
});
