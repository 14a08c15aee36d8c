/**
 * GET /api/v1/health `problems`: each fault of hapscope's own parts a user must act on, in words that name the
 * part and the fix. Pure: the caller gathers the facts. A failing HAProxy source is not one of them (the overview
 * and the source cards show it): this is about hapscope itself.
 */
import { listStoreProblems, type StoreFacts } from './store-problems';

export interface PartFacts {
  kubernetes: { enabled: boolean; ok: boolean; error: string | null };
  /** The history database: its fault, if any, what waits for it, and a damaged file moved aside. */
  store: StoreFacts;
  /** The alert engine could not start (a store that fails only delays it: it loads once the store answers). */
  alertsOff: boolean;
  /** Why nobody can sign in (the OpenID provider unusable, a proxy mode whose peers are unknown); already in words. */
  signIn: string[];
  /** A follower that hears no poll from any leader; already in words (lib/server/leadership.ts). */
  replicas?: string | null;
}

export function listProblems(facts: PartFacts): string[] {
  const problems: string[] = [];
  const { kubernetes, store } = facts;
  if (kubernetes.enabled && !kubernetes.ok) {
    problems.push(
      `Kubernetes: ${kubernetes.error ?? 'not reachable'} — pools and node placement are unknown until it answers ` +
        '(check KUBECONFIG, the service account and its RBAC)',
    );
  }
  problems.push(...listStoreProblems(store));
  if (facts.alertsOff) {
    problems.push(
      'Alerts are off: the alert engine failed to start (the log says why); restart hapscope once that is fixed',
    );
  }
  for (const problem of facts.signIn) problems.push(problem);
  if (facts.replicas) problems.push(facts.replicas);
  return problems;
}
