import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'savepoint',
  category: 'incompatible',
  severity: 'error',
  versions: '< v6.2.0 (supported from v6.2.0)',
  until: '6.2',
  explanation: 'Savepoints were listed as unsupported (#6840) until v6.2.0 added them.',
  fix: 'Upgrade to >= v6.2 or restructure the transaction.',
  source: "pingcap/docs: mysql-compatibility.md (v5.x: 'Savepoints [#6840]'); sql-statements/sql-statement-savepoint.md",
  quote: 'Savepoints [#6840]',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'SAVEPOINT a;',
      'SAVEPOINT s;',
      'BEGIN;\nSAVEPOINT `sp_1`;\nupdate t set a = 1 where id = 2;\nrollback work to sp_1;\nROLLBACK TO SAVEPOINT sp_1;\nRELEASE SAVEPOINT sp_1;\nCOMMIT;',
    ],
    clean: ['BEGIN;\nROLLBACK;\nROLLBACK WORK;'],
  },
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
      l10n.t(
        'TiDB {0} does not support savepoints (added in v6.2.0), so {1} fails. Upgrade to v6.2 or later, or restructure the transaction without partial rollbacks.',
        String(ctx.target),
        name !== undefined ? `${what} ${name}` : what,
      ),
    );
  },
});
