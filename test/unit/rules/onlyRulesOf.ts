// The transaction, locking, SET and administrative statement rules: their findings alone.
import { lint } from '../../helpers';

export const GROUP_A = new Set([
  'savepoint',
  'lock-in-share-mode',
  'sql-calc-found-rows',
  'read-only-transaction',
  'unsupported-isolation-level',
  'skip-locked',
  'lateral-derived-table',
  'table-maintenance-statement',
  'handler-statement',
  'create-tablespace',
  'select-into-variable',
  'flush-tables-with-read-lock',
  'replication-statement',
  'optimizer-trace',
  'set-persist',
  'read-only-sysvar-set',
  'optimizer-switch-ignored',
  'set-global-persisted',
  'lock-tables-ignored',
  'column-level-privilege',
  'load-data-server-file',
  'load-data-in-transaction',
  'get-lock-limits',
  'create-table-as-select',
  'alter-view',
  'view-check-option-ignored',
  'cte-version',
  'with-rollup-version',
]);

/** The sorted group A rule ids the SQL produces (other groups' rules are ignored). */
export function mine(sql: string, targetVersion = '8.5'): string[] {
  const out = new Set<string>();
  for (const f of lint(sql, targetVersion)) {
    if (GROUP_A.has(f.ruleId) || f.ruleId === 'internal-error') out.add(f.ruleId);
  }
  return [...out].sort();
}
