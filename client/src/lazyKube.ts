// The Kubernetes bundle, loaded the first time something needs it (a kubeconfig in the explorer,
// a local cluster command, an operator backup), never at activation.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { currentBundle, currentLocale } from '../../core/l10n';

export type KubeApi = typeof import('./localCluster/kubeApi');

let loaded: Promise<KubeApi> | undefined;

export function kube(): Promise<KubeApi> {
  // a require (not import()): the bundles are CommonJS, and esbuild points this one at dist/kube.js
  loaded ??= Promise.resolve().then(() => {
    const api = require('./localCluster/kubeApi') as KubeApi;
    // the bundle has its own copy of the l10n state: it speaks the language this one was given
    api.useBundle(currentBundle(), currentLocale());
    return api;
  });
  return loaded;
}

/** The kubeconfig files VS Code's user has (KUBECONFIG or ~/.kube/config): whether any exists, without the Kubernetes client. */
export function hasKubeConfigFile(): boolean {
  const files = (process.env.KUBECONFIG ?? path.join(os.homedir(), '.kube', 'config')).split(path.delimiter).filter(Boolean);
  return files.some((f) => fs.existsSync(f));
}
