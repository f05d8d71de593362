import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'trigger',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation:
    'Triggers are not supported. Note that TiDB executes the body of MySQL executable comments (/*! ... */), so dumped triggers are not silently skipped: they fail.',
  fix: 'Re-implement in the application or with TiCDC + downstream consumer.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'Triggers',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;',
      'DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END ;;\nDELIMITER ;',
      'CALL p();\nCREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;',
    ],
    clean: ['DROP EVENT IF EXISTS e;', "XA START 'x';\nXA END 'x';", 'SELECT xa FROM t LIMIT 1;'],
  },
  kinds: ['CREATE TRIGGER', 'DROP TRIGGER'],
  check(ctx) {
    const kw = ctx.s.find(['TRIGGER']);
    ctx.report(
      [kw, kw + 1],
      l10n.t(
        'TiDB does not support triggers: {0} TRIGGER fails (TiDB runs /*! ... */ comment contents, so dumped triggers fail too). Re-implement the trigger in the application or with TiCDC and a downstream consumer.',
        ctx.s.word(0),
      ),
    );
  },
});
