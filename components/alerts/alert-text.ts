/** What a person reads about an alert change: notification title/body and the page that explains it. */
import type { AlertDto, AlertEventDto } from '@/lib/api/alerts-dto';
import type { AlertKind } from '@/lib/alerts/types';
import { ALERTS_PAGE, backendHref, poolHref } from '@/lib/api/urls';

const KIND_LABELS: Record<AlertKind, string> = {
  flapping: 'Flapping',
  down: 'Down',
  'backup-only': 'Serving from backup',
  latency: 'Check latency',
  'source-error': 'Source error',
  'no-local-traefik': 'No local Traefik',
  'http-5xx': 'HTTP 5xx errors',
  'response-time': 'Slow responses',
  'lb-disagree': 'Load balancers disagree',
};

export function kindLabel(kind: AlertKind): string {
  return KIND_LABELS[kind];
}

/** Where an alert's story is told: the backend page for a server/backend, the pool page, else the alert center. */
export function alertUrl(alert: Pick<AlertDto, 'target'>): string {
  const { instance, backend, pool } = alert.target;
  if (instance && backend) return backendHref({ instance, backend });
  if (pool) return poolHref(pool);
  return ALERTS_PAGE;
}

/** The thing an alert is about, for a title: "codeserver_backend/agent1", "pool pool-a", "source eu". */
export function targetLabel(alert: Pick<AlertDto, 'target'>): string {
  const { instance, backend, server, pool } = alert.target;
  if (backend) return server ? `${backend}/${server}` : backend;
  if (pool) return `pool ${pool}`;
  return instance ? `source ${instance}` : 'hapscope';
}

export interface NotificationText {
  title: string;
  body: string;
}

/** "Flapping: codeserver_backend/agent1" + the rule's own sentence; a resolution says so first. */
export function notificationText(
  event: Pick<AlertEventDto, 'kind' | 'change' | 'summary' | 'target'>,
): NotificationText {
  const what = `${kindLabel(event.kind)}: ${targetLabel(event)}`;
  if (event.change === 'resolved') return { title: `Resolved — ${what}`, body: `Was: ${event.summary}` };
  return { title: what, body: event.summary };
}

/** Toasts and notifications speak of these changes only; acks and summary updates show in the alert center. */
export function isAnnounced(event: Pick<AlertEventDto, 'change' | 'notify'>): boolean {
  return event.notify && (event.change === 'fired' || event.change === 'resolved');
}
