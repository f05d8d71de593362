import { defineRule } from '../../rule';

export default defineRule('column-level-privilege', {
  kinds: ['GRANT', 'REVOKE'],
  check(ctx) {
    const s = ctx.s;
    let i = 1;
    if (s.kind === 'REVOKE' && s.seq(1, 'IF', 'EXISTS') !== -1) i = 3;
    const on = s.find(['ON'], i, s.length, 0);
    if (on === -1) return;
    for (const [a, b] of s.splitCommas(i, on)) {
      for (let k = a; k < b; k++) {
        if (s.op(k) !== '(' || k === a || !s.word(k - 1)) continue;
        const close = s.match(k);
        if (close === -1 || close >= on) continue;
        const cols = s.splitCommas(k + 1, close).map(([x]) => s.ident(x)).filter((c) => c !== undefined);
        const priv = s.text(a, k - 1).replace(/\s+/g, ' ').toUpperCase();
        const effect =
          s.kind === 'GRANT'
            ? 'the GRANT succeeds but the grantee still cannot use these columns'
            : 'the REVOKE restricts nothing';
        ctx.report(
          [a, close],
          `TiDB records column-level privileges but does not enforce them, so for ${priv} (${cols.join(', ')}) ${effect}. Grant on a view that exposes only the allowed columns instead.`,
        );
        break;
      }
    }
  },
});
