/**
 * How a server or backend state is presented: one "look" per state, with its own colour tone, text and shape
 * so that no state is told apart by colour alone, and a severity that orders problems first.
 */
import { severityOf } from '@/lib/health/server-status';
import type { Backend, Server, ServerStatus, Transition } from '@/lib/health/types';
import type { IconShape } from '../../ui/shape-icon';

export type StatusLook =
  | 'up'
  | 'going-down'
  | 'down'
  | 'going-up'
  | 'maint'
  | 'drain'
  | 'nolb'
  | 'nocheck'
  | 'backup-only'
  | 'no-server';

export interface StatusView {
  look: StatusLook;
  label: string;
  shape: IconShape;
  /** Higher is worse. */
  severity: number;
}

const SHAPES: Record<StatusLook, IconShape> = {
  up: 'circle',
  'going-down': 'triangle-down',
  down: 'cross',
  'going-up': 'triangle-up',
  maint: 'pause',
  drain: 'half',
  nolb: 'diamond',
  nocheck: 'ring',
  'backup-only': 'dash',
  'no-server': 'square',
};

export function shapeOf(look: StatusLook): IconShape {
  return SHAPES[look];
}

/** Backend-level looks outrank every server state; server looks follow lib/health's severityOf. */
const BACKEND_SEVERITY: Partial<Record<StatusLook, number>> = {
  'no-server': 200,
  'backup-only': 150,
  down: 100,
  maint: 40,
  up: 0,
};

/** Higher is worse. lib/health ranks DOWN and DOWN x/y alike; the recovering one sorts just after. */
function serverSeverity(status: ServerStatus, transition: Transition): number {
  return (7 - severityOf(status, transition)) * 10 - (transition === 'going-up' ? 1 : 0);
}

const PLAIN_LABEL: Record<ServerStatus, string> = {
  UP: 'UP',
  DOWN: 'DOWN',
  NOLB: 'NOLB',
  DRAIN: 'DRAIN',
  MAINT: 'MAINT',
  NOCHECK: 'no check',
};

const STATUS_LOOK: Record<ServerStatus, StatusLook> = {
  UP: 'up',
  DOWN: 'down',
  NOLB: 'nolb',
  DRAIN: 'drain',
  MAINT: 'maint',
  NOCHECK: 'nocheck',
};

/**
 * How a server's state looks: what it is and where it is heading, without the words (serverStatusView). A table,
 * not a lower-cased string: the summary reads it for every server each time a state changes.
 */
export function lookOf(status: ServerStatus, transition: Transition): StatusLook {
  if (transition === 'going-down') return 'going-down';
  if (transition === 'going-up') return 'going-up';
  return STATUS_LOOK[status];
}

/** "UP 1/2" while a server fails its checks keeps HAProxy's counter and gets an arrow for the direction. */
function labelOf(server: Pick<Server, 'status' | 'transition' | 'statusText'>): string {
  if (server.transition === null) return PLAIN_LABEL[server.status];
  const counter = /\d+\/\d+/.exec(server.statusText)?.[0];
  const arrow = server.transition === 'going-down' ? '↓' : '↑';
  return [server.status, counter, arrow].filter(Boolean).join(' ');
}

export function serverStatusView(server: Pick<Server, 'status' | 'transition' | 'statusText'>): StatusView {
  const look = lookOf(server.status, server.transition);
  return {
    look,
    label: labelOf(server),
    shape: SHAPES[look],
    severity: serverSeverity(server.status, server.transition),
  };
}

/** A backend's own state: no usable server and serving-from-backup outrank HAProxy's (still "UP") text. */
export function backendStatusView(
  backend: Pick<Backend, 'status' | 'noUsableServer' | 'servingFromBackup'>,
): StatusView {
  let look: StatusLook;
  let label: string;
  if (backend.noUsableServer) [look, label] = ['no-server', 'NO SERVER'];
  else if (backend.servingFromBackup) [look, label] = ['backup-only', 'BACKUP'];
  else if (/^UP\b/.test(backend.status)) [look, label] = ['up', 'UP'];
  else if (/^DOWN\b/.test(backend.status)) [look, label] = ['down', 'DOWN'];
  else [look, label] = ['maint', backend.status || '?'];
  return { look, label, shape: SHAPES[look], severity: BACKEND_SEVERITY[look] ?? 40 };
}

/** Anything but plain UP or no-check wants an operator's eye. */
export function isServerProblem(server: Pick<Server, 'status' | 'transition'>): boolean {
  return !(server.transition === null && (server.status === 'UP' || server.status === 'NOCHECK'));
}

export function isBackendProblem(
  backend: Pick<Backend, 'status' | 'noUsableServer' | 'servingFromBackup'>,
): boolean {
  return backendStatusView(backend).severity > 0;
}

/** The verbatim HAProxy text plus what it means, for a tooltip. */
export function statusTooltip(server: Pick<Server, 'status' | 'transition' | 'statusText'>): string {
  const meaning: Record<StatusLook, string> = {
    up: 'up and passing its checks',
    'going-down': 'up but failing its checks: it goes DOWN if they keep failing',
    down: 'down: takes no traffic',
    'going-up': 'down but passing its checks: it comes back UP if they keep passing',
    maint: 'in maintenance: takes no traffic',
    drain: 'draining: takes no new traffic',
    nolb: 'up but out of load balancing (NOLB)',
    nocheck: 'not health-checked: assumed up',
    'backup-only': '',
    'no-server': '',
  };
  return `HAProxy: "${server.statusText}" — ${meaning[lookOf(server.status, server.transition)]}`;
}
