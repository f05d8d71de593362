import { functionCalls } from '../../../sql/queryRefs';
import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

const ROUTINE_KINDS = new Set(['CREATE FUNCTION', 'DROP FUNCTION', 'ALTER FUNCTION', 'CREATE PROCEDURE', 'CREATE TRIGGER', 'CREATE EVENT']);

export default defineRule({
  id: 'stored-function-call',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation:
    'A call to a stored function this file defines with CREATE FUNCTION: TiDB rejects the CREATE FUNCTION, so every query and view that calls the function fails too (FUNCTION … does not exist).',
  fix: 'Inline the function as an expression (or a generated column), or compute it in the application; then the view or query has nothing to call.',
  source: 'pingcap/docs: mysql-compatibility.md (stored functions and user-defined functions are not supported)',
  quote: 'User-defined functions',
  quoteStatus: 'verified',
  // no `tidb` answer: every example needs the CREATE FUNCTION that stored-function already reports
  examples: {
    flagged: [
      'CREATE FUNCTION fn_total(p DECIMAL(10,2), q INT) RETURNS DECIMAL(10,2) DETERMINISTIC RETURN p * q;\nCREATE VIEW order_totals AS SELECT id, fn_total(price, qty) AS total FROM order_items;',
      "DELIMITER //\nCREATE FUNCTION slug(s VARCHAR(200)) RETURNS VARCHAR(200) DETERMINISTIC\nBEGIN\n  RETURN LOWER(REPLACE(s, ' ', '-'));\nEND //\nDELIMITER ;\nSELECT slug(title) FROM posts WHERE id = 1;",
    ],
    clean: [
      'SELECT fn_total(price, qty) FROM order_items WHERE id = 1;',
      'CREATE FUNCTION f1(x INT) RETURNS INT DETERMINISTIC RETURN x + 1;\nDROP FUNCTION f1;\nSELECT f1 FROM t WHERE id = 1;',
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (ROUTINE_KINDS.has(s.kind) || notLinted(s)) return;
    // most files create no stored function: then no call can be one (the cache keeps this as a dependency)
    if (!ctx.schema.hasFunctionsInFile()) return;
    const seen = new Set<string>();
    for (const c of functionCalls(s)) {
      const defined = ctx.schema.functionInFile(c.name);
      if (!defined) continue;
      const key = defined.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report(
        [c.at, c.at],
        s.kind === 'CREATE VIEW'
          ? l10n.t(
              '{0}() is a stored function this file creates, and TiDB rejects the CREATE FUNCTION: this view fails with "FUNCTION {0} does not exist". Inline it as an expression or compute it in the application.',
              defined,
            )
          : l10n.t(
              '{0}() is a stored function this file creates, and TiDB rejects the CREATE FUNCTION: this statement fails with "FUNCTION {0} does not exist". Inline it as an expression or compute it in the application.',
              defined,
            ),
        undefined,
        { group: `function ${key}` },
      );
    }
  },
});
