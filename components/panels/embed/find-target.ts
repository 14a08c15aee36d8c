/** Finds an embed's backend or server in a snapshot, or says in words what is missing. Pure. */
import type { BackendDto, ServerDto, SnapshotDto } from '@/lib/api/snapshot-dto';

export type Found<T> = { ok: true; value: T } | { ok: false; message: string };

export function findBackend(snapshot: SnapshotDto, instance: string, backend: string): Found<BackendDto> {
  const match = snapshot.backends.find((b) => b.instance === instance && b.name === backend);
  if (match) return { ok: true, value: match };
  if (!snapshot.instances.some((i) => i.name === instance))
    return { ok: false, message: `No instance “${instance}” (known: ${knownInstances(snapshot)})` };
  return { ok: false, message: `No backend “${backend}” on instance “${instance}”` };
}

export function findServer(
  snapshot: SnapshotDto,
  instance: string,
  backend: string,
  server: string,
): Found<{ backend: BackendDto; server: ServerDto }> {
  const found = findBackend(snapshot, instance, backend);
  if (!found.ok) return found;
  const match = found.value.servers.find((s) => s.name === server);
  if (match) return { ok: true, value: { backend: found.value, server: match } };
  return { ok: false, message: `No server “${server}” in backend “${backend}” on instance “${instance}”` };
}

function knownInstances(snapshot: SnapshotDto): string {
  const names = snapshot.instances.map((i) => `“${i.name}”`);
  return names.length ? names.join(', ') : 'none';
}
