/**
 * Where the cluster comes from: KUBECONFIG (or the config file's value), the in-cluster service account, or
 * ~/.kube/config. client-node's loadFromDefault() silently falls back to http://localhost:8080 when none
 * exists, so we look for each source ourselves.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

export const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export type KubeConfigResult =
  | { kind: 'loaded'; kc: KubeConfig; origin: string }
  | { kind: 'none'; reason: string }
  | { kind: 'invalid'; reason: string };

export interface KubeConfigEnv {
  kubeconfig: string | null;
  env: Record<string, string | undefined>;
  homeDir?: string;
  tokenFile?: string;
}

export function loadKubeConfig({
  kubeconfig,
  env,
  homeDir = os.homedir(),
  tokenFile = SERVICE_ACCOUNT_TOKEN,
}: KubeConfigEnv): KubeConfigResult {
  if (kubeconfig) {
    // Like kubectl, KUBECONFIG may list several files; we use the first that exists.
    const file = kubeconfig.split(path.delimiter).find((f) => f && existsSync(f));
    if (!file) return { kind: 'invalid', reason: `KUBECONFIG names no existing file ("${kubeconfig}")` };
    return fromFile(file);
  }
  if (env.KUBERNETES_SERVICE_HOST && existsSync(tokenFile)) {
    const kc = new KubeConfig();
    try {
      kc.loadFromCluster();
    } catch (error) {
      return { kind: 'invalid', reason: `in-cluster service account: ${(error as Error).message}` };
    }
    return { kind: 'loaded', kc, origin: 'in-cluster service account' };
  }
  const home = path.join(homeDir, '.kube', 'config');
  if (existsSync(home)) return fromFile(home);
  return {
    kind: 'none',
    reason:
      'no cluster configured: set KUBECONFIG, create ~/.kube/config or run in a pod with a service account',
  };
}

function fromFile(file: string): KubeConfigResult {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (error) {
    return { kind: 'invalid', reason: `cannot read kubeconfig "${file}": ${(error as Error).message}` };
  }
  if (!kc.getCurrentCluster())
    return { kind: 'invalid', reason: `kubeconfig "${file}" has no current cluster` };
  return { kind: 'loaded', kc, origin: file };
}
