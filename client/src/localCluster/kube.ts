// Talking to the kind cluster's API server with @kubernetes/client-node: server-side
// apply (client-side apply fails on the operator's CRD sizes), watches for readiness,
// and the evidence to show when something fails (events, log tail). No VS Code imports.
import * as k8s from '@kubernetes/client-node';

export const FIELD_MANAGER = 'tidb-toolkit';

export type KubeObject = k8s.KubernetesObject & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };

/** Applies objects in order with server-side apply (force: we own these fields). */
export async function applyAll(
  kc: k8s.KubeConfig,
  objects: KubeObject[],
  signal?: AbortSignal,
  onApplied?: (o: KubeObject) => void,
): Promise<void> {
  const client = k8s.KubernetesObjectApi.makeApiClient(kc);
  for (const o of objects) {
    if (signal?.aborted) throw new Error('cancelled');
    await client.patch(o, undefined, undefined, FIELD_MANAGER, true, k8s.PatchStrategy.ServerSideApply);
    onApplied?.(o);
  }
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/**
 * Watches a collection until `done` says so for the objects seen; rejects on timeout,
 * cancel or a watch error. `onEvent` sees every object as it changes.
 */
export function watchUntil<T extends { metadata?: { name?: string } }>(
  kc: k8s.KubeConfig,
  path: string,
  done: (objects: Map<string, T>) => boolean,
  opts: { timeoutMs: number; signal?: AbortSignal; onEvent?: (phase: string, obj: T) => void; what: string },
): Promise<Map<string, T>> {
  const objects = new Map<string, T>();
  const watch = new k8s.Watch(kc);
  return new Promise((resolve, reject) => {
    let controller: AbortController | undefined;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      controller?.abort();
      if (err) reject(err);
      else resolve(objects);
    };
    const timer = setTimeout(
      () => finish(new Error(`timed out after ${Math.round(opts.timeoutMs / 1000)} s waiting for ${opts.what}`)),
      opts.timeoutMs,
    );
    const onAbort = () => finish(new Error('cancelled'));
    opts.signal?.addEventListener('abort', onAbort);
    watch
      .watch(
        path,
        {},
        (phase, obj: T) => {
          const name = obj?.metadata?.name;
          if (!name) return;
          if (phase === 'DELETED') objects.delete(name);
          else objects.set(name, obj);
          opts.onEvent?.(phase, obj);
          if (done(objects)) finish();
        },
        (err: unknown) => {
          if (settled) return;
          // the server closed the watch: fine if we are done, else report it
          if (done(objects)) finish();
          else finish(new Error(`the watch on ${opts.what} ended${err ? `: ${(err as Error).message ?? String(err)}` : ''}`));
        },
      )
      .then(
        (c) => {
          controller = c;
          if (settled) c.abort();
        },
        (e: Error) => finish(new Error(`could not watch ${opts.what}: ${e.message}`)),
      );
  });
}

export const conditionOf = (obj: { status?: { conditions?: Condition[] } } | undefined, type: string): Condition | undefined =>
  obj?.status?.conditions?.find((c) => c.type === type);

/** The last warning events and log lines of a namespace's unhealthy pods: what to show when a step fails. */
export async function evidence(kc: k8s.KubeConfig, namespace: string, max = 10): Promise<string[]> {
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const out: string[] = [];
  try {
    const events = await core.listNamespacedEvent({ namespace });
    for (const e of events.items.filter((x) => x.type === 'Warning').slice(-max))
      out.push(`event ${e.involvedObject?.kind}/${e.involvedObject?.name}: ${e.reason}: ${e.message}`);
  } catch (e) {
    out.push(`(events unavailable: ${(e as Error).message})`);
  }
  try {
    const pods = await core.listNamespacedPod({ namespace });
    for (const p of pods.items) {
      const bad = p.status?.phase !== 'Running' || p.status?.containerStatuses?.some((c) => !c.ready);
      if (!bad || !p.metadata?.name) continue;
      out.push(
        `pod ${p.metadata.name}: ${p.status?.phase}${p.status?.containerStatuses?.map((c) => (c.state?.waiting ? ` (${c.state.waiting.reason})` : '')).join('') ?? ''}`,
      );
      try {
        const log = await core.readNamespacedPodLog({ name: p.metadata.name, namespace, tailLines: 5 });
        for (const l of String(log).split('\n').filter(Boolean).slice(-5)) out.push(`  ${l}`);
      } catch {
        // no log yet
      }
    }
  } catch (e) {
    out.push(`(pods unavailable: ${(e as Error).message})`);
  }
  return out;
}
