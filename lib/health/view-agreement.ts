/**
 * Two HAProxy processes (an active/standby pair) are two views of the same servers: each checks them itself. A
 * server is the same server in two views when its backend and server names are (the pair shares one config; the
 * addresses may differ, e.g. each load balancer reaching the node its own way). The views agree when no view says
 * it reaches the server while another says it cannot: one load balancer may not reach a node the other reaches.
 */
import type { Backend, ServerStatus } from './types';

/** What one view's checks say: passing (UP, NOLB, DRAIN), failing (DOWN), or nothing (MAINT, no check). */
export type CheckVerdict = 'reaches' | 'cannot-reach' | 'no-opinion';

export function checkVerdict(status: ServerStatus): CheckVerdict {
  if (status === 'DOWN') return 'cannot-reach';
  if (status === 'MAINT' || status === 'NOCHECK') return 'no-opinion';
  return 'reaches';
}

/** One process's servers: the backends of the one source counted for it. */
export interface ServerView {
  instance: string;
  backends: readonly Backend[];
}

export interface ViewReading {
  instance: string;
  status: ServerStatus;
  /** The check's status (L4CON, L7STS …) and code, for the words of the alert. */
  checkStatus: string | null;
  checkCode: number | null;
  pool: string | null;
}

export interface ServerAgreement {
  backend: string;
  server: string;
  /** Each view that lists the server, in the order the views came. */
  views: ViewReading[];
  agree: boolean;
}

/** Every server listed by two views or more, with whether they agree. */
export function compareViews(views: readonly ServerView[]): ServerAgreement[] {
  if (views.length < 2) return [];
  const byServer = new Map<string, ServerAgreement>();
  for (const view of views) {
    for (const backend of view.backends) {
      for (const server of backend.servers) {
        const key = `${backend.name}\n${server.name}`;
        let entry = byServer.get(key);
        if (!entry) {
          entry = { backend: backend.name, server: server.name, views: [], agree: true };
          byServer.set(key, entry);
        }
        entry.views.push({
          instance: view.instance,
          status: server.status,
          checkStatus: server.check.status,
          checkCode: server.check.code,
          pool: server.pool,
        });
      }
    }
  }
  const found: ServerAgreement[] = [];
  for (const entry of byServer.values()) {
    if (new Set(entry.views.map((v) => v.instance)).size < 2) continue;
    const verdicts = new Set(entry.views.map((v) => checkVerdict(v.status)));
    found.push({ ...entry, agree: !(verdicts.has('reaches') && verdicts.has('cannot-reach')) });
  }
  return found;
}

/** Only the servers the views disagree about, keyed `backend/server`… for a table row's look-up. */
export function disagreementsByServer(views: readonly ServerView[]): Map<string, ServerAgreement> {
  const found = new Map<string, ServerAgreement>();
  for (const entry of compareViews(views)) {
    if (!entry.agree) found.set(`${entry.backend}/${entry.server}`, entry);
  }
  return found;
}

/** "UP on lb-a, DOWN on lb-b (L4CON)": each view's word on the server. */
export function viewsText(views: readonly ViewReading[]): string {
  return views
    .map((v) => {
      const check =
        v.status === 'DOWN' && v.checkStatus
          ? ` (${[v.checkStatus, v.checkCode ?? ''].join(' ').trim()})`
          : '';
      return `${v.status} on ${v.instance}${check}`;
    })
    .join(', ');
}
