import { isSupportedCharset, MYSQL_CHARSETS } from '../../../sql/charsets';
import { readCharset } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const DDL = new Set(['CREATE TABLE', 'ALTER TABLE', 'CREATE DATABASE', 'ALTER DATABASE']);

export default defineRule({
  id: 'unsupported-charset',
  category: 'incompatible',
  severity: 'error',
  versions: 'all (gbk supported since v5.4)',
  explanation: "Other character sets (utf16, utf32, ucs2, latin2, cp1251, sjis, big5, euckr, ...) are rejected ('Unknown character set').",
  fix: 'Convert data to utf8mb4 before migration and change the declaration to utf8mb4.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'Character sets other than `ascii`, `latin1`, `binary`, `utf8`, `utf8mb4`, and `gbk`.',
  quoteStatus: 'verified',
  examples: {
    flagged: ['SET NAMES cp1251;', 'ALTER TABLE docs CHARACTER SET = cp1251;', "SELECT CHARSET(CONVERT('abc' USING latin2));"],
    clean: [
      "SHOW COLLATION WHERE Charset = 'latin2';",
      'SELECT charset, collation FROM t LIMIT 1;',
      "SHOW CHARACTER SET WHERE Charset = 'utf16';",
    ],
  },
  check(ctx) {
    const s = ctx.s;
    // routine bodies are not linted: the CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT is already an error
    if (s.isRoutine) return;
    const n = s.sparseFrom;
    const flag = (kw: number, nameTok: number) => {
      const name = s.ident(nameTok);
      if (name === undefined) return;
      const lower = name.toLowerCase();
      if (!MYSQL_CHARSETS.has(lower) || isSupportedCharset(lower, ctx.target)) return;
      const msg =
        lower === 'gbk'
          ? l10n.t(
              "TiDB supports the gbk character set only from v5.4.0; on {0} this fails with 'Unknown character set'. Upgrade to v5.4+ or convert the data to utf8mb4.",
              String(ctx.target),
            )
          : l10n.t(
              "TiDB does not support the character set {0} and rejects it with 'Unknown character set'. Convert the data to utf8mb4 before migrating and declare utf8mb4 instead.",
              name,
            );
      ctx.report([kw, nameTok], msg);
    };
    for (let i = 0; i < n; i++) {
      const w = s.word(i);
      if (!w) continue;
      if (w === 'CHARSET' || w === 'CHARACTER' || w === 'CHAR') {
        const cs = readCharset(s, i);
        // `CHARSET = x` is a table/database option only in DDL; elsewhere it compares a column named charset
        // (SHOW COLLATION WHERE Charset = 'latin2', UPDATE docs SET charset = 'sjis')
        const eq = cs !== undefined && s.op(cs.ref.tok - 1) === '=';
        if (cs && (!eq || (DDL.has(s.kind) && s.depth(i) === 0))) {
          flag(i, cs.ref.tok);
          i = cs.ref.tok;
        }
      } else if (w === 'NAMES' && i === 1 && s.is(0, 'SET')) {
        flag(i, i + 1);
      } else if (w === 'USING' && s.tokens[i + 1]?.kind !== 'op') {
        // CONVERT(expr USING charset)
        const d = s.depth(i);
        for (let k = i - 1; k >= 0; k--) {
          if (s.op(k) === '(' && s.depth(k) === d - 1) {
            if (s.is(k - 1, 'CONVERT')) flag(i, i + 1);
            break;
          }
        }
      }
    }
  },
});
