import type { TableOption } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'algorithm-instant-add-index',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'ALGORITHM is only an assertion in TiDB; adding an index is INPLACE, so INSTANT errors (COPY only warns).',
  fix: 'Quick fix: remove ALGORITHM=INSTANT or use ALGORITHM=INPLACE.',
  source: 'pingcap/docs: sql-statements/sql-statement-alter-table.md',
  quote: 'ERROR 1846 (0A000): ALGORITHM=INSTANT is not supported. Reason: Cannot alter table by INSTANT. Try ALGORITHM=INPLACE.',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'CREATE TABLE t1 (id INT PRIMARY KEY, c1 INT);\nALTER TABLE t1 ADD INDEX (c1), ALGORITHM = INSTANT, LOCK = DEFAULT;',
      'ALTER TABLE t1 ADD INDEX (c1), ALGORITHM=INSTANT;',
      'CREATE TABLE promo_codes (id BIGINT NOT NULL PRIMARY KEY, code VARCHAR(32) NOT NULL, campaign_id INT NOT NULL);\nALTER TABLE promo_codes ADD UNIQUE KEY uk_code (code), ALGORITHM=INSTANT;',
    ],
    clean: [
      'ALTER TABLE t ADD INDEX i (c);',
      'CREATE TABLE t1 (id INT PRIMARY KEY, c1 INT);\nALTER TABLE t1 ADD INDEX (c1), ALGORITHM = INPLACE, LOCK = DEFAULT;',
    ],
  },
  kinds: ['ALTER TABLE'],
  check(ctx) {
    const at = ctx.alterTable();
    if (!at?.name) return;
    const addsIndex = at.specs.some((sp) => sp.verb === 'ADD' && (sp.index?.kind === 'INDEX' || sp.index?.kind === 'UNIQUE'));
    if (!addsIndex) return;
    const instant: TableOption[] = [];
    for (const spec of at.specs)
      for (const o of spec.options) if (o.name === 'ALGORITHM' && o.value.toUpperCase() === 'INSTANT') instant.push(o);
    for (const o of instant) {
      ctx.report(
        [o.tok, o.valueStart],
        l10n.t(
          'TiDB adds indexes with the INPLACE algorithm, so ALGORITHM=INSTANT makes this ALTER TABLE fail (ERROR 1846 ALGORITHM=INSTANT is not supported). Use ALGORITHM=INPLACE or remove the ALGORITHM clause.',
        ),
        {
          title: l10n.t('Use ALGORITHM=INPLACE'),
          edits: [ctx.replaceTokens(o.valueStart, o.valueStart, 'INPLACE')],
          safe: true,
        },
      );
    }
  },
});
