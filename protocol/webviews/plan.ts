// Messages between the extension and the plan viewer webview (and the data the
// standalone HTML export embeds). The plan model itself is core/plan/model.ts.
import type { Diagnosis, Plan } from '../../core/plan/model';

export interface PlanView {
  /** what the plan is of: the statement, a file name, "clipboard" */
  title: string;
  /** where it came from: "EXPLAIN ANALYZE on staging (TiDB 8.5.0)", "pasted text" */
  source: string;
  plan: Plan;
  diagnoses: Diagnosis[];
  /** the text it was parsed from, for the Raw tab */
  raw: string;
}

export interface PlanPayload {
  /** one plan, or two side by side (before / after) */
  plans: PlanView[];
  /** false in the standalone HTML file: no extension to talk to */
  interactive: boolean;
}

/** Extension -> webview. */
export type ToPlan = { type: 'show'; payload: PlanPayload };

/** Webview -> extension. */
export type FromPlan = { type: 'ready' } | { type: 'exportHtml' } | { type: 'openDocs'; url: string } | { type: 'compareWith' };

/** What the webview keeps in getState/setState and the serializer restores. */
export interface PlanState {
  payload: PlanPayload;
  selected?: string;
  collapsed: string[];
  tab: 'tree' | 'grid' | 'raw';
}
