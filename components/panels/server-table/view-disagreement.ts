/**
 * Which servers two load balancers (two HAProxy processes) disagree about, from the snapshot alone: the views are
 * the counted sources that answered (one per process, lib/health/same-process.ts); a source of the same process
 * as a view shows that view's disagreement too.
 */
import type { BackendDto, InstanceDto } from '@/lib/api/snapshot-dto';
import { disagreementsByServer, type ServerAgreement } from '@/lib/health/view-agreement';

export type DisagreementOf = (instance: string, backend: string, server: string) => ServerAgreement | null;

export function disagreementLookup(
  instances: readonly Pick<InstanceDto, 'name' | 'ok' | 'counted' | 'sameProcessAs'>[],
  backends: readonly BackendDto[],
): DisagreementOf {
  const views = instances
    .filter((instance) => instance.ok && instance.counted)
    .map((instance) => ({
      instance: instance.name,
      backends: backends.filter((backend) => backend.instance === instance.name),
    }));
  const found = disagreementsByServer(views);
  if (found.size === 0) return () => null;
  const viewOf = new Map<string, string>();
  for (const instance of instances) {
    const process = [instance.name, ...instance.sameProcessAs];
    const view = views.find((v) => process.includes(v.instance));
    if (view) viewOf.set(instance.name, view.instance);
  }
  return (instance, backend, server) => {
    const entry = found.get(`${backend}/${server}`);
    const view = viewOf.get(instance);
    return entry && view && entry.views.some((v) => v.instance === view) ? entry : null;
  };
}
