/** Alerts arranged for the alert center: firing groups (a pool alert over its members), resolved, filters. */
import type { AlertDto } from '@/lib/api/alerts-dto';
import type { AlertKind } from '@/lib/alerts/types';

export interface AlertGroup {
  alert: AlertDto;
  /** Alerts grouped under this one (inhibited while it fires), firing first. */
  members: AlertDto[];
}

export type StateFilter = 'all' | 'firing' | 'resolved';

export interface AlertFilter {
  kind: AlertKind | 'all';
  state: StateFilter;
}

export const NO_FILTER: AlertFilter = { kind: 'all', state: 'all' };

const RECENT_MS = 24 * 3600_000;
const severityRank = (a: AlertDto) => (a.severity === 'critical' ? 0 : 1);
const newestFirst = (a: string, b: string) => Date.parse(b) - Date.parse(a);

/**
 * Firing alerts as groups, worst and newest first. An alert whose group alert is firing nests under it (or under
 * that one's own group); one whose group is gone (resolved, or not in the list) stands alone. A group shows when it or any member passes the filter.
 */
export function firingGroups(alerts: Iterable<AlertDto>, filter: AlertFilter = NO_FILTER): AlertGroup[] {
  if (filter.state === 'resolved') return [];
  const firing = [...alerts].filter((a) => a.state === 'firing');
  const byId = new Map(firing.map((a) => [a.id, a]));
  const parentOf = (a: AlertDto) => {
    const parentId = a.inhibitedBy ?? a.groupId;
    return parentId && parentId !== a.id ? byId.get(parentId) : undefined;
  };
  // Groups nest (pool unstable ← flap ← down ← http-5xx): a member shows under the top-most firing one.
  const rootOf = (a: AlertDto) => {
    const seen = new Set([a.id]);
    let root = a;
    for (let parent = parentOf(a); parent && !seen.has(parent.id); parent = parentOf(parent)) {
      seen.add(parent.id);
      root = parent;
    }
    return root;
  };
  const groups = new Map<string, AlertGroup>();
  for (const alert of firing) if (rootOf(alert) === alert) groups.set(alert.id, { alert, members: [] });
  for (const alert of firing) {
    const root = rootOf(alert);
    if (root !== alert) groups.get(root.id)?.members.push(alert);
  }
  const passes = (a: AlertDto) => filter.kind === 'all' || a.kind === filter.kind;
  return [...groups.values()]
    .filter((g) => passes(g.alert) || g.members.some(passes))
    .map((g) => ({ ...g, members: g.members.sort((a, b) => newestFirst(a.firedAt, b.firedAt)) }))
    .sort(
      (a, b) =>
        severityRank(a.alert) - severityRank(b.alert) || newestFirst(a.alert.firedAt, b.alert.firedAt),
    );
}

/** Alerts resolved in the last 24 h, newest resolution first. */
export function recentResolved(
  alerts: Iterable<AlertDto>,
  now: number,
  filter: AlertFilter = NO_FILTER,
): AlertDto[] {
  if (filter.state === 'firing') return [];
  return [...alerts]
    .filter(
      (a) => a.state === 'resolved' && a.resolvedAt !== null && now - Date.parse(a.resolvedAt) <= RECENT_MS,
    )
    .filter((a) => filter.kind === 'all' || a.kind === filter.kind)
    .sort((a, b) => newestFirst(a.resolvedAt!, b.resolvedAt!));
}

/** What the badges count: firing alerts someone should look at (not grouped under another, not muted, not acked). */
export function attentionCount(alerts: Iterable<AlertDto>, now: number): number {
  let count = 0;
  for (const a of alerts) {
    if (a.state !== 'firing' || a.inhibitedBy || a.acknowledgedAt) continue;
    if (a.mutedUntil && Date.parse(a.mutedUntil) > now) continue;
    count++;
  }
  return count;
}

/** How long an alert fired: until its resolution, or until now while it still fires. */
export function firedForMs(alert: AlertDto, now: number): number {
  const end = alert.resolvedAt ? Date.parse(alert.resolvedAt) : now;
  return Math.max(0, end - Date.parse(alert.firedAt));
}
