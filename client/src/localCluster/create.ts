// Create a local TiDB on kind, step by step: prerequisites, kind cluster, TiDB Operator
// (CRDs then operator, server-side apply), the laptop-sized cluster, readiness from
// watches, TiDB answering on the host port. A failure names its step and carries the
// last events and log lines; cancel deletes the kind cluster this run created.
// No VS Code imports: the tests run it against a fake API server and fake tools.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { applyAll, conditionOf, evidence, watchUntil, type KubeObject } from './kube';
import { clusterObjects, kindConfig, NAMESPACE, operatorAssetUrls, OPERATOR_VERSION } from './manifests';
import { checkPrerequisites } from './prerequisites';
import type { ProcessRunner } from './processRunner';
import { connect } from '../connections/driver';

export type Step = 'prerequisites' | 'kind' | 'operator' | 'cluster' | 'ready' | 'connect';

export const STEP_TITLES: Record<Step, string> = {
  prerequisites: 'Checking Docker and kind',
  kind: 'Creating the kind cluster',
  operator: 'Installing TiDB Operator',
  cluster: 'Creating the TiDB cluster',
  ready: 'Waiting for PD, TiKV and TiDB',
  connect: 'Waiting for TiDB to answer',
};

export class StepError extends Error {
  constructor(
    readonly step: Step,
    message: string,
    readonly details: string[] = [],
    readonly cancelled = false,
  ) {
    super(message);
  }
}

export interface CreateOptions {
  name: string;
  version: string;
  hostPort: number;
  operatorVersion?: string;
  /** a mirror of the operator's release assets (offline machines) */
  mirror?: string;
  timeouts?: Partial<Record<'operator' | 'ready' | 'connect', number>>;
}

export interface CreateDeps {
  run: ProcessRunner;
  /** the operator manifest at a URL (the caller caches, or reads a configured file) */
  fetchText(url: string): Promise<string>;
  /** true once TiDB answers on the host port */
  tidbAnswers(port: number): Promise<boolean>;
  progress(step: Step, detail?: string): void;
}

const GROUPS = ['pdgroups', 'tikvgroups', 'tidbgroups'];

export async function kubeConfigFor(run: ProcessRunner, name: string): Promise<k8s.KubeConfig> {
  const r = await run('kind', ['get', 'kubeconfig', '--name', name], { timeoutMs: 30_000 });
  if (r.code !== 0) throw new Error(`kind get kubeconfig failed: ${r.stderr.trim() || `exit ${r.code}`}`);
  const kc = new k8s.KubeConfig();
  kc.loadFromString(r.stdout);
  return kc;
}

export async function createLocalCluster(
  opts: CreateOptions,
  deps: CreateDeps,
  signal?: AbortSignal,
): Promise<{ port: number; kubeContext: string }> {
  const t = { operator: 300_000, ready: 900_000, connect: 300_000, ...opts.timeouts };
  let createdKind = false;
  let step: Step = 'prerequisites';
  const check = () => {
    if (signal?.aborted) throw new StepError(step, 'cancelled', [], true);
  };
  try {
    deps.progress(step);
    const pre = await checkPrerequisites(deps.run);
    if (!pre.ok) throw new StepError(step, pre.problems.map((p) => `${p.message} ${p.link}`).join('\n'));
    check();

    step = 'kind';
    deps.progress(step, `kind ${pre.kindVersion}, Docker ${pre.dockerVersion}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidb-kind-'));
    const cfg = path.join(dir, 'kind.yaml');
    fs.writeFileSync(cfg, kindConfig(opts.name, opts.hostPort));
    const existing = await deps.run('kind', ['get', 'clusters'], { timeoutMs: 30_000 });
    if (
      existing.stdout
        .split('\n')
        .map((l) => l.trim())
        .includes(opts.name)
    ) {
      throw new StepError(
        step,
        `A kind cluster named '${opts.name}' already exists. Pick another name, or delete it with "TiDB: Delete Local Cluster".`,
      );
    }
    createdKind = true;
    const made = await deps.run('kind', ['create', 'cluster', '--name', opts.name, '--config', cfg, '--wait', '120s'], {
      signal,
      onLine: (l) => l.trim() && deps.progress(step, l.trim()),
    });
    fs.rmSync(dir, { recursive: true, force: true });
    check();
    if (made.code !== 0) {
      const why = made.stderr.split('\n').filter(Boolean).slice(-5);
      const portTaken = /address already in use|port is already allocated/i.test(made.stderr);
      throw new StepError(
        step,
        portTaken ? `Port ${opts.hostPort} on 127.0.0.1 is taken: choose another host port.` : 'kind create cluster failed',
        why,
      );
    }
    const kc = await kubeConfigFor(deps.run, opts.name);

    step = 'operator';
    const version = opts.operatorVersion ?? OPERATOR_VERSION;
    const urls = operatorAssetUrls(version, opts.mirror);
    deps.progress(step, `TiDB Operator ${version}: CRDs`);
    const crds = k8s.loadAllYaml(await deps.fetchText(urls.crds)).filter(Boolean) as KubeObject[];
    await applyAll(kc, crds, signal);
    const crdNames = new Set(crds.filter((c) => c.kind === 'CustomResourceDefinition').map((c) => c.metadata.name));
    await watchUntil<KubeObject & { status?: { conditions?: Array<{ type: string; status: string }> } }>(
      kc,
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
      (m) => [...crdNames].every((n) => conditionOf(m.get(n), 'Established')?.status === 'True'),
      { timeoutMs: 120_000, signal, what: 'the CRDs to be established' },
    );
    deps.progress(step, `TiDB Operator ${version}: controller`);
    const operator = k8s.loadAllYaml(await deps.fetchText(urls.operator)).filter(Boolean) as KubeObject[];
    await applyAll(kc, operator, signal);
    const deployments = operator.filter((o) => o.kind === 'Deployment');
    const ns = deployments[0]?.metadata.namespace ?? 'tidb-admin';
    await watchUntil<KubeObject & { status?: { availableReplicas?: number } }>(
      kc,
      `/apis/apps/v1/namespaces/${ns}/deployments`,
      (m) => deployments.every((d) => (m.get(d.metadata.name)?.status?.availableReplicas ?? 0) >= 1),
      { timeoutMs: t.operator, signal, what: 'the operator to be available' },
    ).catch(async (e: Error) => {
      throw new StepError(step, e.message, await evidence(kc, ns), e.message === 'cancelled');
    });

    step = 'cluster';
    deps.progress(step, `TiDB ${opts.version}`);
    await applyAll(kc, clusterObjects(opts.name, opts.version) as KubeObject[], signal, (o) =>
      deps.progress(step, `${o.kind} ${o.metadata.name}`),
    );

    step = 'ready';
    const ready = new Map<string, string>();
    const report = () =>
      deps.progress(step, GROUPS.map((g) => `${g.replace(/groups$/, '').toUpperCase()} ${ready.get(g) ?? 'pending'}`).join(', '));
    await Promise.all(
      GROUPS.map((g) =>
        watchUntil<KubeObject & { status?: { conditions?: Array<{ type: string; status: string; reason?: string }> } }>(
          kc,
          `/apis/core.pingcap.com/v1alpha1/namespaces/${NAMESPACE}/${g}`,
          (m) => [...m.values()].some((o) => conditionOf(o, 'Ready')?.status === 'True'),
          {
            timeoutMs: t.ready,
            signal,
            what: `${g} to be ready`,
            onEvent: (_, o) => {
              const r = conditionOf(o, 'Ready');
              const s = conditionOf(o, 'Synced');
              ready.set(g, r?.status === 'True' ? 'ready' : `${r?.reason ?? 'starting'}${s?.status === 'True' ? ', synced' : ''}`);
              report();
            },
          },
        ),
      ),
    ).catch(async (e: Error) => {
      throw new StepError(step, e.message, await evidence(kc, NAMESPACE), e.message === 'cancelled');
    });

    step = 'connect';
    deps.progress(step, `127.0.0.1:${opts.hostPort}`);
    const deadline = Date.now() + t.connect;
    while (!(await deps.tidbAnswers(opts.hostPort))) {
      check();
      if (Date.now() > deadline)
        throw new StepError(
          step,
          `TiDB is ready in Kubernetes but does not answer on 127.0.0.1:${opts.hostPort}`,
          await evidence(kc, NAMESPACE),
        );
      await new Promise((r) => setTimeout(r, 1000));
    }
    return { port: opts.hostPort, kubeContext: `kind-${opts.name}` };
  } catch (e) {
    const err =
      e instanceof StepError ? e : new StepError(step, (e as Error).message, [], (e as Error).message === 'cancelled' || !!signal?.aborted);
    if (err.cancelled && createdKind) {
      // cancel cleans up what this run created
      await deps.run('kind', ['delete', 'cluster', '--name', opts.name], { timeoutMs: 120_000 }).catch(() => undefined);
    }
    throw err;
  }
}

export async function deleteLocalCluster(run: ProcessRunner, name: string): Promise<void> {
  const r = await run('kind', ['delete', 'cluster', '--name', name], { timeoutMs: 180_000 });
  if (r.code !== 0) throw new Error(`kind delete cluster failed: ${r.stderr.trim() || `exit ${r.code}`}`);
}

/** kind clusters on this machine. */
export async function listKindClusters(run: ProcessRunner): Promise<string[]> {
  const r = await run('kind', ['get', 'clusters'], { timeoutMs: 30_000 });
  return r.code === 0
    ? r.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^No kind clusters/.test(l))
    : [];
}

/** True when TiDB accepts root without a password on 127.0.0.1:port (a fresh local cluster). */
export async function tidbAnswersOn(port: number): Promise<boolean> {
  try {
    const c = await connect({ id: 'probe', name: 'probe', host: '127.0.0.1', port, user: 'root', tls: 'off' }, '', 3000);
    await c.end();
    return true;
  } catch {
    return false;
  }
}
