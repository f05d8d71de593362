// What an IndexLookUp did: the handles it looked up in the table (the TableRowIDScan's rows,
// not what the probe-side filter kept) and what its probe-side filter kept of them.
import { rowsOf } from './metrics';
import type { PlanNode } from './model';

export interface LookupCounts {
  /** rows read back from the table by handle */
  lookups: number;
  /** rows left after the probe-side Selection, when there is one */
  kept?: number;
  /** the probe-side Selection */
  filter?: PlanNode;
  /** the index scan (build side) */
  index?: PlanNode;
}

export function lookupCounts(node: PlanNode): LookupCounts | undefined {
  if (node.operator !== 'IndexLookUp') return undefined;
  const build = node.children.find((c) => c.label === 'Build') ?? node.children[0];
  const probe = node.children.find((c) => c.label === 'Probe') ?? node.children[1];
  if (!build || !probe) return undefined;
  let scan: PlanNode | undefined = probe;
  while (scan && scan.operator !== 'TableRowIDScan' && scan.children.length === 1) scan = scan.children[0];
  const lookups = rowsOf(scan?.operator === 'TableRowIDScan' ? scan : build) ?? rowsOf(probe);
  if (lookups === undefined) return undefined;
  const filter = probe.operator === 'Selection' ? probe : undefined;
  let index: PlanNode | undefined = build;
  while (index && !/Index(Range|Full)?Scan$/.test(index.operator) && index.children.length === 1) index = index.children[0];
  return { lookups, kept: filter ? rowsOf(filter) : undefined, filter, index };
}

/** The probe-side filter throws away most looked-up rows: the index is not selective for this query. */
export const filtersMostLookups = (c: LookupCounts) => c.kept !== undefined && c.lookups >= 1000 && c.kept <= c.lookups * 0.1;
