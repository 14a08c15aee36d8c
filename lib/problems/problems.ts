/**
 * GET /api/v1/health `problems`: each fault of hapscope's own parts a user must act on, in words that name the
 * part and the fix. Pure: the caller gathers the facts. A failing HAProxy source is not one of them (the overview
 * and the source cards show it): this is about hapscope itself.
 */
export interface PartFacts {
  kubernetes: { enabled: boolean; ok: boolean; error: string | null };
  /** The history database file and why the last poll could not be written to it (null: it was). */
  history: { file: string; failure: string | null };
  /** The alert engine could not start (its store did not open). */
  alertsOff: boolean;
  /** Why nobody can sign in (the OpenID provider unusable, a proxy mode whose peers are unknown); already in words. */
  signIn: string[];
}

export function listProblems(facts: PartFacts): string[] {
  const problems: string[] = [];
  const { kubernetes, history } = facts;
  if (kubernetes.enabled && !kubernetes.ok) {
    problems.push(
      `Kubernetes: ${kubernetes.error ?? 'not reachable'} — pools and node placement are unknown until it answers ` +
        '(check KUBECONFIG, the service account and its RBAC)',
    );
  }
  if (history.failure !== null) {
    problems.push(
      `History store ${history.file}: ${history.failure} — polls are not recorded; check the disk and DATA_DIR`,
    );
  }
  if (facts.alertsOff) {
    problems.push(
      `Alerts are off: the history store ${history.file} did not open at start-up; fix it and restart hapscope`,
    );
  }
  for (const problem of facts.signIn) problems.push(problem);
  return problems;
}
