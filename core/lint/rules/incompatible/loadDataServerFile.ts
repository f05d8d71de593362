import { defineRule } from '../../rule';
import { matchCase } from '../support/ruleHelpers';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'load-data-server-file',
  category: 'incompatible',
  severity: 'error',
  versions: 'all; from v7.0.0 a non-LOCAL file may be an s3:// or gs:// (gcs://) URI (experimental in v7.0.0)',
  explanation:
    "TiDB cannot read files from the TiDB server's filesystem with LOAD DATA; without LOCAL the file must be a cloud storage URI (v7.0+; S3/GCS import was experimental in v7.0.0). Before v7.0 only LOCAL (client-side) files are accepted.",
  fix: 'Quick fix: LOAD DATA LOCAL INFILE (client file), or IMPORT INTO for bulk loads.',
  source: 'pingcap/docs: sql-statements/sql-statement-load-data.md',
  quote: 'If you do not specify `LOCAL`, the file parameter must be a valid S3 or GCS path',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      "LOAD DATA CONCURRENT INFILE 'x.tsv' REPLACE INTO TABLE t;",
      "load data infile '/var/lib/mysql-files/u.csv' into table users fields terminated by ',';",
    ],
    clean: ["LOAD DATA INFILE 's3://bucket/a.csv' INTO TABLE t;"],
  },
  kinds: ['LOAD'],
  check(ctx) {
    const s = ctx.s;
    if (!s.is(1, 'DATA')) return;
    let i = 2;
    if (s.is(i, 'LOW_PRIORITY', 'CONCURRENT')) i++;
    if (s.is(i, 'LOCAL') || !s.is(i, 'INFILE')) return;
    const path = s.str(i + 1);
    if (path === undefined) return;
    const cloud = /^(s3|gs|gcs):\/\//i.test(path);
    if (cloud && ctx.target.gte('7.0')) return;
    const message = cloud
      ? l10n.t(
          "TiDB {0} cannot import from cloud storage with LOAD DATA (S3/GCS URIs need v7.0 or later), and without LOCAL it reads no server files either, so loading '{1}' fails. Use LOAD DATA LOCAL INFILE to send a client-side file, or IMPORT INTO for bulk loads.",
          String(ctx.target),
          path,
        )
      : l10n.t(
          "TiDB cannot read files from the TiDB server's filesystem: without LOCAL the file must be an S3 or GCS URI (v7.0+), so loading '{0}' fails. Use LOAD DATA LOCAL INFILE to send a client-side file, or IMPORT INTO for bulk loads.",
          path,
        );
    ctx.report([i, i + 1], message, {
      title: l10n.t('Use LOAD DATA LOCAL INFILE'),
      edits: [ctx.replaceTokens(i, i, `${matchCase(s.text(i), 'LOCAL')} ${s.text(i)}`)],
      safe: false,
    });
  },
});
