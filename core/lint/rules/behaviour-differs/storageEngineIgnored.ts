import type { RuleContext } from '../../context';
import type { TableOption } from '../../../sql/ddl';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

/** Reports ENGINE [=] name at `kw` (value token `v`) unless it is InnoDB. Returns whether it reported. */
function check(ctx: RuleContext, kw: number, v: number): boolean {
  const s = ctx.s;
  const engine = s.ident(v);
  if (engine === undefined || engine.toLowerCase() === 'innodb' || engine.toLowerCase() === 'default') return false;
  const t = s.tokens[v];
  const text = t.kind === 'string' ? `'InnoDB'` : t.kind === 'qident' ? '`InnoDB`' : 'InnoDB';
  ctx.report(
    [kw, v],
    /^(memory|heap)$/i.test(engine)
      ? l10n.t(
          'TiDB accepts ENGINE={0} but ignores it: the table is an ordinary transactional, persistent and replicated TiDB table (not an in-memory table). Use ENGINE=InnoDB or drop the option.',
          engine,
        )
      : l10n.t(
          'TiDB accepts ENGINE={0} but ignores it: the table is an ordinary transactional, persistent and replicated TiDB table. Use ENGINE=InnoDB or drop the option.',
          engine,
        ),
    {
      title: l10n.t('Use ENGINE=InnoDB'),
      edits: [ctx.replaceTokens(v, v, text)],
      safe: true,
    },
  );
  return true;
}

export default defineRule({
  id: 'storage-engine-ignored',
  category: 'behaviour-differs',
  severity: 'info',
  versions: 'all',
  explanation:
    'The ENGINE option is accepted and ignored: a MEMORY table is persistent and replicated, a MyISAM table becomes transactional.',
  fix: 'Quick fix: ENGINE=InnoDB or drop the option.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote:
    'TiDB allows for tables to be created with alternative storage engines. Despite this, the metadata as described by TiDB is for the InnoDB storage engine',
  quoteStatus: 'verified',
  tidb: 'accepted, ignored',
  tags: ['unnecessary'],
  examples: {
    flagged: [
      'ALTER TABLE e ENGINE = ARCHIVE;',
      'create table t (id bigint primary key) engine=myisam;',
      'ALTER TABLE cache ENGINE = MEMORY;',
    ],
    clean: [
      'ALTER TABLE e ENGINE = `innodb`, ALGORITHM=INPLACE;',
      'create table t (id bigint primary key) engine=InnoDB;',
      "SELECT engine FROM information_schema.tables WHERE engine = 'MyISAM';",
    ],
  },
  kinds: ['CREATE TABLE', 'ALTER TABLE'],
  check(ctx) {
    const s = ctx.s;
    let opts: TableOption[] = [];
    let partitionFrom: number | undefined;
    const ct = ctx.createTable();
    if (ct) {
      opts = ct.options;
      partitionFrom = ct.partition?.tok;
    } else {
      const at = ctx.alterTable();
      if (at) {
        opts = at.specs.flatMap((sp) => sp.options);
        partitionFrom = at.specs.find((sp) => sp.target === 'PARTITION')?.first;
      }
    }
    let reported = false;
    for (const o of opts) {
      if (o.name !== 'ENGINE' || o.valueStart >= o.valueEnd) continue;
      if (check(ctx, o.tok, o.valueStart)) reported = true;
    }
    // per-partition [STORAGE] ENGINE [=] x (PARTITION p0 VALUES LESS THAN (10) ENGINE = MyISAM): only when the
    // table-level option did not already say it, so a MyISAM dump is not reported once per partition
    if (reported || partitionFrom === undefined) return;
    const n = s.sparseFrom;
    for (let k = partitionFrom; k < n; k++) {
      if (!s.is(k, 'ENGINE') || s.depth(k) === 0) continue;
      const v = s.op(k + 1) === '=' ? k + 2 : k + 1;
      if (check(ctx, s.is(k - 1, 'STORAGE') ? k - 1 : k, v)) return;
    }
  },
});
