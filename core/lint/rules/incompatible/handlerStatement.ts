import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'handler-statement',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'The HANDLER low-level access interface is unsupported.',
  fix: 'Use ordinary SELECT with index range conditions.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: '`HANDLER` statement',
  quoteStatus: 'verified',
  examples: {
    flagged: [
      'HANDLER db1.`t` OPEN;',
      'HANDLER users OPEN;\nHANDLER users READ `PRIMARY` FIRST;\nHANDLER users CLOSE;',
      'HANDLER audit_log OPEN AS al;\nhandler al read idx_created next limit 100;\nHANDLER al CLOSE;',
    ],
    clean: ['SELECT handler, status FROM jobs WHERE id = 1;'],
  },
  kinds: ['HANDLER'],
  check(ctx) {
    const s = ctx.s;
    const q = s.qname(1);
    if (!q) return;
    const verb = q.last + 1;
    if (!s.is(verb, 'OPEN', 'READ', 'CLOSE')) return;
    ctx.report(
      [0, verb],
      l10n.t(
        'TiDB does not support the HANDLER interface, so HANDLER {0} {1} fails. Use an ordinary SELECT with index range conditions and LIMIT instead.',
        q.name,
        s.word(verb),
      ),
    );
  },
});
