/**
 * The fake's state: objects per resource, one global resourceVersion, an event log for watches to resume from,
 * and the open watches. `expire()` forgets the log, so every open watch and every resume gets a 410.
 */
import type { K8sObject } from './objects';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: EventType | 'ERROR';
  object: unknown;
}
interface LoggedEvent {
  rv: number;
  resource: string;
  type: EventType;
  object: K8sObject;
}
export interface Watcher {
  resource: string;
  namespace: string | null;
  matches: (labels: Record<string, string>) => boolean;
  send: (event: WatchEvent) => void;
  end: () => void;
}

const keyOf = (obj: K8sObject) => `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;

export class FakeStore {
  private rv = 1000;
  private oldestValidRv = 1000;
  private readonly objects = new Map<string, Map<string, K8sObject>>();
  private log: LoggedEvent[] = [];
  readonly watchers = new Set<Watcher>();

  get resourceVersion(): string {
    return String(this.rv);
  }

  load(resource: string, items: K8sObject[]): void {
    for (const item of items) this.write(resource, item, false);
    this.oldestValidRv = this.rv;
  }

  list(resource: string, namespace: string | null, matches: Watcher['matches']): K8sObject[] {
    return [...(this.objects.get(resource)?.values() ?? [])].filter(
      (o) => (namespace === null || o.metadata.namespace === namespace) && matches(o.metadata.labels ?? {}),
    );
  }

  get(resource: string, namespace: string | null, name: string): K8sObject | undefined {
    return this.objects.get(resource)?.get(`${namespace ?? ''}/${name}`);
  }

  upsert(resource: string, obj: K8sObject): void {
    this.write(resource, obj, true);
  }

  /** Applies `change` to a copy of the object and publishes MODIFIED; false when there is no such object. */
  modify(
    resource: string,
    namespace: string | null,
    name: string,
    change: (obj: K8sObject) => void,
  ): boolean {
    const current = this.get(resource, namespace, name);
    if (!current) return false;
    const copy = structuredClone(current);
    change(copy);
    this.write(resource, copy, true);
    return true;
  }

  remove(resource: string, namespace: string | null, name: string): boolean {
    const current = this.get(resource, namespace, name);
    if (!current) return false;
    this.objects.get(resource)!.delete(keyOf(current));
    const object = { ...current, metadata: { ...current.metadata, resourceVersion: String(++this.rv) } };
    this.publish({ rv: this.rv, resource, type: 'DELETED', object });
    return true;
  }

  /** Events after `rv` for a resuming watch; null when that resourceVersion is too old (410 Gone). */
  eventsSince(resource: string, rv: number): LoggedEvent[] | null {
    if (rv < this.oldestValidRv) return null;
    return this.log.filter((e) => e.resource === resource && e.rv > rv);
  }

  /** Compaction: open watches get an ERROR 410 and end; resuming from any earlier resourceVersion is refused. */
  expire(): void {
    this.log = [];
    this.oldestValidRv = ++this.rv;
    for (const watcher of [...this.watchers]) {
      watcher.send({ type: 'ERROR', object: goneStatus() });
      watcher.end();
    }
  }

  private write(resource: string, obj: K8sObject, publish: boolean): void {
    let byKey = this.objects.get(resource);
    if (!byKey) this.objects.set(resource, (byKey = new Map()));
    const existed = byKey.has(keyOf(obj));
    const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } };
    byKey.set(keyOf(stored), stored);
    if (publish)
      this.publish({ rv: this.rv, resource, type: existed ? 'MODIFIED' : 'ADDED', object: stored });
  }

  private publish(event: LoggedEvent): void {
    this.log.push(event);
    for (const watcher of this.watchers) {
      if (watcher.resource !== event.resource) continue;
      if (watcher.namespace !== null && watcher.namespace !== event.object.metadata.namespace) continue;
      if (watcher.matches(event.object.metadata.labels ?? {}))
        watcher.send({ type: event.type, object: event.object });
    }
  }
}

export function goneStatus() {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'too old resource version',
    reason: 'Expired',
    code: 410,
  };
}

/** `a`, `!a`, `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, comma-separated (all must hold). */
export function parseLabelSelector(selector: string | null): Watcher['matches'] {
  if (!selector) return () => true;
  const terms = selector.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  const tests = terms.map((raw): Watcher['matches'] => {
    const term = raw.trim();
    const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
    if (set) {
      const values = set[3]!.split(',').map((v) => v.trim());
      return (l) => (set[2] === 'in') === (l[set[1]!] !== undefined && values.includes(l[set[1]!]!));
    }
    const eq = /^([^!=]+)(==|=|!=)(.*)$/.exec(term);
    if (eq) {
      const [key, op, value] = [eq[1]!.trim(), eq[2], eq[3]!.trim()];
      return (l) => (op === '!=' ? l[key] !== value : l[key] === value);
    }
    if (term.startsWith('!')) return (l) => l[term.slice(1)] === undefined;
    return (l) => l[term] !== undefined;
  });
  return (labels) => tests.every((t) => t(labels));
}
