import { defineRule } from '../../rule';

export default defineRule('savepoint', {
  before: '6.2',
  kinds: ['SAVEPOINT', 'ROLLBACK', 'RELEASE'],
  check(ctx) {
    const s = ctx.s;
    let nameAt: number;
    let what: string;
    if (s.kind === 'SAVEPOINT') {
      nameAt = 1;
      what = 'SAVEPOINT';
    } else if (s.kind === 'RELEASE') {
      if (!s.is(1, 'SAVEPOINT')) return;
      nameAt = 2;
      what = 'RELEASE SAVEPOINT';
    } else {
      // ROLLBACK [WORK] TO [SAVEPOINT] name
      let i = 1;
      if (s.is(i, 'WORK')) i++;
      if (!s.is(i, 'TO')) return;
      i++;
      if (s.is(i, 'SAVEPOINT') && s.ident(i + 1) !== undefined) i++;
      nameAt = i;
      what = 'ROLLBACK TO SAVEPOINT';
    }
    const name = s.ident(nameAt);
    const last = name !== undefined ? nameAt : nameAt - 1;
    ctx.report(
      [0, last],
      `TiDB ${ctx.target} does not support savepoints (added in v6.2.0), so ${what}${name !== undefined ? ` ${name}` : ''} fails. Upgrade to v6.2 or later, or restructure the transaction without partial rollbacks.`,
    );
  },
});
