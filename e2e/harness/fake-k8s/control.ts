/** Mutations for tests and the demo, as functions (TypeScript API) and as `/__fake/*` HTTP routes. */
import type http from 'node:http';
import type { K8sObject } from './objects';

export interface FakeControl {
  setNodeReady(name: string, ready: boolean): boolean;
  setNodeCordoned(name: string, cordoned: boolean): boolean;
  deleteNode(name: string): boolean;
  setPodReady(namespace: string, name: string, ready: boolean): boolean;
  deletePod(namespace: string, name: string): boolean;
  /** Adds or replaces an object; `resource` is `nodes`, `pods`, `services` or `ingressroutes.<group>`. */
  apply(resource: string, obj: K8sObject): void;
  /** Lists and watches of `resource` (`nodes`, `pods`, `services`, `ingressroutes`) answer 403 until allowed. */
  forbid(resource: string): void;
  allow(resource: string): void;
  /** Every open watch gets an ERROR 410 and ends; resuming from an older resourceVersion is refused. */
  expireWatches(): void;
  /** Pods as `namespace/name` with their node and readiness, to find the one a test wants to change. */
  pods(): {
    namespace: string;
    name: string;
    node: string | null;
    ready: boolean;
    labels: Record<string, string>;
  }[];
  /** Stops listening (open watches are cut); the state is kept for `resume()` in the TypeScript API. */
  stop(): Promise<void>;
}

type Send = (code: number, body: unknown) => void;

/**
 * POST nodes/NAME/ready?value=false · POST nodes/NAME/cordon?value=true · DELETE nodes/NAME ·
 * POST pods/NS/NAME/ready?value=false · DELETE pods/NS/NAME · POST objects?resource=pods (JSON body) ·
 * POST forbid?resource=nodes · POST allow?resource=nodes · POST expire · POST stop · GET pods
 */
export function handleControl(
  control: FakeControl,
  req: http.IncomingMessage,
  url: URL,
  parts: string[],
  send: Send,
): void {
  const value = url.searchParams.get('value') !== 'false';
  const done = (ok: boolean) =>
    send(ok ? 200 : 404, ok ? { ok: true } : { ok: false, error: 'no such object' });
  const [what, a, b, c] = parts;
  const route = `${req.method} ${what}${parts.length > 1 ? `/${parts.length - 1}` : ''}${c ? `/${c}` : ''}`;
  switch (route) {
    case 'GET pods':
      return send(200, control.pods());
    case 'POST nodes/2':
      if (b === 'ready') return done(control.setNodeReady(a!, value));
      if (b === 'cordon') return done(control.setNodeCordoned(a!, value));
      break;
    case 'DELETE nodes/1':
      return done(control.deleteNode(a!));
    case 'POST pods/3/ready':
      return done(control.setPodReady(a!, b!, value));
    case 'DELETE pods/2':
      return done(control.deletePod(a!, b!));
    case 'POST forbid':
    case 'POST allow': {
      const resource = url.searchParams.get('resource');
      if (!resource) return send(400, { ok: false, error: 'resource= is required' });
      if (what === 'forbid') control.forbid(resource);
      else control.allow(resource);
      return done(true);
    }
    case 'POST expire':
      control.expireWatches();
      return done(true);
    case 'POST stop':
      send(200, { ok: true });
      void control.stop();
      return;
    case 'POST objects':
      return readJson(
        req,
        (obj) => {
          control.apply(url.searchParams.get('resource') ?? 'pods', obj as K8sObject);
          done(true);
        },
        send,
      );
  }
  send(404, { ok: false, error: `unknown control route ${req.method} /__fake/${parts.join('/')}` });
}

function readJson(req: http.IncomingMessage, then: (body: unknown) => void, send: Send): void {
  let text = '';
  req.on('data', (chunk: Buffer) => (text += chunk.toString()));
  req.on('end', () => {
    try {
      then(JSON.parse(text));
    } catch (error) {
      send(400, { ok: false, error: `bad JSON: ${(error as Error).message}` });
    }
  });
}
