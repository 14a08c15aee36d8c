/** Turns client-node failures into one line a person can act on; a 403 names the permission to grant. */

export interface ResourceTarget {
  /** `nodes`, `pods`, `ingressroutes.traefik.io` … */
  resource: string;
  /** `at the cluster scope` or `in the namespace "kube-system"`. */
  scope: string;
  /** What to grant, e.g. `get/list/watch on nodes`. */
  permission: string;
}

/** HTTP status of an ApiException (`code`) or of a failed watch (`statusCode`); null for network errors. */
export function k8sErrorStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof statusCode === 'number') return statusCode;
  return typeof code === 'number' ? code : null;
}

export function describeK8sError(error: unknown, target: ResourceTarget, server: string): string {
  const status = k8sErrorStatus(error);
  const verb = isWatchFailure(error) ? 'watch' : 'list';
  if (status === 403) {
    return `forbidden: cannot ${verb} ${target.resource} ${target.scope} — grant ${target.permission}`;
  }
  if (status === 401)
    return `unauthorized: the API server at ${server} rejected the credentials (${verb} ${target.resource})`;
  if (status === 404) return `not found: ${target.resource} is not served by the API server at ${server}`;
  if (status !== null) return `${verb} ${target.resource} failed: HTTP ${status} from ${server}`;
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : ((error as Error | null)?.message ?? String(error));
  return `cannot reach the Kubernetes API at ${server}: ${reason} (${verb} ${target.resource})`;
}

/** client-node's Watch throws a plain Error with `statusCode`; lists throw ApiException with `code`. */
function isWatchFailure(error: unknown): boolean {
  return typeof (error as { statusCode?: unknown } | null)?.statusCode === 'number';
}
