/** A complete Server with plausible values, for the demo seed, tests and the bench. */
import { emptyBackend } from './empty-backend';
import { noTraffic } from './traffic-rates';
import type { Backend, Server, ServerStatus } from './types';

export function syntheticServer(name: string, overrides: Partial<Server> = {}): Server {
  const status: ServerStatus = overrides.status ?? 'UP';
  const down = status === 'DOWN';
  return {
    name,
    address: null,
    status,
    transition: null,
    statusText: status,
    backup: false,
    weight: 1,
    check: {
      status: down ? 'L7STS' : status === 'NOCHECK' ? null : 'L7OK',
      inProgress: false,
      code: down ? 503 : 200,
      durationMs: 1,
      description: down ? 'Layer7 wrong status' : 'Layer7 check passed',
      lastCheck: down ? 'Service Unavailable' : 'OK',
      rise: 2,
      fall: 3,
      health: down ? 0 : 4,
    },
    lastChangeSec: 0,
    downtimeSec: 0,
    checkFailures: 0,
    checkDowns: 0,
    queue: { current: 0, max: 0, limit: null },
    sessions: { current: 0, max: 0, limit: null, total: 0 },
    sessionRate: { current: 0, max: 0 },
    lbTotal: 0,
    lastSessionSec: null,
    throttlePct: null,
    counters: noTraffic(),
    rates: noTraffic(),
    times: { queueMs: null, connectMs: null, responseMs: null, totalMs: null },
    node: null,
    pool: null,
    ...overrides,
  };
}

export function syntheticBackend(instance: string, name: string, servers: Server[]): Backend {
  return { ...emptyBackend(instance, name, 'UP'), servers };
}
