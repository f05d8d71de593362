import { columnSites } from '../support/ddlWalk';
import { defineRule } from '../../rule';

const FLOATS = new Set(['FLOAT', 'DOUBLE', 'REAL', 'FLOAT4', 'FLOAT8']);

export default defineRule('float-precision-ignored', {
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    for (const { col } of columnSites(ctx)) {
      const t = col.type;
      if (!t || !FLOATS.has(t.name) || t.args.length !== 2 || !t.argsRange) continue;
      const [open, close] = t.argsRange;
      const m = Number(t.args[0]);
      const d = Number(t.args[1]);
      const shown = s.text(t.tok, close);
      let fix;
      if (Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 65 && d >= 0 && d <= 30 && d <= m) {
        const dec = `${s.word(t.tok) === s.text(t.tok) ? 'DECIMAL' : 'decimal'}(${m},${d})`;
        fix = { title: `Use ${dec.toUpperCase()}`, edits: [ctx.replaceTokens(t.tok, close, dec)], safe: false };
      }
      void open;
      ctx.report([t.tok, close], `Column ${col.name} ${shown}: TiDB documents precision for floating-point types as unsupported (MySQL 8.0 deprecates it), and rounding can differ from MySQL. Use DECIMAL(${t.args[0]},${t.args[1]}) for exact values, or plain ${t.name === 'REAL' ? 'DOUBLE' : t.name}.`, fix);
    }
  },
});
