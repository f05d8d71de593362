import { defineRule } from '../../rule';
import { notLinted } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'select-into-variable',
  category: 'incompatible',
  severity: 'error',
  versions: 'all (per docs)',
  explanation: 'Assigning query results to user variables with SELECT ... INTO is listed as unsupported.',
  fix: 'Use SET @v = (SELECT ...) or SELECT @v := expr.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'TiDB does not support the following `SELECT` syntax: - `SELECT ... INTO @variable`',
  quoteStatus: 'verified',
  words: ['INTO'],
  examples: {
    flagged: [
      'SELECT a INTO @a FROM t WHERE id = 1;',
      'SELECT SQL_CALC_FOUND_ROWS a INTO @x FROM t LOCK IN SHARE MODE;',
      'SELECT id, email INTO @uid, @mail FROM users WHERE id = 5;',
    ],
    clean: [
      "SELECT a FROM t INTO OUTFILE '/tmp/a.csv';",
      'SET @v = (SELECT COUNT(*) FROM t);\nSELECT @w := 1;\nINSERT INTO t (a) SELECT @v;',
    ],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    const n = s.sparseFrom;
    let sawSelect = false;
    for (let i = 0; i < n; i++) {
      if (s.word(i) === 'SELECT') sawSelect = true;
      if (!sawSelect || s.word(i) !== 'INTO' || s.tokens[i + 1]?.kind !== 'var') continue;
      // INTO @a, @b, ...
      let last = i + 1;
      const vars = [s.text(i + 1)];
      while (s.op(last + 1) === ',' && s.tokens[last + 2]?.kind === 'var') {
        last += 2;
        vars.push(s.text(last));
      }
      ctx.report(
        [i, last],
        l10n.t(
          'TiDB does not support SELECT ... INTO user variables, so assigning {0} this way fails. Use SET {1} = (SELECT ...) or SELECT {1} := expr instead.',
          vars.join(', '),
          vars[0],
        ),
      );
      i = last;
    }
  },
});
