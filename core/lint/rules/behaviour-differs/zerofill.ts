import { columnSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'zerofill',
  category: 'behaviour-differs',
  severity: 'info',
  versions: 'all',
  explanation:
    'ZEROFILL is not implemented (deprecated in MySQL 8.0): values are not zero-padded on display. As in MySQL, TiDB still adds the UNSIGNED attribute to a ZEROFILL column.',
  fix: 'Pad in the application (LPAD) and drop ZEROFILL.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'The `ZEROFILL` attribute. MySQL 8.0 deprecates this feature',
  quoteStatus: 'verified',
  tags: ['deprecated'],
  examples: {
    flagged: [
      'ALTER TABLE branches MODIFY code SMALLINT(4) ZEROFILL;',
      'CREATE TABLE t (id BIGINT PRIMARY KEY, code int(8) unsigned zerofill NOT NULL);',
      'CREATE TABLE tickets (id BIGINT AUTO_RANDOM PRIMARY KEY, ticket_no INT(8) UNSIGNED ZEROFILL NOT NULL);',
    ],
    clean: ["CREATE TABLE t (id BIGINT PRIMARY KEY, zerofill INT COMMENT 'ZEROFILL');"],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    for (const { col } of columnSites(ctx)) {
      const z = col.type?.zerofill;
      if (z === undefined) continue;
      ctx.report(
        z,
        l10n.t(
          "TiDB ignores ZEROFILL on column {0}: values are not zero-padded when displayed (the column still becomes UNSIGNED). Pad in the application, e.g. LPAD({0}, width, '0'), and drop ZEROFILL.",
          col.name,
        ),
      );
    }
  },
});
