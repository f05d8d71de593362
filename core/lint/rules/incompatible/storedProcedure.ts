import { defineRule } from '../../rule';

export default defineRule('stored-procedure', {
  kinds: ['CREATE PROCEDURE', 'ALTER PROCEDURE', 'DROP PROCEDURE', 'CALL'],
  check(ctx) {
    const s = ctx.s;
    if (s.kind === 'CALL') {
      ctx.report([0, s.ident(1) !== undefined ? (s.op(2) === '.' ? 3 : 1) : 0], 'TiDB has no stored procedures, so CALL fails with a syntax error. Run the logic from the application instead.');
      return;
    }
    const kw = s.find(['PROCEDURE']);
    const verb = s.word(0);
    ctx.report([kw, kw + 1], `TiDB does not support stored procedures: ${verb} PROCEDURE fails with a syntax error and aborts the migration here. Move the procedure body into application code or a scheduled job.`);
  },
});
