// A local HTTPS server that plays a Kubernetes API server for contract tests: discovery,
// server-side apply (recorded), watches that stream scripted events, events, pods and
// logs. It proves what the extension sends and how it reacts, not what Kubernetes does.
import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType?: string;
  body?: unknown;
}

type WatchScript = Array<{ afterMs: number; type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: unknown }>;

export interface FakeApi {
  url: string;
  caPem: string;
  requests: Recorded[];
  /** path (without query) -> events streamed to a watch on it; the stream stays open */
  watches: Map<string, WatchScript>;
  /** path -> JSON body for plain GETs (lists, logs) */
  gets: Map<string, unknown>;
  kubeconfig(): string;
  close(): Promise<void>;
}

const RESOURCES: Record<string, Array<{ name: string; kind: string; namespaced: boolean }>> = {
  '/api/v1': [
    { name: 'namespaces', kind: 'Namespace', namespaced: false },
    { name: 'services', kind: 'Service', namespaced: true },
    { name: 'pods', kind: 'Pod', namespaced: true },
    { name: 'events', kind: 'Event', namespaced: true },
    { name: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true },
    { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
    { name: 'secrets', kind: 'Secret', namespaced: true },
  ],
  '/apis/apps/v1': [{ name: 'deployments', kind: 'Deployment', namespaced: true }],
  '/apis/batch/v1': [{ name: 'jobs', kind: 'Job', namespaced: true }],
  '/apis/apiextensions.k8s.io/v1': [{ name: 'customresourcedefinitions', kind: 'CustomResourceDefinition', namespaced: false }],
  '/apis/rbac.authorization.k8s.io/v1': [
    { name: 'clusterroles', kind: 'ClusterRole', namespaced: false },
    { name: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false },
    { name: 'roles', kind: 'Role', namespaced: true },
    { name: 'rolebindings', kind: 'RoleBinding', namespaced: true },
  ],
  '/apis/br.pingcap.com/v1alpha1': [
    { name: 'backups', kind: 'Backup', namespaced: true },
    { name: 'restores', kind: 'Restore', namespaced: true },
  ],
  '/apis/core.pingcap.com/v1alpha1': [
    { name: 'clusters', kind: 'Cluster', namespaced: true },
    { name: 'pdgroups', kind: 'PDGroup', namespaced: true },
    { name: 'tikvgroups', kind: 'TiKVGroup', namespaced: true },
    { name: 'tidbgroups', kind: 'TiDBGroup', namespaced: true },
  ],
};

export async function startFakeApi(): Promise<FakeApi> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-kapi-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'pipe' },
  );
  const key = fs.readFileSync(path.join(dir, 'key.pem'));
  const cert = fs.readFileSync(path.join(dir, 'cert.pem'));
  const requests: Recorded[] = [];
  const watches = new Map<string, WatchScript>();
  const gets = new Map<string, unknown>();
  const open = new Set<import('node:http').ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const server = https.createServer({ key, cert }, (req, res) => {
    const u = new URL(req.url ?? '/', 'https://x');
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const rec: Recorded = {
        method: req.method ?? '',
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        contentType: req.headers['content-type'],
      };
      if (body) {
        try {
          rec.body = JSON.parse(body);
        } catch {
          rec.body = body;
        }
      }
      requests.push(rec);
      const json = (code: number, v: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(v));
      };
      if (req.method === 'GET' && RESOURCES[u.pathname]) {
        return json(200, {
          kind: 'APIResourceList',
          groupVersion: u.pathname.replace(/^\/apis?\//, ''),
          resources: RESOURCES[u.pathname].map((r) => ({
            ...r,
            singularName: '',
            verbs: ['get', 'list', 'watch', 'create', 'patch', 'delete'],
          })),
        });
      }
      if (req.method === 'PATCH') return json(200, rec.body);
      if (req.method === 'GET' && u.searchParams.get('watch') === 'true') {
        res.writeHead(200, { 'content-type': 'application/json' });
        open.add(res);
        res.on('close', () => open.delete(res));
        for (const ev of watches.get(u.pathname) ?? []) {
          const t = setTimeout(() => {
            timers.delete(t);
            if (!res.writableEnded) res.write(JSON.stringify({ type: ev.type, object: ev.object }) + '\n');
          }, ev.afterMs);
          timers.add(t);
        }
        return;
      }
      if (req.method === 'GET' && gets.has(u.pathname)) {
        const v = gets.get(u.pathname);
        if (typeof v === 'string') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          return res.end(v);
        }
        return json(200, v);
      }
      json(404, { kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: `${u.pathname} not found` });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    caPem: cert.toString('utf8'),
    requests,
    watches,
    gets,
    kubeconfig: () => `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ${Buffer.from(cert).toString('base64')}
    server: ${url}
  name: kind-test
contexts:
- context:
    cluster: kind-test
    user: kind-test
  name: kind-test
current-context: kind-test
users:
- name: kind-test
  user:
    token: test-token
`,
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const r of open) r.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fake API server for a test file: started before its tests, emptied before each, closed after. */
export function useFakeApi(): { readonly api: FakeApi; readonly kc: k8s.KubeConfig } {
  const ctx = {} as { api: FakeApi; kc: k8s.KubeConfig };
  before(async () => {
    ctx.api = await startFakeApi();
    ctx.kc = new k8s.KubeConfig();
    ctx.kc.loadFromString(ctx.api.kubeconfig());
  });
  after(() => ctx.api?.close());
  beforeEach(() => {
    ctx.api.requests.length = 0;
    ctx.api.watches.clear();
    ctx.api.gets.clear();
  });
  return ctx;
}

/** The paths sent as server-side apply patches, in order (each checked to be one). */
export function appliedPaths(api: FakeApi): string[] {
  const patches = api.requests.filter((r) => r.method === 'PATCH');
  for (const p of patches) assert.equal(p.contentType, 'application/apply-patch+yaml', p.path);
  return patches.map((p) => p.path);
}
