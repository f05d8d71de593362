import { indexSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'fulltext-index',
  category: 'behaviour-differs',
  severity: 'warning',
  versions: 'all self-managed versions; TiDB Cloud Starter/Essential support FULLTEXT INDEX ... WITH PARSER STANDARD|MULTILINGUAL',
  explanation:
    'TiDB accepts the statement but drops the index with warning 1214, so the table silently has no full-text index (and MATCH...AGAINST will fail).',
  fix: 'Remove the FULLTEXT index; use external search or TiDB Cloud full-text search.',
  source: 'pingcap/tidb: pkg/ddl/create_table.go',
  quote: 'ctx.GetSessionVars().StmtCtx.AppendWarning(dbterror.ErrTableCantHandleFt.FastGenByArgs())',
  quoteStatus: 'verified',
  tidb: { warning: 1214, message: "The used table type doesn't support FULLTEXT indexes" },
  examples: {
    flagged: [
      'ALTER TABLE posts ADD FULLTEXT (content);',
      'CREATE FULLTEXT INDEX ft ON articles (title, body) WITH PARSER ngram;',
      'CREATE TABLE p (id BIGINT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_body (body));',
    ],
    clean: [
      'CREATE FULLTEXT INDEX ft_body ON a (body) WITH PARSER `standard`;',
      'CREATE TABLE p (id BIGINT PRIMARY KEY, `fulltext` VARCHAR(10), KEY k (`fulltext`));',
    ],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX'],
  check(ctx) {
    const s = ctx.s;
    for (const { index } of indexSites(ctx)) {
      if (index.kind !== 'FULLTEXT') continue;
      const parser = (index.withParser ?? '').toUpperCase();
      if (parser === 'STANDARD' || parser === 'MULTILINGUAL') continue;
      const last = s.is(index.tok + 1, 'KEY', 'INDEX') ? index.tok + 1 : index.tok;
      ctx.report(
        [index.tok, last],
        index.name
          ? l10n.t(
              'TiDB accepts the FULLTEXT index {0} but drops it with warning 1214, so the table has no full-text index and MATCH ... AGAINST fails. Remove the index and use an external search engine (or TiDB Cloud full-text search).',
              index.name,
            )
          : l10n.t(
              'TiDB accepts the FULLTEXT index but drops it with warning 1214, so the table has no full-text index and MATCH ... AGAINST fails. Remove the index and use an external search engine (or TiDB Cloud full-text search).',
            ),
      );
    }
  },
});
