import 'server-only';
import type { Config } from '@/lib/config';
import type { KubernetesStatus } from '@/lib/health/topology';
import { loadKubeConfig } from './client';
import { K8sSource, type K8sSourceOptions } from './k8s-source';

export { K8sSource } from './k8s-source';
export type { ClusterTopology, KubernetesStatus } from '@/lib/health/topology';

/** The cluster connection per K8S_ENABLED: a started source, or null with the status saying why. */
export interface K8sConnection {
  source: K8sSource | null;
  status(): KubernetesStatus;
}

export function connectK8s(
  config: Pick<Config, 'k8sEnabled' | 'kubeconfig'>,
  env: Record<string, string | undefined> = process.env,
  options: K8sSourceOptions = {},
): K8sConnection {
  if (config.k8sEnabled === 'false') return without({ enabled: false, ok: false, error: null });
  const loaded = loadKubeConfig({ kubeconfig: config.kubeconfig, env });
  if (loaded.kind === 'none' && config.k8sEnabled === 'auto') {
    return without({ enabled: false, ok: false, error: null });
  }
  if (loaded.kind !== 'loaded') return without({ enabled: true, ok: false, error: loaded.reason });
  const source = new K8sSource(loaded.kc, options);
  source.start();
  console.log(`[hapscope] Kubernetes: watching ${loaded.kc.getCurrentCluster()?.server} (${loaded.origin})`);
  return { source, status: () => source.status() };
}

function without(status: KubernetesStatus): K8sConnection {
  return { source: null, status: () => status };
}
