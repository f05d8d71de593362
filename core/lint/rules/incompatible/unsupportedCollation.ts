import { isSupportedCollation, looksLikeCollation, nearestCollation } from '../../../sql/charsets';
import { readCollate } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'unsupported-collation',
  category: 'incompatible',
  severity: 'error',
  versions: 'all; utf8mb4_0900_ai_ci and utf8mb4_0900_bin accepted from v7.4.0 (earlier: error)',
  explanation:
    "With the new collation framework TiDB supports a short list: binary, ascii_bin, latin1_bin, utf8(mb4)_bin, utf8(mb4)_general_ci, utf8(mb4)_unicode_ci, utf8mb4_0900_bin and utf8mb4_0900_ai_ci (both v7.4+), gbk_bin, gbk_chinese_ci. The new framework is the default only for clusters first bootstrapped on >= v6.0 (new_collations_enabled_on_first_bootstrap, fixed at bootstrap); old-framework clusters accept unknown collations without error 1273 but compare as binary. A bare 'CHARSET=latin1' is fine (defaults to latin1_bin) but an explicit latin1_swedish_ci is not.",
  fix: 'Quick fix: replace with the nearest supported collation (latin1_swedish_ci -> latin1_bin, utf8mb4_unicode_520_ci -> utf8mb4_unicode_ci, utf8mb4_0900_ai_ci -> utf8mb4_general_ci and utf8mb4_0900_bin -> utf8mb4_bin on < v7.4).',
  source: 'pingcap/docs: character-set-and-collation.md; releases/release-7.4.0.md; releases/release-6.0.0-dmr.md',
  quote:
    'Under the new framework, TiDB supports the `utf8_general_ci`, `utf8mb4_general_ci`, `utf8_unicode_ci`, `utf8mb4_unicode_ci`, `utf8mb4_0900_bin`, `utf8mb4_0900_ai_ci`, `gbk_chinese_ci`, and `gbk_bin` collations, which is compatible with MySQL.',
  quoteStatus: 'verified',
  tidb: { error: 1273, sqlState: 'HY000', message: "Unsupported collation when new collation is enabled: 'latin1_swedish_ci'" },
  examples: {
    flagged: [
      'ALTER DATABASE shop CHARACTER SET utf8mb4 COLLATE utf8mb4_ja_0900_as_cs;',
      "SELECT id FROM u WHERE name = 'José' COLLATE utf8mb4_0900_as_cs LIMIT 10;",
      "CREATE TABLE w (\n  id BIGINT PRIMARY KEY,\n  n VARCHAR(191) COLLATE utf8mb4_unicode_520_ci,\n  m VARCHAR(9) collate 'latin1_swedish_ci'\n) DEFAULT CHARSET=utf8mb4 COLLATE=UTF8MB4_0900_AS_CS;",
    ],
    clean: [
      'SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci;',
      "SELECT 'COLLATE latin1_swedish_ci' FROM t LIMIT 1;",
      'CREATE TABLE p (sku VARCHAR(32) PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;',
    ],
  },
  check(ctx) {
    const s = ctx.s;
    // routine bodies are not linted: the CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT is already an error
    if (s.isRoutine) return;
    const n = s.sparseFrom;
    for (let i = 0; i < n; i++) {
      if (s.word(i) !== 'COLLATE') continue;
      const co = readCollate(s, i);
      if (!co) continue;
      const tok = co.ref.tok;
      const raw = s.ident(tok) ?? '';
      if (!looksLikeCollation(raw) || isSupportedCollation(raw, ctx.target)) continue;
      const lower = raw.toLowerCase();
      const near = nearestCollation(lower, ctx.target);
      const only74 = (lower === 'utf8mb4_0900_ai_ci' || lower === 'utf8mb4_0900_bin') && ctx.target.lt('7.4');
      const msg = only74
        ? near
          ? l10n.t(
              "TiDB supports the collation {0} only from v7.4.0; on {1} it fails with 'Unsupported collation when new collation is enabled'. Use {2} instead.",
              raw,
              String(ctx.target),
              near,
            )
          : l10n.t(
              "TiDB supports the collation {0} only from v7.4.0; on {1} it fails with 'Unsupported collation when new collation is enabled'. Convert the data to utf8mb4 and use a supported collation such as utf8mb4_general_ci or utf8mb4_bin.",
              raw,
              String(ctx.target),
            )
        : near
          ? l10n.t(
              "TiDB does not support the collation {0} and fails with 'Unsupported collation when new collation is enabled'. Use {1} instead.",
              raw,
              near,
            )
          : l10n.t(
              "TiDB does not support the collation {0} and fails with 'Unsupported collation when new collation is enabled'. Convert the data to utf8mb4 and use a supported collation such as utf8mb4_general_ci or utf8mb4_bin.",
              raw,
            );
      let fix;
      if (near) {
        const t = s.tokens[tok];
        let text = raw === raw.toUpperCase() ? near.toUpperCase() : near;
        if (t.kind === 'string') text = `'${text}'`;
        else if (t.kind === 'qident') text = `\`${text}\``;
        fix = { title: l10n.t('Use {0}', near), edits: [ctx.replaceTokens(tok, tok, text)], safe: false };
      }
      // one statement that names the collation on every column fails once: one finding, the other clauses related
      ctx.report([i, tok], msg, fix, { group: `${lower} in the statement at ${s.start}` });
      i = tok;
    }
  },
});
