import { columnSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const LARGE = new Set(['MEDIUMBLOB', 'MEDIUMTEXT', 'LONGBLOB', 'LONGTEXT']);

export default defineRule({
  id: 'large-blob-column',
  category: 'risky',
  severity: 'hint',
  versions: 'all',
  explanation:
    "A single row/KV entry is limited by txn-entry-size-limit (default 6 MiB, max 120 MiB; session variable tidb_txn_entry_size_limit from v7.6) and TiKV raft-entry-max-size (8 MiB); values that MySQL accepts can fail in TiDB with 'entry too large'.",
  fix: 'Store large objects in object storage; keep a reference column.',
  source: 'pingcap/docs: tidb-configuration-file.md#txn-entry-size-limit-new-in-v4010-and-v500',
  quote:
    'The size limit of a single key-value record in a transaction. If the size limit is exceeded, TiDB returns the `entry too large` error. The maximum value of this configuration item does not exceed `125829120` (120 MB). ... Default value: `6291456` (in bytes)',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: [
      'ALTER TABLE posts ADD COLUMN body_html MEDIUMTEXT;',
      'CREATE TABLE attachments (id BIGINT AUTO_RANDOM PRIMARY KEY, filename VARCHAR(255), content LONGBLOB);',
      'CREATE TABLE docs (id BIGINT PRIMARY KEY, body LONGTEXT, raw mediumblob, note TEXT, small BLOB, legacy LONG VARCHAR);',
    ],
    clean: ['CREATE TABLE t (id BIGINT PRIMARY KEY, b BLOB, t TEXT, j JSON);'],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    for (const { col } of columnSites(ctx)) {
      const t = col.type;
      if (!t) continue;
      // LONG, LONG VARCHAR and LONG VARBINARY are MEDIUMTEXT / MEDIUMBLOB
      const long = s.word(t.tok) === 'LONG';
      if (!LARGE.has(t.name) && !long) continue;
      const last = long && s.is(t.tok + 1, 'VARCHAR', 'VARBINARY') ? t.tok + 1 : t.tok;
      const shown = s.text(t.tok, last).toUpperCase();
      ctx.report(
        [t.tok, last],
        l10n.t(
          "Column {0} {1} can hold values larger than TiDB's single-entry limit (txn-entry-size-limit, 6 MiB by default), which fail with 'entry too large'. Keep large objects in object storage and store a reference, or make sure values stay well below the limit.",
          col.name,
          shown,
        ),
      );
    }
  },
});
