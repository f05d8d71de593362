import * as l10n from '@vscode/l10n';
import type { PlanNode } from '../model';
import { DOCS, defineRule, type PlanRule } from './define';

type Found = ReturnType<PlanRule['check']>;

// Verbatim from pingcap/tidb (planbuilder.go, find_best_task.go, task.go, exhaust_physical_plans.go):
// "MPP mode may be blocked because there aren't tiflash replicas of table `t`." (raised when tidb_enforce_mpp is on)
const MPP = /^MPP mode may be blocked because (.*?)\.?$/;

function mppFix(reason: string, table?: string): string {
  if (/aren't tiflash replicas/.test(reason))
    return table !== undefined
      ? l10n.t(
          'Add a TiFlash replica: ALTER TABLE {0} SET TIFLASH REPLICA 1, and wait until information_schema.tiflash_replica shows it AVAILABLE.',
          table,
        )
      : l10n.t(
          'Add a TiFlash replica: ALTER TABLE <table> SET TIFLASH REPLICA 1, and wait until information_schema.tiflash_replica shows it AVAILABLE.',
        );
  if (/not ready/.test(reason))
    return table !== undefined
      ? l10n.t('The TiFlash replica of {0} is still replicating: check PROGRESS in information_schema.tiflash_replica.', table)
      : l10n.t('The TiFlash replica of the table is still replicating: check PROGRESS in information_schema.tiflash_replica.');
  if (/hint to read table .* from TiKV/.test(reason)) return l10n.t('Remove the READ_FROM_STORAGE(TIKV[…]) hint for that table.');
  if (/virtual column/.test(reason))
    return l10n.t('TiFlash cannot compute this generated column here: select the base columns instead, or accept a TiKV plan.');
  if (/new_collation_enabled/.test(reason))
    return l10n.t('Join or group on a non-string key, or compare with a binary collation, so the exchange can hash it.');
  return l10n.t('Rewrite the part TiFlash does not support (an operator or a function), or accept a TiKV plan for this statement.');
}

export default defineRule({
  id: 'optimizer-warnings',
  severity: 'warning',
  title: 'What the optimizer warned about',
  explanation:
    'When the plan comes from a connection, the warnings TiDB raised while planning (SHOW WARNINGS) say why TiFlash MPP was not used or why a hint was ignored: the plan alone cannot tell.',
  examples: {
    flagged: [
      {
        plan:
          '| id | estRows | task | access object | operator info |\n' +
          '| StreamAgg_20 | 1.00 | root | | funcs:count(Column#5)->Column#3 |\n' +
          '| └─TableReader_21 | 1.00 | root | | data:StreamAgg_8 |\n' +
          '|   └─StreamAgg_8 | 1.00 | cop[tikv] | | funcs:count(1)->Column#5 |\n' +
          '|     └─TableFullScan_19 | 10000.00 | cop[tikv] | table:t | keep order:false, stats:pseudo |',
        note: 'use-tiflash-mpp-mode.md: EXPLAIN with tidb_enforce_mpp=1 on a table without a TiFlash replica, and the warning the page shows',
        warnings: [
          { level: 'Warning', code: 1105, message: "MPP mode may be blocked because there aren't tiflash replicas of table `t`." },
        ],
      },
    ],
    clean: ['fixtures/analyze_index_join'],
  },
  docsUrl: `${DOCS}use-tiflash-mpp-mode`,
  check: ({ warnings, nodes }) =>
    (warnings ?? []).flatMap((w): Found => {
      const mpp = MPP.exec(w.message.trim());
      if (mpp) {
        const table = /table `([^`]+)`/.exec(mpp[1])?.[1];
        const scan = table
          ? nodes.find(({ node }: { node: PlanNode }) => new RegExp(`table:${table}\\b`).test(node.accessObject ?? node.operatorInfo ?? ''))
              ?.node
          : undefined;
        return [
          {
            nodeId: scan?.id,
            message: l10n.t('TiFlash MPP was not used: {0}.', mpp[1]),
            fix: mppFix(mpp[1], table),
            impact: 50,
          },
        ];
      }
      if (w.code === 1815 || /optimizer hint|hint .*(inapplicable|invalid|ignored)|no matching table names/i.test(w.message))
        return [
          {
            message: l10n.t('A hint was not applied: {0}', w.message),
            fix: l10n.t(
              'Name tables by the alias the query uses (and QB_NAME for subqueries and views), and check the hint fits the query (an index join needs an equality join condition, INL_JOIN names the inner table).',
            ),
            impact: 45,
            docsUrl: `${DOCS}optimizer-hints`,
          },
        ];
      return [{ severity: 'info' as const, message: l10n.t('TiDB warned: {0}', w.message), impact: 10 }];
    }),
});
