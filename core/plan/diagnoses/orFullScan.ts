import * as l10n from '@vscode/l10n';
import { rowsOf } from '../metrics';
import type { PlanNode } from '../model';
import { DOCS, defineRule, fmt } from './define';

/** A read of the whole table or index (no range to narrow it). */
const wholeRead = (n: PlanNode) =>
  /^(TableFullScan|IndexFullScan)$/.test(n.operator) ||
  (/^(TableScan|IndexScan|TableRangeScan|IndexRangeScan)$/.test(n.operator) && /range:\[(-inf|NULL),\+inf\]/.test(n.operatorInfo ?? ''));

/** The columns an OR condition compares: `or(eq(test.t.a, 1), eq(test.t.b, 1))` → [test.t.a, test.t.b]. */
export function orColumns(cond: string): string[] | undefined {
  const m = /(?:^|,\s*)or\((.*)\)\s*$/.exec(cond.trim());
  if (!m) return undefined;
  const cols = [...m[1].matchAll(/\b(?:eq|in|like|gt|ge|lt|le)\(([\w$.`]+),/g)].map((x) => x[1]);
  return cols.length ? [...new Set(cols)] : undefined;
}

function orMessage(
  id: string,
  sameColumn: boolean,
  cols: string,
  scan: string,
  table: string,
  read: number | undefined,
  kept: number,
): string {
  if (read === undefined)
    return sameColumn
      ? l10n.t('{0} applies an OR over values of {1} after {2} reads all of {3}: no index range was built for it.', id, cols, scan, table)
      : l10n.t('{0} applies an OR over {1} after {2} reads all of {3}: no index range was built for it.', id, cols, scan, table);
  return sameColumn
    ? l10n.t(
        '{0} applies an OR over values of {1} after {2} reads all of {3} ({4} rows, kept {5}): no index range was built for it.',
        id,
        cols,
        scan,
        table,
        fmt(read),
        fmt(kept),
      )
    : l10n.t(
        '{0} applies an OR over {1} after {2} reads all of {3} ({4} rows, kept {5}): no index range was built for it.',
        id,
        cols,
        scan,
        table,
        fmt(read),
        fmt(kept),
      );
}

export default defineRule({
  id: 'or-full-scan',
  severity: 'warning',
  title: 'OR condition read by a full scan',
  explanation:
    'A filter of the form a = 1 OR b = 2 (or OR over values of one column) is applied after reading the whole table or index: an OR over different columns can use one index per branch with IndexMerge; an OR over one column is an IN list, which gives index ranges.',
  examples: {
    flagged: [
      {
        plan:
          '| id | estRows | task | access object | operator info |\n' +
          '| TableReader_7 | 8000.00 | root | | data:Selection_6 |\n' +
          '| └─Selection_6 | 8000.00 | cop[tikv] | | or(eq(test.t.a, 1), eq(test.t.b, 1)) |\n' +
          '|   └─TableFullScan_5 | 10000.00 | cop[tikv] | table:t | keep order:false, stats:pseudo |',
        note: 'the plan of explain-index-merge.md before IndexMerge, in the v5+ layout',
      },
    ],
    clean: ['fixtures/analyze_table_full_scan_walkthrough'],
  },
  docsUrl: `${DOCS}explain-index-merge`,
  check: ({ nodes }) => {
    const parentOf = new Map(nodes.map(({ node, parent }) => [node, parent]));
    return nodes.flatMap(({ node }) => {
      if (node.operator !== 'Selection') return [];
      const cols = orColumns(node.operatorInfo ?? '');
      if (!cols) return [];
      // below it, or (on the table side of an IndexLookUp) beside it: a read with no range
      let scan: PlanNode | undefined = node.children[0];
      while (scan && scan.children.length === 1 && !wholeRead(scan)) scan = scan.children[0];
      const lookup = parentOf.get(node);
      if ((!scan || !wholeRead(scan)) && lookup?.operator === 'IndexLookUp')
        scan = lookup.children.find((c) => c !== node && c.label !== 'Probe');
      while (scan && scan.children.length === 1 && !wholeRead(scan)) scan = scan.children[0];
      if (!scan || !wholeRead(scan)) return [];
      const read = scan.actRows;
      if (read !== undefined && read < 10_000) return [];
      const sameColumn = cols.length === 1;
      const table = /table:([^,\s]+)/.exec(`${scan.accessObject ?? ''} ${scan.operatorInfo ?? ''}`)?.[1] ?? l10n.t('the table');
      return [
        {
          nodeId: node.id,
          message: orMessage(node.id, sameColumn, sameColumn ? cols[0] : cols.join(', '), scan.id, table, read, rowsOf(node) ?? 0),
          fix: sameColumn
            ? l10n.t(
                'Write the condition as {0} IN (…): TiDB turns an IN list into index ranges; make sure {0} is indexed and analyzed.',
                cols[0].split('.').pop()!,
              )
            : l10n.t(
                'Give each OR branch an indexed column and let TiDB combine them with IndexMerge: /*+ USE_INDEX_MERGE({0}, <idx_on_{1}>, <idx_on_{2}>) */ (or tidb_enable_index_merge = ON before v5.4), or rewrite as a UNION ALL of the branches.',
                table,
                cols[0].split('.').pop()!,
                cols[1].split('.').pop()!,
              ),
          impact: 40,
        },
      ];
    });
  },
});
