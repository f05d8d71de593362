// Everything that needs the Kubernetes client, as one module: esbuild writes it as its own bundle
// (dist/kube.js, @kubernetes/client-node inside), which the rest loads through kube() on first use.
export * from './kubeClusters';
export * from './kube';
export { createLocalCluster, deleteLocalCluster, listKindClusters } from './create';
export * from './operator';
export * from './minio';
// the language of the strings this bundle makes (lazyKube.ts passes the extension's)
export { useBundle } from '../../../core/l10n';
