import type { Backend, Server } from '@/lib/health/types';
import { Badge } from '../../ui/badge';
import { backendStatusView, serverStatusView, statusTooltip } from './status';

/** A server's state at a glance: tone, shape and text; HAProxy's verbatim status text in the tooltip. */
export function ServerStatusBadge({
  server,
}: {
  server: Pick<Server, 'status' | 'transition' | 'statusText'>;
}) {
  const view = serverStatusView(server);
  return (
    <Badge
      tone={view.look}
      shape={view.shape}
      title={statusTooltip(server)}
      data-testid="status-badge"
      data-status={server.status}
      data-transition={server.transition ?? 'none'}
    >
      {view.label}
    </Badge>
  );
}

/** A backend's state; serving from backup and no usable server are filled so they stand out. */
export function BackendStatusBadge({
  backend,
}: {
  backend: Pick<Backend, 'status' | 'noUsableServer' | 'servingFromBackup'>;
}) {
  const view = backendStatusView(backend);
  const critical = view.look === 'backup-only' || view.look === 'no-server';
  return (
    <Badge
      tone={view.look}
      shape={view.shape}
      solid={critical}
      title={`HAProxy backend status: "${backend.status}"`}
      data-testid="backend-status-badge"
      data-status={view.look}
    >
      {view.label}
    </Badge>
  );
}
