/**
 * A share link's part of the snapshot: a server share sees its backend holding only that server, a backend share
 * the whole backend, anything else (a pool, a key of no known shape) no backend; a share never sees frontends.
 * Pure: over the domain's backends, before they are serialized.
 */
import type { ShareTarget } from '@/lib/access/share-target';

interface NamedBackend {
  instance: string;
  name: string;
  servers: readonly { name: string }[];
}

export function narrowBackends<B extends NamedBackend>(backends: readonly B[], target: ShareTarget): B[] {
  if (target.type === 'all') return [...backends];
  if (target.type !== 'backend' && target.type !== 'server') return [];
  const backend = backends.find((b) => b.instance === target.instance && b.name === target.backend);
  if (!backend) return [];
  if (target.type === 'backend') return [backend];
  return [{ ...backend, servers: backend.servers.filter((s) => s.name === target.server) }];
}
