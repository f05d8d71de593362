// Create a local TiDB on kind, step by step: prerequisites, kind cluster, TiDB Operator
// (CRDs then operator, server-side apply), the laptop-sized cluster, readiness from
// watches, TiDB answering on the host port. A failure names its step and carries the
// last events and log lines; cancel deletes the kind cluster this run created.
// No VS Code imports: the tests run it against a fake API server and fake tools.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
import { applyAll, conditionOf, evidence, watchUntil, type KubeObject } from './kube';
import { clusterObjects, kindConfig, NAMESPACE, operatorAssetUrls, OPERATOR_VERSION } from './manifests';
import { checkPrerequisites } from './prerequisites';
import type { ProcessRunner } from './processRunner';

import { StepError, type Step } from './steps';

export { STEPS, stepTitle, StepError, type Step } from './steps';

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
  if (r.code !== 0) throw new Error(l10n.t('kind get kubeconfig failed: {0}', r.stderr.trim() || `exit ${r.code}`));
  const kc = new k8s.KubeConfig();
  kc.loadFromString(r.stdout);
  return kc;
}

export async function createLocalCluster(
  opts: CreateOptions,
  deps: CreateDeps,
  signal?: AbortSignal,
): Promise<{ port: number; kubeContext: string }> {
  const run: CreateRun = {
    opts,
    deps,
    signal,
    t: { operator: 300_000, ready: 900_000, connect: 300_000, ...opts.timeouts },
    step: 'prerequisites',
    createdKind: false,
  };
  try {
    deps.progress(run.step);
    const pre = await checkPrerequisites(deps.run);
    if (!pre.ok) throw new StepError(run.step, pre.problems.map((p) => `${p.message} ${p.link}`).join('\n'));
    checkCancelled(run);
    const kc = await createKindCluster(run, `kind ${pre.kindVersion}, Docker ${pre.dockerVersion}`);
    await installOperator(run, kc);
    run.step = 'cluster';
    deps.progress(run.step, `TiDB ${opts.version}`);
    await applyAll(kc, clusterObjects(opts.name, opts.version) as KubeObject[], signal, (o) =>
      deps.progress(run.step, `${o.kind} ${o.metadata.name}`),
    );
    await waitForGroups(run, kc);
    await waitForTidb(run, kc);
    return { port: opts.hostPort, kubeContext: `kind-${opts.name}` };
  } catch (e) {
    const err =
      e instanceof StepError
        ? e
        : new StepError(run.step, (e as Error).message, [], (e as Error).message === 'cancelled' || !!signal?.aborted);
    if (err.cancelled && run.createdKind) {
      // cancel cleans up what this run created
      await deps.run('kind', ['delete', 'cluster', '--name', opts.name], { timeoutMs: 120_000 }).catch(() => undefined);
    }
    throw err;
  }
}

/** One create in progress: the step it is at (named in any failure) and whether it made a kind cluster to clean up. */
interface CreateRun {
  opts: CreateOptions;
  deps: CreateDeps;
  signal?: AbortSignal;
  t: { operator: number; ready: number; connect: number };
  step: Step;
  createdKind: boolean;
}

function checkCancelled(run: CreateRun): void {
  if (run.signal?.aborted) throw new StepError(run.step, 'cancelled', [], true);
}

/** A kind cluster with TiDB's port mapped to the host; refuses a name already taken. */
async function createKindCluster(run: CreateRun, versions: string): Promise<k8s.KubeConfig> {
  const { opts, deps, signal } = run;
  run.step = 'kind';
  const step = run.step;
  deps.progress(step, versions);
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
      l10n.t('A kind cluster named \'{0}\' already exists. Pick another name, or delete it with "TiDB: Delete Local Cluster".', opts.name),
    );
  }
  run.createdKind = true;
  const made = await deps.run('kind', ['create', 'cluster', '--name', opts.name, '--config', cfg, '--wait', '120s'], {
    signal,
    onLine: (l) => l.trim() && deps.progress(step, l.trim()),
  });
  fs.rmSync(dir, { recursive: true, force: true });
  checkCancelled(run);
  if (made.code !== 0) {
    const why = made.stderr.split('\n').filter(Boolean).slice(-5);
    const portTaken = /address already in use|port is already allocated/i.test(made.stderr);
    throw new StepError(
      step,
      portTaken ? l10n.t('Port {0} on 127.0.0.1 is taken: choose another host port.', opts.hostPort) : l10n.t('kind create cluster failed'),
      why,
    );
  }
  const kc = await kubeConfigFor(deps.run, opts.name);

  return kc;
}

/** TiDB Operator: its CRDs (until established) and its controller (until available). */
async function installOperator(run: CreateRun, kc: k8s.KubeConfig): Promise<void> {
  const { opts, deps, signal, t } = run;
  run.step = 'operator';
  const step = run.step;
  const version = opts.operatorVersion ?? OPERATOR_VERSION;
  const urls = operatorAssetUrls(version, opts.mirror);
  deps.progress(step, l10n.t('TiDB Operator {0}: CRDs', version));
  const crds = k8s.loadAllYaml(await deps.fetchText(urls.crds)).filter(Boolean) as KubeObject[];
  await applyAll(kc, crds, signal);
  const crdNames = new Set(crds.filter((c) => c.kind === 'CustomResourceDefinition').map((c) => c.metadata.name));
  await watchUntil<KubeObject & { status?: { conditions?: Array<{ type: string; status: string }> } }>(
    kc,
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    (m) => [...crdNames].every((n) => conditionOf(m.get(n), 'Established')?.status === 'True'),
    { timeoutMs: 120_000, signal, what: 'the CRDs to be established' },
  );
  deps.progress(step, l10n.t('TiDB Operator {0}: controller', version));
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
}

/** Every component group (PD, TiKV, TiDB) Ready, with their state as progress. */
async function waitForGroups(run: CreateRun, kc: k8s.KubeConfig): Promise<void> {
  const { deps, signal, t } = run;
  run.step = 'ready';
  const step = run.step;
  const ready = new Map<string, string>();
  const report = () =>
    deps.progress(step, GROUPS.map((g) => `${g.replace(/groups$/, '').toUpperCase()} ${ready.get(g) ?? l10n.t('pending')}`).join(', '));
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
            const state = r?.reason ?? l10n.t('starting');
            ready.set(g, r?.status === 'True' ? l10n.t('ready') : s?.status === 'True' ? l10n.t('{0}, synced', state) : state);
            report();
          },
        },
      ),
    ),
  ).catch(async (e: Error) => {
    throw new StepError(step, e.message, await evidence(kc, NAMESPACE), e.message === 'cancelled');
  });
}

/** TiDB answering on the host port through kind's port mapping. */
async function waitForTidb(run: CreateRun, kc: k8s.KubeConfig): Promise<void> {
  const { opts, deps, t } = run;
  run.step = 'connect';
  const step = run.step;
  deps.progress(step, `127.0.0.1:${opts.hostPort}`);
  const deadline = Date.now() + t.connect;
  while (!(await deps.tidbAnswers(opts.hostPort))) {
    checkCancelled(run);
    if (Date.now() > deadline)
      throw new StepError(
        step,
        l10n.t('TiDB is ready in Kubernetes but does not answer on 127.0.0.1:{0}', opts.hostPort),
        await evidence(kc, NAMESPACE),
      );
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function deleteLocalCluster(run: ProcessRunner, name: string): Promise<void> {
  const r = await run('kind', ['delete', 'cluster', '--name', name], { timeoutMs: 180_000 });
  if (r.code !== 0) throw new Error(l10n.t('kind delete cluster failed: {0}', r.stderr.trim() || `exit ${r.code}`));
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
