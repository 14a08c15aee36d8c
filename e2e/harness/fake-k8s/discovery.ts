/** Discovery documents, enough for `kubectl get nodes|pods|services|ingressroutes` and client-node. */

export const TRAEFIK_GROUPS = ['traefik.io', 'traefik.containo.us'];

const resource = (name: string, kind: string, namespaced: boolean, shortNames: string[] = []) => ({
  name,
  singularName: kind.toLowerCase(),
  namespaced,
  kind,
  verbs: ['get', 'list', 'watch'],
  shortNames,
});

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function coreResources() {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'v1',
    resources: [
      resource('nodes', 'Node', false, ['no']),
      resource('pods', 'Pod', true, ['po']),
      resource('services', 'Service', true, ['svc']),
    ],
  };
}

function group(name: string) {
  const version = { groupVersion: `${name}/v1alpha1`, version: 'v1alpha1' };
  return { name, versions: [version], preferredVersion: version };
}

export function apiGroups(withTraefik: boolean) {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: withTraefik ? TRAEFIK_GROUPS.map(group) : [] };
}

export function apiGroup(name: string) {
  return { kind: 'APIGroup', apiVersion: 'v1', ...group(name) };
}

export function traefikResources(name: string) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: `${name}/v1alpha1`,
    resources: [{ ...resource('ingressroutes', 'IngressRoute', true), categories: ['all'] }],
  };
}

export const VERSION = {
  major: '1',
  minor: '29',
  gitVersion: 'v1.29.4+k3s1',
  gitCommit: 'fake',
  gitTreeState: 'clean',
  buildDate: '2024-04-25T00:00:00Z',
  goVersion: 'go1.21.9',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function status(code: number, reason: string, message: string, details?: Record<string, string>) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details,
    code,
  };
}
