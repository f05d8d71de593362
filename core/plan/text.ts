// The plain-text forms: the tree with the numbers that matter, and the advice.
import { localizedDocsUrl } from '../l10n';
import * as l10n from '@vscode/l10n';
import { planMetrics } from './metrics';
import { walk, type Diagnosis, type Plan } from './model';
import { formatBytes, formatDuration } from './units';

export function planToText(plan: Plan, diagnoses: Diagnosis[]): string {
  const { byNode } = planMetrics(plan);
  const lines: string[] = [];
  for (const { node, depth } of walk(plan.roots)) {
    const m = byNode.get(node) ?? {};
    const parts = [`${'  '.repeat(depth)}${node.id}${node.label ? ` (${node.label})` : ''}`];
    if (node.task) parts.push(`[${node.task}]`);
    if (node.accessObject) parts.push(node.accessObject);
    const rows =
      node.actRows !== undefined
        ? `rows ${node.actRows}${node.estRows !== undefined ? ` (est ${node.estRows})` : ''}`
        : node.estRows !== undefined
          ? `est ${node.estRows}`
          : '';
    if (rows) parts.push(rows);
    if (m.inclusiveNs !== undefined)
      parts.push(`${formatDuration(m.inclusiveNs)}${m.inclusiveShare !== undefined ? ` ${Math.round(m.inclusiveShare * 100)}%` : ''}`);
    if (node.memory) parts.push(`mem ${formatBytes(node.memory)}`);
    if (node.disk) parts.push(`disk ${formatBytes(node.disk)}`);
    lines.push(parts.join('  '));
  }
  lines.push('');
  if (diagnoses.length === 0) lines.push(l10n.t('No advice: nothing in this plan matches a known problem.'));
  else {
    lines.push(l10n.t('Advice ({0}, most important first):', diagnoses.length));
    for (const d of diagnoses) {
      lines.push(
        d.nodeId
          ? l10n.t('- {0} {1} at {2}: {3}', d.severity.toUpperCase(), d.rule, d.nodeId, d.message)
          : l10n.t('- {0} {1}: {2}', d.severity.toUpperCase(), d.rule, d.message),
      );
      if (d.fix) lines.push(l10n.t('    try: {0}', d.fix));
      if (d.docsUrl) lines.push(l10n.t('    docs: {0}', localizedDocsUrl(d.docsUrl)));
    }
  }
  for (const n of plan.notes) lines.push(l10n.t('note: {0}', n));
  return lines.join('\n') + '\n';
}
