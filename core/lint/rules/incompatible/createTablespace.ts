import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'create-tablespace',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: "Tablespaces do not exist in TiDB's storage layer.",
  fix: 'Remove; use placement policies for data placement.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: '`CREATE TABLESPACE` statement',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'DROP TABLESPACE ts1;',
      'ALTER TABLESPACE a RENAME TO b;\nDROP TABLESPACE c;',
      "CREATE UNDO TABLESPACE undo_3 ADD DATAFILE 'undo_3.ibu';",
    ],
    clean: [
      'ALTER TABLE t TABLESPACE innodb_system;',
      'CREATE TABLE t (id BIGINT PRIMARY KEY) /*!50100 TABLESPACE `innodb_file_per_table` */ ENGINE=InnoDB;',
    ],
  },
  kinds: ['CREATE TABLESPACE', 'ALTER TABLESPACE', 'DROP TABLESPACE'],
  check(ctx) {
    const s = ctx.s;
    const kw = s.find(['TABLESPACE']);
    if (kw === -1) return;
    const name = s.ident(kw + 1);
    const last = name !== undefined ? kw + 1 : kw;
    ctx.report(
      [0, last],
      l10n.t(
        'TiDB has no tablespaces, so {0} fails. Remove the statement; use placement policies to control where data is stored.',
        // the statement's SQL: CREATE UNDO TABLESPACE name
        `${s.text(0, kw).replace(/\s+/g, ' ').toUpperCase()}${name !== undefined ? ` ${name}` : ''}`,
      ),
    );
  },
});
