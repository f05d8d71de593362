// The steps of creating a local cluster, named for progress and errors (no Kubernetes client here:
// the commands read them before the Kubernetes bundle loads).
export type Step = 'prerequisites' | 'kind' | 'operator' | 'cluster' | 'ready' | 'connect';

export const STEP_TITLES: Record<Step, string> = {
  prerequisites: 'Checking Docker and kind',
  kind: 'Creating the kind cluster',
  operator: 'Installing TiDB Operator',
  cluster: 'Creating the TiDB cluster',
  ready: 'Waiting for PD, TiKV and TiDB',
  connect: 'Waiting for TiDB to answer',
};

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
