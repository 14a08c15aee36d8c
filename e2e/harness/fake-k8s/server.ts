/**
 * A plain Node HTTP server speaking enough of the Kubernetes API for client-node informers and kubectl:
 * discovery, list with resourceVersion and labelSelector, get, watch streams; plus a `/__fake/*` control API.
 */
import http from 'node:http';
import {
  apiGroup,
  apiGroups,
  apiVersions,
  coreResources,
  status,
  TRAEFIK_GROUPS,
  traefikResources,
  VERSION,
} from './discovery';
import type { FakeControl } from './control';
import { handleControl } from './control';
import { goneStatus, parseLabelSelector, type FakeStore, type Watcher } from './store';

export interface FakeServerState {
  store: FakeStore;
  forbidden: Set<string>;
  traefikCrds: boolean;
  control: FakeControl;
  /** `list nodes`, `watch pods` … in arrival order, for tests that assert a relist happened. */
  requests: string[];
}

interface ResourcePath {
  resource: string;
  namespace: string | null;
  name: string | null;
}

/** `/api/v1/[namespaces/NS/]RES[/NAME]` or `/apis/GROUP/VERSION/[namespaces/NS/]RES[/NAME]`. */
function parseResourcePath(parts: string[]): ResourcePath | null {
  let rest: string[];
  let group = '';
  if (parts[0] === 'api' && parts[1] === 'v1') rest = parts.slice(2);
  else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1]!;
    rest = parts.slice(3);
  } else return null;
  let namespace: string | null = null;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1]!;
    rest = rest.slice(2);
  }
  if (rest.length < 1 || rest.length > 2) return null;
  return { resource: group ? `${rest[0]}.${group}` : rest[0]!, namespace, name: rest[1] ?? null };
}

export function createFakeServer(state: FakeServerState): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === '__fake') return handleControl(state.control, req, url, parts.slice(1), send);
    if (req.method !== 'GET') return send(405, status(405, 'MethodNotAllowed', 'the fake API is read-only'));
    const discovery = discover(state, parts, req.headers.host ?? '');
    if (discovery) return send(200, discovery);
    const target = parseResourcePath(parts);
    if (!target || !known(state, target.resource)) {
      return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    }
    const verb = target.name ? 'get' : url.searchParams.get('watch') ? 'watch' : 'list';
    state.requests.push(`${verb} ${target.resource}`);
    if (state.forbidden.has(target.resource.split('.')[0]!)) return send(403, forbidden(target, verb));
    if (target.name) {
      const obj = state.store.get(target.resource, target.namespace, target.name);
      return obj
        ? send(200, obj)
        : send(404, status(404, 'NotFound', `${target.resource} "${target.name}" not found`));
    }
    const matches = parseLabelSelector(url.searchParams.get('labelSelector'));
    if (verb === 'watch')
      return watch(state.store, target, matches, url.searchParams.get('resourceVersion'), res);
    const items = state.store.list(target.resource, target.namespace, matches);
    const kind = items[0]?.kind ?? 'List';
    send(200, {
      kind: `${kind}List`,
      apiVersion: items[0]?.apiVersion ?? 'v1',
      metadata: { resourceVersion: state.store.resourceVersion },
      items,
    });
  });
}

function discover(state: FakeServerState, parts: string[], host: string): unknown {
  const path = parts.join('/');
  if (path === 'api') return apiVersions(host);
  if (path === 'api/v1') return coreResources();
  if (path === 'apis') return apiGroups(state.traefikCrds);
  if (path === 'version') return VERSION;
  const group = parts[1] ?? '';
  if (parts[0] === 'apis' && state.traefikCrds && TRAEFIK_GROUPS.includes(group)) {
    if (parts.length === 2) return apiGroup(group);
    if (parts.length === 3 && parts[2] === 'v1alpha1') return traefikResources(group);
  }
  return null;
}

function known(state: FakeServerState, resource: string): boolean {
  if (['nodes', 'pods', 'services'].includes(resource)) return true;
  return state.traefikCrds && TRAEFIK_GROUPS.some((g) => resource === `ingressroutes.${g}`);
}

function forbidden(target: ResourcePath, verb: string) {
  const [resource, group = ''] = target.resource.split(/\.(.*)/);
  const scope = target.namespace ? `in the namespace "${target.namespace}"` : 'at the cluster scope';
  return status(
    403,
    'Forbidden',
    `${target.resource} is forbidden: User "system:serviceaccount:hapscope:hapscope" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`,
    { kind: resource! },
  );
}

function watch(
  store: FakeStore,
  target: ResourcePath,
  matches: Watcher['matches'],
  rv: string | null,
  res: http.ServerResponse,
) {
  res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
  const watcher: Watcher = {
    resource: target.resource,
    namespace: target.namespace,
    matches,
    send: (event) => res.write(`${JSON.stringify(event)}\n`),
    end: () => {
      store.watchers.delete(watcher);
      res.end();
    },
  };
  res.on('close', () => store.watchers.delete(watcher));
  if (!rv || rv === '0') {
    for (const object of store.list(target.resource, target.namespace, matches))
      watcher.send({ type: 'ADDED', object });
  } else {
    const backlog = store.eventsSince(target.resource, Number(rv));
    if (!backlog) {
      watcher.send({ type: 'ERROR', object: goneStatus() });
      return res.end();
    }
    for (const event of backlog) {
      const ns = event.object.metadata.namespace ?? null;
      if (
        (target.namespace === null || target.namespace === ns) &&
        matches(event.object.metadata.labels ?? {})
      ) {
        watcher.send({ type: event.type, object: event.object });
      }
    }
  }
  store.watchers.add(watcher);
}
