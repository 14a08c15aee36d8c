/** What a badge says about a server, backend or pool: the words and the colour, from the health model. */
import type { Backend, Server } from '@/lib/health/types';
import type { BadgeSpec } from './badge-svg';

export const BADGE_COLORS = {
  up: '#2e7d32',
  warn: '#b26a00',
  down: '#c62828',
  planned: '#4f6b8a',
  unknown: '#757575',
  /** Not a state of the target: the reader may not see it (no share link, or a revoked or expired one). */
  unauthorized: '#9f9f9f',
} as const;

export function serverBadge(label: string, server: Server): BadgeSpec {
  if (server.status === 'DOWN') {
    return {
      label,
      message: server.transition === 'going-up' ? `down, recovering (${server.statusText})` : 'down',
      color: BADGE_COLORS.down,
    };
  }
  if (server.status === 'UP' && server.transition === 'going-down') {
    return { label, message: `failing checks (${server.statusText})`, color: BADGE_COLORS.warn };
  }
  if (server.status === 'MAINT') return { label, message: 'maintenance', color: BADGE_COLORS.planned };
  if (server.status === 'DRAIN') return { label, message: 'draining', color: BADGE_COLORS.planned };
  if (server.status === 'NOLB') return { label, message: 'no load balancing', color: BADGE_COLORS.warn };
  if (server.status === 'NOCHECK') return { label, message: 'up (no check)', color: BADGE_COLORS.up };
  return { label, message: 'up', color: BADGE_COLORS.up };
}

export function backendBadge(label: string, backend: Backend): BadgeSpec {
  if (backend.noUsableServer) return { label, message: 'down: no usable server', color: BADGE_COLORS.down };
  if (backend.servingFromBackup) {
    return {
      label,
      message: `backup only (${backend.backupUp}/${backend.backupTotal})`,
      color: BADGE_COLORS.warn,
    };
  }
  const message = `up ${backend.activeUp}/${backend.activeTotal}`;
  return {
    label,
    message,
    color: backend.activeUp < backend.activeTotal ? BADGE_COLORS.warn : BADGE_COLORS.up,
  };
}

export function poolBadge(
  label: string,
  servers: readonly Server[],
  traefikLocal: boolean | null,
): BadgeSpec {
  const up = servers.filter((s) => s.status === 'UP' || s.status === 'NOCHECK').length;
  const down = servers.filter((s) => s.status === 'DOWN').length;
  if (servers.length === 0) return { label, message: 'no servers', color: BADGE_COLORS.unknown };
  if (down === servers.length)
    return { label, message: `down 0/${servers.length}`, color: BADGE_COLORS.down };
  if (traefikLocal === false)
    return { label, message: `${up}/${servers.length} up, no local traefik`, color: BADGE_COLORS.warn };
  return {
    label,
    message: `${up}/${servers.length} up`,
    color: down > 0 ? BADGE_COLORS.warn : BADGE_COLORS.up,
  };
}

/** Uptime with the precision a badge reader needs: 100 %, 99.95 %, 97.2 % (never rounded up). */
export function uptimeBadge(label: string, uptimePct: number | null, range: string): BadgeSpec {
  if (uptimePct === null)
    return { label: `${label} ${range}`, message: 'no data', color: BADGE_COLORS.unknown };
  // Rounded down: 99.996 must not read "100.00%", nor 98.96 "99.0%" on a red badge.
  const digits = uptimePct >= 99 ? 2 : 1;
  const text =
    uptimePct >= 100 ? '100' : (Math.floor(uptimePct * 10 ** digits) / 10 ** digits).toFixed(digits);
  const color = uptimePct >= 99.9 ? BADGE_COLORS.up : uptimePct >= 99 ? BADGE_COLORS.warn : BADGE_COLORS.down;
  return { label: `${label} ${range}`, message: `${text}%`, color };
}

export function notFoundBadge(label: string, lookedFor: string): BadgeSpec {
  return { label, message: `not found: ${lookedFor}`, color: BADGE_COLORS.unknown };
}

/** A badge the reader may not see: it says so, and nothing of the target's state. */
export function unauthorizedBadge(label: string): BadgeSpec {
  return { label, message: 'unauthorized', color: BADGE_COLORS.unauthorized };
}
