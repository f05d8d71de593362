import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

export default defineRule({
  id: 'destructive-ddl',
  category: 'risky',
  severity: 'warning',
  versions: 'all',
  explanation: 'Irreversible once the GC life time (default 10m) passes.',
  fix: 'Confirm intent; FLASHBACK TABLE / RECOVER TABLE work only within tidb_gc_life_time.',
  source: 'pingcap/docs: sql-statements/sql-statement-flashback-table.md',
  quote:
    'If a table is dropped and the GC lifetime has passed, you can no longer use the `FLASHBACK TABLE` statement to recover the dropped data.',
  quoteStatus: 'verified',
  tidb: 'accepted',
  examples: {
    flagged: [
      'DROP TABLE t;',
      'truncate `sessions`;',
      'CREATE TABLE tmp_ids (id INT PRIMARY KEY);\nDROP TABLE tmp_ids, orders;',
      'DROP DATABASE IF EXISTS shop;\nCREATE DATABASE shop_v2;',
    ],
    clean: [
      'DROP VIEW v;',
      'DROP TABLESPACE ts1;',
      'DROP TEMPORARY TABLE IF EXISTS tmp;',
      'DROP DATABASE IF EXISTS shop;\nCREATE DATABASE shop DEFAULT CHARACTER SET utf8mb4;\nUSE shop;',
    ],
  },
  kinds: ['DROP TABLE', 'DROP TABLES', 'DROP DATABASE', 'TRUNCATE'],
  check(ctx) {
    const s = ctx.s;
    if (s.kind === 'TRUNCATE') {
      const i = s.is(1, 'TABLE') ? 2 : 1;
      const q = s.qname(i);
      if (!q) return;
      // a table this file created holds only what the file put there: nobody's data is lost
      if (ctx.schema.createdInFile(q.db, q.name)) return;
      ctx.report(
        [0, q.last],
        l10n.t(
          "TRUNCATE deletes every row of '{0}'. It cannot be undone once the GC life time (tidb_gc_life_time, default 10m) has passed: confirm the intent, and note that FLASHBACK / RECOVER TABLE work only within that window.",
          q.name,
        ),
      );
      return;
    }
    if (s.kind === 'DROP DATABASE') {
      let i = 2;
      const ifExists = s.seq(i, 'IF', 'EXISTS') !== -1;
      if (ifExists) i += 2;
      const name = s.ident(i);
      if (name === undefined) return;
      const message = () =>
        l10n.t(
          "DROP DATABASE removes '{0}' with all its tables and data. It cannot be undone once the GC life time (tidb_gc_life_time, default 10m) has passed: confirm the intent, and note that FLASHBACK / RECOVER TABLE work only within that window.",
          name,
        );
      // an installer's DROP DATABASE IF EXISTS x; CREATE DATABASE x; rebuilds what it owns
      if (ifExists) ctx.reportUnlessCreatedLater([0, i], [`database ${name}`], [], message);
      else ctx.report([0, i], message());
      return;
    }
    // DROP [TEMPORARY] TABLE [IF EXISTS] a, b
    let i = 1;
    while (s.is(i, 'ONLINE', 'OFFLINE', 'IGNORE', 'UNDO')) i++;
    if (s.is(i, 'TEMPORARY')) return;
    if (!s.is(i, 'TABLE', 'TABLES')) return;
    i++;
    const ifExists = s.seq(i, 'IF', 'EXISTS') !== -1;
    if (ifExists) i += 2;
    const dropped: string[] = [];
    let last = i;
    for (const [a, b] of s.splitCommas(i, s.length)) {
      const q = s.qname(a);
      if (!q || q.last >= b) continue;
      last = q.last;
      // a scratch table created earlier in this file (created, used, dropped) loses nobody's data
      if (ctx.schema.createdInFile(q.db, q.name)) continue;
      dropped.push(q.name);
    }
    if (dropped.length === 0) return;
    const message = (names: string[]) =>
      names.length > 1
        ? l10n.t(
            'DROP TABLE removes {0} and their data. It cannot be undone once the GC life time (tidb_gc_life_time, default 10m) has passed: confirm the intent, and note that FLASHBACK / RECOVER TABLE work only within that window.',
            names.map((n) => `'${n}'`).join(', '),
          )
        : l10n.t(
            'DROP TABLE removes {0} and its data. It cannot be undone once the GC life time (tidb_gc_life_time, default 10m) has passed: confirm the intent, and note that FLASHBACK / RECOVER TABLE work only within that window.',
            names.map((n) => `'${n}'`).join(', '),
          );
    // mysqldump pattern: DROP TABLE IF EXISTS x followed later in the file by CREATE TABLE/VIEW x
    if (ifExists) ctx.reportUnlessCreatedLater([0, last], dropped, [], message);
    else ctx.report([0, last], message(dropped));
  },
});
