import { defineRule } from '../../rule';

export default defineRule('stored-function', {
  kinds: ['CREATE FUNCTION', 'ALTER FUNCTION', 'DROP FUNCTION'],
  check(ctx) {
    const s = ctx.s;
    const kw = s.find(['FUNCTION']);
    const soname = s.find(['SONAME']) !== -1;
    ctx.report([kw, kw + 1], soname
      ? 'TiDB does not support loadable (UDF) functions: CREATE FUNCTION ... SONAME fails. Implement the logic in the application or as an expression.'
      : `TiDB does not support stored functions: ${s.word(0)} FUNCTION fails, and later calls to the function fail with 'FUNCTION does not exist'. Inline the logic as an expression, a generated column or application code.`);
  },
});
