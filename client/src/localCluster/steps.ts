// The steps of creating a local cluster, named for progress and errors (no Kubernetes client here:
// the commands read them before the Kubernetes bundle loads).
import * as l10n from '@vscode/l10n';

export type Step = 'prerequisites' | 'kind' | 'operator' | 'cluster' | 'ready' | 'connect';

/** The steps, in order. */
export const STEPS: readonly Step[] = ['prerequisites', 'kind', 'operator', 'cluster', 'ready', 'connect'];

/** A step's title, in the user's language (call it when it is shown). */
export function stepTitle(step: Step): string {
  switch (step) {
    case 'prerequisites':
      return l10n.t('Checking Docker and kind');
    case 'kind':
      return l10n.t('Creating the kind cluster');
    case 'operator':
      return l10n.t('Installing TiDB Operator');
    case 'cluster':
      return l10n.t('Creating the TiDB cluster');
    case 'ready':
      return l10n.t('Waiting for PD, TiKV and TiDB');
    case 'connect':
      return l10n.t('Waiting for TiDB to answer');
  }
}

const STEP_ERROR = Symbol.for('tidb-toolkit.StepError');

export class StepError extends Error {
  readonly [STEP_ERROR] = true;

  /** Also true for one thrown by the copy of this class in another bundle (kube.js creates clusters for features.js). */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && STEP_ERROR in x;
  }

  constructor(
    readonly step: Step,
    message: string,
    readonly details: string[] = [],
    readonly cancelled = false,
  ) {
    super(message);
  }
}
