import { isSupportedCollation, looksLikeCollation, nearestCollation } from '../../../sql/charsets';
import { readCollate } from '../../../sql/ddl';
import { defineRule } from '../../rule';


export default defineRule('unsupported-collation', {
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
      let msg = only74
        ? `TiDB supports the collation ${raw} only from v7.4.0; on ${ctx.target} it fails with 'Unsupported collation when new collation is enabled'.`
        : `TiDB does not support the collation ${raw} and fails with 'Unsupported collation when new collation is enabled'.`;
      msg += near ? ` Use ${near} instead.` : ' Convert the data to utf8mb4 and use a supported collation such as utf8mb4_general_ci or utf8mb4_bin.';
      let fix;
      if (near) {
        const t = s.tokens[tok];
        let text = raw === raw.toUpperCase() ? near.toUpperCase() : near;
        if (t.kind === 'string') text = `'${text}'`;
        else if (t.kind === 'qident') text = `\`${text}\``;
        fix = { title: `Use ${near}`, edits: [ctx.replaceTokens(tok, tok, text)], safe: false };
      }
      ctx.report([i, tok], msg, fix);
      i = tok;
    }
  },
});
