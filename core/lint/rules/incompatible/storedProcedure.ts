import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'stored-procedure',
  category: 'incompatible',
  severity: 'error',
  versions: 'all released versions (<= v8.5, also dev/v9.0 docs)',
  explanation:
    'TiDB has no stored-procedure engine. The parser rejects the statement with a syntax error, so a migration containing a procedure aborts at that statement.',
  fix: 'Move the procedure body into application code or a scheduled job; no mechanical fix.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'Stored procedures and functions',
  quoteStatus: 'verified',
  tidb: {
    error: 1064,
    sqlState: '42000',
    message:
      'You have an error in your SQL syntax; check the manual that corresponds to your TiDB version for the right syntax to use line 1 column 16 near "PROCEDURE ..."',
  },
  examples: {
    flagged: ['CALL p();', 'create procedure p() select 1;', 'SELECT 1;\nCALL refresh_stats();'],
    clean: ["SELECT 'CALL p()' AS x FROM t LIMIT 1;", '-- CALL p();\n/* CREATE PROCEDURE x() */ SELECT `call` FROM t LIMIT 1;'],
  },
  kinds: ['CREATE PROCEDURE', 'ALTER PROCEDURE', 'DROP PROCEDURE', 'CALL'],
  check(ctx) {
    const s = ctx.s;
    if (s.kind === 'CALL') {
      const last = s.ident(1) !== undefined ? (s.op(2) === '.' ? 3 : 1) : 0;
      const name = (s.ident(last) ?? '').toLowerCase();
      // every CALL of one procedure is one problem: shown once, the other calls as related places
      ctx.report(
        [0, last],
        l10n.t(
          'TiDB has no stored procedures, so CALL {0} fails with a syntax error. Run the logic from the application instead.',
          s.ident(last) ?? '',
        ),
        undefined,
        { group: `call ${name}` },
      );
      return;
    }
    const kw = s.find(['PROCEDURE']);
    const verb = s.word(0);
    // DROP PROCEDURE IF EXISTS x names x, as CREATE PROCEDURE x does
    let nameAt = kw + 1;
    if (s.seq(nameAt, 'IF', 'EXISTS') !== -1) nameAt += 2;
    if (s.op(nameAt + 1) === '.') nameAt += 2;
    ctx.report(
      [0, Math.min(nameAt, s.length - 1)],
      l10n.t(
        'TiDB does not support stored procedures: {0} PROCEDURE {1} fails with a syntax error and aborts the migration here. Move the procedure body into application code or a scheduled job.',
        verb,
        s.ident(nameAt) ?? '',
      ),
    );
  },
});
