import type { RuleContext } from '../../context';
import { BINARY_DEFAULT_CHARSETS, caseInsensitiveCollation } from '../../../sql/charsets';
import { readCharset, readCollate, STRING_TYPES, type NameRef, type TableOption } from '../../../sql/ddl';
import { columnSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** What sets the charset: a column, a table (named or not), an ALTER TABLE clause (its SQL) or the database. */
type Subject = { kind: 'column'; name: string } | { kind: 'table'; name: string } | { kind: 'sql'; text: string } | { kind: 'database' };

/**
 * The message for CHARACTER SET `cs` without COLLATE, one whole sentence per subject and charset family:
 * utf8mb4 (MySQL's default differs between 8.0 and 5.7), another charset with a case-insensitive collation
 * `ci` in TiDB (utf8/utf8mb3), or one without (latin1, ascii).
 */
function message(subject: Subject, cs: string, bin: string, mysqlDefault: string, ci: string | undefined): string {
  if (cs === 'utf8mb4' && ci) return utf8mb4Message(subject, cs, bin, ci);
  if (ci) return withCollationMessage(subject, cs, bin, mysqlDefault, ci);
  return withoutCollationMessage(subject, cs, bin, mysqlDefault);
}

/** utf8mb4: MySQL's default is utf8mb4_0900_ai_ci in 8.0, utf8mb4_general_ci in 5.7. */
function utf8mb4Message(subject: Subject, cs: string, bin: string, ci: string): string {
  switch (subject.kind) {
    case 'column':
      return l10n.t(
        'Column {0} sets CHARACTER SET {1} without COLLATE: TiDB then uses {2} (case- and accent-sensitive) where MySQL uses utf8mb4_0900_ai_ci in MySQL 8.0, utf8mb4_general_ci in 5.7, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {3}.',
        subject.name,
        cs,
        bin,
        ci,
      );
    case 'table':
      return subject.name
        ? l10n.t(
            'Table {0} sets CHARACTER SET {1} without COLLATE: TiDB then uses {2} (case- and accent-sensitive) where MySQL uses utf8mb4_0900_ai_ci in MySQL 8.0, utf8mb4_general_ci in 5.7, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {3}.',
            subject.name,
            cs,
            bin,
            ci,
          )
        : l10n.t(
            'Table sets CHARACTER SET {0} without COLLATE: TiDB then uses {1} (case- and accent-sensitive) where MySQL uses utf8mb4_0900_ai_ci in MySQL 8.0, utf8mb4_general_ci in 5.7, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {2}.',
            cs,
            bin,
            ci,
          );
    case 'sql':
      return l10n.t(
        '{0} sets CHARACTER SET {1} without COLLATE: TiDB then uses {2} (case- and accent-sensitive) where MySQL uses utf8mb4_0900_ai_ci in MySQL 8.0, utf8mb4_general_ci in 5.7, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {3}.',
        subject.text,
        cs,
        bin,
        ci,
      );
    case 'database':
      return l10n.t(
        'The database sets CHARACTER SET {0} without COLLATE: TiDB then uses {1} (case- and accent-sensitive) where MySQL uses utf8mb4_0900_ai_ci in MySQL 8.0, utf8mb4_general_ci in 5.7, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {2}.',
        cs,
        bin,
        ci,
      );
  }
}

/** A charset TiDB has a case-insensitive collation `ci` for. */
function withCollationMessage(subject: Subject, cs: string, bin: string, mysqlDefault: string, ci: string): string {
  switch (subject.kind) {
    case 'column':
      return l10n.t(
        'Column {0} sets CHARACTER SET {1} without COLLATE: TiDB then uses {2} (case- and accent-sensitive) where MySQL uses {3}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {4}.',
        subject.name,
        cs,
        bin,
        mysqlDefault,
        ci,
      );
    case 'table':
      return subject.name
        ? l10n.t(
            'Table {0} sets CHARACTER SET {1} without COLLATE: TiDB then uses {2} (case- and accent-sensitive) where MySQL uses {3}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {4}.',
            subject.name,
            cs,
            bin,
            mysqlDefault,
            ci,
          )
        : l10n.t(
            'Table sets CHARACTER SET {0} without COLLATE: TiDB then uses {1} (case- and accent-sensitive) where MySQL uses {2}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {3}.',
            cs,
            bin,
            mysqlDefault,
            ci,
          );
    case 'sql':
      return l10n.t(
        '{0} sets CHARACTER SET {1} without COLLATE: TiDB then uses {2} (case- and accent-sensitive) where MySQL uses {3}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {4}.',
        subject.text,
        cs,
        bin,
        mysqlDefault,
        ci,
      );
    case 'database':
      return l10n.t(
        'The database sets CHARACTER SET {0} without COLLATE: TiDB then uses {1} (case- and accent-sensitive) where MySQL uses {2}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. State the collation explicitly, e.g. COLLATE {3}.',
        cs,
        bin,
        mysqlDefault,
        ci,
      );
  }
}

/** A charset TiDB has no case-insensitive collation for. */
function withoutCollationMessage(subject: Subject, cs: string, bin: string, mysqlDefault: string): string {
  switch (subject.kind) {
    case 'column':
      return l10n.t(
        'Column {0} sets CHARACTER SET {1} without COLLATE: TiDB then uses {2} (case- and accent-sensitive) where MySQL uses {3}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. TiDB has no case-insensitive {1} collation: state COLLATE {2} to make the behaviour explicit, or convert to utf8mb4 with COLLATE utf8mb4_general_ci.',
        subject.name,
        cs,
        bin,
        mysqlDefault,
      );
    case 'table':
      return subject.name
        ? l10n.t(
            'Table {0} sets CHARACTER SET {1} without COLLATE: TiDB then uses {2} (case- and accent-sensitive) where MySQL uses {3}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. TiDB has no case-insensitive {1} collation: state COLLATE {2} to make the behaviour explicit, or convert to utf8mb4 with COLLATE utf8mb4_general_ci.',
            subject.name,
            cs,
            bin,
            mysqlDefault,
          )
        : l10n.t(
            'Table sets CHARACTER SET {0} without COLLATE: TiDB then uses {1} (case- and accent-sensitive) where MySQL uses {2}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. TiDB has no case-insensitive {0} collation: state COLLATE {1} to make the behaviour explicit, or convert to utf8mb4 with COLLATE utf8mb4_general_ci.',
            cs,
            bin,
            mysqlDefault,
          );
    case 'sql':
      return l10n.t(
        '{0} sets CHARACTER SET {1} without COLLATE: TiDB then uses {2} (case- and accent-sensitive) where MySQL uses {3}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. TiDB has no case-insensitive {1} collation: state COLLATE {2} to make the behaviour explicit, or convert to utf8mb4 with COLLATE utf8mb4_general_ci.',
        subject.text,
        cs,
        bin,
        mysqlDefault,
      );
    case 'database':
      return l10n.t(
        'The database sets CHARACTER SET {0} without COLLATE: TiDB then uses {1} (case- and accent-sensitive) where MySQL uses {2}, so comparisons, ORDER BY, GROUP BY and unique keys behave differently. TiDB has no case-insensitive {0} collation: state COLLATE {1} to make the behaviour explicit, or convert to utf8mb4 with COLLATE utf8mb4_general_ci.',
        cs,
        bin,
        mysqlDefault,
      );
  }
}

function report(ctx: RuleContext, ref: NameRef, subject: Subject, eq: boolean): void {
  const cs = ref.name;
  const ci = caseInsensitiveCollation(cs);
  const bin = cs === 'utf8mb3' ? 'utf8_bin' : `${cs}_bin`;
  // (utf8mb4: MySQL 8.0's and 5.7's defaults, written out in the message)
  const mysqlDefault = cs === 'latin1' ? 'latin1_swedish_ci' : `${cs === 'utf8mb3' ? 'utf8' : cs}_general_ci`;
  const fix = ci
    ? {
        title: l10n.t('Add COLLATE {0}', ci),
        edits: [{ start: ctx.s.tokens[ref.tok].end, end: ctx.s.tokens[ref.tok].end, newText: eq ? ` COLLATE=${ci}` : ` COLLATE ${ci}` }],
        safe: false,
      }
    : undefined;
  ctx.report([ref.keyword, ref.tok], message(subject, cs, bin, mysqlDefault, ci), fix);
}

function optionRef(ctx: RuleContext, o: TableOption): NameRef | undefined {
  const tok = o.valueStart;
  const name = ctx.s.ident(tok);
  if (name === undefined) return undefined;
  return { name: name.toLowerCase(), tok, keyword: o.tok };
}

export default defineRule({
  id: 'default-collation-case-sensitivity',
  category: 'behaviour-differs',
  severity: 'warning',
  versions: 'all (v7.4+ can change the utf8mb4 default via default_collation_for_utf8mb4)',
  explanation:
    "TiDB's default collation for these charsets is the binary one (utf8mb4_bin, utf8_bin, latin1_bin, ascii_bin), while MySQL picks a case-insensitive default (utf8mb4_0900_ai_ci in 8.0, utf8mb4_general_ci in 5.7, latin1_swedish_ci). Equality, ORDER BY, GROUP BY and UNIQUE keys silently become case- and accent-sensitive: 'a' = 'A' is false and 'Bob'/'bob' both fit a unique key.",
  fix: 'Quick fix: state the collation explicitly (e.g. COLLATE utf8mb4_general_ci, or utf8mb4_0900_ai_ci on v7.4+), or set default_collation_for_utf8mb4 on v7.4+.',
  source: 'pingcap/docs: mysql-compatibility.md (Default differences); character-set-and-collation.md',
  quote:
    "TiDB's default collation is `utf8mb4_bin`. ... MySQL 8.0's default collation is `utf8mb4_0900_ai_ci`. ... This can cause incompatible behavior when specifying an explicit character set but relying on the implicit default collation to be chosen.",
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'ALTER TABLE t DEFAULT CHARSET = utf8mb4;',
      'CREATE DATABASE crm CHARACTER SET utf8mb4;',
      '/*!40101 SET NAMES utf8mb4 */;\nDROP TABLE IF EXISTS `geo_places`;\nCREATE TABLE `geo_places` (\n  `id` int unsigned NOT NULL AUTO_INCREMENT,\n  `name` varchar(120) NOT NULL,\n  `pt` point NOT NULL /*!80003 SRID 4326 */,\n  PRIMARY KEY (`id`),\n  SPATIAL KEY `sp_pt` (`pt`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
    ],
    clean: [
      'SET NAMES utf8mb4;',
      'SELECT CONVERT(a USING utf8mb4) FROM t LIMIT 1;',
      'CREATE TABLE t (id BIGINT PRIMARY KEY, n VARCHAR(9));',
    ],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE', 'CREATE DATABASE', 'ALTER DATABASE'],
  check(ctx) {
    const s = ctx.s;
    // column definitions (CREATE TABLE, ALTER TABLE ADD/MODIFY/CHANGE)
    for (const { col } of columnSites(ctx)) {
      if (col.charset && !col.collate && BINARY_DEFAULT_CHARSETS.has(col.charset.name))
        report(ctx, col.charset, { kind: 'column', name: col.name }, false);
    }
    const ct = ctx.createTable();
    if (ct) {
      const cs = ct.options.find((o) => o.name === 'CHARSET');
      const hasCollate = ct.options.some((o) => o.name === 'COLLATE');
      const ref = cs && optionRef(ctx, cs);
      if (ref && !hasCollate && BINARY_DEFAULT_CHARSETS.has(ref.name)) {
        const inherits = ct.columns.some(
          (c) => c.type && STRING_TYPES.has(c.type.name) && !c.charset && !c.collate && !s.is(c.type.tok, 'NATIONAL', 'NCHAR', 'NVARCHAR'),
        );
        if (inherits) report(ctx, ref, { kind: 'table', name: (ct.name?.name ?? '').trimEnd() }, s.op(ref.tok - 1) === '=');
      }
      return;
    }
    const at = ctx.alterTable();
    if (at) {
      const hasCollate = at.specs.some((sp) => sp.options.some((o) => o.name === 'COLLATE'));
      for (const spec of at.specs) {
        if (
          spec.verb === 'CONVERT' &&
          spec.convertCharset &&
          !spec.convertCollate &&
          BINARY_DEFAULT_CHARSETS.has(spec.convertCharset.name)
        ) {
          report(ctx, spec.convertCharset, { kind: 'sql', text: `ALTER TABLE ${at.name?.name ?? ''} CONVERT TO` }, false);
        }
        if (hasCollate) continue;
        for (const o of spec.options) {
          if (o.name !== 'CHARSET') continue;
          const ref = optionRef(ctx, o);
          if (ref && BINARY_DEFAULT_CHARSETS.has(ref.name))
            report(ctx, ref, { kind: 'sql', text: `ALTER TABLE ${at.name?.name ?? ''}` }, s.op(ref.tok - 1) === '=');
        }
      }
      return;
    }
    if (s.kind === 'CREATE DATABASE' || s.kind === 'ALTER DATABASE') {
      let ref: NameRef | undefined;
      let collate = false;
      for (let j = 2; j < s.length; j++) {
        const cs = readCharset(s, j);
        if (cs) ref = cs.ref;
        if (readCollate(s, j)) collate = true;
      }
      if (ref && !collate && BINARY_DEFAULT_CHARSETS.has(ref.name)) report(ctx, ref, { kind: 'database' }, s.op(ref.tok - 1) === '=');
    }
  },
});
